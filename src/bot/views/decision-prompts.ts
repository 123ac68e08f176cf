// The private side of a decision: the declaration prompt and form, the ballot, the creation and
// amendment forms, reminders. Button values carry ids only; the core re-checks them on every click.
import { CONFLICT_KINDS } from '../../domain/coi.ts';
import { type Decision } from '../../domain/decisions/types.ts';
import { formatWhen } from './text.ts';
import { INTEREST_KINDS } from '../../domain/roster.ts';
import type { Block, Form, Reply } from '../../domain/chat/reply.ts';
import { formatProblems, type Problem } from '../../domain/result.ts';
import { FIX, withProblems } from './form-problems.ts';

const KIND_LABELS = {
  'direct-financial': 'Direct financial: I (or my business) could benefit',
  'indirect-financial': 'Indirect financial: a close relative or friend could benefit',
  loyalty: 'Loyalty: I am a member or trustee of, or have links with, an organisation involved',
} as const;

const closes = (d: Decision) => formatWhen(d.closesAt, d.rules.timeZone);
const about = (d: Decision) =>
  `Decision ${d.number} (“${d.title}”)${d.organisations.length ? `, involving ${d.organisations.join('; ')},` : ''} closes ${closes(d)}.`;

export const declareButtons = (d: Decision): Block => ({
  kind: 'actions',
  buttons: [
    { actionId: 'decision.declare.none', label: 'No interest', value: d.id, style: 'primary' },
    { actionId: 'decision.declare.interest', label: 'I have an interest', value: d.id },
  ],
});

/** The lead of the prompt to someone who joined (or gained a vote) while the decision is open. */
export const joinedLead =
  'A vote is open that you can now take part in. Before you vote: do you have an interest to declare?';

export function declarationPrompt(d: Decision, lead = 'Before you vote: do you have an interest to declare?'): Reply {
  return {
    summary: `${lead} ${about(d)}`,
    blocks: [
      { kind: 'heading', text: lead },
      { kind: 'text', text: about(d) },
      {
        kind: 'text',
        text: 'You have an interest if you or your business could benefit, a close relative or friend could, or you are a member or trustee of, or have links with, an organisation involved. Declaring is how the partnership stays open and fair; the channel only sees counts.',
      },
      declareButtons(d),
    ],
    visibility: 'private',
  };
}

export function interestForm(d: Decision, initial: Record<string, string> = {}): Form {
  const organisation = initial.organisation ?? (d.organisations.length === 1 ? d.organisations[0] : undefined);
  return {
    id: 'decision.declare',
    title: `Declare an interest: Decision ${d.number}`,
    submitLabel: 'Declare',
    context: d.id,
    fields: [
      {
        id: 'kind',
        label: 'Kind of interest',
        type: 'select',
        required: true,
        options: CONFLICT_KINDS.map((k) => ({ value: k, label: KIND_LABELS[k] })),
        ...(initial.kind ? { initial: initial.kind } : {}),
      },
      {
        id: 'organisation',
        label: 'Organisation',
        type: 'text',
        maxLength: 200,
        hint: d.organisations.length
          ? `One of: ${d.organisations.join('; ')}. Leave empty if it is the decision as a whole.`
          : 'Optional: the organisation your interest is in.',
        ...(organisation ? { initial: organisation } : {}),
      },
      {
        id: 'detail',
        label: 'Detail',
        type: 'textarea',
        required: true,
        maxLength: 500,
        placeholder: 'For example: I am a trustee of the youth trust',
        ...(initial.detail ? { initial: initial.detail } : {}),
      },
      {
        id: 'register',
        label: 'Add to my register',
        type: 'checkbox',
        options: [{ value: 'register', label: 'Also add this to my standing register of interests' }],
      },
      {
        id: 'link',
        label: 'Your link to it (for the register)',
        type: 'select',
        options: INTEREST_KINDS.map((k) => ({ value: k, label: k })),
        hint: 'Needed only when adding it to your register.',
      },
    ],
  };
}

export function interestFormReply(d: Decision, problems?: readonly Problem[], initial?: Record<string, string>): Reply {
  const form = interestForm(d, initial);
  const blocks: Block[] = [];
  if (problems?.length) blocks.push({ kind: 'text', text: `The declaration was not saved. ${FIX}` });
  blocks.push({ kind: 'form', form: problems?.length ? withProblems(form, problems) : form });
  return {
    summary: problems?.length
      ? `The declaration was not saved: ${formatProblems(problems)}`
      : `Declare an interest in Decision ${d.number}.`,
    blocks,
    visibility: 'private',
  };
}

export function ballotReply(d: Decision, current: string | null): Reply {
  const lines = [
    current
      ? `Your vote is ${current}. Choose again to change it until ${closes(d)}.`
      : `Choose your vote. You can change it until ${closes(d)}.`,
  ];
  if (d.ballot === 'secret') lines.push('Secret ballot: the record keeps no names against votes.');
  return {
    summary: `Vote on Decision ${d.number}: ${d.title}.`,
    blocks: [
      { kind: 'heading', text: `Your vote: Decision ${d.number}: ${d.title}` },
      { kind: 'text', text: lines.join(' ') },
      {
        kind: 'actions',
        buttons: d.options.map((label, i) => ({
          actionId: 'decision.vote',
          label,
          value: `${d.id}:${i}`,
          ...(label === current ? { style: 'primary' as const } : {}),
        })),
      },
    ],
    visibility: 'private',
  };
}

export function amendForm(d: Decision): Form {
  return {
    id: 'decision.amend',
    title: `Change Decision ${d.number}`,
    submitLabel: 'Save',
    context: d.id,
    fields: [
      {
        id: 'closes',
        label: 'Voting closes',
        type: 'text',
        maxLength: 100,
        placeholder: closes(d),
        hint: `Now ${closes(d)}. Leave empty to keep it.`,
      },
      ...(d.ballot === 'open'
        ? [
            {
              id: 'ballot',
              label: 'Ballot',
              type: 'select' as const,
              initial: 'open',
              options: [
                { value: 'open', label: 'Open' },
                {
                  value: 'secret',
                  label: 'Secret (only before anyone votes, with results after close; cannot be undone)',
                },
              ],
            },
          ]
        : []),
      ...(d.visibility === 'live'
        ? [
            {
              id: 'visibility',
              label: 'Results',
              type: 'select' as const,
              initial: 'live',
              options: [
                { value: 'live', label: 'Live' },
                { value: 'after-close', label: 'After close (only before anyone votes)' },
              ],
            },
          ]
        : []),
    ],
  };
}

export function reminderReply(d: Decision, needs: 'declare' | 'vote'): Reply {
  const lead = `Reminder: Decision ${d.number} (“${d.title}”) closes ${closes(d)}.`;
  if (needs === 'declare') return declarationPrompt(d, `${lead} You have not declared yet.`);
  return {
    summary: `${lead} You have declared but not voted yet.`,
    blocks: [
      { kind: 'text', text: `${lead} You have declared but not voted yet.` },
      { kind: 'actions', buttons: [{ actionId: 'decision.ballot', label: 'Vote', value: d.id, style: 'primary' }] },
    ],
    visibility: 'private',
  };
}
