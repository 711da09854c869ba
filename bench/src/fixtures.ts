// One request, the same for every contender: an instance, a token placeholder and a body.
export const ID_INSTANCE = "1101000001";
export const API_TOKEN = "bench-token";
export const BODY = {
  groupId: "79001234567-1587570015@g.us",
  participantChatId: "79001234568@c.us",
} as const;
export const OPERATION_PATH = `/waInstance${ID_INSTANCE}/addGroupParticipant/${API_TOKEN}`;
export const ANSWER = '{"addParticipant":true}';
/** The seed of every shuffle in the run. */
export const SEED = 20_240_611;
