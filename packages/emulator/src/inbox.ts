// What the emulated WhatsApp remembers of messages: every text an instance sent (for snapshot()),
// the invite links each person received (so acceptInvite() knows which groups they may join),
// the people whose privacy settings refuse being added, and the distinct chats each instance
// wrote to this month (the Developer plan's chat quota).

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

const LINK = /https:\/\/chat\.whatsapp\.com\/\S+/g;

export class Inbox {
  readonly messages: SentMessage[] = [];
  /** People (chat ids) who refuse being added to a group: only an invite brings them in. */
  readonly refusesAdding = new Set<string>();
  /** Per person, the invite links they were sent. */
  private readonly links = new Map<string, Set<string>>();
  /** Per instance, the month and the distinct chats it wrote to in it. */
  private readonly chats = new Map<string, { month: string; ids: Set<string> }>();

  /** Records a sent message, and the invite links in its text for a personal chat. */
  record(sent: SentMessage): void {
    this.messages.push(sent);
    if (!sent.chatId.endsWith("@g.us") && sent.delivered) {
      const received = this.links.get(sent.chatId) ?? new Set<string>();
      for (const link of sent.message.match(LINK) ?? []) received.add(link);
      this.links.set(sent.chatId, received);
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
