// What the emulated WhatsApp remembers of messages: every text an instance sent (for snapshot()),
// the invite links each person received (so acceptInvite() knows which groups they may join),
// the people whose privacy settings refuse being added, and the distinct chats each instance
// wrote to this month (the Developer plan's chat quota). Messages and links are kept within
// bounds (limits.ts), the oldest let go first, so no run of sends grows the emulator without end.

export interface SentMessage {
  idMessage: string;
  /** The sending instance. */
  idInstance: string;
  /** The chat it went to: a person or a group. */
  chatId: string;
  message: string;
  /** Unix seconds, by the emulator's clock. */
  at: number;
  /** False when the person has no WhatsApp: the service queues it, and it never arrives. */
  delivered: boolean;
}

import { MAX_INVITED_PEOPLE, MAX_MESSAGES, MESSAGES_BUDGET_BYTES } from "./limits.js";

const LINK = /https:\/\/chat\.whatsapp\.com\/\S+/g;

export class Inbox {
  messages: SentMessage[] = [];
  /** Bytes the kept messages' texts take (two per UTF-16 unit), against the budget. */
  private bytes = 0;
  /** People (chat ids) who refuse being added to a group: only an invite brings them in. */
  readonly refusesAdding = new Set<string>();
  /** Per person, the invite links they were sent. */
  private readonly links = new Map<string, Set<string>>();
  /** Per instance, the month and the distinct chats it wrote to in it. */
  private readonly chats = new Map<string, { month: string; ids: Set<string> }>();

  /** Records a sent message, and the invite links in its text for a personal chat. */
  record(sent: SentMessage): void {
    this.messages.push(sent);
    this.bytes += sizeOf(sent);
    let drop = 0;
    while (
      this.messages.length - drop > MAX_MESSAGES ||
      (this.bytes > MESSAGES_BUDGET_BYTES && this.messages.length - drop > 1)
    )
      this.bytes -= sizeOf(this.messages[drop++] as SentMessage);
    if (drop > 0) this.messages = this.messages.slice(drop);
    if (!sent.chatId.endsWith("@g.us") && sent.delivered) {
      const received = this.links.get(sent.chatId) ?? new Set<string>();
      for (const link of sent.message.match(LINK) ?? []) received.add(link);
      // Re-inserted, so the person most recently written to is the last to be let go.
      this.links.delete(sent.chatId);
      this.links.set(sent.chatId, received);
      if (this.links.size > MAX_INVITED_PEOPLE)
        this.links.delete(this.links.keys().next().value as string);
    }
  }

  /** Whether the instance may write to `chatId` this month under a quota of `total` chats. */
  chatQuotaLeft(idInstance: string, month: string, chatId: string, total: number): boolean {
    const used = this.chatsOf(idInstance, month);
    return used.has(chatId) || used.size < total;
  }

  /** The chats the instance wrote to this month (counted once each). */
  chatsOf(idInstance: string, month: string): Set<string> {
    let entry = this.chats.get(idInstance);
    if (!entry || entry.month !== month) {
      entry = { month, ids: new Set() };
      this.chats.set(idInstance, entry);
    }
    return entry.ids;
  }

  /** The groups whose current invite link `personId` was sent. */
  invitedTo<G extends { inviteLink: string }>(personId: string, groups: Iterable<G>): G[] {
    const received = this.links.get(personId);
    if (!received) return [];
    return [...groups].filter((group) => received.has(group.inviteLink));
  }
}

const sizeOf = (sent: SentMessage) =>
  2 * (sent.message.length + sent.chatId.length + sent.idMessage.length) + 64;
