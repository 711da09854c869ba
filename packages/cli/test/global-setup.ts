import { startMock } from "@greenspec/mock";
import type { TestProject } from "vitest/node";

// One Prism for the whole run: the CLI tests point `--api-url` at it.
export default async function setup(project: TestProject) {
  const mock = await startMock();
  project.provide("mockUrl", mock.url);
  return () => mock.close();
}

declare module "vitest" {
  export interface ProvidedContext {
    mockUrl: string;
  }
}
