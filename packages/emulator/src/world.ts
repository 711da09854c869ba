// The emulated WhatsApp: instances (each a WhatsApp account), the people who have WhatsApp, and
// groups with their members and admins. Groups are shared, so an instance added to another
// instance's group sees it too.
import { Inbox, type SentMessage } from "./inbox.js";
import { chatIdOfPhone } from "./inputs.js";
import type { Random } from "./random.js";

export type InstanceState = "authorized" | "starting" | "notAuthorized";
export const INSTANCE_STATES: readonly InstanceState[] = [
  "authorized",
  "starting",
  "notAuthorized",
];

export interface Instance {
  idInstance: string;
  token: string;
  phone: string;
  chatId: string;
  state: InstanceState;
  /** Clock time at which a `starting` instance becomes authorized on its own, if ever. */
  startingUntil: number | undefined;
  /** Calls allowed per calendar month (the developer plan), or undefined for no quota. */
  quota: number | undefined;
  quotaUsed: number;
  /** The month (`YYYY-MM`, UTC) the quota count belongs to. */
  quotaMonth: string;
}

export interface Member {
  isAdmin: boolean;
  isSuperAdmin: boolean;
}

export interface GroupSettings {
  allowParticipantsEditGroupSettings: boolean;
  allowParticipantsSendMessages: boolean;
  allowParticipantsAddMembers: boolean;
}

export interface Group {
  id: string;
  owner: string;
  subject: string;
  /** Unix seconds. */
  creation: number;
  subjectTime: number;
  subjectOwner: string;
  inviteLink: string;
  /** Members by id, in the order they joined. */
  members: Map<string, Member>;
  settings: GroupSettings;
  urlAvatar: string | null;
}

export interface Snapshot {
  now: number;
  instances: {
    idInstance: string;
    phone: string;
    chatId: string;
    state: InstanceState;
    quota: { used: number; total: number } | null;
  }[];
  people: string[];
  groups: {
    groupId: string;
    owner: string;
    subject: string;
    creation: number;
    subjectTime: number;
    subjectOwner: string;
    groupInviteLink: string;
    settings: GroupSettings;
    urlAvatar: string | null;
    participants: { id: string; lid?: string; isAdmin: boolean; isSuperAdmin: boolean }[];
  }[];
  /** Every text message an instance sent (sendMessage), oldest first. */
  messages: SentMessage[];
}

const DIGITS = "0123456789";
const LINK_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

export function monthOf(ms: number): string {
  return new Date(ms).toISOString().slice(0, 7);
}

export class World {
  readonly instances = new Map<string, Instance>();
  /** Instances by their chat id, so finding one never scans them all. */
  readonly chatIds = new Map<string, Instance>();
  readonly groups = new Map<string, Group>();
  /** People who have WhatsApp, by chat id (only consulted in strict mode). */
  readonly people = new Set<string>();
  /** Messages sent, invite links received, people who refuse being added, chats per month. */
  readonly inbox = new Inbox();
  /** Each phone-based member's hidden-number id (`@lid`), made up on first sight, both ways. */
  private readonly lids = new Map<string, string>();
  private readonly lidOwners = new Map<string, string>();

  constructor(private readonly random: Random) {}

  /** A fresh phone for an instance registered without one (never one already in use). */
  newPhone(): string {
    for (;;) {
      const phone = `7${this.random.string(10, DIGITS)}`;
      if (!phone.startsWith("70") && !this.instanceByChatId(chatIdOfPhone(phone))) return phone;
    }
  }

  /** A new-form group id: 18 digits, never one in use. */
  newGroupId(): string {
    for (;;) {
      const id = `120363${this.random.string(12, DIGITS)}@g.us`;
      if (!this.groups.has(id)) return id;
    }
  }

  newInviteLink(): string {
    return `https://chat.whatsapp.com/${this.random.string(22, LINK_CHARS)}`;
  }

  /** A message id: 20 hexadecimal characters, as on Green API's pages. */
  newMessageId(): string {
    return this.random.string(20, "0123456789ABCDEF");
  }

  newAvatarName(): string {
    return `${this.random.string(9, DIGITS)}_${this.random.string(15, DIGITS)}_${this.random.string(19, DIGITS)}_n.jpg`;
  }

  /** The `@lid` id of a phone-based person (made up the first time), or undefined for an @lid id. */
  lidOf(personId: string): string | undefined {
    if (!personId.endsWith("@c.us")) return undefined;
    let lid = this.lids.get(personId);
    if (!lid) {
      do lid = `${1 + Math.floor(this.random.next() * 9)}${this.random.string(14, DIGITS)}@lid`;
      while (this.lidOwners.has(lid));
      this.lids.set(personId, lid);
      this.lidOwners.set(lid, personId);
    }
    return lid;
  }

  /** The phone-based id behind a `@lid` id the emulator made up, if it is one. */
  personOfLid(id: string): string | undefined {
    return this.lidOwners.get(id);
  }

  instanceByChatId(chatId: string): Instance | undefined {
    return this.chatIds.get(chatId);
  }

  snapshot(now: number): Snapshot {
    return {
      now,
      instances: [...this.instances.values()].map((i) => ({
        idInstance: i.idInstance,
        phone: i.phone,
        chatId: i.chatId,
        state: i.state,
        quota: i.quota === undefined ? null : { used: i.quotaUsed, total: i.quota },
      })),
      people: [...this.people],
      groups: [...this.groups.values()].map((g) => ({
        groupId: g.id,
        owner: g.owner,
        subject: g.subject,
        creation: g.creation,
        subjectTime: g.subjectTime,
        subjectOwner: g.subjectOwner,
        groupInviteLink: g.inviteLink,
        settings: { ...g.settings },
        urlAvatar: g.urlAvatar,
        participants: [...g.members].map(([id, m]) => {
          const lid = this.lids.get(id);
          return { id, ...(lid ? { lid } : {}), ...m };
        }),
      })),
      messages: this.inbox.messages.map((m) => ({ ...m })),
    };
  }
}
