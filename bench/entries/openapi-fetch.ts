// The same call through bare openapi-fetch: the floor greenspec builds on.
import type { paths } from "@greenspec/types";
import createClient from "openapi-fetch";

const client = createClient<paths>({ baseUrl: "https://api.green-api.com" });
const { data } = await client.POST(
  "/waInstance{idInstance}/addGroupParticipant/{apiTokenInstance}",
  {
    params: { path: { idInstance: "1101000001", apiTokenInstance: "YOUR_TOKEN" } },
    body: { groupId: "79001234567-1587570015@g.us", participantChatId: "79001234568@c.us" },
  },
);
// A 200 may carry the error envelope instead of the body: bare openapi-fetch leaves that to you.
console.log(data && "addParticipant" in data ? data.addParticipant : data);
