// The shape of an activity, checked before botbuilder or our handler reads it: every field we (or
// botbuilder's handlers on the way) use, with its type and a sane size, and for the activity
// types and invokes we act on, the value they carry. A body Teams would never send gets 400 with
// what was wrong, not a crash in the middle of a turn or a silent 200.
import { z } from 'zod';

/** The invokes this bot acts on; any other gets HTTP 200 with a NotImplemented status body, as the Bot Framework expects (handler.ts). */
export const HANDLED_INVOKES = new Set(['adaptiveCard/action', 'fileConsent/invoke']);

const id = z.string().min(1, 'is empty').max(1_000, 'is longer than 1,000 characters');
const short = z.string().max(1_000, 'is longer than 1,000 characters');
const account = z.looseObject({
  id,
  name: short.optional(),
  aadObjectId: z.string().max(200).optional(),
  role: z.string().max(100).optional(),
});
const members = z.array(account).max(1_000, 'has more than 1,000 members');
const httpUrl = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).max(2_000);
const named = z.looseObject({ id: short, name: short.optional() });

/** A mention as botbuilder's TurnContext.getMentions and removeRecipientMention read it. */
const mention = z.looseObject({ type: z.string(), mentioned: account, text: z.string().max(10_000) });
const entity = z.looseObject({ type: z.string().max(100) }).superRefine((e, ctx) => {
  if (e.type.toLowerCase() !== 'mention') return;
  const parsed = mention.safeParse(e);
  for (const issue of parsed.success ? [] : parsed.error.issues)
    ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
});

export const activitySchema = z.looseObject({
  type: z.string().min(1, 'is empty').max(100),
  id: z.string().max(1_000).optional(),
  name: z.string().max(200, 'is longer than 200 characters').optional(),
  action: z.string().max(100).optional(),
  channelId: id,
  serviceUrl: httpUrl,
  from: account,
  recipient: account,
  conversation: z.looseObject({
    id,
    name: short.optional(),
    conversationType: z.string().max(100).optional(),
    tenantId: z.string().max(200).optional(),
    isGroup: z.boolean().optional(),
  }),
  text: z.string().max(100_000, 'is longer than 100,000 characters').optional(),
  replyToId: z.string().max(1_000).optional(),
  locale: z.string().max(100).optional(),
  timestamp: z.string().max(100).optional(),
  localTimestamp: z.string().max(100).optional(),
  channelData: z
    .looseObject({
      tenant: z.looseObject({ id: z.string().max(200) }).optional(),
      team: named.optional(),
      channel: named.optional(),
      eventType: z.string().max(100).optional(),
    })
    .optional(),
  entities: z.array(entity).max(100).optional(),
  attachments: z
    .array(z.looseObject({ contentType: z.string().max(200).optional() }))
    .max(50)
    .optional(),
  membersAdded: members.optional(),
  membersRemoved: members.optional(),
  reactionsAdded: z
    .array(z.looseObject({ type: z.string().max(100) }))
    .max(100)
    .optional(),
  reactionsRemoved: z
    .array(z.looseObject({ type: z.string().max(100) }))
    .max(100)
    .optional(),
});

/** What the invokes we act on carry in `value`. */
const invokeValues = new Map<string, z.ZodType>(
  Object.entries({
    // Universal Actions: value.action is the Action.Execute as the card defines it
    'adaptiveCard/action': z.looseObject({
      action: z.looseObject({ type: z.string().max(100), id: short.optional(), verb: short.optional() }),
      trigger: z.string().max(100).optional(),
    }),
    'fileConsent/invoke': z.looseObject({
      action: z.string().max(100),
      uploadInfo: z
        .looseObject({
          uploadUrl: httpUrl.optional(),
          contentUrl: httpUrl.optional(),
          name: short.optional(),
          uniqueId: short.optional(),
          fileType: short.optional(),
        })
        .optional(),
    }),
  }),
);

/** Activity types whose botbuilder handlers read channelData without checking it is there (Teams' message edits and deletions). */
const NEEDS_CHANNEL_DATA = new Set(['messageUpdate', 'messageDelete']);

const describe = (issues: z.core.$ZodIssue[], prefix: string[] = []): string[] =>
  issues.slice(0, 4).map((i) => `${[...prefix, ...i.path.map(String)].join('.') || 'body'}: ${i.message}`);

/** Null when the activity is usable; else one sentence naming what is wrong. */
export function activityProblem(body: unknown): string | null {
  const parsed = activitySchema.safeParse(body);
  let problems: string[] = [];
  if (!parsed.success) {
    problems = describe(parsed.error.issues);
  } else {
    const activity = parsed.data as {
      type: string;
      name?: string;
      channelId: string;
      channelData?: unknown;
      value?: unknown;
    };
    const schema =
      activity.type === 'invoke' && activity.name !== undefined ? invokeValues.get(activity.name) : undefined;
    if (schema) {
      const value = schema.safeParse(activity.value);
      if (!value.success) problems = describe(value.error.issues, ['value']);
    }
    if (NEEDS_CHANNEL_DATA.has(activity.type) && activity.channelId === 'msteams' && activity.channelData === undefined)
      problems.push('channelData: is required for this activity type');
  }
  if (problems.length === 0) return null;
  return `This is not a Bot Framework activity: ${problems.join('; ')}. /api/messages takes activities from Teams or the Bot Framework Emulator.`;
}
