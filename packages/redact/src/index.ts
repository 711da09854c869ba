export { MAX_DEPTH, redactDeep } from "./deep.js";
export { echoesOf, leakedPieces } from "./echoes.js";
export { MASK, PIECE, type Redact, redactor } from "./redactor.js";
