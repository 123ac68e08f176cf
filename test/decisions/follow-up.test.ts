// Reasons and nudges: a voter adds a short reason to an open-ballot vote (refused on a secret
// ballot, with nothing stored), shown in the record; the chair reminds, privately, only those who
// have not declared or voted, at most once every 12 hours per decision.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { replyText, type Reply } from '../../src/domain/chat/reply.ts';
import { buildRecord } from '../../src/domain/decisions/record.ts';
import { recordCsv, recordMarkdown } from '../../src/bot/views/decision-minutes.ts';
import { erasePerson, exportPerson } from '../../adapters/persistence/privacy.ts';
import { createWorld, type World } from './world.ts';

let world: World;
const text = (replies: Reply[]) => replies.map(replyText).join('\n');
const buttons = (replies: Reply[]) =>
  replies.flatMap((r) => r.blocks.flatMap((b) => (b.kind === 'actions' ? b.buttons : [])));
const recordOf = async (id: string) => {
  const state = (await world.db.stores.decisions.find({ id }))!;
  return buildRecord(state, await world.db.stores.rosters.loadRoster(state.decision.partnershipId));
};
async function voteAs(name: string, id: string, option: number) {
  await world.click(name, 'decision.declare.none', id, 'direct');
  return world.click(name, 'decision.vote', `${id}:${option}`, 'direct');
}

beforeAll(async () => {
  world = await createWorld();
});
afterAll(async () => world?.close());

describe('a reason with a vote', () => {
  let open: string;
  beforeAll(async () => {
    open = await world.start({ title: 'Bench for the green' });
  });

  it('is offered after an open-ballot vote, kept, and shown with the vote in the record and exports', async () => {
    const voted = await voteAs('Rosa Novak', open, 0);
    expect(buttons(voted)).toContainEqual({ actionId: 'decision.reason', label: 'Add a reason', value: open });
    const [form] = await world.click('Rosa Novak', 'decision.reason', open, 'direct');
    expect(form!.blocks[0]).toMatchObject({ kind: 'form', form: { id: 'decision.reason', context: open } });
    const saved = await world.submit(
      'Rosa Novak',
      'decision.reason',
      { reason: '  Older residents asked for it.  ' },
      open,
      'direct',
    );
    expect(text(saved)).toContain('Your reason for voting For on Decision 1 is saved');
    const r = await recordOf(open);
    expect(recordMarkdown(r)).toMatch(
      /- Rosa Novak: For \(Tue 20 Oct 2026, 10:15am\)\. Reason: “Older residents asked for it\.”/,
    );
    expect(recordCsv(r)).toContain('vote reason,For,Older residents asked for it.,Rosa Novak,');
  });

  it('is cleared when the vote changes, since it was the reason for the other choice', async () => {
    await world.click('Rosa Novak', 'decision.vote', `${open}:1`, 'direct');
    expect(recordMarkdown(await recordOf(open))).not.toContain('Older residents');
  });

  it('refuses an empty or too long reason, and a reason before voting, saying why; nothing is stored', async () => {
    expect(text(await world.submit('Rosa Novak', 'decision.reason', { reason: '   ' }, open, 'direct'))).toMatch(
      /The reason is empty/,
    );
    expect(
      text(await world.submit('Rosa Novak', 'decision.reason', { reason: 'x'.repeat(281) }, open, 'direct')),
    ).toMatch(/281 characters long; keep it to 280/);
    expect(text(await world.submit('Kwame Mensah', 'decision.reason', { reason: 'Because' }, open, 'direct'))).toMatch(
      /You haven’t voted on Decision 1 yet, so there is no vote to give a reason for/,
    );
    expect((await world.db.database.db.vote.findMany({ where: { reason: { not: null } } })).length).toBe(0);
  });

  it('is refused on a secret ballot, clearly, and nothing is stored', async () => {
    const secret = await world.start({ title: 'Honorarium', ballot: 'secret' });
    const voted = await voteAs('Rosa Novak', secret, 0);
    expect(buttons(voted).map((b) => b.actionId)).not.toContain('decision.reason');
    const refused = await world.submit(
      'Rosa Novak',
      'decision.reason',
      { reason: 'I think it is fair' },
      secret,
      'direct',
    );
    expect(text(refused)).toMatch(
      /is a secret ballot, so it takes no reasons: a reason would tell others how you voted\. Nothing was saved\./,
    );
    expect(text(await world.click('Rosa Novak', 'decision.reason', secret, 'direct'))).toMatch(/secret ballot/);
    const rows = await world.db.database.db.vote.findMany({ where: { decisionId: secret } });
    expect(rows.map((v) => v.reason)).toEqual([null]);
    const audit = await world.db.database.db.auditEvent.findMany({ where: { action: 'decision.vote.reason' } });
    expect(audit.every((a) => !(a.after ?? '').includes('fair'))).toBe(true);
  });
});

