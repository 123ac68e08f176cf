// The words of a decision taken at a meeting: the form the chair or secretary fills in, the
// confirm step when someone with a conflict is recorded as voting, the answer once saved, and
// the lines the record, the minutes (Markdown, CSV) and the conflicts log add for a meeting.
import type { Block, Field, Form, Reply } from '../../domain/chat/reply.ts';
import type { ConflictReason } from '../../domain/coi.ts';
import type { DecisionRecord } from '../../domain/decisions/record.ts';
import type { MeetingResult } from '../../domain/decisions/types.ts';
import { MEETING_FIELDS } from '../../domain/decisions/meeting.ts';
import { formatProblems, type Problem } from '../../domain/result.ts';
import { describeRole, listNames, plural, type Roster } from '../../domain/roster.ts';
import { DateTime } from 'luxon';
import { kindsOf } from './coi-share.ts';
import { describeReasons } from './decision-words.ts';

export const MEETING_FORM_ID = 'decision.meeting';

/** Someone who left the room at a meeting with no conflict recorded. */
export const LEFT_THE_ROOM = 'left the room for this item; did not vote';

/** The form's fields (the command's field check and test/security use this list). */
export const MEETING_FORM_FIELDS = [...MEETING_FIELDS, 'confirm'] as const;

export const DECLARATIONS_HINT =
  'One per line: “Name: kind: organisation: detail”, the kind one of direct-financial, indirect-financial, loyalty or none. For example “Tom Whitfield: loyalty: Riverside Youth Trust: trustee”.';

export function meetingForm(roster: Roster, initial: Record<string, string> = {}, confirm = false): Form {
  const people = roster.people.map((p) => ({ value: p.id, label: `${p.name} (${describeRole(p)})` }));
  const fields: Field[] = [
    { id: 'date', label: 'Date of the meeting', type: 'text', required: true, placeholder: '2026-12-03' },
    { id: 'title', label: 'Title', type: 'text', required: true, maxLength: 150 },
    {
      id: 'kind',
      label: 'Kind',
      type: 'select',
      initial: 'general',
      options: [
        { value: 'general', label: 'General' },
        { value: 'procurement', label: 'Procurement (who gets a contract)' },
        { value: 'grant', label: 'Grant' },
      ],
    },
    {
      id: 'organisations',
      label: 'Organisations involved',
      type: 'text',
      hint: 'Suppliers, bidders or grantees, separated by semicolons. Needed for procurement and grant decisions.',
    },
    { id: 'present', label: 'Present', type: 'multiselect', required: true, options: people },
    { id: 'declarations', label: 'Declarations made at the meeting', type: 'textarea', hint: DECLARATIONS_HINT },
    {
      id: 'left',
      label: 'Left the room for this item',
      type: 'multiselect',
      options: people,
      hint: 'They did not take part in the discussion or the vote.',
    },
    {
      id: 'result',
      label: 'How it was decided',
      type: 'select',
      initial: 'vote',
      options: [
        { value: 'vote', label: 'By a vote (give the counts)' },
        { value: 'consensus', label: 'By consensus' },
      ],
    },
    { id: 'for', label: 'For', type: 'number' },
    { id: 'against', label: 'Against', type: 'number' },
    { id: 'abstain', label: 'Abstained', type: 'number' },
    {
      id: 'outcome',
      label: 'What was decided',
      type: 'textarea',
      required: true,
      maxLength: 1000,
      placeholder: 'Agreed to fund the summer fun day up to £2,000.',
    },
  ];
  if (confirm)
    fields.push({
      id: 'confirm',
      label: 'Save it as it happened',
      type: 'checkbox',
      hint: 'Tick to save the record with the people above shown as having a conflict and voting.',
    });
  return {
    id: MEETING_FORM_ID,
    title: 'Record a meeting decision',
    submitLabel: 'Save',
    fields: fields.map((f) => (initial[f.id] !== undefined ? { ...f, initial: initial[f.id] } : f)),
  };
}

export function meetingFormReply(roster: Roster, initial?: Record<string, string>, problems?: Problem[]): Reply {
  const blocks: Block[] = [];
  const text = problems ? formatProblems(problems) : '';
  if (problems)
    blocks.push({ kind: 'text', text: `The decision was not recorded. Please fix this and send it again:\n${text}` });
  blocks.push({ kind: 'form', form: meetingForm(roster, initial) });
  return {
    summary: problems ? `The decision was not recorded: ${text}` : 'Record a decision taken at a meeting.',
    blocks,
    visibility: 'private',
  };
}

