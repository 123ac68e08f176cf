// The playground's messages, in memory for the life of the process (bounded): what people typed,
// the bot's replies, and what the core pushed through the Notifier. Each change takes a new
// version number, so a page asks only for what changed since it last looked.
import type { Reply } from '../../src/domain/chat/reply.ts';

export const CHANNEL_ID = 'partnership-channel';
export const dmChannelId = (personId: string): string => `dm-${personId}`;

export type Author = { type: 'bot' } | { type: 'person'; personId: string; name: string };

export interface PlaygroundMessage {
  id: string;
  /** creation order: the page lists messages by it */
  seq: number;
  /** last change: the page asks for versions after the one it has */
  version: number;
  channelId: string;
  kind: 'channel' | 'direct';
  author: Author;
  /** what a person typed (their own messages) */
  text?: string;
  /** what the bot said, exactly as the core sent it */
  reply?: Reply;
  /** null: everyone in the conversation sees it; otherwise only this person */
  onlyFor: string | null;
  /** by the app's clock, so pretended dates show on messages sent "then" */
  at: string;
  edited: boolean;
}

/** What a page receives: the message, and whether to mark it "only you can see this". */
export type MessageView = Omit<PlaygroundMessage, 'onlyFor'> & { private: boolean };

export interface NewMessage {
  channelId: string;
  author: Author;
  text?: string;
  reply?: Reply;
  onlyFor: string | null;
}

export class Timeline {
  private readonly messages = new Map<string, PlaygroundMessage>();
  private counter = 0;

  constructor(
    private readonly now: () => Date,
    private readonly limit = 2000,
  ) {}

  get cursor(): number {
    return this.counter;
  }

  add(input: NewMessage): PlaygroundMessage {
    const seq = ++this.counter;
    const message: PlaygroundMessage = {
      id: `m${seq}`,
      seq,
      version: seq,
      channelId: input.channelId,
      kind: input.channelId === CHANNEL_ID ? 'channel' : 'direct',
      author: input.author,
      ...(input.text !== undefined ? { text: input.text } : {}),
      ...(input.reply !== undefined ? { reply: input.reply } : {}),
      // A direct chat is only ever seen by its owner.
      onlyFor: input.channelId === CHANNEL_ID ? input.onlyFor : input.channelId.slice(3),
      at: this.now().toISOString(),
      edited: false,
    };
    this.messages.set(message.id, message);
    this.trim();
    return message;
  }

  get(id: string): PlaygroundMessage | undefined {
    return this.messages.get(id);
  }

  /** Replace a bot message's reply in place; `onlyFor` may widen or narrow who sees it. */
  update(id: string, reply: Reply, onlyFor?: string | null): PlaygroundMessage | undefined {
    const message = this.messages.get(id);
    if (!message || message.author.type !== 'bot') return undefined;
    message.reply = reply;
    if (onlyFor !== undefined && message.kind === 'channel') message.onlyFor = onlyFor;
    message.version = ++this.counter;
    message.edited = true;
    return message;
  }

  /** Show a channel message to everyone in the channel (a command the bot answered in public). */
  share(id: string): void {
    const message = this.messages.get(id);
    if (!message || message.kind !== 'channel' || message.onlyFor === null) return;
    message.onlyFor = null;
    message.version = ++this.counter;
  }

  visibleTo(message: PlaygroundMessage, personId: string): boolean {
    return message.onlyFor === null || message.onlyFor === personId;
  }

  /** Messages the person may see that changed after `since`, oldest change first. */
  changesFor(personId: string, since: number): MessageView[] {
    return [...this.messages.values()]
      .filter((m) => m.version > since && this.visibleTo(m, personId))
      .sort((a, b) => a.version - b.version)
      .map(view);
  }

  /** Every message added or changed after `since`, whoever may see it (the jobs report). */
  changedSince(since: number): PlaygroundMessage[] {
    return [...this.messages.values()].filter((m) => m.version > since);
  }

  private trim(): void {
    // Maps iterate in insertion order: the first keys are the oldest messages.
    for (const id of this.messages.keys()) {
      if (this.messages.size <= this.limit) break;
      this.messages.delete(id);
    }
  }
}

export function view(message: PlaygroundMessage): MessageView {
  const { onlyFor, ...rest } = message;
  return { ...rest, private: onlyFor !== null && message.kind === 'channel' };
}
