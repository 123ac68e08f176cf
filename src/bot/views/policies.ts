// The local policies register in words: the list (any member, privately), the form the chair or
// the rep records one with, the review reminders, and the evidence lines beside review question 2.
import { POLICY_KINDS, reminderDue, type Policy, type PolicyKind, type ReminderKind } from '../../domain/policies.ts';
import { formatProblems, type Problem } from '../../domain/result.ts';
import type { Block, Form, Reply } from '../../domain/chat/reply.ts';
import { reply } from '../../domain/chat/reply.ts';
import { formAgain, type Typed } from './form-again.ts';
import { FIX } from './form-problems.ts';

export const POLICY_FORM = 'policies.save';

export const KIND_LABELS: Record<PolicyKind, string> = {
  'code-of-conduct': 'Code of conduct',
  'conflicts-of-interest': 'Conflicts of interest',
  'declaration-of-interest': 'Declaration of interest',
  loyalty: 'Loyalty',
  other: 'Other',
};

/** "2026-09-01" as "1 September 2026". */
export function dayWords(day: string): string {
  const date = new Date(`${day}T12:00:00Z`);
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    date,
  );
}

/** "Code of conduct: adopted 1 March 2025; next review 1 March 2027 (overdue); minutes/coc.pdf" */
export function policyLine(p: Policy, today?: string): string {
  const label = KIND_LABELS[p.kind].toLowerCase();
  const kind = p.kind !== 'other' && !p.name.toLowerCase().includes(label) ? ` (${label})` : '';
  const review = p.reviewOn
    ? `next review ${dayWords(p.reviewOn)}${today && p.reviewOn < today ? ' (overdue)' : today && reminderDue(p.reviewOn, today) === 'month-before' ? ' (within a month)' : ''}`
    : 'no review date set';
  return `${p.name}${kind}: adopted ${dayWords(p.adoptedOn)}; ${review}${p.link ? `; ${p.link}` : ''}`;
}

const WHY =
  'Local Trust expects locally agreed policies and procedures, “such as a code of conduct and conflict of interest policies” (Big Local partnerships, 2020). The annual review asks whether the partnership has followed them.';

export function policiesReply(
  partnershipName: string,
  policies: readonly Policy[],
  mayManage: boolean,
  today: string,
  notice?: string,
): Reply {
  const blocks: Block[] = [{ kind: 'heading', text: `Local policies of ${partnershipName}` }];
  if (notice) blocks.push({ kind: 'text', text: notice });
  if (!policies.length)
    blocks.push({
      kind: 'text',
      text: mayManage
        ? 'No policies are recorded yet. Record the ones the partnership has adopted with the button below.'
        : 'No policies are recorded yet. The chair or the rep records the ones the partnership has adopted.',
    });
  for (const p of policies) {
    blocks.push({ kind: 'text', text: policyLine(p, today) });
    if (mayManage)
      blocks.push({ kind: 'actions', buttons: [{ actionId: 'policies.edit', label: 'Update', value: p.id }] });
  }
  const missing = (['code-of-conduct', 'conflicts-of-interest'] as const).filter(
    (k) => !policies.some((p) => p.kind === k),
  );
  if (missing.length)
    blocks.push({
      kind: 'note',
      text: `Not recorded: ${missing.map((k) => KIND_LABELS[k].toLowerCase()).join(' and ')} policy. ${WHY}`,
    });
  if (mayManage) {
    blocks.push({
      kind: 'actions',
      buttons: [{ actionId: 'policies.add', label: 'Record a policy', value: 'new', style: 'primary' }],
    });
    blocks.push({
      kind: 'note',
      text: 'Recording a policy with the name of one already listed updates it. To remove one: `/partnership policies remove <name>`. You and the chair (or rep) are reminded privately a month before a review date, and on the day.',
    });
  }
  const summary = notice ?? `Local policies of ${partnershipName}: ${policies.length} recorded.`;
  return reply(summary, blocks, 'private');
}

