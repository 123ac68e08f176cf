// The shape of an activity, checked before botbuilder or our handler reads it: every field we (or
// CloudAdapter) use, with its type and a sane size. A body Teams would never send gets 400 with
// what was wrong, not a crash in the middle of a turn or a silent 200.
import { z } from 'zod';

const id = z.string().min(1, 'is empty').max(1_000, 'is longer than 1,000 characters');
const account = z.looseObject({ id, name: z.string().max(1_000).optional(), aadObjectId: z.string().max(200).optional() });

export const activitySchema = z.looseObject({
  type: z.string().min(1, 'is empty').max(100),
  id: z.string().max(1_000).optional(),
  channelId: id,
  serviceUrl: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).max(2_000),
  from: account,
  recipient: account.optional(),
  conversation: z.looseObject({
    id,
    conversationType: z.string().max(100).optional(),
    tenantId: z.string().max(200).optional(),
    isGroup: z.boolean().optional(),
  }),
  text: z.string().max(100_000, 'is longer than 100,000 characters').optional(),
  replyToId: z.string().max(1_000).optional(),
  channelData: z.looseObject({ tenant: z.looseObject({ id: z.string().max(200) }).optional() }).optional(),
  entities: z.array(z.looseObject({ type: z.string().max(100) })).max(100).optional(),
});

/** Null when the activity is usable; else one sentence naming what is wrong. */
export function activityProblem(body: unknown): string | null {
  const parsed = activitySchema.safeParse(body);
  if (parsed.success) return null;
  const problems = parsed.error.issues.slice(0, 4).map((i) => `${i.path.join('.') || 'body'}: ${i.message}`);
  return `This is not a Bot Framework activity: ${problems.join('; ')}. /api/messages takes activities from Teams or the Bot Framework Emulator.`;
}
