// Every reply about the rep's nudges says what will actually happen, given the review's real
// state: in season or not, paused or not, submitted or reopened, with something outstanding or
// nothing. Each claim is then held against the sweep itself: the real bot and the real sweep on a
// real SQLite database, hour by hour with a fake clock, and the messages the Notifier recorded.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { replyText, type Reply } from '../../src/domain/chat/reply.ts';
import type { PartnershipRef } from '../../src/services/ports/index.ts';
import { createDemoDatabase, type TestDatabase } from '../support/db.ts';
import { FakeClock } from '../support/fake-clock.ts';
import { TimedRecordingNotifier as RecordingNotifier } from '../support/timed-notifier.ts';
import { chat, email, hourlyTicks, kindOf, london, sweep, type Chat } from './helpers.ts';

let db: TestDatabase & { partnership: PartnershipRef };
let clock: FakeClock;
let notifier: RecordingNotifier;
let people: Chat;
beforeEach(async () => {
  db = await createDemoDatabase();
  // Monday 5 October 2026, 14:00 in London: the 10:00 nudge slot has passed, no sweep has run yet
  clock = new FakeClock('2026-10-05T13:00:00Z');
  notifier = new RecordingNotifier(clock);
  people = chat(db.stores, clock, notifier);
});
afterEach(() => db.close());

const SAM = email('Sam Taylor');
const NAME = 'Northfield Big Local';
const FOUR = {
  'reflects-community': 'yes',
  'followed-policies': 'yes',
  'ethos-values': 'partly',
  'coi-guidance': 'yes',
};
const MEMBERS: [string, 'resident' | 'non-resident'][] = [
  ['Margaret Okafor', 'resident'],
  ['David Hughes', 'resident'],
  ['Priya Patel', 'resident'],
  ['Tom Whitfield', 'non-resident'],
  ['Sarah Whitfield', 'resident'],
  ['Aisha Rahman', 'resident'],
  ['Gareth Jones', 'resident'],
  ['Linda Marsh', 'non-resident'],
  ['Kwame Mensah', 'resident'],
  ['Helen Brooks', 'non-resident'],
  ['Rosa Novak', 'resident'],
];

const say = async (text: string): Promise<string> => {
  const [r] = await people.say(SAM, text);
  return r!.summary;
};
const nudgesFact = (r: Reply | undefined) =>
  (r?.blocks ?? []).flatMap((b) => (b.kind === 'facts' ? b.facts : [])).find((f) => f.label === 'Nudges to the rep')
    ?.value;
const status = async () => nudgesFact((await people.say(SAM, 'review'))[0]);

/** Sweeps hour by hour from the clock's hour to `to` (inclusive); returns the nudges sent, in London time. */
async function sweepUntil(to: string): Promise<string[]> {
  const from = new Date(clock.now());
  from.setUTCMinutes(5, 0, 0);
  if (from < clock.now()) from.setUTCHours(from.getUTCHours() + 1);
  const already = notifier.sent.length;
  for (const tick of hourlyTicks(from.toISOString(), to)) {
    clock.set(tick);
    await sweep(db.stores, notifier, tick);
  }
  return notifier.sent
    .slice(already)
    .filter((s) => kindOf(s.reply) === 'nudge')
    .map((s) => london(s.at));
}
const everything = async (to: string): Promise<number> => {
  const already = notifier.sent.length;
  await sweepUntil(to);
  return notifier.sent.length - already;
};

async function allDone() {
  await people.submit(SAM, 'review.answers', FOUR, '2026');
  for (const [name, choice] of MEMBERS) await people.click(email(name), 'review.confirm', `2026:${choice}`);
}

