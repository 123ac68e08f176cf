// `appoint NAME as ROLE`: the chair or the rep makes a member chair, vice-chair, secretary or
// treasurer. src/services/officers.ts checks the new line-up first; a breach needs a confirm click.
import type { Reply } from '../../domain/chat/reply.ts';
import * as service from '../../services/officers.ts';
import type { AppointResult, AppointRefusal } from '../../services/officers.ts';
import { serviceDeps } from '../context.ts';
import { answerRefusal } from '../refused.ts';
import {
  APPOINT_USAGE,
  APPOINTMENT_CANCELLED,
  appointedReply,
  appointRefusalText,
  confirmAppointmentReply,
} from '../views/officers.ts';
import { privateText } from '../views/register.ts';
import type { ActionHandler, Command, ScopedContext } from './types.ts';
import { intent } from './types.ts';

const ROLE_WORDS = 'chair|vice[- ]?chair|secretary|treasurer';
const APPOINT = new RegExp(`^(.+?)\\s+(?:as\\s+)?(?:the\\s+|our\\s+)?(${ROLE_WORDS})\\s*[.!]?$`, 'i');

function answer(ctx: ScopedContext, result: Awaited<ReturnType<typeof service.appoint>>): Promise<Reply[]> {
  if (!result.ok) {
    const r: AppointRefusal = result.refusal;
    return r.code === 'not-permitted' || r.code === 'unknown-person'
      ? answerRefusal(ctx, r)
      : Promise.resolve([privateText(appointRefusalText(r))]);
  }
  const done: AppointResult = result.value;
  return Promise.resolve([
    done.status === 'needs-confirmation'
      ? confirmAppointmentReply(done.appointment, !ctx.inChannel)
      : appointedReply(done.appointment, done.acknowledged.length > 0),
  ]);
}

export const officerActions: Record<string, ActionHandler> = {
  'roster.appoint.confirm': async (ctx, value) => {
    const [personId = '', role = '', lineUp = ''] = value.split('|');
    return answer(ctx, await service.confirmAppointment(serviceDeps(ctx.deps), ctx.scope, { personId, role, lineUp }));
  },
  'roster.appoint.cancel': async (ctx) => {
    const cancelled = service.cancelAppointment(serviceDeps(ctx.deps), ctx.scope);
    return cancelled.ok ? [privateText(APPOINTMENT_CANCELLED)] : answerRefusal(ctx, cancelled.refusal);
  },
};

export const appoint: Command = {
  name: 'appoint',
  summary:
    'Make a member chair, vice-chair, secretary or treasurer (chair or rep); the new line-up is checked against the conflicts of interest rules first.',
  usage: 'appoint NAME as ROLE',
  needsPartnership: true,
  intents: [intent(new RegExp(`\\bappoint\\s+(.+?\\s+(?:as\\s+)?(?:the\\s+|our\\s+)?(?:${ROLE_WORDS}))\\b`, 'i'))],
  async run(ctx) {
    const m = APPOINT.exec(ctx.args.trim());
    const role = m ? service.parseRole(m[2]!) : null;
    if (!m || !role) return [privateText(APPOINT_USAGE)];
    return answer(ctx, await service.appoint(serviceDeps(ctx.deps), ctx.scope, { name: m[1]!, role }));
  },
};
