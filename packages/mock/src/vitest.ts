// A vitest globalSetup, so a test suite gets one mock for the whole run without writing its own.
// Loads "vitest" itself: without it, tsc cannot find the module the augmentation below extends.
import type {} from "vitest";
import type { TestProject } from "vitest/node";
import { startMock } from "./index.js";

declare module "vitest" {
  export interface ProvidedContext {
    /** Base URL of the mock started for this run, such as `http://127.0.0.1:41234`. */
    mockUrl: string;
  }
}

/** Starts the mock on a free port, provides its URL as `inject("mockUrl")`, and stops it after the run. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const mock = await startMock();
  project.provide("mockUrl", mock.url);
  return async () => {
    await mock.close();
    // Prism died during the run: the run fails with the cause, not only with refused calls.
    if (mock.error) throw mock.error;
  };
}
