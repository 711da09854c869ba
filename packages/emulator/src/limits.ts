// What one emulator holds at most, so no run of calls can grow it (or its snapshot) without end.
// Documented in the README; each limit answers as the service does when it cannot do more.

/** Instances: an unknown idInstance past this is answered as a wrong token; addInstance throws. */
export const MAX_INSTANCES = 1_000;
/** Groups: createGroup past this answers `created: false`. */
export const MAX_GROUPS = 1_000;
/** Members of one group, the instance among them (WhatsApp's own limit): more are not added. */
export const MAX_GROUP_MEMBERS = 1_024;
/** People added through the controls (strict mode); addPeople past this throws. */
export const MAX_PEOPLE = 100_000;
/** Sent messages kept for snapshot(): the oldest go first past either bound. */
export const MAX_MESSAGES = 10_000;
export const MESSAGES_BUDGET_BYTES = 8 * 1024 * 1024;
/** People whose received invite links are remembered (for acceptInvite): the oldest go first. */
export const MAX_INVITED_PEOPLE = 100_000;

/** Request bodies beyond this are refused (a group picture is well under it). */
export const MAX_BODY_BYTES = 10 * 1024 * 1024;
/**
 * A JSON body beyond this is refused unparsed: parsing takes the event loop from every other
 * caller, and the largest body the spec accepts (createGroup with its 1,023 ids) is ~30 kB.
 */
export const MAX_JSON_BODY_BYTES = 256 * 1024;