/** The form's context when it updates a policy: its title says so when it comes back. */
export const UPDATING = 'update';

/**
 * The form to record a policy, or to update `existing`. `again`: sent back with its problems,
 * what was typed kept (`updating`: it was the update form).
 */
export function policyForm(
  existing: Policy | null,
  again?: { problems: readonly Problem[]; typed: Typed; updating: boolean },
): Reply {
  const updating = existing !== null || again?.updating === true;
  const form: Form = {
    id: POLICY_FORM,
    title: updating ? 'Update a policy' : 'Record a policy',
    submitLabel: 'Save',
    ...(updating ? { context: UPDATING } : {}),
    fields: [
      {
        id: 'kind',
        label: 'Kind',
        type: 'select',
        required: true,
        options: POLICY_KINDS.map((k) => ({ value: k, label: KIND_LABELS[k] })),
        ...(existing ? { initial: existing.kind } : {}),
      },
      {
        id: 'name',
        label: 'Name',
        type: 'text',
        maxLength: 120,
        hint: 'Leave empty to use the kind’s usual name (“Code of conduct”); needed for “Other”.',
        ...(existing ? { initial: existing.name } : {}),
      },
      {
        id: 'adoptedOn',
        label: 'Adopted on',
        type: 'text',
        required: true,
        placeholder: '1/3/2025',
        hint: 'A date such as 2025-03-01, 1/3/2025 or 1 March 2025.',
        ...(existing ? { initial: existing.adoptedOn } : {}),
      },
      {
        id: 'reviewOn',
        label: 'Next review',
        type: 'text',
        placeholder: '1/3/2027',
        hint: 'Optional. You are reminded a month before, and on the day.',
        ...(existing?.reviewOn ? { initial: existing.reviewOn } : {}),
      },
      {
        id: 'link',
        label: 'Link or file',
        type: 'text',
        maxLength: 500,
        hint: 'Optional: a web link, or where the file is kept.',
        ...(existing?.link ? { initial: existing.link } : {}),
      },
    ],
  };
  if (!again) return reply(existing ? `Update: ${existing.name}` : 'Record a policy', [{ kind: 'form', form }]);
  return reply(`The policy was not saved: ${formatProblems(again.problems)}`, [
    { kind: 'text', text: `The policy was not saved. ${FIX}` },
    { kind: 'form', form: formAgain(form, again.problems, again.typed) },
  ]);
}

export const savedNotice = (p: Policy, created: boolean): string => `${created ? 'Recorded' : 'Updated'}: ${p.name}.`;
export const removedNotice = (p: Policy): string => `Removed from the register: ${p.name}.`;

export const tooManyPoliciesText = (max: number): string =>
  `The register holds at most ${max} policies. Remove one you no longer use first: \`/partnership policies remove <name>\`.`;

export const NO_SUCH_POLICY =
  'No policy of that name is recorded. Type `/partnership policies` to see the names, then `/partnership policies remove <name>`.';
export const REMOVE_USAGE = 'Say which policy to remove: `/partnership policies remove Code of conduct`.';

/** The private reminder to the chair or the rep. */
export function policyReminder(partnershipName: string, policy: Policy, reminder: ReminderKind): Reply {
  const when = policy.reviewOn ? dayWords(policy.reviewOn) : '';
  const text =
    reminder === 'due'
      ? `${policy.name} of ${partnershipName} is due for review (${when}). When the partnership has reviewed it, record the new dates with \`/partnership policies\`.`
      : `${policy.name} of ${partnershipName} is due for review in a month, on ${when}. You may want to put it on the next meeting’s agenda.`;
  return reply(
    text,
    [
      { kind: 'heading', text: reminder === 'due' ? 'A policy is due for review' : 'A policy review in a month' },
      { kind: 'text', text },
      { kind: 'actions', buttons: [{ actionId: 'run.policies', label: 'See the policies', value: 'policies' }] },
    ],
    'private',
  );
}
