// Concerns in words. Every reply here is private: a concern, who raised it and whom it is about
// are never said in a channel (docs/concerns.md).
import {
  CONCERN_KINDS,
  MAX_CONCERN_TEXT,
  MAX_OUTCOME_TEXT,
  type Concern,
  type ConcernKind,
} from '../../domain/concerns.ts';
import { formatProblems, type Problem } from '../../domain/result.ts';
import type { Person, Roster } from '../../domain/roster.ts';
import type { Block, Form, Reply } from '../../domain/chat/reply.ts';
import { reply } from '../../domain/chat/reply.ts';
import type { ConcernsView, Raised } from '../../services/concerns.ts';
import { formAgain, type Typed } from './form-again.ts';
import { FIX } from './form-problems.ts';
import { formatDate, personName } from './register.ts';

export const CONCERN_FORM = 'concerns.raise';
export const OUTCOME_FORM = 'concerns.outcome';

export const CONCERN_KIND_LABELS: Record<ConcernKind, string> = {
  'code-of-conduct': 'Code of conduct (behaviour)',
  'misuse-of-funds': 'Possible misuse of funds',
  other: 'Something else',
};
const kindWords = (k: ConcernKind) => CONCERN_KIND_LABELS[k].replace(/ \(.*\)$/, '').toLowerCase();

/** Local Trust's contact details, from its guidance (Big Local partnerships, 2020). */
export const LOCAL_TRUST = 'Local Trust: 020 3588 0565, info@localtrust.org.uk (www.localtrust.org.uk)';
export const MISUSE_OF_FUNDS = `Local Trust asks every partnership to “report any potential misuse of funds to Local Trust” (Big Local partnerships, 2020). You may also report it to Local Trust yourself, in confidence: ${LOCAL_TRUST}.`;
const UNSAFE =
  'If you feel unsafe at any time, consider reporting the behaviour to the police: the partnership and Local Trust can only act within Big Local (Big Local partnerships, 2020).';

/** A form sent back: its problems, and what was sent (kept in the form, which stays private). */
export interface SentBack {
  problems: readonly Problem[];
  typed: Typed;
}

/** The reply carrying a form: with `again`, the form sent back with each problem beside its field. */
function formReply(form: Form, summary: string, notSaved: string, again?: SentBack, intro: Block[] = []): Reply {
  if (!again) return reply(summary, [...intro, { kind: 'form', form }], 'private');
  return reply(
    `${notSaved}: ${formatProblems(again.problems)}`,
    [
      { kind: 'text', text: `${notSaved}. ${FIX}` },
      ...intro,
      { kind: 'form', form: formAgain(form, again.problems, again.typed) },
    ],
    'private',
  );
}

function raiseForm(people: readonly Person[]): Form {
  return {
    id: CONCERN_FORM,
    title: 'Raise a concern',
    submitLabel: 'Send privately',
    fields: [
      {
        id: 'kind',
        label: 'Kind of concern',
        type: 'select',
        required: true,
        options: CONCERN_KINDS.map((k) => ({ value: k, label: CONCERN_KIND_LABELS[k] })),
      },
      {
        id: 'about',
        label: 'About (optional)',
        type: 'select',
        options: [...people].sort((a, b) => a.name.localeCompare(b.name)).map((p) => ({ value: p.id, label: p.name })),
        hint: 'The person the concern is about, if it is about someone.',
      },
      {
        id: 'text',
        label: 'What happened',
        type: 'textarea',
        required: true,
        maxLength: MAX_CONCERN_TEXT,
        hint: 'What, when and who was there, as far as you can say.',
      },
    ],
  };
}

/** The private form to raise a concern; `again`: sent back with its problems, what was written kept. */
export const concernForm = (people: readonly Person[], again?: SentBack): Reply =>
  formReply(raiseForm(people), 'Raise a concern privately.', 'Your concern was not sent', again, [
    {
      kind: 'text',
      text: 'Only the partnership’s concern reviewer sees what you write here, never the person it is about, and it is never posted in a channel.',
    },
  ]);

/** The acknowledgement to the sender: recorded, and where it went. */
export function raisedReply(r: Raised, roster: Roster): Reply {
  const name = personName(roster.people);
  const { concern, routing } = r;
  const lines: string[] = [];
  if (routing.to === 'local-trust')
    lines.push(
      `Your concern is recorded (concern ${concern.number}), but there is nobody on the roster who can review it impartially: the reviewer and the chair are the person it is about, or you. Please contact Local Trust directly: ${LOCAL_TRUST}.`,
    );
  else {
    const who =
      routing.to === 'reviewer'
        ? `${name(routing.reviewerId)}, the partnership’s concern reviewer`
        : `the chair, ${name(routing.reviewerId)}, because the concern reviewer is the person it is about (or you)`;
    lines.push(
      `Thank you. Your concern is recorded (concern ${concern.number}) and has gone privately to ${who}. ${r.delivered ? 'They have been told.' : 'They could not be messaged just now; they will find it with `/partnership concerns`.'} You will be told the outcome when they close it.`,
    );
  }
  if (concern.kind === 'misuse-of-funds') lines.push(MISUSE_OF_FUNDS);
  if (concern.kind === 'code-of-conduct') lines.push(UNSAFE);
  return reply(
    lines[0]!,
    lines.map((text): Block => ({ kind: 'text', text })),
    'private',
  );
}

