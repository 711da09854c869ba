// A browser app's whole use of the client: create it, add a participant, read the answer.
import { createGreenApi } from "@greenspec/client";

const api = createGreenApi({ idInstance: "1101000001", apiTokenInstance: "YOUR_TOKEN" });
const { addParticipant } = await api.addGroupParticipant({
  groupId: "79001234567-1587570015@g.us",
  participantChatId: "79001234568@c.us",
});
console.log(addParticipant);
