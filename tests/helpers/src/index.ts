export { isObject } from "./is-object.js";
export { type LocalServer, listenLocally } from "./local-server.js";
export { seededRandom, shuffled } from "./random.js";
export { rejectionOf } from "./rejection.js";
export { type CommandResult, collectOutput, type RunOptions, runCommand } from "./run.js";
export { waitFor } from "./wait.js";
