// What every build of the package exports, Node's and the browser's alike; each entry adds only
// what differs (the server, or its browser stand-in).
export { CONTROL_PREFIX } from "./control.js";
export {
  type AddInstanceOptions,
  type AddPeopleOptions,
  type ClockMode,
  createEmulator,
  type Emulator,
  type EmulatorOptions,
  type FailOptions,
  type InstanceState,
  type JournalEntry,
  type SentMessage,
  type Snapshot,
} from "./emulator.js";
export { EmulatorError } from "./errors.js";
