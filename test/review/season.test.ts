// A whole review season, September to December 2026, driven hour by hour by a fake clock against
// a real SQLite database with the demo partnership (Northfield Big Local). People act through the
// bot as they would in chat; the recording Notifier shows exactly what went to whom, and when.
import { afterEach, describe, expect, it } from 'vitest';
import { createStores } from '../../adapters/persistence/index.ts';
import { openDatabase, type Database } from '../../adapters/persistence/database.ts';
import { replyText } from '../../src/domain/chat/reply.ts';
import type { PartnershipRef, Stores } from '../../src/services/ports/index.ts';
import { createDemoDatabase, type TestDatabase } from '../support/db.ts';
import { FakeClock } from '../support/fake-clock.ts';
import { TimedRecordingNotifier as RecordingNotifier, type SentMessage } from '../support/timed-notifier.ts';
import { chat, demoRoster, email, hourlyTicks, lastYearDocument, logOf, london, sweep } from './helpers.ts';

let db: (TestDatabase & { partnership: PartnershipRef }) | undefined;
let reopened: Database | undefined;
afterEach(async () => {
  await reopened?.close();
  await db?.close();
  db = reopened = undefined;
});

const NADIA = {
  name: 'Nadia Ali',
  kind: 'member',
  resident: true,
  voting: true,
  roles: [],
  email: 'nadia.ali@example.org',
};

