// One request, the same for every contender: an instance, a token placeholder and a body.
import type { paths } from "@greenspec/types";

/** The operation's path template, checked against the generated paths at compile time. */
export const TEMPLATE =
  "/waInstance{idInstance}/addGroupParticipant/{apiTokenInstance}" as const satisfies keyof paths;
export const ID_INSTANCE = "1101000001";
export const API_TOKEN = "bench-token";
export const BODY = {
  groupId: "79001234567-1587570015@g.us",
  participantChatId: "79001234568@c.us",
} as const;
export const OPERATION_PATH = TEMPLATE.replace("{idInstance}", ID_INSTANCE).replace(
  "{apiTokenInstance}",
  API_TOKEN,
);
export const ANSWER = '{"addParticipant":true}';
/** The seed of every shuffle in the run. */
export const SEED = 20_240_611;
