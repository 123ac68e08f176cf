// The reply model as plain text (the CLI's output, and a readable form for logs of tests), and
// the one way a reply writes a date (docs/house-style.md).
import { DateTime } from 'luxon';
import type { Block, Reply, Tone } from '../../domain/chat/reply.ts';
import { clockWords as clock, dayWords as day, whenWords } from '../../domain/when-words.ts';

// Marks say what to do, not a verdict: a checklist line can name a person (docs/house-style.md).
const MARK: Record<Tone, string> = { pass: '[ok]', fail: '[to fix]', warn: '[to watch]', info: '[note]' };

function blockText(b: Block): string[] {
  switch (b.kind) {
    case 'heading':
      return ['', b.text.toUpperCase()];
    case 'text':
      return [b.text];
    case 'note':
      return [`(${b.text})`];
    case 'facts':
      return b.facts.map((f) => `${f.label}: ${f.value}`);
    case 'list':
      return b.items.map((i) => `- ${i}`);
    case 'checklist':
      return b.items.flatMap((i) => [
        `${MARK[i.tone]} ${i.title}: ${i.text}`,
        ...(i.fix ? [`       Fix: ${i.fix}`] : []),
        ...(i.details ?? []).map((d) => `       ${d}`),
      ]);
    case 'actions':
      return [];
    case 'form':
      return [`${b.form.title}: ${b.form.fields.map((f) => f.label).join(', ')}`];
    case 'divider':
      return [''];
  }
}

export const replyToText = (r: Reply): string => `${r.blocks.flatMap(blockText).join('\n').trim()}\n`;

export interface WhenOptions {
  /** add the year, for records that outlive it ("Fri 4 Dec 2026, 5pm") */
  year?: boolean;
}

// Sweeps write the same instant into thousands of messages: remember the last few thousand.
const said = new Map<string, string>();
function remember(key: string, make: () => string): string {
  const known = said.get(key);
  if (known !== undefined) return known;
  const text = make();
  if (said.size >= 5_000) said.clear();
  said.set(key, text);
  return text;
}

/** A time zone, or settings that carry one (a partnership's). */
export type Zone = string | { timeZone: string };
const zoneOf = (zone: Zone): string => (typeof zone === 'string' ? zone : zone.timeZone);

/** A setting's wall-clock time ("17:30") as a reply says it ("5:30pm"); anything else as it is. */
export function formatClock(hhmm: string): string {
  const m = /^(\d{1,2}):(\d{2})$/.exec(hhmm);
  return m ? clock(DateTime.fromObject({ hour: Number(m[1]), minute: Number(m[2]) })) : hhmm;
}

/** "Fri 4 Dec, 5pm" in the partnership's time zone (Europe/London unless its settings say otherwise). */
export function formatWhen(at: Date, zone: Zone = 'Europe/London', options: WhenOptions = {}): string {
  const timeZone = zoneOf(zone);
  return remember(`w|${at.getTime()}|${timeZone}|${options.year ? 'y' : ''}`, () =>
    whenWords(at, timeZone, options.year),
  );
}

/** "Fri 4 Dec 2026": a day without its time (a deadline, the day a register was confirmed). */
export function formatDay(at: Date, zone: Zone = 'Europe/London', options: WhenOptions = { year: true }): string {
  const timeZone = zoneOf(zone);
  return remember(`d|${at.getTime()}|${timeZone}|${options.year ? 'y' : ''}`, () =>
    day(DateTime.fromJSDate(at, { zone: timeZone }), options.year),
  );
}