/** The reviewer's private message: the whole concern, and the button to record its outcome. */
export function reviewerMessage(concern: Concern, roster: Roster): Reply {
  const name = personName(roster.people);
  const tz = roster.partnership.settings.timeZone;
  const blocks: Block[] = [
    { kind: 'heading', text: `Concern ${concern.number} for you to review` },
    {
      kind: 'facts',
      facts: [
        { label: 'Kind', value: CONCERN_KIND_LABELS[concern.kind] },
        { label: 'Raised by', value: concern.raisedById ? name(concern.raisedById) : 'a former member' },
        { label: 'About', value: concern.aboutId ? name(concern.aboutId) : 'nobody named' },
        { label: 'Raised on', value: formatDate(concern.createdAt, tz) },
      ],
    },
    { kind: 'text', text: concern.text },
    {
      kind: 'note',
      text: 'You are asked as the impartial person to review it and propose a response (Big Local partnerships, 2020). Keep it private: do not discuss it in a channel.',
    },
  ];
  if (concern.kind === 'misuse-of-funds') blocks.push({ kind: 'text', text: MISUSE_OF_FUNDS });
  blocks.push({
    kind: 'actions',
    buttons: [{ actionId: 'concerns.outcome', label: 'Record the outcome and close', value: concern.id }],
  });
  return reply(
    `Concern ${concern.number} (${kindWords(concern.kind)}) has been raised with you to review.`,
    blocks,
    'private',
  );
}

/** The reviewer's form to close a concern; `again`: sent back with its problems, what was written kept. */
export const outcomeForm = (concern: Concern, again?: SentBack): Reply =>
  formReply(
    {
      id: OUTCOME_FORM,
      title: `Close concern ${concern.number}`,
      submitLabel: 'Close the concern',
      context: concern.id,
      fields: [
        {
          id: 'outcome',
          label: 'Outcome',
          type: 'textarea',
          required: true,
          maxLength: MAX_OUTCOME_TEXT,
          hint: 'What was done or decided. The person who raised it is told this, privately.',
        },
      ],
    },
    `Record the outcome of concern ${concern.number}.`,
    'The concern was not closed',
    again,
  );

export const closedText = (c: Concern): string =>
  `Concern ${c.number} is closed with your outcome${c.raisedById ? '; the person who raised it has been told' : ''}.`;
export const alreadyClosedText = (c: Concern, tz: string): string =>
  `Concern ${c.number} was already closed${c.closedAt ? ` on ${formatDate(c.closedAt, tz)}` : ''}.`;

/** To the person who raised it. */
export function concernClosedMessage(c: Concern, roster: Roster): Reply {
  const tz = roster.partnership.settings.timeZone;
  const text = `Your concern ${c.number} (${kindWords(c.kind)}), raised on ${formatDate(c.createdAt, tz)}, has been reviewed and closed.`;
  return reply(
    text,
    [
      { kind: 'text', text },
      { kind: 'facts', facts: [{ label: 'Outcome', value: c.outcome ?? '' }] },
      {
        kind: 'note',
        text: `If you are not satisfied with the outcome, you can contact Local Trust: ${LOCAL_TRUST}.`,
      },
    ],
    'private',
  );
}

export function concernsReply(v: ConcernsView, roster: Roster): Reply {
  const name = personName(roster.people);
  const tz = roster.partnership.settings.timeZone;
  const blocks: Block[] = [{ kind: 'heading', text: 'Concerns' }];
  if (v.reviewing.length) {
    blocks.push({ kind: 'text', text: 'For you to review:' });
    for (const c of v.reviewing) {
      blocks.push({
        kind: 'text',
        text: `Concern ${c.number}, ${kindWords(c.kind)}, raised by ${c.raisedById ? name(c.raisedById) : 'a former member'} on ${formatDate(c.createdAt, tz)}${c.aboutId ? `, about ${name(c.aboutId)}` : ''}: ${c.status === 'open' ? 'open' : `closed on ${formatDate(c.closedAt ?? c.createdAt, tz)}`}.`,
      });
      if (c.status === 'open')
        blocks.push({
          kind: 'actions',
          buttons: [
            { actionId: 'concerns.view', label: 'Read it', value: c.id },
            { actionId: 'concerns.outcome', label: 'Record the outcome and close', value: c.id },
          ],
        });
    }
  }
  blocks.push({ kind: 'text', text: v.raised.length ? 'Raised by you:' : 'You have not raised any concern.' });
  for (const c of v.raised)
    blocks.push({
      kind: 'text',
      text: `Concern ${c.number}, ${kindWords(c.kind)}, raised on ${formatDate(c.createdAt, tz)}: ${c.status === 'open' ? (c.reviewerId ? 'being reviewed' : 'recorded; nobody impartial on the roster, contact Local Trust') : `closed on ${formatDate(c.closedAt ?? c.createdAt, tz)}. Outcome: ${c.outcome ?? ''}`}`,
    });
  blocks.push({
    kind: 'actions',
    buttons: [{ actionId: 'run.concern', label: 'Raise a concern', value: 'new' }],
  });
  return reply(
    `Concerns: ${v.reviewing.filter((c) => c.status === 'open').length} open for you to review, ${v.raised.length} raised by you.`,
    blocks,
    'private',
  );
}
