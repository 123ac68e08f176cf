// Signed membership forms: who has none (to the chair and the rep), one's own, the form to record
// one, and what was recorded. Always private.
import type { Block, Button, Form, Reply } from '../../domain/chat/reply.ts';
import { reply } from '../../domain/chat/reply.ts';
import { REFERENCE_MAX } from '../../domain/membership-forms.ts';
import { plural, type MembershipForm, type Person } from '../../domain/roster.ts';
import type { FormRefusal, FormsData } from '../../services/membership-forms.ts';
import { STALE, formAgainReply } from './register.ts';
import { refusalText } from './refusals.ts';
import type { Problem } from '../../domain/result.ts';

/** Buttons to record a form, one per member listed (a chat message holds only so many). */
const MAX_BUTTONS = 20;

const recordButton = (p: Person, label: string): Button => ({
  actionId: 'membership-form.open',
  label,
  value: p.id,
});

const formText = (f: MembershipForm): string => `signed ${f.signedOn}${f.reference ? ` (kept at ${f.reference})` : ''}`;

export function formsReply(d: FormsData): Reply {
  if (!d.manage) {
    const f = d.viewer.membershipForm;
    const text = f
      ? `Your signed membership form: ${formText(f)}.`
      : 'Your signed membership form: none recorded yet. Each member signs a Big Local partnership membership form confirming that they are a member (Local Trust guidance, 001). Once you have signed yours, record the date here.';
    return reply(
      text,
      [
        { kind: 'heading', text: 'Your signed membership form' },
        { kind: 'text', text },
        { kind: 'actions', buttons: [recordButton(d.viewer, f ? 'Change the date' : 'Record my signed form')] },
      ],
      'private',
    );
  }
  const summary = d.missing.length
    ? `${d.missing.length} of ${plural(d.members, 'member')} ${d.missing.length === 1 ? 'has' : 'have'} no signed membership form recorded.`
    : `Every member (${d.members}) has a signed membership form recorded.`;
  const blocks: Block[] = [
    { kind: 'heading', text: 'Members without a signed membership form' },
    { kind: 'text', text: summary },
  ];
  if (d.missing.length) {
    blocks.push({ kind: 'list', items: d.missing.map((p) => p.name) });
    blocks.push({
      kind: 'actions',
      buttons: d.missing.slice(0, MAX_BUTTONS).map((p) => recordButton(p, `Record for ${p.name}`)),
    });
    if (d.missing.length > MAX_BUTTONS)
      blocks.push({
        kind: 'note',
        text: `Buttons for the first ${MAX_BUTTONS}; record the rest from the command line (\`partnership-bot forms record\`) or a roster file.`,
      });
  }
  blocks.push({
    kind: 'note',
    text: 'Members can record their own with `/partnership forms`. The yearly review’s “confirm membership” button is separate: it asks each member whether they are still a member this year.',
  });
  return reply(summary, blocks, 'private');
}

/** `initial`: the form already recorded, or what was typed when the form comes back. */
function membershipFormOf(person: Person, initial: Record<string, string>): Form {
  const init = (id: string) => (initial[id] ? { initial: initial[id] } : {});
  return {
    id: 'membership-form.record',
    title: 'Signed membership form',
    submitLabel: 'Record',
    context: person.id,
    fields: [
      {
        id: 'signedOn',
        label: 'Date signed',
        type: 'text',
        required: true,
        placeholder: 'YYYY-MM-DD, like 2026-09-14',
        ...init('signedOn'),
      },
      {
        id: 'reference',
        label: 'Where the signed form is kept (optional)',
        type: 'text',
        hint: 'A link to the scanned form, or a filing reference. Not the form itself.',
        maxLength: REFERENCE_MAX,
        ...init('reference'),
      },
    ],
  };
}

export function membershipFormForm(person: Person, own: boolean): Reply {
  const f = person.membershipForm;
  const initial: Record<string, string> = f ? { signedOn: f.signedOn, reference: f.reference ?? '' } : {};
  return reply(
    own ? 'Your signed membership form' : `${person.name}’s signed membership form`,
    [{ kind: 'form', form: membershipFormOf(person, initial) }],
    'private',
  );
}

/** The form back with each problem under its field, what was typed kept. */
export const membershipFormAgain = (
  person: Person,
  problems: readonly Problem[],
  typed: Record<string, string>,
): Reply =>
  formAgainReply('I couldn’t record that form; nothing was changed', membershipFormOf(person, typed), problems);

export const formRecordedReply = (person: Person, form: MembershipForm, own: boolean): Reply =>
  reply(
    `Recorded: ${own ? 'your' : `${person.name}’s`} membership form, ${formText(form)}.`,
    [{ kind: 'text', text: `Recorded: ${own ? 'your' : `${person.name}’s`} membership form, ${formText(form)}.` }],
    'private',
  );

export function formRefusalText(r: FormRefusal): string {
  if (r.code === 'stale') return STALE;
  if (r.code === 'not-a-member')
    return `${r.person.name} is not a member: only members sign a partnership membership form.`;
  return refusalText(r);
}
