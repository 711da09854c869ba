import { expect, it } from "vitest";
import setup from "../src/vitest.js";

it("provides a running emulator's URL as emulatorUrl and stops it on teardown", async () => {
  const provided: Record<string, unknown> = {};
  const teardown = await setup({
    provide: (key: string, value: unknown) => {
      provided[key] = value;
    },
  } as never);
  const url = provided.emulatorUrl as string;
  expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  expect((await fetch(`${url}/_emulator/clock`)).status).toBe(200);
  await teardown();
  await expect(fetch(`${url}/_emulator/clock`)).rejects.toThrow();
});