describe('a whole review season', () => {
  it('sends exactly the expected messages, to the right people, at the right times', async () => {
    db = await createDemoDatabase();
    const clock = new FakeClock('2026-08-31T00:05:00Z');
    let stores: Stores = db.stores;
    let notifier = new RecordingNotifier(clock);
    let people = chat(stores, clock, notifier);
    const sent: SentMessage[] = [];
    const roster0 = await stores.rosters.loadRoster(db.partnership.id);
    await stores.reviews.saveSubmission(db.partnership.id, {
      year: 2025,
      submittedAt: new Date('2025-12-01T12:00:00Z'),
      submittedById: null,
      document: lastYearDocument(roster0, 2025),
    });

    const confirm = async (name: string, choice: string) => {
      const [r] = await people.click(email(name), 'review.confirm', `2026:${choice}`);
      expect(r?.summary).toMatch(/Thank you/);
    };
    const changesOk = async () => {
      const [status] = await people.say(email('Sam Taylor'), 'review');
      const button = status!.blocks
        .flatMap((b) => (b.kind === 'actions' ? b.buttons : []))
        .find((b) => b.actionId === 'review.changes-ok');
      const [r] = await people.click(email('Sam Taylor'), 'review.changes-ok', button!.value);
      expect(r?.summary).toMatch(/marked as checked/);
    };
    const events: [string, () => Promise<void>][] = [
      [
        '2026-09-01T11:00:00Z',
        async () => {
          for (const n of [
            'Margaret Okafor',
            'David Hughes',
            'Priya Patel',
            'Sarah Whitfield',
            'Aisha Rahman',
            'Gareth Jones',
          ])
            await confirm(n, 'resident');
          await confirm('Tom Whitfield', 'non-resident');
        },
      ],
      [
        '2026-09-03T17:00:00Z',
        async () => {
          await confirm('Linda Marsh', 'non-resident');
          await confirm('Helen Brooks', 'non-resident');
        },
      ],
      ['2026-09-20T10:00:00Z', () => confirm('Kwame Mensah', 'resident')],
      [
        '2026-09-22T10:00:00Z',
        async () => {
          const [r] = await people.say(email('Sam Taylor'), 'review snooze');
          expect(r?.summary).toContain('paused until Tue 29 Sep, 11am');
        },
      ],
      [
        '2026-09-29T12:00:00Z',
        async () => {
          // Restart: a new process opens the same database with a new notifier, and the
          // scheduler's start-up catch-up runs the last tick again at once.
          sent.push(...notifier.sent);
          reopened = await openDatabase(db!.url);
          stores = createStores(reopened);
          notifier = new RecordingNotifier(clock);
          people = chat(stores, clock, notifier);
          expect((await sweep(stores, notifier, new Date('2026-09-29T08:05:00Z'))).sent).toBe(0);
          expect(notifier.sent).toEqual([]);
        },
      ],
      [
        '2026-10-06T13:00:00Z',
        async () => {
          const [r] = await people.submit(
            email('Sam Taylor'),
            'review.answers',
            {
              'reflects-community': 'partly',
              'reflects-community.comment': 'Younger residents are under-represented.',
              'followed-policies': 'yes',
              'ethos-values': 'yes',
              'coi-guidance': 'yes',
              'coi-guidance.comment': 'Register reviewed in June.',
            },
            '2026',
          );
          expect(r?.summary).toBe('Saved 4 answers for the 2026 review.');
          await changesOk();
        },
      ],
      ['2026-10-14T18:00:00Z', () => confirm('Rosa Novak', 'left')],
      [
        '2026-10-21T09:00:00Z',
        async () => {
          await stores.rosters.importRoster('northfield', demoRoster({ without: ['Rosa Novak'] }));
        },
      ],
      ['2026-10-27T10:00:00Z', changesOk],
      [
        '2026-12-05T20:30:00Z',
        async () => {
          await stores.rosters.importRoster('northfield', demoRoster({ without: ['Rosa Novak'], add: [NADIA] }));
        },
      ],
      ['2026-12-08T12:00:00Z', () => confirm('Nadia Ali', 'resident')],
      ['2026-12-10T15:00:00Z', changesOk],
      [
        '2026-12-15T11:00:00Z',
        async () => {
          const [prompt] = await people.say(email('Sam Taylor'), 'review submit');
          expect(prompt?.summary).toContain('Nothing is outstanding for the 2026 review');
          const yes = prompt!.blocks
            .flatMap((b) => (b.kind === 'actions' ? b.buttons : []))
            .find((b) => b.actionId === 'review.submit.confirm');
          const [r] = await people.click(email('Sam Taylor'), 'review.submit.confirm', yes!.value);
          expect(r?.summary).toContain('was submitted to Local Trust on Tue 15 Dec 2026');
        },
      ],
    ];

    for (const tick of hourlyTicks('2026-08-31T00:05:00Z', '2027-01-01T00:05:00Z')) {
      while (events.length && new Date(events[0]![0]) <= tick) {
        const [at, run] = events.shift()!;
        clock.set(at);
        await run();
      }
      clock.set(tick);
      await sweep(stores, notifier, tick);
    }
    sent.push(...notifier.sent);
    const roster = await stores.rosters.loadRoster(db.partnership.id);
    const everyone = { ...roster, people: [...roster.people, ...roster0.people] };
    const members = roster0.people.filter((p) => p.kind === 'member').map((p) => p.name);

    expect(logOf(sent, everyone)).toEqual([
      'Tue 2026-09-01 09:05 BST open -> Margaret Okafor',
      'Tue 2026-09-01 09:05 BST open -> Sam Taylor',
      ...members.map((n) => `Tue 2026-09-01 09:05 BST confirm -> ${n}`),
      'Mon 2026-09-07 10:05 BST nudge -> Sam Taylor',
      'Mon 2026-09-14 10:05 BST nudge -> Sam Taylor',
      'Tue 2026-09-15 09:05 BST reminder 1 -> Kwame Mensah',
      'Tue 2026-09-15 09:05 BST reminder 1 -> Rosa Novak',
      'Mon 2026-09-21 10:05 BST nudge -> Sam Taylor',
      // Mon 28 September: snoozed
      'Tue 2026-09-29 09:05 BST reminder 2 -> Rosa Novak',
      'Mon 2026-10-05 10:05 BST nudge -> Sam Taylor',
      'Mon 2026-10-12 10:05 BST nudge -> Sam Taylor',
      'Wed 2026-10-14 19:00 BST left -> Sam Taylor',
      'Mon 2026-10-19 10:05 BST nudge -> Sam Taylor',
      // the clocks went back on Sunday 25 October: still 10:05 in London
      'Mon 2026-10-26 10:05 GMT nudge -> Sam Taylor',
      // November: nothing outstanding, no nudges. Nadia joins on a Saturday evening: her request
      // waits for Monday morning; December nudges come twice a week while something is outstanding.
      'Mon 2026-12-07 08:05 GMT confirm -> Nadia Ali',
      'Mon 2026-12-07 10:05 GMT nudge -> Sam Taylor',
      'Thu 2026-12-10 10:05 GMT nudge -> Sam Taylor',
    ]);

    const at = (iso: string) => sent.find((s) => s.at.toISOString() === iso);
    expect(at('2026-10-19T09:05:00.000Z')).toBeDefined();
    expect(at('2026-10-26T10:05:00.000Z')).toBeDefined();
    // Nudges list only what is outstanding.
    const nudges = sent.filter((s) => /still to do/.test(s.reply.summary)).map((s) => replyText(s.reply));
    expect(nudges[0]).toContain('2 members have not confirmed their membership yet: Kwame Mensah and Rosa Novak.');
    expect(nudges[0]).toContain(
      '3 changes since the 2025 review to check: Tom Whitfield: member in 2025, now treasurer. Kwame Mensah joined (member). Members counted: 10 (7 residents) in 2025, now 11 (8 residents).',
    );
    expect(nudges[0]).toContain('4 of 4 review questions are unanswered');
    expect(nudges[3]).toContain('1 member has not confirmed their membership yet: Rosa Novak.');
    expect(nudges[5]).not.toMatch(/unanswered|not confirmed their membership/);
    expect(nudges[5]).toContain('Rosa Novak says they are no longer a member: update the roster.');
    expect(nudges[6]).toContain('Rosa Novak left (was member).');
    expect(nudges[6]).not.toContain('says they are no longer a member');
    expect(nudges[7]).toContain('1 member has not confirmed their membership yet: Nadia Ali.');
    expect(nudges[8]).not.toContain('not confirmed');
    expect(nudges[8]).toContain('Nadia Ali joined (member).');
    // Never at night, never on a Sunday (the "left" notice answers Rosa's own click at once).
    for (const s of sent.filter((x) => kindOfSummary(x) !== 'left')) {
      expect(london(s.at)).not.toMatch(/^Sun/);
      expect(Number(london(s.at).slice(15, 17))).toBeGreaterThanOrEqual(8);
      expect(Number(london(s.at).slice(15, 17))).toBeLessThan(20);
    }
    const rows = await reopened!.db.scheduledSend.findMany({ where: { partnershipId: db.partnership.id } });
    expect(rows.filter((r) => r.status === 'sent')).toHaveLength(sent.length - 1); // all but the immediate "left" notice
    expect(
      rows
        .filter((r) => r.status === 'skipped')
        .map((r) => r.key.split(':')[1])
        .sort(),
    ).toEqual(['2026-W40', '2026-W45', '2026-W46', '2026-W47', '2026-W48', '2026-W49', '2026-W49-2', '2026-W51-1']);
  });
});

const kindOfSummary = (s: SentMessage): string => (/no longer a member/.test(s.reply.summary) ? 'left' : 'scheduled');
