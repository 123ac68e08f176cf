// The local policies register and private concerns, through the real server (app, bot, SQLite,
// scheduler) with the playground's platform; only the outside world (who receives a private
// message) is recorded. Tests pass `now` explicitly.
import { afterEach, describe, expect, it } from 'vitest';
import { replyText, type Reply } from '../../src/domain/chat/reply.ts';
import type { Inbound } from '../../src/domain/chat/inbound.ts';
import { exportPerson } from '../../adapters/persistence/privacy.ts';
import { rosterToCsv, rosterToJson } from '../../src/services/roster-file/export.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { RecordingNotifier } from '../support/recording-notifier.ts';
import { CHANNEL, TestClock, userIdOf } from '../decisions/world.ts';

let t: TestApp;
afterEach(async () => t?.close());

const text = (replies: Reply[]) => replies.map(replyText).join('\n');

async function start(at = '2026-10-20T09:15:00Z') {
  const clock = new TestClock(new Date(at));
  t = await startTestApp({ SEED_DEMO: 'true' }, { clock });
  const { app } = t;
  const recorder = new RecordingNotifier();
  app.notifier.register('web', recorder);
  const partnership = (await app.stores.rosters.findPartnership('northfield'))!;
  const roster = await app.stores.rosters.loadRoster(partnership.id);
  await app.stores.directory.bindChannel(
    { partnershipId: partnership.id, platform: 'web', workspaceId: 'local', channelId: CHANNEL.channelId },
    roster.people[0]!.id,
  );
  for (const p of roster.people) await app.stores.directory.linkIdentity(p.id, 'web', 'local', userIdOf(p.name));
  const id = (name: string) => roster.people.find((p) => p.name === name)!.id;
  const send = (name: string, inbound: Inbound, where: 'channel' | 'direct' = 'direct') =>
    app.bot.handle({
      conversation: where === 'channel' ? CHANNEL : { ...CHANNEL, channelId: `D-${userIdOf(name)}`, kind: 'direct' },
      speaker: { userId: userIdOf(name), workspaceId: 'local' },
      inbound,
    });
  const command = (name: string, t: string, where?: 'channel' | 'direct') =>
    send(name, { type: 'command', text: t }, where);
  const submit = (name: string, formId: string, values: Record<string, string>, context?: string) =>
    send(name, { type: 'form', formId, values, ...(context ? { context } : {}) });
  const sentTo = (name: string) =>
    recorder.toUsers.filter((m) => m.userId === userIdOf(name)).map((m) => replyText(m.reply));
  const job = app.scheduler.jobs.find((j) => j.name === 'policy-reviews')!;
  return { app, clock, recorder, partnership, id, send, command, submit, sentTo, job };
}

