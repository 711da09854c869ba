// A vitest globalSetup, so a test suite gets one emulator over HTTP for the whole run.
// Loads "vitest" itself: without it, tsc cannot find the module the augmentation below extends.
import type {} from "vitest";
import type { TestProject } from "vitest/node";
import { startEmulator } from "./server.js";

declare module "vitest" {
  export interface ProvidedContext {
    /** Base URL of the emulator started for this run, such as `http://127.0.0.1:41234`. */
    emulatorUrl: string;
  }
}

/**
 * Starts an emulator on a free port, provides its URL as `inject("emulatorUrl")`, and stops it
 * after the run. Tests share it: control it over HTTP (`POST {emulatorUrl}/_emulator/reset`).
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = await startEmulator();
  project.provide("emulatorUrl", server.url);
  return () => server.close();
}
