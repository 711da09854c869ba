export * from "./public-api.js";
export { type EmulatorServer, type StartEmulatorOptions, startEmulator } from "./server.js";
