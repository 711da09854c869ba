// The controls for people and invites: who has WhatsApp, whose privacy settings refuse being
// added, and a person accepting the invite links an instance sent them. Each checks its
// arguments first and changes nothing on a bad one.
import { EmulatorError } from "./errors.js";
import { requirePerson } from "./inputs.js";
import { MAX_GROUP_MEMBERS, MAX_PEOPLE } from "./limits.js";
import type { World } from "./world.js";

export interface AddPeopleOptions {
  /** Their privacy settings refuse being added to groups: addGroupParticipant answers false. */
  refusesAdding?: boolean;
}

export function addPeople(world: World, phones: unknown, options: unknown = {}): void {
  if (!Array.isArray(phones)) throw new EmulatorError("addPeople takes an array", "phones");
  if (typeof options !== "object" || options === null)
    throw new EmulatorError("options must be an object", "options");
  const { refusesAdding = false } = options as AddPeopleOptions;
  if (typeof refusesAdding !== "boolean")
    throw new EmulatorError("refusesAdding must be a boolean", "refusesAdding");
  const ids = phones.map((phone, i) => requirePerson(phone, `phones[${i}]`));
  if (world.people.size + ids.length > MAX_PEOPLE)
    throw new EmulatorError(`the emulator holds at most ${MAX_PEOPLE} people`, "phones");
  for (const id of ids) {
    world.people.add(id);
    if (refusesAdding) world.inbox.refusesAdding.add(id);
  }
}

export function acceptInvite(world: World, person: unknown): string[] {
  const id = requirePerson(person, "person");
  const joined: string[] = [];
  for (const group of world.inbox.invitedTo(id, world.groups.values())) {
    if (group.members.has(id) || group.members.size >= MAX_GROUP_MEMBERS) continue;
    group.members.set(id, { isAdmin: false, isSuperAdmin: false });
    joined.push(group.id);
  }
  return joined;
}
