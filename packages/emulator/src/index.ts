export { CONTROL_PREFIX } from "./control.js";
export {
  type AddInstanceOptions,
  type ClockMode,
  createEmulator,
  type Emulator,
  type EmulatorOptions,
  type FailOptions,
  type InstanceState,
  type JournalEntry,
  type Snapshot,
} from "./emulator.js";
export { EmulatorError } from "./errors.js";
export { type EmulatorServer, type StartEmulatorOptions, startEmulator } from "./server.js";