describe('in season', () => {
  it('a slot that has passed undecided: it goes at the next hourly check, and it does', async () => {
    expect(await say('review resume')).toBe(
      `Review nudges for ${NAME} were not paused. The nudge of Mon 5 Oct, 10am has not gone yet: it goes at my next hourly check, if something is still outstanding then. 2 things are outstanding now.`,
    );
    expect(await status()).toBe(
      'Mondays at 10am; in the deadline’s month Mondays and Thursdays (only when something is outstanding); next: at my next hourly check',
    );
    expect(await sweepUntil('2026-10-05T13:05:00Z')).toEqual(['Mon 2026-10-05 14:05 BST']);
    expect(await say('review resume')).toBe(
      `Review nudges for ${NAME} were not paused. The next nudge would come on Mon 12 Oct, 10am, if something is still outstanding then. 2 things are outstanding now.`,
    );
    expect(await sweepUntil('2026-10-12T09:05:00Z')).toEqual(['Mon 2026-10-12 10:05 BST']);
  });

  it('pause says when the first nudge after it comes, and members’ reminders carry on; so they do', async () => {
    expect(await say('review pause')).toBe(
      `Review nudges for ${NAME} are paused until Mon 12 Oct, 2pm. The next nudge would come on Mon 19 Oct, 10am, the first nudge day after the pause, if something is still outstanding then. Members’ confirmation reminders carry on: 11 members have not confirmed yet. \`/partnership review resume\` starts the nudges again.`,
    );
    expect(await status()).toBe(
      'snoozed until Mon 12 Oct, 2pm; Mondays at 10am; in the deadline’s month Mondays and Thursdays (only when something is outstanding); next: Mon 19 Oct, 10am',
    );
    const before = notifier.sent.length;
    expect(await sweepUntil('2026-10-19T09:05:00Z')).toEqual(['Mon 2026-10-19 10:05 BST']);
    // the members were asked to confirm meanwhile: the pause is the rep's nudges only
    expect(notifier.sent.slice(before).filter((s) => kindOf(s.reply) === 'confirm')).toHaveLength(11);
  });

  it('resume after a pause: back on, with the slot the pause would have skipped', async () => {
    await say('review snooze');
    expect(await say('review resume')).toBe(
      `Review nudges for ${NAME} are back on. The nudge of Mon 5 Oct, 10am has not gone yet: it goes at my next hourly check, if something is still outstanding then. 2 things are outstanding now.`,
    );
    expect(await sweepUntil('2026-10-05T13:05:00Z')).toEqual(['Mon 2026-10-05 14:05 BST']);
  });

  it('a slot skipped while paused is not sent after resume: the next one is', async () => {
    await say('review pause');
    await sweepUntil('2026-10-05T15:05:00Z');
    expect(await say('review resume')).toBe(
      `Review nudges for ${NAME} are back on. The next nudge would come on Mon 12 Oct, 10am, if something is still outstanding then. 2 things are outstanding now.`,
    );
    expect(await sweepUntil('2026-10-12T09:05:00Z')).toEqual(['Mon 2026-10-12 10:05 BST']);
  });

  it('with nothing outstanding, says so; and no nudge goes', async () => {
    await allDone();
    expect(await say('review resume')).toBe(
      `Review nudges for ${NAME} were not paused. The nudge of Mon 5 Oct, 10am has not gone yet: it goes at my next hourly check, if something is still outstanding then. Nothing is outstanding now.`,
    );
    expect(await sweepUntil('2026-10-12T09:05:00Z')).toEqual([]);
  });

  it('with no nudge days in the settings, says none will be sent', async () => {
    const p = (await db.stores.rosters.getPartnership(db.partnership.id))!;
    await db.stores.rosters.updateSettings(
      p.id,
      { ...p.settings, review: { ...p.settings.review, nudgeDays: [], finalMonthNudgeDays: [] } },
      null,
    );
    expect(await say('review resume')).toBe(
      `Review nudges for ${NAME} were not paused. No nudges will be sent: the review settings have no nudge days.`,
    );
    expect(await status()).toBe('off');
    expect(await sweepUntil('2026-10-12T09:05:00Z')).toEqual([]);
  });
});

