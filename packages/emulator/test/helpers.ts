import { createGreenApi, GreenApiError } from "@greenspec/client/bulk";
import { rejectionOf } from "@greenspec/test-helpers";
import type { Emulator } from "../src/index.js";

export const TOKEN = "emulator-test-token-4f9c2a";
export const ID = "1101000001";

/** A client on the emulator's fetch: no socket, no retries unless asked. */
export function clientOf(
  emulator: Emulator,
  options: Partial<Parameters<typeof createGreenApi>[0]> = {},
) {
  return createGreenApi({
    idInstance: ID,
    apiTokenInstance: TOKEN,
    apiUrl: "http://emulator.test",
    fetch: emulator.fetch,
    retry: false,
    ...options,
  });
}

/** The error a promise rejects with (fails the test when it resolves). */
export function rejection(promise: Promise<unknown>): Promise<GreenApiError> {
  return rejectionOf(promise, GreenApiError);
}

/** The smallest bytes a JPEG decoder recognises by signature (enough for the service's check). */
export const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46]);
export const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** A raw POST of a JSON text to an operation, as a careless caller might send it. */
export async function post(
  emulator: Emulator,
  path: string,
  body: string,
  init: RequestInit = {},
): Promise<{ status: number; body: unknown; text: string }> {
  const response = await emulator.fetch(`http://emulator.test${path}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body,
    ...init,
  });
  const text = await response.text();
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = text;
  }
  return { status: response.status, body: parsed, text };
}
