// A decision taken at a meeting, recorded afterwards by the chair or the secretary: when, what,
// who was there, what was declared, who left the room, and the result. What a valid record is;
// the conflict check and what is written are in ./meeting-plan.ts.
import { DateTime } from 'luxon';
import { CONFLICT_KINDS, type ConflictKind } from '../coi.ts';
import { fail, ok, type Problem, type Result } from '../result.ts';
import { listNames, type Person, type Roster } from '../roster.ts';
import { splitList } from './create.ts';
import { DECISION_KINDS, type DecisionKind, type MeetingResult } from './types.ts';

export interface MeetingDeclaration {
  personId: string;
  outcome: 'none' | 'interest';
  kind: ConflictKind | null;
  organisation: string | null;
  detail: string | null;
}

/** A valid meeting record, before the conflict check. */
export interface MeetingDraft {
  title: string;
  kind: DecisionKind;
  organisations: string[];
  heldOn: string;
  /** midnight of the meeting's day in the partnership's zone: the record's "closed" time */
  heldAt: Date;
  present: string[];
  left: string[];
  declarations: MeetingDeclaration[];
  result: MeetingResult;
  outcome: string;
}

/** What the form or the command line sends (every value is untrusted text). */
export type MeetingValues = Record<string, string | string[] | undefined>;

/** The fields of a meeting record, as the form, the file and the flags name them. */
export const MEETING_FIELDS = [
  'date',
  'title',
  'kind',
  'organisations',
  'present',
  'declarations',
  'left',
  'result',
  'for',
  'against',
  'abstain',
  'outcome',
] as const;

const MAX_TITLE = 150;
const MAX_OUTCOME = 1000;
const MAX_DAYS_BACK = 366;

const text = (v: string | string[] | undefined): string => (Array.isArray(v) ? v.join('; ') : (v ?? '')).trim();
/** A multi-select gives a list; typed text is separated by semicolons or lines. */
const items = (v: string | string[] | undefined): string[] =>
  Array.isArray(v) ? v.map((s) => s.trim()).filter(Boolean) : splitList(v ?? '');

const KIND_ALIASES: Record<string, ConflictKind | 'none'> = {
  none: 'none',
  'no interest': 'none',
  direct: 'direct-financial',
  'direct financial': 'direct-financial',
  indirect: 'indirect-financial',
  'indirect financial': 'indirect-financial',
  loyalty: 'loyalty',
};

/** "2026-12-03" or "3/12/2026" (day first): a day on or before today, within the last year. */
function readDay(raw: string, now: Date, zone: string): Result<DateTime, string> {
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(raw);
  const uk = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(raw);
  const [y, m, d] = iso ? [iso[1], iso[2], iso[3]] : uk ? [uk[3], uk[2], uk[1]] : [];
  const wrong = fail('give the day of the meeting as 2026-12-03 or 3/12/2026 (day first), a real date.');
  // luxon throws on a missing unit rather than answering "invalid": nothing typed is checked first
  if (!y || !m || !d) return wrong;
  const day = DateTime.fromObject({ year: Number(y), month: Number(m), day: Number(d) }, { zone });
  if (!day.isValid) return wrong;
  const today = DateTime.fromJSDate(now, { zone }).startOf('day');
  if (day > today) return fail('the meeting must have taken place: give a day no later than today.');
  if (today.diff(day, 'days').days > MAX_DAYS_BACK)
    return fail('record meetings within a year of the day they took place.');
  return ok(day);
}

/** A person named by id (a form's list) or by name as on the roster (typed, case and spaces aside). */
function resolver(roster: Roster) {
  const byId = new Map(roster.people.map((p) => [p.id, p]));
  const key = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').trim();
  const byName = new Map<string, Person[]>();
  for (const p of roster.people) byName.set(key(p.name), [...(byName.get(key(p.name)) ?? []), p]);
  return (word: string): Person | 'unknown' | 'ambiguous' => {
    const found = byId.get(word) ?? byName.get(key(word));
    if (!found) return 'unknown';
    if (Array.isArray(found)) return found.length === 1 ? found[0]! : 'ambiguous';
    return found;
  };
}

function count(raw: string, label: string, problem: (where: string, message: string) => void): number {
  if (raw === '') return 0;
  if (!/^\d{1,4}$/.test(raw)) {
    problem(label, `must be a whole number of votes, such as 5 (got “${raw.slice(0, 20)}”).`);
    return 0;
  }
  return Number(raw);
}

