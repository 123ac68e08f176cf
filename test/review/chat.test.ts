// Review season in chat, through the real bot core and a real database: members confirm with
// one click, the rep answers the four questions beside the bot's evidence, snoozes, downloads
// and submits. Who may do what, and what is never shown in a channel.
import { parse } from 'csv-parse/sync';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { replyText, type Reply } from '../../src/domain/chat/reply.ts';
import type { PartnershipRef } from '../../src/services/ports/index.ts';
import { createDemoDatabase, type TestDatabase } from '../support/db.ts';
import { FakeClock } from '../support/fake-clock.ts';
import { TimedRecordingNotifier as RecordingNotifier } from '../support/timed-notifier.ts';
import { chat, demoRoster, email, type Chat } from './helpers.ts';

let db: TestDatabase & { partnership: PartnershipRef };
let clock: FakeClock;
let notifier: RecordingNotifier;
let people: Chat;
beforeEach(async () => {
  db = await createDemoDatabase();
  clock = new FakeClock('2026-09-02T10:00:00Z');
  notifier = new RecordingNotifier(clock);
  people = chat(db.stores, clock, notifier);
});
afterEach(() => db.close());

const SAM = email('Sam Taylor');
const buttons = (r: Reply | undefined) => (r?.blocks ?? []).flatMap((b) => (b.kind === 'actions' ? b.buttons : []));
const form = (r: Reply | undefined) => (r?.blocks ?? []).flatMap((b) => (b.kind === 'form' ? [b.form] : []))[0];
const personId = async (name: string) =>
  (await db.stores.rosters.loadRoster(db.partnership.id)).people.find((p) => p.name === name)!.id;
const FOUR = {
  'reflects-community': 'yes',
  'followed-policies': 'yes',
  'ethos-values': 'partly',
  'ethos-values.comment': 'More open meetings planned.',
  'coi-guidance': 'yes',
};

describe('membership confirmation', () => {
  it('a member confirms with one click; the date is stored and shown back to them', async () => {
    const [before] = await people.say(email('Gareth Jones'), 'review');
    expect(before?.summary).toBe(
      'You have not confirmed your membership of Northfield Big Local for the 2026 review yet.',
    );
    expect(buttons(before).map((b) => [b.label, b.value])).toEqual([
      ['Yes, I’m a member and I live in the area', '2026:resident'],
      ['Yes, I’m a member but I don’t live in the area', '2026:non-resident'],
      ['I’m no longer a member', '2026:left'],
    ]);
    const [done] = await people.click(email('Gareth Jones'), 'review.confirm', '2026:resident');
    expect(done).toMatchObject({ replaceOriginal: true, visibility: 'private' });
    expect(done?.summary).toContain('confirmed on Wed 2 Sep 2026');
    // the yearly confirmation points to the signed form when none is recorded
    expect(done?.summary).toContain('Your signed partnership membership form is not recorded yet');
    const row = await db.database.db.membershipConfirmation.findFirstOrThrow({
      where: { personId: await personId('Gareth Jones') },
    });
    expect(row).toMatchObject({
      year: 2026,
      resident: true,
      member: true,
      confirmedAt: new Date('2026-09-02T10:00:00Z'),
    });
    const [after] = await people.say(email('Gareth Jones'), 'review');
    expect(after?.summary).toBe(
      'On Wed 2 Sep 2026 you confirmed that you are a member of Northfield Big Local and that you live in the area.',
    );
  });

  it('refuses last year’s button, and a click by someone who is not a member', async () => {
    const [old] = await people.click(email('Gareth Jones'), 'review.confirm', '2025:resident');
    expect(old?.summary).toContain('That button was for the 2025 review, which is over.');
    const [worker] = await people.click(email('Jo Brooks'), 'review.confirm', '2026:resident');
    expect(worker?.summary).toContain('Only partnership members confirm their membership');
    const [forged] = await people.click(email('Gareth Jones'), 'review.confirm', '2026:everything');
    expect(forged?.summary).toContain('older message');
    expect(await db.database.db.membershipConfirmation.count()).toBe(0);
  });

  it('“I’m no longer a member” tells the rep privately', async () => {
    const [r] = await people.click(email('Aisha Rahman'), 'review.confirm', '2026:left');
    expect(r?.summary).toContain('I have told the rep, who will update the roster.');
    expect(notifier.sent.map((s) => [s.personId, s.reply.summary])).toEqual([
      [
        await personId('Sam Taylor'),
        'Aisha Rahman says they are no longer a member of Northfield Big Local (partnership review 2026).',
      ],
    ]);
  });

  it('an answer that differs from the roster is passed to the rep as a detail to fix', async () => {
    const [r] = await people.click(email('Kwame Mensah'), 'review.confirm', '2026:non-resident');
    expect(r?.summary).toContain('The roster has you as living in the area');
    const [status] = await people.say(SAM, 'review');
    expect(replyText(status!)).toContain(
      'Kwame Mensah confirmed they do not live in the area, but the roster says they do: update the roster.',
    );
  });
});

