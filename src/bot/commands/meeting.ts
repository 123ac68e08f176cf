// `/partnership meeting` (or "record a meeting decision"): the form the chair or the secretary
// fills in after a meeting, and its submission. A submission may carry only the form's own fields
// (anything else was not made with our form: refused and audited); then one service operation.
import { z } from 'zod';
import { meetingForm, recordMeeting } from '../../services/decisions/meeting.ts';
import { serviceDeps } from '../context.ts';
import type { Reply } from '../../domain/chat/reply.ts';
import { UNEXPECTED_FIELDS } from '../views/decision-words.ts';
import {
  MEETING_FORM_FIELDS,
  MEETING_FORM_ID,
  meetingConfirmReply,
  meetingFormReply,
  meetingRecordedReply,
} from '../views/meeting.ts';
import { answerRefused, refusePayload } from './decision-scope.ts';
import { actorOf, intent, type Command, type FormHandler, type ScopedContext } from './types.ts';

export const MEETING_REFUSAL = 'Only the chair or the secretary can record a decision taken at a meeting.';

export const meeting: Command = {
  name: 'meeting',
  aliases: ['record-meeting'],
  summary:
    'Record a decision taken at a meeting: who was there, declarations, who left the room, the result (chair, secretary).',
  usage: 'meeting',
  needsPartnership: true,
  intents: [intent(/\brecord\s+(?:a\s+)?(?:meeting\s+decision|decision\s+(?:taken\s+)?at\s+(?:a|the)\s+meeting)\b/i)],
  async run(ctx) {
    const allowed = meetingForm(actorOf(ctx));
    if (!allowed.ok) return answerRefused(ctx, allowed.error, { notPermitted: MEETING_REFUSAL });
    return [meetingFormReply(allowed.value.roster)];
  },
};

const fieldValue = z.union([z.string().max(10_000), z.array(z.string().max(1_000)).max(200)]).optional();
const SCHEMA = z.object(Object.fromEntries(MEETING_FORM_FIELDS.map((f) => [f, fieldValue]))).strict();

type Values = Record<string, string | string[]>;
/** Lists go back into the form as the platforms fill a multi-select: ids separated by commas. */
const refill = (values: Values): Record<string, string> =>
  Object.fromEntries(Object.entries(values).map(([k, v]) => [k, Array.isArray(v) ? v.join(',') : v]));
const ticked = (v: string | string[] | undefined): boolean =>
  Array.isArray(v) ? v.includes('true') : (v ?? '').trim().toLowerCase() === 'true';

async function submit(ctx: ScopedContext, values: Values): Promise<Reply[]> {
  if (!SCHEMA.safeParse(values).success) return refusePayload(ctx, 'unexpected-field', UNEXPECTED_FIELDS);
  const { confirm, ...rest } = values;
  const recorded = await recordMeeting(serviceDeps(ctx.deps), actorOf(ctx), {
    values: rest,
    confirmed: ticked(confirm),
  });
  if (!recorded.ok) {
    if (recorded.error.code === 'invalid')
      return [meetingFormReply(ctx.scope.roster, refill(rest), recorded.error.problems)];
    return answerRefused(ctx, recorded.error, { notPermitted: MEETING_REFUSAL });
  }
  const answer = recorded.value;
  if (answer.kind === 'confirm') return [meetingConfirmReply(ctx.scope.roster, answer.flagged, refill(rest))];
  return [meetingRecordedReply(answer.state.decision, answer.flagged.length, answer.canShare)];
}

export const meetingForms: Record<string, FormHandler> = {
  [MEETING_FORM_ID]: (ctx, values) => submit(ctx, values),
};