export function validateMeeting(
  values: MeetingValues,
  context: { roster: Roster; now: Date; timeZone: string },
): Result<MeetingDraft, Problem[]> {
  const problems: Problem[] = [];
  const problem = (where: string, message: string) => problems.push({ where, message });
  const person = resolver(context.roster);
  const who = (where: string, words: string[]): string[] => {
    const ids: string[] = [];
    for (const w of words) {
      const p = person(w);
      if (p === 'unknown')
        problem(where, `“${w.slice(0, 60)}” is not on the roster: use their name as the roster has it.`);
      else if (p === 'ambiguous') problem(where, `two people on the roster are called “${w.slice(0, 60)}”.`);
      else if (!ids.includes(p.id)) ids.push(p.id);
    }
    return ids;
  };

  const day = readDay(text(values.date), context.now, context.timeZone);
  if (!day.ok) problem('Date', day.error);

  const title = text(values.title).replace(/\s+/g, ' ');
  if (title.length < 3)
    problem('Title', 'give the decision a short title (at least 3 characters), for example “Summer fun day budget”.');
  else if (title.length > MAX_TITLE) problem('Title', `keep it under ${MAX_TITLE} characters (it is ${title.length}).`);

  const kindText = (text(values.kind) || 'general').toLowerCase();
  const kind = DECISION_KINDS.find((k) => k === kindText);
  if (!kind) problem('Kind', `must be general, procurement or grant (got “${kindText.slice(0, 40)}”).`);
  const organisations = [...new Map(items(values.organisations).map((o) => [o.toLowerCase(), o])).values()];
  if ((kind === 'procurement' || kind === 'grant') && organisations.length === 0)
    problem(
      'Organisations',
      `a ${kind} decision needs the organisations involved, separated by semicolons, so that conflicts of interest can be checked.`,
    );
  if (organisations.some((o) => o.length > 200)) problem('Organisations', 'each name must be under 200 characters.');

  const present = who('Present', items(values.present));
  if (present.length === 0 && !problems.some((p) => p.where === 'Present'))
    problem('Present', 'name who was at the meeting (at least one person from the roster).');
  const left = who('Left the room', items(values.left));
  const absentLeavers = left.filter((id) => !present.includes(id));
  if (absentLeavers.length)
    problem('Left the room', `${namesOf(context.roster, absentLeavers)}: only someone present can leave the room.`);

  const declarations: MeetingDeclaration[] = [];
  for (const line of text(values.declarations)
    .split(/\n/)
    .map((l) => l.trim())
    .filter(Boolean)) {
    const [name = '', kindWord = '', organisation = '', ...rest] = line.split(':').map((s) => s.trim());
    const p = person(name);
    const k = KIND_ALIASES[kindWord.toLowerCase().replace(/-/g, ' ')];
    if (p === 'unknown' || p === 'ambiguous' || !k) {
      problem(
        'Declarations',
        `“${line.slice(0, 80)}”: write one per line as “Name: kind: organisation: detail”, the name as on the roster and the kind one of ${[...CONFLICT_KINDS, 'none'].join(', ')}; organisation and detail may be left out.`,
      );
      continue;
    }
    if (!present.includes(p.id)) problem('Declarations', `${p.name} declared but is not listed as present.`);
    declarations.push({
      personId: p.id,
      outcome: k === 'none' ? 'none' : 'interest',
      kind: k === 'none' ? null : k,
      organisation: k === 'none' ? null : organisation || null,
      detail: k === 'none' ? null : rest.join(':').trim() || null,
    });
  }

  const resultText = text(values.result).toLowerCase();
  let result: MeetingResult | null = null;
  if (resultText === 'consensus' || resultText === 'by consensus') result = { by: 'consensus' };
  else if (resultText === 'vote' || resultText === '') {
    const r = {
      by: 'vote' as const,
      for: count(text(values.for), 'For', problem),
      against: count(text(values.against), 'Against', problem),
      abstain: count(text(values.abstain), 'Abstain', problem),
    };
    if (r.for + r.against + r.abstain === 0)
      problem('Result', 'give the counts for, against and abstaining, or choose “by consensus”.');
    result = r;
  } else problem('Result', `must be “vote” (with the counts) or “consensus” (got “${resultText.slice(0, 40)}”).`);

  const outcome = text(values.outcome);
  if (outcome.length < 3)
    problem('Outcome', 'say what was decided, for example “Agreed to fund the fun day up to £2,000”.');
  else if (outcome.length > MAX_OUTCOME)
    problem('Outcome', `keep it under ${MAX_OUTCOME} characters (it is ${outcome.length}).`);

  if (problems.length || !day.ok || !kind || !result) return fail(problems);
  return ok({
    title,
    kind,
    organisations,
    heldOn: day.value.toISODate()!,
    heldAt: day.value.toJSDate(),
    present,
    left,
    declarations,
    result,
    outcome,
  });
}

const namesOf = (roster: Roster, ids: string[]) =>
  listNames(ids.map((id) => roster.people.find((p) => p.id === id)?.name ?? id));
