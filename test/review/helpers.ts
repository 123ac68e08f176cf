// Shared by the review-season tests: hourly ticks like the cron job's, people speaking to the
// bot in direct messages, and a readable log of what was sent to whom and when.
import { DateTime } from 'luxon';
import { readFileSync } from 'node:fs';
import { silentLogger } from '../../adapters/log.ts';
import { createBot, type Bot } from '../../src/bot/bot.ts';
import type { Reply } from '../../src/domain/chat/reply.ts';
import { reviewDocument } from '../../src/domain/review/document.ts';
import { reviewStatus } from '../../src/domain/review/status.ts';
import type { ReviewDocument, ReviewRecord } from '../../src/domain/review/types.ts';
import type { Roster } from '../../src/domain/roster.ts';
import { systemClock, type Clock, type Notifier, type Stores } from '../../src/services/ports/index.ts';
import { subscribeNotifications } from '../../src/bot/notifications/index.ts';
import { EventBus } from '../../src/services/events.ts';
import { runReviewSweep, type ReviewSweepDeps, type SweepSummary } from '../../src/services/review/sweep.ts';
import { parseRosterJson } from '../../src/services/roster-file/document.ts';
import { DEMO_ROSTER } from '../support/paths.ts';
import type { SentMessage } from '../support/timed-notifier.ts';

/** Every hour at :05 (UTC and London agree on minutes), from..to inclusive. */
export function* hourlyTicks(from: string, to: string): Generator<Date> {
  const end = new Date(to).getTime();
  for (let t = new Date(from).getTime(); t <= end; t += 60 * 60_000) yield new Date(t);
}

/** What the scheduler gives the sweep: the stores, and a bus whose review notices go through `notifier`. */
export const sweepDeps = (stores: Stores, notifier: Notifier): ReviewSweepDeps => ({
  stores,
  clock: systemClock,
  logger: silentLogger,
  events: subscribeNotifications(new EventBus(), { stores, logger: silentLogger, notifier }),
});

export const sweep = (stores: Stores, notifier: Notifier, now: Date): Promise<SweepSummary> =>
  runReviewSweep({ ...sweepDeps(stores, notifier), paceMs: 0 }, now);

export const london = (at: Date): string => {
  const t = DateTime.fromJSDate(at, { zone: 'Europe/London' });
  return `${t.toFormat('ccc yyyy-MM-dd HH:mm')} ${t.offset === 60 ? 'BST' : 'GMT'}`;
};

/** What a message is, from its text: open, nudge, confirm, reminder N, left. */
export function kindOf(reply: Reply): string {
  if (/ is open: /.test(reply.summary)) return 'open';
  if (/still to do before/.test(reply.summary)) return 'nudge';
  if (reply.summary.startsWith('Please confirm')) return 'confirm';
  if (reply.summary.startsWith('A reminder')) {
    const n = reply.blocks
      .map((b) => (b.kind === 'text' ? /reminder (\d) of/.exec(b.text)?.[1] : undefined))
      .find(Boolean);
    return `reminder ${n}`;
  }
  if (/says they are no longer a member/.test(reply.summary)) return 'left';
  return `other: ${reply.summary}`;
}

export function logOf(sent: readonly SentMessage[], roster: Roster): string[] {
  const name = (id: string) => roster.people.find((p) => p.id === id)?.name ?? id;
  return sent.map((s) => `${london(s.at)} ${kindOf(s.reply)} -> ${name(s.personId)}`);
}

export interface Chat {
  bot: Bot;
  say(email: string, text: string): Promise<Reply[]>;
  click(email: string, actionId: string, value: string): Promise<Reply[]>;
  submit(email: string, formId: string, values: Record<string, string | string[]>, context?: string): Promise<Reply[]>;
}

export function chat(stores: Stores, clock: Clock, notifier: Notifier): Chat {
  const bot = createBot({ stores, clock, logger: silentLogger, notifier });
  const request = (email: string, inbound: Parameters<Bot['handle']>[0]['inbound']) =>
    bot.handle({
      conversation: { platform: 'web', workspaceId: 'local', channelId: `dm-${email}`, kind: 'direct' },
      speaker: { userId: `u-${email}`, workspaceId: 'local', email },
      inbound,
    });
  return {
    bot,
    say: (email, text) => request(email, { type: 'command', text }),
    click: (email, actionId, value) => request(email, { type: 'action', actionId, value }),
    submit: (email, formId, values, context) => request(email, { type: 'form', formId, values, context }),
  };
}

export const email = (name: string): string => `${name.toLowerCase().replace(/ /g, '.')}@example.org`;

/** The demo roster file, changed: people removed by name, people added. */
export function demoRoster(change: { without?: string[]; add?: object[] } = {}): Roster {
  const doc = JSON.parse(readFileSync(DEMO_ROSTER, 'utf8')) as {
    people: { name: string }[];
    relationships: { between: string[] }[];
  };
  const without = new Set(change.without ?? []);
  doc.people = [...doc.people.filter((p) => !without.has(p.name)), ...((change.add ?? []) as { name: string }[])];
  doc.relationships = doc.relationships.filter((r) => !r.between.some((n) => without.has(n)));
  const parsed = parseRosterJson(JSON.stringify(doc), 'demo.json');
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
  return parsed.value.roster;
}

const emptyRecord = (year: number): ReviewRecord => ({
  year,
  confirmations: [],
  answers: [],
  submission: null,
  lastYear: null,
  linked: [],
  unreachable: [],
});

/**
 * Last year's submitted review, made from today's roster with changes: Kwame Mensah had not
 * joined yet and Tom Whitfield was not yet treasurer.
 */
export function lastYearDocument(roster: Roster, year: number): ReviewDocument {
  const doc = reviewDocument(reviewStatus(roster, emptyRecord(year)), roster, [], new Date(`${year}-12-01T12:00:00Z`));
  const members = doc.members
    .filter((m) => m.name !== 'Kwame Mensah')
    .map((m) => (m.name === 'Tom Whitfield' ? { ...m, role: 'member' } : m));
  return {
    ...doc,
    members,
    criteria: { ...doc.criteria, members: doc.criteria.members - 1, residents: doc.criteria.residents - 1 },
    questions: doc.questions.map((q) => ({ ...q, choice: 'yes', comment: 'As last year.' })),
  };
}
