// The form that puts a decision to the partnership, empty or sent back with its problems marked.
import { DEFAULT_OPTIONS } from '../../domain/decisions/types.ts';
import type { Block, Form, Reply } from '../../domain/chat/reply.ts';
import { formatProblems, type Problem } from '../../domain/result.ts';
import { FIX, withProblems } from './form-problems.ts';

/** Examples of a closing time in the house style; each is read by the closing-time validator (test/domain/decisions/when.test.ts). */
export const CLOSES_EXAMPLES = ['Friday 5pm', 'tomorrow 9am', 'in 3 days', 'Fri 4 Dec, 5pm'] as const;
const CLOSES_HINT = `For example ${CLOSES_EXAMPLES.slice(0, -1)
  .map((e) => `“${e}”`)
  .join(', ')} or “${CLOSES_EXAMPLES.at(-1)}” (UK time).`;

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
        hint: CLOSES_HINT,
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

export function createFormReply(
  problems?: readonly Problem[],
  initial?: Record<string, string>,
  channelId?: string,
): Reply {
  const form = createForm(initial, channelId);
  const blocks: Block[] = [];
  if (problems?.length) blocks.push({ kind: 'text', text: `The decision was not started. ${FIX}` });
  blocks.push({ kind: 'form', form: problems?.length ? withProblems(form, problems) : form });
  return {
    summary: problems?.length
      ? `The decision was not started: ${formatProblems(problems)}`
      : 'Put a decision to the partnership.',
    blocks,
    visibility: 'private',
  };
}
