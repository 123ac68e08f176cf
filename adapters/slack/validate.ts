// What a signed Slack request must look like before Bolt and our listeners read it: the payload
// kinds this app subscribes to, each with the fields we use, their types and Slack's own size
// limits. Anything else gets 400 with what was wrong (a signed request is Slack's, or someone
// holding the signing secret: either way it must not crash a listener after the acknowledgement).
import { z } from 'zod';

const id = z.string().min(1, 'is empty').max(255, 'is longer than 255 characters');
/** Slack's own limit on a message's text. */
const text = z.string().max(40_000, 'is longer than 40,000 characters, more than Slack allows');

const command = z.looseObject({
  command: z.string().regex(/^\/[\w-]{1,32}$/, 'is not a slash command'),
  team_id: id,
  user_id: id,
  channel_id: id,
  trigger_id: id,
  text,
  response_url: z.url().max(1_000).optional(),
  channel_name: z.string().max(255).optional(),
});

const event = z.looseObject({
  type: z.literal('event_callback'),
  team_id: id,
  event_id: id.optional(),
  event: z.looseObject({ type: id, user: id.optional(), channel: id.optional(), text: text.optional() }),
});

const user = z.looseObject({ id, team_id: id.optional() });
const team = z.looseObject({ id }).nullable().optional();

const actions = z.looseObject({
  type: z.literal('block_actions'),
  user,
  team,
  actions: z
    .array(
      z.looseObject({
        action_id: id,
        value: z.string().max(2_000, 'is longer than 2,000 characters, more than Slack allows').optional(),
      }),
    )
    .min(1, 'is empty')
    .max(25),
});

const submission = z.looseObject({
  type: z.literal('view_submission'),
  user,
  team,
  view: z.looseObject({
    id,
    callback_id: z.string().max(255),
    private_metadata: z.string().max(3_000).optional(),
    state: z.looseObject({ values: z.record(z.string(), z.unknown()) }),
  }),
});

const verification = z.looseObject({ type: z.literal('url_verification'), challenge: z.string().max(200) });

/** Null when the request is one we handle and well formed; else what is wrong, in a sentence. */
export function slackPayloadProblem(body: unknown, form: boolean): string | null {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    return 'The body is not a Slack payload (expected an object).';
  const type = (body as { type?: unknown }).type;
  const schema =
    form && type === undefined
      ? command
      : type === 'event_callback'
        ? event
        : type === 'block_actions'
          ? actions
          : type === 'view_submission'
            ? submission
            : type === 'url_verification'
              ? verification
              : null;
  if (!schema) return `This app does not handle Slack payloads of type “${String(type).slice(0, 40)}”.`;
  const parsed = schema.safeParse(body);
  if (parsed.success) return null;
  const problems = parsed.error.issues.slice(0, 4).map((i) => `${i.path.join('.') || 'body'}: ${i.message}`);
  return `The Slack payload is not right: ${problems.join('; ')}.`;
}