/** One line per person flagged: their name and what the register, relationships or declaration show. */
export const flagLines = (flagged: readonly { name: string; reasons: ConflictReason[] }[]): string[] =>
  flagged.map((f) => `${f.name}: ${describeReasons(f.reasons).join(' ')}`);

export const FLAG_WARNING =
  'Nothing is saved yet. These people have a conflict of interest on the register, in the relationships or in their declaration, but are recorded as staying in the room with a vote:';

/** The confirm step: the flags, privately, and the form again with a box to tick. */
export function meetingConfirmReply(
  roster: Roster,
  flagged: readonly { name: string; reasons: ConflictReason[] }[],
  values: Record<string, string>,
): Reply {
  const advice =
    'If they left the room, add them to “Left the room” and send it again. If they stayed and voted, tick “Save it as it happened”: the record will show it.';
  return {
    summary: `${FLAG_WARNING} ${flagged.map((f) => f.name).join(', ')}.`,
    blocks: [
      { kind: 'text', text: FLAG_WARNING },
      { kind: 'list', items: flagLines(flagged) },
      { kind: 'text', text: advice },
      { kind: 'form', form: meetingForm(roster, { ...values, confirm: 'false' }, true) },
    ],
    visibility: 'private',
  };
}

export function meetingRecordedReply(
  d: { number: number; title: string; id: string },
  flagged: number,
  canShare: boolean,
): Reply {
  const { number, title } = d;
  const text = `Recorded: Decision ${number} (“${title}”), taken at a meeting.${flagged ? ` The record shows ${plural(flagged, 'person', 'people')} with a conflict who stayed and voted.` : ''} \`/partnership decision ${number}\` shows the record.`;
  return {
    summary: text,
    blocks: [
      { kind: 'text', text },
      ...(canShare
        ? [
            {
              kind: 'actions' as const,
              buttons: [{ actionId: 'decision.share', label: 'Share the conflicts log in the channel', value: d.id }],
            },
          ]
        : []),
    ],
    visibility: 'private',
  };
}

const day = (heldOn: string, zone: string): string =>
  DateTime.fromISO(heldOn, { zone }).setLocale('en-GB').toFormat('cccc d LLLL yyyy');

const resultWords = (result: MeetingResult): string =>
  result.by === 'consensus'
    ? 'by consensus'
    : `by a vote: for ${result.for}, against ${result.against}, abstained ${result.abstain}`;

/** The record's facts line for a meeting decision (in place of the ballot and closing time). */
export function meetingFactsLine(r: DecisionRecord): string | null {
  const m = r.meeting;
  if (!m) return null;
  return `${r.partnership}. ${r.kind[0]!.toUpperCase()}${r.kind.slice(1)} decision taken at a meeting on ${day(m.heldOn, r.timeZone)}; recorded by ${r.createdBy}.`;
}

/** The result for a meeting decision (in place of the tally sentence). */
export function meetingResultLine(r: DecisionRecord): string | null {
  const m = r.meeting;
  return m ? `Decided ${resultWords(m.result)}. ${m.outcome}` : null;
}

/** Who was there, who left the room, and anyone flagged: the private record and the minutes. */
export function meetingLines(r: DecisionRecord): string[] {
  const m = r.meeting;
  if (!m) return [];
  return [
    `Present: ${listNames(m.present)}.`,
    m.left.length ? `Left the room for this item: ${listNames(m.left)}.` : 'Nobody left the room for this item.',
    ...(m.flagged.length
      ? [`Recorded as voting despite a conflict (the recorder confirmed it): ${flagLines(m.flagged).join(' ')}`]
      : []),
  ];
}

/** The conflicts log for the channel: who stayed despite a conflict, by kind only. */
export const meetingLogLines = (r: DecisionRecord): string[] =>
  (r.meeting?.flagged ?? []).map((f) => `${f.name}: ${kindsOf(f.reasons)} interest; stayed in the room and voted`);

/** The CSV's rows for a meeting. */
export function meetingCsvRows(r: DecisionRecord): string[][] {
  const m = r.meeting;
  if (!m) return [];
  return [
    ['meeting', 'held on', m.heldOn, '', ''],
    ['meeting', 'result', resultWords(m.result), '', ''],
    ['meeting', 'outcome', m.outcome, '', ''],
    ...m.present.map((name) => ['meeting', 'present', '', name, '']),
    ...m.left.map((name) => ['meeting', 'left the room', '', name, '']),
    ...m.flagged.flatMap((f) =>
      f.reasons.map((reason) => [
        'meeting',
        'voted despite a conflict',
        [reason.kind, reason.organisation, reason.detail].filter(Boolean).join(': '),
        f.name,
        '',
      ]),
    ),
  ];
}