describe('the local policies register', () => {
  it('the chair records a policy; any member reads it; bad dates are explained; a paid worker cannot record', async () => {
    const w = await start();
    const bad = await w.submit('Margaret Okafor', 'policies.save', {
      kind: 'code-of-conduct',
      adoptedOn: '31/02/2025',
      reviewOn: 'soon',
    });
    expect(text(bad)).toContain('The policy was not saved');
    expect(text(bad)).toContain('Adopted on: “31/02/2025” is not a date');
    expect(text(bad)).toContain('Next review: “soon” is not a date');
    // the form itself comes back: each problem under its field, what was typed kept, no "Try again"
    const again = bad.flatMap((r) => r.blocks).find((b) => b.kind === 'form');
    const field = (id: string) => (again?.kind === 'form' ? again.form.fields.find((f) => f.id === id) : undefined);
    expect(field('adoptedOn')?.error).toMatch(/^“31\/02\/2025” is not a date/);
    expect(field('adoptedOn')?.initial).toBe('31/02/2025');
    expect(field('reviewOn')?.error).toMatch(/^“soon” is not a date/);
    expect(field('kind')?.error).toBeUndefined();
    expect(field('kind')?.initial).toBe('code-of-conduct');
    expect(text(bad)).not.toContain('Try again');
    expect(await w.app.database.db.policy.count()).toBe(0);

    const saved = await w.submit('Margaret Okafor', 'policies.save', {
      kind: 'code-of-conduct',
      name: '',
      adoptedOn: '1 March 2025',
      reviewOn: '1/3/2027',
      link: 'https://example.org/coc.pdf',
    });
    expect(text(saved)).toContain('Recorded: Code of conduct.');
    const updated = await w.submit('Sam Taylor', 'policies.save', {
      kind: 'code-of-conduct',
      name: 'code of  conduct',
      adoptedOn: '2025-03-01',
      reviewOn: '2026-11-20',
    });
    expect(text(updated)).toContain('Updated: code of conduct.');
    expect(await w.app.database.db.policy.count()).toBe(1);

    const read = text(await w.command('Rosa Novak', 'policies'));
    expect(read).toContain('Local policies of Northfield Big Local');
    expect(read).toContain('code of conduct: adopted 1 March 2025; next review 20 November 2026 (within a month)');
    expect(read).toContain('Not recorded: conflicts of interest policy.');
    expect(read).not.toContain('Record a policy');

    const refused = await w.submit('Jo Brooks', 'policies.save', { kind: 'loyalty', adoptedOn: '2025-01-01' });
    expect(text(refused)).toContain('Only the chair or the rep can do that.');
    expect(await w.app.database.db.policy.count()).toBe(1);
    expect(await w.app.database.db.auditEvent.count({ where: { action: { startsWith: 'policy.' } } })).toBe(2);
  });

  it('reminds the chair and the rep privately a month before the review and on the day, once each', async () => {
    const w = await start();
    await w.submit('Margaret Okafor', 'policies.save', {
      kind: 'conflicts-of-interest',
      adoptedOn: '2024-12-01',
      reviewOn: '2026-12-01',
    });
    await w.app.scheduler.tick(w.job, new Date('2026-10-31T09:15:00Z'));
    expect(w.sentTo('Margaret Okafor')).toEqual([]);
    await w.app.scheduler.tick(w.job, new Date('2026-11-01T09:15:00Z'));
    await w.app.scheduler.tick(w.job, new Date('2026-11-01T09:16:00Z')); // a second run: nothing more
    await w.app.scheduler.tick(w.job, new Date('2026-11-02T09:15:00Z'));
    expect(w.sentTo('Margaret Okafor')).toHaveLength(1);
    expect(w.sentTo('Margaret Okafor')[0]).toContain('is due for review in a month, on 1 December 2026');
    expect(w.sentTo('Sam Taylor')).toHaveLength(1);
    expect(w.sentTo('Rosa Novak')).toEqual([]);
    await w.app.scheduler.tick(w.job, new Date('2026-12-01T09:15:00Z'));
    await w.app.scheduler.tick(w.job, new Date('2026-12-01T10:15:00Z'));
    expect(w.sentTo('Margaret Okafor')).toHaveLength(2);
    expect(w.sentTo('Margaret Okafor')[1]).toContain('is due for review (1 December 2026)');
    expect(w.sentTo('Sam Taylor')).toHaveLength(2);
    expect(w.recorder.posted).toEqual([]);
  });

  it('is evidence beside question 2 and in the review export', async () => {
    const w = await start();
    await w.submit('Sam Taylor', 'policies.save', {
      kind: 'other',
      name: 'Expenses policy',
      adoptedOn: '2023-05-01',
      reviewOn: '2026-05-01',
    });
    const form = text(await w.command('Sam Taylor', 'review answer'));
    expect(form).toContain('1 local policy recorded, 1 overdue for review');
    expect(form).toContain('Policy: Expenses policy: adopted 1 May 2023; next review 1 May 2026 (overdue)');
    const file = (await w.command('Sam Taylor', 'review export md')).find((r) => r.attachment)!;
    expect(file.attachment!.content).toContain('## Local policies (evidence for question 2)');
    expect(file.attachment!.content).toContain('| Expenses policy | 2023-05-01 | 2026-05-01 (overdue) |  |');
  });
});

