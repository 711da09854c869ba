// Starts one Prism for the whole run and hands its URL to the tests.
import type { TestProject } from "vitest/node";
import { startMock } from "../dist/index.js";

declare module "vitest" {
  export interface ProvidedContext {
    mockUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const mock = await startMock();
  project.provide("mockUrl", mock.url);
  return () => mock.close();
}
