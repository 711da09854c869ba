// The package as a browser gets it (the "browser" export condition): the same emulator, no server.
import type { EmulatorServer, StartEmulatorOptions } from "./server.js";

export * from "./public-api.js";
export type { EmulatorServer, StartEmulatorOptions };

/** A server needs Node.js: in a browser, pass createEmulator().fetch to the client instead. */
export function startEmulator(_options?: StartEmulatorOptions): Promise<EmulatorServer> {
  return Promise.reject(
    new Error("startEmulator needs Node.js; in a browser, use createEmulator().fetch"),
  );
}
