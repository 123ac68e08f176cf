// A person's register of interests as replies: always private (it holds the detail of where
// someone works, what they own, which groups they belong to).
import { INTEREST_LABELS, type InterestInput } from '../../domain/register.ts';
import { INTEREST_KINDS } from '../../domain/roster.ts';
import type { Problem } from '../../domain/result.ts';
import type { StoredInterest } from '../../services/ports/index.ts';
import { MAX_INTERESTS, type InterestRefusal, type RegisterData } from '../../services/interests.ts';
import { STALE, formAgainReply, formatDate, notOnRosterText } from './register.ts';
import type { Block, Form, Reply } from '../../domain/chat/reply.ts';
import { reply } from '../../domain/chat/reply.ts';

/** "Trustee of Riverside Youth Trust: since 2019" */
export function describeInterest(i: InterestInput): string {
  return `${INTEREST_LABELS[i.kind].replace(/ \(.*\)$/, '')} of ${i.organisation}${i.detail ? `: ${i.detail}` : ''}`;
}

export interface RegisterView extends RegisterData {
  timeZone: string;
  /** what just happened ("Saved: …"), shown first */
  notice?: string;
  /** shown after the notice (a "did you mean …?" question) */
  extra?: Block[];
}

const WHAT_TO_DECLARE =
  'Declare every organisation, business or group you work for, own, direct, are a trustee, member or volunteer of, or are paid by. They matter when the partnership decides who gets a contract or a grant.';

function emptyLine(v: RegisterView): string {
  const when = v.confirmedNoneAt ? formatDate(v.confirmedNoneAt, v.timeZone) : null;
  if (v.own) {
    return when
      ? `You have no interests on the register. You confirmed you have nothing to declare on ${when}.`
      : 'You have no interests on the register. If you have nothing to declare, say so with the button below: it is recorded with the date.';
  }
  return when
    ? `${v.owner.name} has no interests on the register and confirmed they have nothing to declare on ${when}.`
    : `${v.owner.name} has no interests on the register and has not confirmed that they have nothing to declare.`;
}

export function registerReply(v: RegisterView): Reply {
  const count = v.interests.length;
  const summary =
    v.notice ??
    (v.own
      ? `Your register of interests: ${count === 1 ? '1 entry' : `${count} entries`}.`
      : `${v.owner.name}’s register of interests: ${count === 1 ? '1 entry' : `${count} entries`}.`);
  const blocks: Block[] = [
    { kind: 'heading', text: v.own ? 'Your register of interests' : `${v.owner.name}’s register of interests` },
  ];
  if (v.notice) blocks.push({ kind: 'text', text: v.notice });
  blocks.push(...(v.extra ?? []));
  if (count === 0) blocks.push({ kind: 'text', text: emptyLine(v) });
  for (const i of v.interests) {
    blocks.push({ kind: 'text', text: describeInterest(i) });
    if (v.own) {
      blocks.push({
        kind: 'actions',
        buttons: [
          { actionId: 'interests.edit', label: 'Edit', value: i.id },
          { actionId: 'interests.remove', label: 'Remove', value: i.id, style: 'danger' },
        ],
      });
    }
  }
  if (v.own) {
    blocks.push({ kind: 'text', text: WHAT_TO_DECLARE });
    const buttons =
      count < MAX_INTERESTS
        ? [{ actionId: 'interests.add', label: 'Add an interest', value: 'new', style: 'primary' as const }]
        : [];
    if (count === 0)
      buttons.push({
        actionId: 'interests.none',
        label: 'I have nothing to declare',
        value: 'none',
        style: 'primary' as const,
      });
    if (buttons.length) blocks.push({ kind: 'actions', buttons });
    blocks.push({
      kind: 'note',
      text: 'Only you, the partnership’s officers and the rep can see your register. It is never shown in a channel.',
    });
  } else {
    blocks.push({
      kind: 'note',
      text: 'Private: only the person, the partnership’s officers and the rep can see a register.',
    });
  }
  return reply(summary, blocks, 'private');
}