describe('submitted and reopened', () => {
  it('resume and pause on a submitted review say no messages will be sent; none are; reopen brings them back', async () => {
    await people.submit(SAM, 'review.answers', FOUR, '2026');
    await people.say(SAM, 'review submit confirm');
    expect(await say('review resume')).toBe(
      `Review nudges for ${NAME} were not paused. No review messages will be sent for the 2026 review: it was marked as submitted on Mon 5 Oct 2026. If it was marked by mistake, \`/partnership review reopen\` undoes it.`,
    );
    expect(await say('review pause')).toBe(
      `Review nudges for ${NAME} are paused until Mon 12 Oct, 2pm. No review messages will be sent for the 2026 review: it was marked as submitted on Mon 5 Oct 2026. If it was marked by mistake, \`/partnership review reopen\` undoes it.`,
    );
    expect(await say('review resume')).toBe(
      `Review nudges for ${NAME} are no longer paused. No review messages will be sent for the 2026 review: it was marked as submitted on Mon 5 Oct 2026. If it was marked by mistake, \`/partnership review reopen\` undoes it.`,
    );
    expect(await status()).toBe('none: the review is marked as submitted');
    expect(await everything('2026-10-07T11:05:00Z')).toBe(0);

    clock.set('2026-10-07T11:30:00Z');
    const [reopened] = await people.say(SAM, 'review reopen');
    expect(replyText(reopened!)).toContain(
      'The nudge of Mon 5 Oct, 10am has not gone yet: it goes at my next hourly check, if something is still outstanding then. 1 thing is outstanding now.',
    );
    expect(replyText(reopened!)).toContain(
      'Members’ confirmation reminders carry on: 11 members have not confirmed yet.',
    );
    expect(await sweepUntil('2026-10-07T11:05:00Z')).toEqual([]);
    expect(await sweepUntil('2026-10-07T12:05:00Z')).toEqual(['Wed 2026-10-07 13:05 BST']);
  });

  it('submitting says every message stops, and the status says the same', async () => {
    await allDone();
    const [prompt] = await people.say(SAM, 'review submit');
    expect(replyText(prompt!)).toContain('stops every review message for 2026');
    expect(await status()).toMatch(/next: at my next hourly check$/);
    await people.say(SAM, 'review submit confirm');
    expect(await status()).toBe('none: the review is marked as submitted');
    expect(await everything('2026-10-12T09:05:00Z')).toBe(0);
  });
});

describe('out of season', () => {
  it('before the season opens: nothing is sent until then, and the first nudge after it', async () => {
    clock.set('2026-08-20T10:00:00Z');
    expect(await say('review resume')).toBe(
      `Review nudges for ${NAME} were not paused. Nothing is sent before the 2026 review season opens on Tue 1 Sep, 9am. The next nudge would come on Mon 7 Sep, 10am, if something is still outstanding then. 2 things are outstanding now.`,
    );
    expect(await say('review pause')).toBe(
      `Review nudges for ${NAME} are paused until Thu 27 Aug, 11am. Nothing is sent before the 2026 review season opens on Tue 1 Sep, 9am. The next nudge would come on Mon 7 Sep, 10am, the first nudge day after the pause, if something is still outstanding then. \`/partnership review resume\` starts the nudges again.`,
    );
    expect(await everything('2026-09-01T07:05:00Z')).toBe(0);
    expect(await sweepUntil('2026-09-07T09:05:00Z')).toEqual(['Mon 2026-09-07 10:05 BST']);
  });

  it('after the deadline: no review messages', async () => {
    const p = (await db.stores.rosters.getPartnership(db.partnership.id))!;
    await db.stores.rosters.updateSettings(
      p.id,
      { ...p.settings, review: { ...p.settings.review, deadline: '11-30' } },
      null,
    );
    clock.set('2026-12-03T12:00:00Z');
    expect(await say('review resume')).toBe(
      `Review nudges for ${NAME} were not paused. No review messages will be sent: the 2026 review season ended on Mon 30 Nov 2026.`,
    );
    expect(await status()).toBe('none: the season ended on Mon 30 Nov 2026');
    expect(await everything('2026-12-10T12:05:00Z')).toBe(0);
  });
});