describe('raising a concern', () => {
  const secret = 'At the fun day the treasurer shouted at a volunteer';

  it('goes only to the reviewer (the rep by default), is acknowledged, and never reaches a channel', async () => {
    const w = await start();
    const form = text(await w.command('Rosa Novak', 'concern', 'channel'));
    expect(form).toContain('Raise a concern');
    const ack = await w.submit('Rosa Novak', 'concerns.raise', {
      kind: 'code-of-conduct',
      about: w.id('Tom Whitfield'),
      text: secret,
    });
    expect(ack.every((r) => r.visibility === 'private')).toBe(true);
    expect(text(ack)).toContain('has gone privately to Sam Taylor, the partnership’s concern reviewer');
    expect(w.sentTo('Sam Taylor').join('\n')).toContain(secret);
    expect(w.sentTo('Tom Whitfield')).toEqual([]);
    expect(w.sentTo('Margaret Okafor')).toEqual([]);
    expect(w.recorder.posted).toEqual([]);

    const concern = (await w.app.database.db.concern.findFirst())!;
    expect(concern).toMatchObject({ status: 'open', reviewerId: w.id('Sam Taylor') });
    // only the reviewer may close it
    const other = await w.submit('Margaret Okafor', 'concerns.outcome', { outcome: 'done' }, concern.id);
    expect(text(other)).toContain('That button is from an older message');
    const empty = await w.submit('Sam Taylor', 'concerns.outcome', { outcome: '  ' }, concern.id);
    expect(text(empty)).toContain('Outcome: say what was done or decided');
    const closed = await w.submit(
      'Sam Taylor',
      'concerns.outcome',
      { outcome: 'Talked with both; apology made.' },
      concern.id,
    );
    expect(text(closed)).toContain('Concern 1 is closed');
    expect(w.sentTo('Rosa Novak').join('\n')).toContain('Outcome: Talked with both; apology made.');
    const again = await w.submit('Sam Taylor', 'concerns.outcome', { outcome: 'twice' }, concern.id);
    expect(text(again)).toContain('Concern 1 was already closed');

    // the person concerned: that a concern was recorded, its kind and status; not who raised it, nor its words
    const exported = JSON.stringify(
      await exportPerson(w.app.database.db, { partnershipId: w.partnership.id, name: 'Tom Whitfield' }),
    );
    expect(exported).toContain('"concernsAboutThisPerson":[{"kind":"code-of-conduct","status":"closed"');
    expect(exported).not.toContain(secret);
    expect(exported).not.toContain('apology');
    expect(exported).not.toContain(w.id('Rosa Novak'));
    const audit = await w.app.database.db.auditEvent.findMany({ where: { action: { startsWith: 'concern.' } } });
    expect(JSON.stringify(audit)).not.toContain(secret);
  });

  it('about the reviewer goes to the chair; about both, the sender is told to contact Local Trust', async () => {
    const w = await start();
    const toChair = await w.submit('Rosa Novak', 'concerns.raise', {
      kind: 'misuse-of-funds',
      about: w.id('Sam Taylor'),
      text: 'Receipts are missing',
    });
    expect(text(toChair)).toContain('has gone privately to the chair, Margaret Okafor');
    expect(text(toChair)).toContain('report any potential misuse of funds to Local Trust');
    expect(text(toChair)).toContain('020 3588 0565');
    expect(w.sentTo('Margaret Okafor').join('\n')).toContain('Receipts are missing');
    expect(w.sentTo('Sam Taylor')).toEqual([]);

    const named = await w.command('Margaret Okafor', 'settings');
    expect(text(named)).toContain('Concern reviewer');
    await w.app.stores.rosters.updateSettings(
      w.partnership.id,
      { ...w.partnership.settings, concernReviewer: 'Margaret Okafor' },
      null,
    );
    const nobody = await w.submit('Rosa Novak', 'concerns.raise', {
      kind: 'other',
      about: w.id('Margaret Okafor'),
      text: 'The chair decides alone',
    });
    expect(text(nobody)).toContain('there is nobody on the roster who can review it impartially');
    expect(text(nobody)).toContain('info@localtrust.org.uk');
    expect(w.sentTo('Margaret Okafor').join('\n')).not.toContain('The chair decides alone');
    expect(w.recorder.posted).toEqual([]);
  });

  it('is in no other export: the roster file and the review export never mention one', async () => {
    const w = await start();
    await w.submit('Rosa Novak', 'concerns.raise', {
      kind: 'code-of-conduct',
      about: w.id('Tom Whitfield'),
      text: secret,
    });
    expect(await w.app.database.db.concern.count()).toBe(1);
    const roster = await w.app.stores.rosters.loadRoster(w.partnership.id);
    const files = [rosterToJson(roster), ...Object.values(rosterToCsv(roster))];
    for (const format of ['md', 'csv']) {
      const file = (await w.command('Sam Taylor', `review export ${format}`)).find((r) => r.attachment);
      files.push(file!.attachment!.content);
    }
    for (const file of files) {
      expect(file).not.toContain(secret);
      expect(file).not.toMatch(/concerns? (raised|about)|code-of-conduct|code of conduct concern/i);
    }
  });

  it('refuses a reviewer who is not on the roster, saying why', async () => {
    const w = await start();
    const r = await w.submit('Margaret Okafor', 'settings.change', { concernReviewer: 'Nobody Here' });
    expect(text(r)).toContain('must be someone on the roster; “Nobody Here” is not');
  });
});