describe('the rep’s review', () => {
  it('shows the full status privately, and only counts in a channel', async () => {
    await people.click(email('Gareth Jones'), 'review.confirm', '2026:resident');
    const [full] = await people.say(SAM, 'review');
    const text = replyText(full!);
    expect(full?.visibility).toBe('private');
    expect(text).toContain('1 of 11 members confirmed their membership and resident status.');
    expect(text).toContain('Margaret Okafor, David Hughes');
    expect(text).toContain('Season: open until Thu 31 Dec 2026');
    expect(text).toContain('Nudges to the rep: Mondays at 10am; in the deadline’s month Mondays and Thursdays');

    await db.stores.directory.bindChannel(
      { partnershipId: db.partnership.id, platform: 'web', workspaceId: 'local', channelId: 'c-general' },
      'test',
    );
    const [inChannel] = await people.bot.handle({
      conversation: { platform: 'web', workspaceId: 'local', channelId: 'c-general', kind: 'channel' },
      speaker: { userId: 'u-sam', workspaceId: 'local', email: SAM },
      inbound: { type: 'text', text: 'review status' },
    });
    expect(inChannel?.visibility).toBe('private');
    expect(replyText(inChannel!)).not.toContain('Margaret Okafor');
    expect(replyText(inChannel!)).toContain('Ask me in a direct message to see names');
  });

  it('answers the four questions beside the bot’s evidence, including the decisions’ conflicts logs', async () => {
    const decision = await db.database.db.decision.create({
      data: {
        partnershipId: db.partnership.id,
        number: 1,
        title: 'Grant to the community café',
        kind: 'grant',
        options: '["For","Against"]',
        ballot: 'open',
        visibility: 'channel',
        rules: '{}',
        status: 'closed',
        closesAt: new Date('2026-06-10T18:00:00Z'),
        createdById: await personId('Margaret Okafor'),
        createdAt: new Date('2026-06-01T10:00:00Z'),
      },
    });
    await db.database.db.declaration.createMany({
      data: [
        {
          decisionId: decision.id,
          personId: await personId('Sarah Whitfield'),
          outcome: 'interest',
          kind: 'direct-financial',
        },
        { decisionId: decision.id, personId: await personId('Gareth Jones'), outcome: 'none' },
      ],
    });
    await db.database.db.recusal.create({
      data: { decisionId: decision.id, personId: await personId('Sarah Whitfield'), reasons: '[]' },
    });

    const [r] = await people.say(SAM, 'review answer');
    const f = form(r)!;
    expect(f.id).toBe('review.answers');
    expect(f.context).toBe('2026');
    expect(f.fields.map((x) => `${x.id}:${x.type}`)).toEqual([
      'reflects-community:select',
      'reflects-community.comment:textarea',
      'followed-policies:select',
      'followed-policies.comment:textarea',
      'ethos-values:select',
      'ethos-values.comment:textarea',
      'coi-guidance:select',
      'coi-guidance.comment:textarea',
    ]);
    expect(f.fields[0]?.hint).toBe('In criteria: 11 members, 8 of them residents.');
    const evidence = replyText(r!);
    expect(evidence).toContain('should broadly reflect the range and diversity of people who live in your area');
    expect(evidence).toContain(
      'Decision 1, “Grant to the community café” (closed): 2 declarations, 1 interest declared, 1 member stepped back, 0 votes.',
    );
    expect(evidence).toContain('To watch: Members related to a worker');
    expect(evidence).toContain('No make-up check fails; 1 to watch: Members related to a worker.');

    const [bad] = await people.submit(SAM, 'review.answers', { ...FOUR, 'reflects-community': 'maybe' }, '2026');
    expect(bad?.summary).toContain(
      'Nothing was saved:\n“Does the partnership currently reflect the community?”: choose Yes, Partly or No (got “maybe”).',
    );
    // the form itself comes back: the problem under its question, what was typed kept
    const sentBack = form(bad)!;
    expect(sentBack.id).toBe('review.answers');
    expect(sentBack.context).toBe('2026');
    const field = (id: string) => sentBack.fields.find((x) => x.id === id)!;
    expect(field('reflects-community').error).toBe('Choose Yes, Partly or No (got “maybe”).');
    expect(field('reflects-community').initial).toBe('maybe');
    expect(field('followed-policies').error).toBeUndefined();
    expect(field('followed-policies').initial).toBe(FOUR['followed-policies']);
    expect(await db.database.db.reviewAnswer.count()).toBe(0);

    const [empty] = await people.submit(SAM, 'review.answers', {}, '2026');
    expect(form(empty)?.problems).toEqual([
      'Nothing to save: choose Yes, Partly or No for at least one question, or write a comment.',
    ]);

    const [saved] = await people.submit(
      SAM,
      'review.answers',
      { 'reflects-community': 'yes', 'reflects-community.comment': 'Broadly.' },
      '2026',
    );
    expect(saved?.summary).toBe('Saved 1 answer for the 2026 review.');
    expect(replyText(saved!)).toContain('3 of 4 review questions are unanswered');
    const [again] = await people.say(SAM, 'review answer');
    expect(
      form(again)!
        .fields.slice(0, 2)
        .map((x) => x.initial),
    ).toEqual(['yes', 'Broadly.']);
  });

  it('asks for the plan and timeline when the partnership is out of criteria', async () => {
    await db.stores.rosters.importRoster(
      'northfield',
      demoRoster({ without: ['Gareth Jones', 'Kwame Mensah', 'Rosa Novak', 'Aisha Rahman'] }),
    );
    const [r] = await people.say(SAM, 'review answer');
    const f = form(r)!;
    expect(f.fields.slice(-2).map((x) => x.id)).toEqual(['plan', 'timeline']);
    expect(f.fields.at(-2)?.hint).toContain('Recruit 1 more resident member');
    await people.submit(
      SAM,
      'review.answers',
      { ...FOUR, plan: 'Recruiting at the summer fair.', timeline: 'By March 2027.' },
      '2026',
    );
    const [status] = await people.say(SAM, 'review');
    expect(replyText(status!)).toContain('Plan: Recruiting at the summer fair.');
    expect(replyText(status!)).toContain('Timeline: By March 2027.');
  });

  it('only the chair and the rep snooze nudges; resume starts them again', async () => {
    const [member] = await people.say(email('Gareth Jones'), 'review snooze');
    expect(member?.summary).toBe('Only the chair or the rep can do that.');
    const [chair] = await people.say(email('Margaret Okafor'), 'review snooze');
    expect(chair?.summary).toContain('paused until Wed 9 Sep, 11am');
    expect((await db.stores.rosters.getPartnership(db.partnership.id))?.settings.review.snoozedUntil).toBe(
      '2026-09-09T10:00:00.000Z',
    );
    await people.say(SAM, 'review resume');
    expect((await db.stores.rosters.getPartnership(db.partnership.id))?.settings.review.snoozedUntil).toBeUndefined();
  });

  it('downloads the review as a file, for the chair and the rep only', async () => {
    const [md] = await people.say(SAM, 'review export');
    expect(md?.attachment).toMatchObject({ filename: 'northfield-review-2026.md', mimeType: 'text/markdown' });
    expect(md?.attachment?.content).toContain('# Partnership review 2026: Northfield Big Local');
    const [csv] = await people.click(email('Margaret Okafor'), 'review.export', 'csv');
    expect(csv?.attachment?.filename).toBe('northfield-review-2026.csv');
    const rows = parse(csv!.attachment!.content, { columns: true }) as { section: string; item: string }[];
    expect(rows.filter((x) => x.section === 'member')).toHaveLength(11);
    const [member] = await people.say(email('Gareth Jones'), 'review export csv');
    expect(member?.attachment).toBeUndefined();
    expect(member?.summary).toBe('Only the chair or the rep can do that.');
    const [badYear] = await people.say(SAM, 'review export csv 2027');
    expect(badYear?.summary).toBe('The 2027 review has not started yet: the current review year is 2026.');
  });

  it('is marked as submitted only once the questions are answered, and is then kept as submitted', async () => {
    const [early] = await people.say(SAM, 'review submit');
    expect(early?.summary).toContain(
      'Not yet: before the review is marked as submitted, 4 of 4 review questions are unanswered',
    );
    await people.submit(SAM, 'review.answers', FOUR, '2026');
    clock.set('2026-11-20T15:00:00Z');
    const [prompt] = await people.say(SAM, 'review submit');
    expect(prompt?.summary).toBe(
      'Before you mark the 2026 review of Northfield Big Local as submitted: 1 thing is still open.',
    );
    const yes = buttons(prompt).find((b) => b.actionId === 'review.submit.confirm')!;
    const [done] = await people.click(SAM, 'review.submit.confirm', yes.value);
    expect(done?.summary).toContain('was submitted to Local Trust on Fri 20 Nov 2026');
    const [answer] = await people.say(SAM, 'review answer');
    expect(answer?.summary).toContain('was marked as submitted on Fri 20 Nov 2026');
    const [late] = await people.click(email('Gareth Jones'), 'review.confirm', '2026:resident');
    expect(late?.summary).toContain('already submitted');
    const audit = await db.database.db.auditEvent.findMany({
      where: { action: { startsWith: 'review.' } },
      orderBy: { at: 'asc' },
    });
    expect(audit.map((a) => a.action)).toEqual(['review.answer', 'review.submit']);
  });

  it('the chair or the rep sets the season in a form, checked before anything is saved', async () => {
    const [member] = await people.say(email('Gareth Jones'), 'review settings');
    expect(member?.summary).toBe('Only the chair or the rep can do that.');
    const [r] = await people.say(SAM, 'review settings');
    const f = form(r)!;
    expect(f.id).toBe('review.settings');
    expect(Object.fromEntries(f.fields.map((x) => [x.id, x.initial]))).toMatchObject({
      opensOn: '09-01',
      deadline: '12-31',
      nudgeDays: 'monday',
      finalMonthNudgeDays: 'monday,thursday',
      quietDays: 'sunday',
      confirmationReminders: '2',
    });

    const [bad] = await people.submit(SAM, 'review.settings', {
      deadline: '31-12',
      nudgeAt: '25:00',
      confirmationReminders: '5',
      nudgeDays: ['someday'],
    });
    expect(bad?.summary).toContain('Nothing was saved:');
    expect(bad?.summary).toContain('Deadline (MM-DD): The deadline is not a date in the calendar');
    expect(bad?.summary).toContain('Nudge time (HH:MM): The nudge time must be a 24-hour time HH:MM');
    expect(bad?.summary).toContain(
      'Reminders to confirm membership (at most two): must be 0, 1 or 2 (at most two reminders)',
    );
    expect(bad?.summary).toContain('Nudge the rep on:');
    // the form itself comes back: each problem beside its field, what was typed kept
    const again = form(bad)!;
    const field = (id: string) => again.fields.find((x) => x.id === id)!;
    expect(field('deadline').error).toBe('The deadline is not a date in the calendar');
    expect(field('deadline').initial).toBe('31-12');
    expect(field('nudgeAt').error).toMatch(/^The nudge time must be a 24-hour time HH:MM/);
    expect(field('nudgeAt').initial).toBe('25:00');
    expect(field('confirmationReminders').error).toBe('Must be 0, 1 or 2 (at most two reminders)');
    expect(field('opensOn').error).toBeUndefined();
    expect(field('opensOn').initial).toBe('09-01');
    expect((await db.stores.rosters.getPartnership(db.partnership.id))?.settings.review.deadline).toBe('12-31');

    const [ok] = await people.submit(SAM, 'review.settings', {
      deadline: '11-30',
      nudgeDays: ['tuesday'],
      finalMonthNudgeDays: ['tuesday', 'friday'],
      confirmationReminders: '1',
    });
    expect(ok?.summary).toContain(
      'Saved. The season opens on 09-01 at 09:00 and the review is due by 11-30; nudges on tuesday (tuesday, friday in the deadline’s month)',
    );
    const saved = (await db.stores.rosters.getPartnership(db.partnership.id))!.settings.review;
    expect(saved).toMatchObject({
      deadline: '11-30',
      nudgeDays: ['tuesday'],
      finalMonthNudgeDays: ['tuesday', 'friday'],
      confirmationReminders: 1,
      quietDays: ['sunday'],
    });
    const [status] = await people.say(SAM, 'review');
    expect(replyText(status!)).toContain('Season: open until Mon 30 Nov 2026');
  });
});
