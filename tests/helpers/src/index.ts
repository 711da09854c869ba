export { type LocalServer, listenLocally } from "./local-server.js";
export { printed } from "./printed.js";
export { seededRandom, shuffled } from "./random.js";
export { exchangeRaw, type RawOutcome } from "./raw-exchange.js";
export { rejectionOf } from "./rejection.js";
export { rssOf } from "./rss.js";
export { type CommandResult, collectOutput, type RunOptions, runCommand } from "./run.js";
export { waitFor } from "./wait.js";
