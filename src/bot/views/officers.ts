// Appointing officers: what the change is, what it would break (privately, with the relationship
// chains), the confirm and cancel buttons, and what was done.
import type { Block, Reply } from '../../domain/chat/reply.ts';
import { reply, textReply } from '../../domain/chat/reply.ts';
import { listNames } from '../../domain/roster.ts';
import type { Role } from '../../domain/roster.ts';
import type { AppointRefusal, Appointment } from '../../services/officers.ts';
import { notOnRosterText, STALE } from './register.ts';
import { refusalText } from './refusals.ts';

export const APPOINT_USAGE =
  'Say who and which role, like `/partnership appoint Rosa Novak as treasurer` (roles: chair, vice-chair, secretary, treasurer).';

const change = (a: Appointment): string =>
  `${a.person.name} becomes ${a.role}${a.replacing.length ? ` in place of ${listNames(a.replacing.map((p) => p.name))}` : ''}`;

/** `chains`: the relationship chains behind a breach, only in a direct message. */
export function confirmAppointmentReply(a: Appointment, chains: boolean): Reply {
  const intro = `${change(a)}: the new line-up would break Local Trust’s conflicts of interest guidance (001).`;
  const blocks: Block[] = [
    { kind: 'heading', text: `Appoint ${a.person.name} as ${a.role}?` },
    { kind: 'text', text: intro },
    {
      kind: 'checklist',
      items: a.problems.map((p) => ({
        tone: 'fail' as const,
        title: p.title,
        text: p.message,
        ...(p.fix ? { fix: p.fix } : {}),
        ...(chains ? { details: p.details } : {}),
      })),
    },
    ...(chains || a.problems.every((p) => p.details.length === 0)
      ? []
      : [{ kind: 'note' as const, text: 'Ask me in a direct message to see who is related to whom.' }]),
    {
      kind: 'note',
      text: 'If you go ahead, the partnership will be out of line with the guidance until it is put right, and the audit log will record that you confirmed it. Talk to your rep if unsure.',
    },
    {
      kind: 'actions',
      buttons: [
        {
          actionId: 'roster.appoint.confirm',
          label: 'Appoint anyway',
          value: `${a.person.id}|${a.role}|${a.lineUp}`,
          style: 'danger',
        },
        { actionId: 'roster.appoint.cancel', label: 'Cancel', value: a.person.id },
      ],
    },
  ];
  return reply(`${intro} ${a.problems.map((p) => p.message).join(' ')}`, blocks, 'private');
}

export const appointedReply = (a: Appointment, confirmed: boolean): Reply =>
  textReply(
    `Done: ${change(a)}.${confirmed ? ' The audit log records that you confirmed it despite the problems shown.' : ' The new line-up passed the checks on related officers, workers related to officers and LTO representatives in positions of power.'}`,
  );

export const APPOINTMENT_CANCELLED = 'Nothing changed: the appointment was cancelled.';

const holds = (name: string, role: Role) => `${name} is already ${role}: nothing to change.`;

export function appointRefusalText(r: AppointRefusal): string {
  switch (r.code) {
    case 'stale':
      return `${STALE} The line-up has changed since that message: ask again to see it checked as it is now.`;
    case 'not-on-roster':
      return notOnRosterText(r.name, r.close);
    case 'not-a-member':
      return `${r.person.name} is not a member (${r.person.kind === 'rep' ? 'the Big Local rep' : 'a paid worker'}): only members hold officer roles.`;
    case 'already-holds':
      return holds(r.person.name, r.role);
    default:
      return refusalText(r);
  }
}
