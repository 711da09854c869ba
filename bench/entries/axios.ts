// The same call through axios, the HTTP layer the official JS SDK is built on.
import axios from "axios";

const { data } = await axios.post(
  "https://api.green-api.com/waInstance1101000001/addGroupParticipant/YOUR_TOKEN",
  { groupId: "79001234567-1587570015@g.us", participantChatId: "79001234568@c.us" },
);
console.log(data.addParticipant);
