// The program: everyone in a CSV of phones joins a group, and the first person becomes an admin.
import type { AddGroupParticipantsResult, GreenApi } from "@greenspec/client/bulk";
import { readPhones } from "./phones.js";

export interface CsvToGroupReport {
  /** One outcome per phone, in file order (added, not added, failed with a reason...). */
  results: AddGroupParticipantsResult["results"];
  counts: AddGroupParticipantsResult["counts"];
  /** Whether the first phone of the file was made an admin (false when it was not added). */
  firstIsAdmin: boolean;
  skipped: { line: number; text: string }[];
}

export async function addCsvToGroup(
  api: GreenApi,
  groupId: string,
  csv: string,
  options: { onProgress?: () => void; headers?: Record<string, string> } = {},
): Promise<CsvToGroupReport> {
  const { phones, skipped } = readPhones(csv);
  const { results, counts } = await api.addGroupParticipants(
    { groupId, participants: phones.map((participantPhone) => ({ participantPhone })) },
    { onProgress: options.onProgress, headers: options.headers },
  );
  const first = results[0];
  let firstIsAdmin = false;
  if (first?.status === "added") {
    const answer = await api.setGroupAdmin(
      { groupId, participantChatId: `${phones[0]}@c.us` },
      { headers: options.headers },
    );
    firstIsAdmin = answer.setGroupAdmin;
  }
  return { results, counts, firstIsAdmin, skipped };
}