describe('the chair’s reminder to those who haven’t answered', () => {
  let id: string;
  beforeAll(async () => {
    id = await world.start({ title: 'Skip hire' });
    await voteAs('Rosa Novak', id, 0);
    await world.click('Kwame Mensah', 'decision.declare.none', id, 'direct');
  });

  it('is a button on the chair’s record, not on a member’s', async () => {
    const chair = await world.command('Margaret Okafor', 'decision 3', 'direct');
    expect(buttons(chair)).toContainEqual({
      actionId: 'decision.remind',
      label: 'Remind those who haven’t answered',
      value: id,
    });
    expect(buttons(await world.command('Rosa Novak', 'decision 3', 'direct')).map((b) => b.actionId)).not.toContain(
      'decision.remind',
    );
  });

  it('messages privately only those who have not declared or voted', async () => {
    world.notifier.clear();
    const sent = await world.click('Margaret Okafor', 'decision.remind', id, 'direct');
    const reminded = new Set(world.notifier.toPeople.map((m) => m.personId));
    expect(reminded.has(world.id('Rosa Novak'))).toBe(false);
    expect(reminded.has(world.id('Kwame Mensah'))).toBe(true); // declared, not voted
    expect(reminded.has(world.id('Aisha Rahman'))).toBe(true);
    expect(reminded.has(world.id('Priya Patel'))).toBe(true);
    expect(reminded.has(world.id('Linda Marsh'))).toBe(false); // no vote
    expect(world.notifier.textsTo(world.id('Kwame Mensah')).join('\n')).toMatch(/Reminder: Decision 3/);
    expect(world.notifier.channelText()).not.toMatch(/Reminder: Decision 3/);
    expect(text(sent)).toMatch(
      new RegExp(
        `I reminded ${reminded.size} members privately who had not declared or voted on Decision 3\\. The next reminder can be sent from Tue 20 Oct, 10:15pm\\.`,
      ),
    );
  });

  it('is refused within 12 hours, saying when it can next be used; then works again', async () => {
    world.notifier.clear();
    world.clock.set('2026-10-20T20:00:00Z');
    const again = await world.click('Margaret Okafor', 'decision.remind', id, 'direct');
    expect(text(again)).toMatch(
      /were reminded less than 12 hours ago.*You can send the next reminder from Tue 20 Oct, 10:15pm\./,
    );
    expect(world.notifier.toPeople).toEqual([]);
    world.clock.set('2026-10-20T21:16:00Z');
    await world.click('Margaret Okafor', 'decision.remind', id, 'direct');
    expect(world.notifier.toPeople.length).toBeGreaterThan(0);
  });

  it('is refused to a member, who is told who may', async () => {
    world.notifier.clear();
    world.clock.set('2026-10-22T12:00:00Z');
    expect(text(await world.click('Rosa Novak', 'decision.remind', id, 'direct'))).toMatch(
      /Only the chair, or the person who put this decision, can do that\./,
    );
    expect(world.notifier.toPeople).toEqual([]);
  });
});

describe('a reason is personal data', () => {
  it('is in the voter’s own export, and cleared when they are erased', async () => {
    const open = await world.start({ title: 'Allotment water butts' });
    await voteAs('David Hughes', open, 1);
    await world.submit('David Hughes', 'decision.reason', { reason: 'Against: the green floods.' }, open, 'direct');
    const db = world.db.database.db;
    const lookup = { partnershipId: world.partnership.id, name: 'David Hughes' };
    expect(JSON.stringify(await exportPerson(db, lookup))).toContain('Against: the green floods.');
    await erasePerson(db, lookup, null);
    expect((await db.vote.findMany({ where: { personId: world.id('David Hughes') } })).map((v) => v.reason)).toEqual([
      null,
    ]);
  });
});
