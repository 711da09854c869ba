// @greenspec/client/group-job: getting a list of people into a group, as its own entry point so
// that a caller of single methods bundles none of it.
export type { GroupJobOptions, GroupJobResult } from "./group-job.js";
export { addPeopleToGroup } from "./group-job.js";
export type {
  GroupRecord,
  InviteStartRecord,
  JobJournal,
  JournalHeader,
  JournalRecord,
  OutcomeRecord,
  PersonOutcome,
} from "./journal.js";
export { JOURNAL_FORMAT, JOURNAL_VERSION, memoryJournal } from "./journal.js";
export type { GroupJobInput, Person } from "./people.js";
export { journalError } from "./people.js";
