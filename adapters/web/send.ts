// One thing a playground person did (typed words, a /partnership command, a button, a form):
// handed to the core exactly as Slack and Teams hand theirs, and the core's replies placed in
// the conversation the way a chat platform would place them.
import { z } from 'zod';
import type { Inbound, Request } from '../../src/domain/chat/inbound.ts';
import type { Reply } from '../../src/domain/chat/reply.ts';
import type { Bot } from '../../src/bot/bot.ts';
import { WORKSPACE_ID } from './notifier.ts';
import { CHANNEL_ID, dmChannelId, type MessageView, type PlaygroundMessage, type Timeline, view } from './timeline.ts';

const text = z.string().max(4000, 'is longer than 4,000 characters');
const id = z.string().min(1, 'is empty').max(255, 'is longer than 255 characters');

export const sendSchema = z.object({
  person: z.string().min(1, 'is empty').max(100),
  conversation: z.enum(['channel', 'direct'], { error: 'must be "channel" or "direct"' }),
  inbound: z.discriminatedUnion(
    'type',
    [
      z.object({ type: z.literal('text'), text }),
      z.object({ type: z.literal('command'), text }),
      z.object({ type: z.literal('action'), actionId: id, value: z.string().max(2000) }),
      z.object({
        type: z.literal('form'),
        formId: id,
        values: z.record(
          z.string().max(100),
          z.union([z.string().max(10_000), z.array(z.string().max(1000)).max(200)]),
        ),
        context: z.string().max(2000).optional(),
      }),
    ],
    { error: 'must have a type of "text", "command", "action" or "form"' },
  ),
  /** the message whose button or form this came from (for replies that replace it) */
  replyTo: z.string().max(40).optional(),
  /** a fresh id per click or submission: a repeat of the same id is not done twice */
  deliveryId: z
    .string()
    .regex(/^[A-Za-z0-9_-]{8,64}$/, 'must be 8 to 64 letters, digits, - or _')
    .optional(),
});

export type SendInput = z.infer<typeof sendSchema>;

export interface SendResult {
  /** the core's replies, exactly as it sent them */
  replies: Reply[];
  /** the messages this added or changed, as the person's page shows them */
  messages: MessageView[];
  cursor: number;
  /**
   * A form submitted from the page's dialog and answered with the same form again (its problems
   * marked on its fields, what was typed kept, or a question added): shown in the dialog where the
   * person is looking, not added to the conversation.
   */
  formAgain?: Reply;
}

/** The reply that is the submitted form again, if the core answered a form with it. */
function sameFormAgain(inbound: Inbound, replies: Reply[]): Reply | undefined {
  if (inbound.type !== 'form') return undefined;
  return replies.find((r) => r.blocks.some((b) => b.kind === 'form' && b.form.id === inbound.formId));
}

export async function send(
  app: { bot: Pick<Bot, 'handle'> },
  timeline: Timeline,
  person: { id: string; name: string },
  input: SendInput,
  /** the page is waiting with the form open (false when a recovered send is done again) */
  fromPage = false,
): Promise<SendResult> {
  const direct = input.conversation === 'direct';
  const channelId = direct ? dmChannelId(person.id) : CHANNEL_ID;
  const inbound = input.inbound as Inbound;
  const request: Request = {
    conversation: { platform: 'web', workspaceId: WORKSPACE_ID, channelId, kind: direct ? 'direct' : 'channel' },
    speaker: { userId: person.id, workspaceId: WORKSPACE_ID, displayName: person.name },
    inbound,
  };
  const touched: PlaygroundMessage[] = [];
  const author = { type: 'person' as const, personId: person.id, name: person.name };
  // Words are seen by everyone in the channel; a /partnership command only by whoever typed it,
  // unless the bot answers it in the channel (as Slack shows "used /partnership").
  const echo =
    inbound.type === 'text'
      ? timeline.add({ channelId, author, text: inbound.text, onlyFor: null })
      : inbound.type === 'command'
        ? timeline.add({ channelId, author, text: `/partnership ${inbound.text}`.trim(), onlyFor: person.id })
        : null;
  if (echo) touched.push(echo);

  const replies = await app.bot.handle(request);
  const formAgain = fromPage ? sameFormAgain(inbound, replies) : undefined;
  for (const reply of replies)
    if (reply !== formAgain) touched.push(place(timeline, reply, person.id, channelId, input.replyTo));
  if (echo && echo.onlyFor !== null && replies.some((r) => r.visibility === 'channel')) timeline.share(echo.id);
  return {
    replies,
    messages: [...new Set(touched)].map((m) => view(timeline.get(m.id) ?? m)),
    cursor: timeline.cursor,
    ...(formAgain ? { formAgain } : {}),
  };
}

function place(
  timeline: Timeline,
  reply: Reply,
  personId: string,
  channelId: string,
  replyTo: string | undefined,
): PlaygroundMessage {
  const onlyFor = reply.visibility === 'private' ? personId : null;
  const original = reply.replaceOriginal && replyTo ? timeline.get(replyTo) : undefined;
  const replaceable =
    original &&
    original.author.type === 'bot' &&
    original.channelId === channelId &&
    timeline.visibleTo(original, personId);
  // A private reply never replaces a message others can see: that would show it to them.
  if (replaceable && !(onlyFor !== null && original.onlyFor === null)) {
    const updated = timeline.update(original.id, reply, onlyFor);
    if (updated) return updated;
  }
  return timeline.add({ channelId, author: { type: 'bot' }, reply, onlyFor });
}