/** The interest form, filled with `initial` (an entry being edited, or what was typed). */
function interestFormOf(initial: Record<string, string>, existingId?: string): Form {
  const init = (id: string) => (initial[id] ? { initial: initial[id] } : {});
  return {
    id: existingId ? 'interests.edit' : 'interests.add',
    title: existingId ? 'Edit an interest' : 'Add an interest',
    submitLabel: 'Save',
    ...(existingId ? { context: existingId } : {}),
    fields: [
      {
        id: 'organisation',
        label: 'Organisation, business or group',
        type: 'text',
        required: true,
        maxLength: 200,
        placeholder: 'For example: Riverside Youth Trust',
        ...init('organisation'),
      },
      {
        id: 'kind',
        label: 'Your link with it',
        type: 'select',
        required: true,
        options: INTEREST_KINDS.map((k) => ({ value: k, label: INTEREST_LABELS[k] })),
        ...init('kind'),
      },
      {
        id: 'detail',
        label: 'Detail (optional)',
        type: 'textarea',
        maxLength: 500,
        hint: 'For example your role, or since when.',
        ...init('detail'),
      },
    ],
  };
}

export function interestForm(existing?: StoredInterest): Reply {
  const initial: Record<string, string> = existing
    ? { organisation: existing.organisation, kind: existing.kind, detail: existing.detail ?? '' }
    : {};
  const form = interestFormOf(initial, existing?.id);
  return reply(form.title, [{ kind: 'form', form }], 'private');
}

/** The interest form back with each problem under its field, what was typed kept. */
export const interestFormAgain = (
  problems: readonly Problem[],
  typed: Record<string, string>,
  existingId?: string,
): Reply =>
  formAgainReply('I couldn’t save that interest; nothing was changed', interestFormOf(typed, existingId), problems);

export function confirmRemoveReply(i: StoredInterest): Reply {
  const text = `Remove “${describeInterest(i)}” from your register?`;
  return reply(
    text,
    [
      { kind: 'text', text },
      {
        kind: 'actions',
        buttons: [
          { actionId: 'interests.remove.confirm', label: 'Yes, remove it', value: i.id, style: 'danger' },
          { actionId: 'run.interests', label: 'No, keep it', value: 'keep' },
        ],
      },
    ],
    'private',
  );
}

/** "Did you mean …?" after saving an entry whose organisation is close to a known one. */
export function didYouMeanBlocks(interest: StoredInterest, suggestions: readonly string[]): Block[] {
  const names = suggestions.map((s) => `“${s}”`).join(' or ');
  return [
    {
      kind: 'text',
      text: `“${interest.organisation}” is not a name I know, but it is close to ${names}. Did you mean ${suggestions.length > 1 ? 'one of those' : 'that'}? Using the known name makes sure conflict checks find your entry.`,
    },
    {
      kind: 'actions',
      buttons: [
        ...suggestions.map((s) => ({
          actionId: 'interests.use',
          label: `Use “${s}”`.slice(0, 75),
          value: JSON.stringify({ i: interest.id, o: s }),
          style: 'primary' as const,
        })),
        { actionId: 'interests.keep', label: `Keep “${interest.organisation}”`.slice(0, 75), value: interest.id },
      ],
    },
  ];
}

export const savedNotice = (i: StoredInterest): string => `Saved: ${describeInterest(i)}.`;
export const updatedNotice = (i: StoredInterest): string => `Updated: ${describeInterest(i)}.`;
export const removedNotice = (i: StoredInterest): string => `Removed: ${describeInterest(i)}.`;
export const NOTHING_TO_DECLARE_NOTICE = 'Recorded: you have nothing to declare. Thank you; tell me if that changes.';
export const keptNotice = (i: StoredInterest): string =>
  `Kept “${i.organisation}” as you typed it. If it is another name for a known organisation, an officer can link the two names.`;

export const ONLY_OWN_REGISTER =
  'You can see only your own register of interests: type `/partnership interests`. Officers and the rep can see others’.';

/** Why the register was not shown or changed, for the refusals only this feature has. */
export function interestRefusalText(
  refused: Exclude<InterestRefusal, { code: 'not-permitted' | 'unknown-person' | 'not-found' | 'invalid' }>,
): string {
  switch (refused.code) {
    case 'stale':
      return STALE;
    case 'too-many':
      return `Your register already has ${refused.max} entries, the most I keep for one person. Remove entries that no longer apply, or combine them (one per organisation).`;
    case 'has-entries':
      return `Your register has ${refused.count === 1 ? 'an entry' : `${refused.count} entries`}, so I can’t record “nothing to declare”. Remove the entries that no longer apply first (type \`/partnership interests\`).`;
    case 'not-on-roster':
      return notOnRosterText(refused.name.trim().slice(0, 80), refused.close);
  }
}
