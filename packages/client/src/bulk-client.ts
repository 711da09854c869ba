// The entry `@greenspec/client/bulk`: the whole client, with the bulk `addGroupParticipants` on
// top. It is an entry of its own so that a caller of single methods bundles none of the bulk add.
import { redactor } from "@greenspec/redact";
import { bulkMethods } from "./bulk.js";
import type { BulkMethods } from "./bulk-types.js";
import { createGreenApi as createSingle } from "./client.js";
import { checkOptions } from "./options.js";
import type { GreenApiOptions, OperationMethods } from "./types.js";

export * from "./index.js";

/** The whole client: one method per operation of the spec, and the bulk `addGroupParticipants`. */
export type GreenApi = OperationMethods & BulkMethods;

/** `createGreenApi` of the main entry, plus `addGroupParticipants` (which always paces). */
export function createGreenApi(given: GreenApiOptions): GreenApi {
  const methods = createSingle(given);
  const options = given && typeof given === "object" ? given : ({} as GreenApiOptions);
  // The bulk sender always paces: through this client when it paces, else through a paced twin.
  return Object.assign(
    methods,
    bulkMethods(
      options.pacing ? methods : () => createSingle({ ...options, pacing: true }),
      redactor(options.apiTokenInstance),
      checkOptions(options),
    ),
  );
}
