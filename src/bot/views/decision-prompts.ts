// The private side of a decision: the declaration prompt and form, the ballot, the creation and
// amendment forms, reminders. Button values carry ids only; the core re-checks them on every click.
import { CONFLICT_KINDS } from '../../domain/coi.ts';
import { DEFAULT_OPTIONS, type Decision } from '../../domain/decisions/types.ts';
import { formatWhen } from './text.ts';
import { INTEREST_KINDS } from '../../domain/roster.ts';
import type { Block, Form, Reply } from '../../domain/chat/reply.ts';

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

export function interestFormReply(d: Decision, problems?: string, initial?: Record<string, string>): Reply {
  const blocks: Block[] = [];
  if (problems) blocks.push({ kind: 'text', text: `Please fix this and send it again:\n${problems}` });
  blocks.push({ kind: 'form', form: interestForm(d, initial) });
  return {
    summary: problems ? `The declaration was not saved: ${problems}` : `Declare an interest in Decision ${d.number}.`,
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

/** `channelId`: the channel the form was opened in, where the card will go (a modal's submission may arrive without it). */
export function createForm(initial: Record<string, string> = {}, channelId?: string): Form {
  const init = (id: string) => (initial[id] ? { initial: initial[id] } : {});
  return {
    id: 'decision.create',
    title: 'Put a decision to the partnership',
    submitLabel: 'Start the vote',
    ...(channelId ? { context: channelId } : {}),
    fields: [
      {
        id: 'title',
        label: 'Title',
        type: 'text',
        required: true,
        maxLength: 150,
        placeholder: 'Community café catering contract',
        ...init('title'),
      },
      { id: 'description', label: 'Description', type: 'textarea', maxLength: 2000, ...init('description') },
      {
        id: 'kind',
        label: 'Kind',
        type: 'select',
        required: true,
        initial: initial.kind ?? 'general',
        options: [
          { value: 'general', label: 'General' },
          { value: 'procurement', label: 'Procurement (who gets a contract)' },
          { value: 'grant', label: 'Grant' },
        ],
      },
      {
        id: 'organisations',
        label: 'Organisations involved',
        type: 'textarea',
        maxLength: 2000,
        hint: 'Suppliers, bidders or grantees, separated by semicolons. Needed for procurement and grant decisions.',
        ...init('organisations'),
      },
      {
        id: 'options',
        label: 'Options',
        type: 'text',
        maxLength: 700,
        placeholder: DEFAULT_OPTIONS.join('; '),
        hint: `Separated by semicolons; leave empty for ${DEFAULT_OPTIONS.join(' / ')}.`,
        ...init('options'),
      },
      {
        id: 'closes',
        label: 'Voting closes',
        type: 'text',
        required: true,
        maxLength: 100,
        placeholder: 'Friday 5pm',
        hint: 'For example “Friday 5pm”, “tomorrow 9am”, “in 3 days” or “30/11 17:00” (UK time).',
        ...init('closes'),
      },
      {
        id: 'ballot',
        label: 'Ballot',
        type: 'select',
        required: true,
        initial: initial.ballot ?? 'open',
        options: [
          { value: 'open', label: 'Open: the record names who voted' },
          { value: 'secret', label: 'Secret: no names against votes (cannot be made open later)' },
        ],
      },
      {
        id: 'visibility',
        label: 'Results',
        type: 'select',
        required: true,
        initial: initial.visibility ?? 'live',
        hint: 'A secret ballot’s results are shown after close.',
        options: [
          { value: 'live', label: 'Live: counts shown as votes come in' },
          { value: 'after-close', label: 'After close: hidden until voting closes' },
        ],
      },
    ],
  };
}

export function createFormReply(problems?: string, initial?: Record<string, string>, channelId?: string): Reply {
  const blocks: Block[] = [];
  if (problems)
    blocks.push({
      kind: 'text',
      text: `The decision was not started. Please fix this and send it again:\n${problems}`,
    });
  blocks.push({ kind: 'form', form: createForm(initial, channelId) });
  return {
    summary: problems ? `The decision was not started: ${problems}` : 'Put a decision to the partnership.',
    blocks,
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
