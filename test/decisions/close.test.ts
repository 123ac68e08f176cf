// Closing (the chair, everyone voted), what stays hidden until then, secret ballots, and the
// record in chat.
import { afterEach, describe, expect, it } from 'vitest';
import { replyText, type Reply } from '../../src/domain/chat/reply.ts';
import { createWorld, type World } from './world.ts';

let world: World;
afterEach(async () => world?.close());

const GRANT = { title: 'Youth trust summer grant', kind: 'grant', organisations: 'Riverside Youth Trust' };
const text = (replies: Reply[]) => replies.map(replyText).join('\n');
const said = (replies: Reply[]) => replies.map((r) => r.summary).join('\n');
const card = (w: World) => replyText(w.notifier.current(w.notifier.posted[0]!.ref.messageId)!);
/** the eight members eligible on the youth trust grant (Priya Patel, a trustee, is recused) */
const ELIGIBLE = [
  'Margaret Okafor',
  'David Hughes',
  'Tom Whitfield',
  'Sarah Whitfield',
  'Aisha Rahman',
  'Gareth Jones',
  'Kwame Mensah',
  'Helen Brooks',
  'Rosa Novak',
];

async function voteAs(w: World, id: string, name: string, option: number) {
  await w.click(name, 'decision.declare.none', id);
  return w.click(name, 'decision.vote', `${id}:${option}`);
}

describe('closing a decision', () => {
  it('the chair closes it after confirming; the card shows the result and the chair is told', async () => {
    world = await createWorld();
    const id = await world.start(GRANT);
    await voteAs(world, id, 'Rosa Novak', 0);
    await voteAs(world, id, 'Gareth Jones', 1);
    expect(said(await world.click('Rosa Novak', 'decision.close', id))).toBe(
      'Only the chair, or the person who put this decision, can do that.',
    );
    const confirm = await world.click('Margaret Okafor', 'decision.close', id);
    expect(text(confirm)).toMatch(/Close Decision 1 .* now\? 2 of 9 eligible members have voted/);
    expect((await world.db.stores.decisions.find({ id }))!.decision.status).toBe('open');
    const closed = await world.click('Margaret Okafor', 'decision.close.confirm', id);
    expect(text(closed)).toMatch(/Decision 1 is closed/);
    const state = (await world.db.stores.decisions.find({ id }))!;
    expect(state.decision).toMatchObject({ status: 'closed', closeReason: 'chair', closedAt: world.clock.now() });
    expect(card(world)).toMatch(/Closed: Tue 20 Oct, 10:15am/);
    expect(card(world)).toMatch(/For 1, Against 1, Abstain 0\. Tied: For and Against have 1 vote each\./);
    expect(card(world)).toMatch(/Only 2 voted: quorum not met/);
    expect(world.notifier.textsTo(world.id('Margaret Okafor')).join('\n')).toMatch(
      /Decision 1 .* has closed by the chair\./,
    );
    expect(text(await world.click('Kwame Mensah', 'decision.declare.none', id))).toMatch(
      /closed at Tue 20 Oct, 10:15am, so it no longer takes declarations or votes/,
    );
    expect(text(await world.click('Rosa Novak', 'decision.vote', `${id}:1`))).toMatch(
      /no longer takes declarations or votes/,
    );
    expect(text(await world.click('Margaret Okafor', 'decision.close.confirm', id))).toMatch(/no longer takes/); // closing twice changes nothing
    const closes = await world.db.database.db.auditEvent.count({ where: { subjectId: id, action: 'decision.close' } });
    expect(closes).toBe(1);
  });

  it('closes by itself when every eligible member has voted', async () => {
    world = await createWorld();
    const id = await world.start(GRANT, 'David Hughes');
    for (const [i, name] of ELIGIBLE.entries()) await voteAs(world, id, name, i < 6 ? 0 : 1);
    const state = (await world.db.stores.decisions.find({ id }))!;
    expect(state.decision).toMatchObject({ status: 'closed', closeReason: 'all-voted' });
    expect(state.decision.outcome).toMatchObject({
      eligible: 9,
      voted: 9,
      required: 5,
      residentsVoted: 7,
      residentMajority: true,
    });
    expect(card(world)).toMatch(/For 6, Against 3, Abstain 0\. Most votes: For \(6\)\./);
    expect(card(world)).toMatch(/9 voted: quorum met/);
    expect(card(world)).toMatch(/Residents were 7 of the 9 who voted \(77\.8%\): a resident majority/);
    expect(world.notifier.textsTo(world.id('Margaret Okafor')).join('\n')).toMatch(
      /has closed because every eligible member has voted/,
    );
  });
});

describe('what stays hidden', () => {
  it('results shown after close are hidden everywhere until then, and cannot be revealed early', async () => {
    world = await createWorld();
    const id = await world.start({ ...GRANT, visibility: 'after-close' });
    await voteAs(world, id, 'Rosa Novak', 0);
    expect(card(world)).toMatch(/Results are hidden until voting closes/);
    expect(card(world)).not.toMatch(/For: 1/);
    const record = text(await world.command('Margaret Okafor', 'decision 1'));
    expect(record).toMatch(/Results are hidden until the decision closes/);
    expect(record).toMatch(/Rosa Novak \(Tue 20 Oct 2026, 10:15am\)/); // who voted, not how
    expect(record).not.toMatch(/Rosa Novak: For/);
    const amend = await world.submit('Margaret Okafor', 'decision.amend', { visibility: 'live' }, id);
    expect(text(amend)).toMatch(
      /Nothing was changed\. Results hidden until the decision closes can’t be revealed early/,
    );
    await world.click('Margaret Okafor', 'decision.close.confirm', id);
    expect(card(world)).toMatch(/For: 1/);
    expect(text(await world.command('Margaret Okafor', 'decision 1'))).toMatch(/Rosa Novak: For/);
  });

  it('a secret ballot records no names and can never be made open', async () => {
    world = await createWorld();
    const id = await world.start({ ...GRANT, ballot: 'secret' });
    await voteAs(world, id, 'Rosa Novak', 0);
    await voteAs(world, id, 'Kwame Mensah', 1);
    expect(text(await world.submit('Margaret Okafor', 'decision.amend', { ballot: 'open' }, id))).toMatch(
      /A secret ballot can never be made open/,
    );
    await world.click('Margaret Okafor', 'decision.close.confirm', id);
    const record = text(await world.command('Margaret Okafor', 'decision 1'));
    expect(record).toMatch(/2 members voted\. This was a secret ballot: no names are recorded against votes\./);
    expect(record).not.toMatch(/Rosa Novak: For|Kwame Mensah: Against|Rosa Novak \(/);
    const audit = await world.db.database.db.auditEvent.findMany({ where: { subjectId: id, action: 'decision.vote' } });
    expect(audit.map((a) => JSON.parse(a.after!))).toEqual([
      { personId: world.id('Rosa Novak'), secret: true },
      { personId: world.id('Kwame Mensah'), secret: true },
    ]);
  });

  it('the chair may move the closing time', async () => {
    world = await createWorld();
    const id = await world.start(GRANT);
    expect(text(await world.click('Margaret Okafor', 'decision.amend', id))).toMatch(/Change Decision 1/);
    expect(said(await world.submit('Margaret Okafor', 'decision.amend', { closes: 'next friday 5pm' }, id))).toBe(
      'Decision 1 changed: it now closes Fri 30 Oct, 5pm.',
    );
    expect((await world.db.stores.decisions.find({ id }))!.decision.closesAt.toISOString()).toBe(
      '2026-10-30T17:00:00.000Z',
    );
    expect(card(world)).toMatch(/Closes: Fri 30 Oct, 5pm/);
    expect(text(await world.submit('Rosa Novak', 'decision.amend', { closes: 'next friday 5pm' }, id))).toMatch(
      /Only the chair, or the person who put this decision/,
    );
  });
});

describe('the record in chat', () => {
  it('officers see the conflicts log privately, with the minutes as a file; members see counts and their own part', async () => {
    world = await createWorld();
    const id = await world.start(GRANT);
    await world.submit(
      'Gareth Jones',
      'decision.declare',
      { kind: 'loyalty', detail: 'I coach the trust’s football team' },
      id,
    );
    await voteAs(world, id, 'Rosa Novak', 0);
    const [officer] = await world.command('David Hughes', 'decision 1');
    expect(officer?.visibility).toBe('private');
    const log = replyText(officer!);
    expect(log).toMatch(
      /Gareth Jones: declared a loyalty interest in Riverside Youth Trust: I coach the trust’s football team/,
    );
    expect(log).toMatch(/Rosa Novak: no interest/);
    expect(log).toMatch(
      /Priya Patel: loyalty interest \(Riverside Youth Trust\): Register of interests: Priya Patel: trustee of Riverside Youth Trust/,
    );
    expect(officer!.attachment).toMatchObject({
      filename: 'decision-1.md',
      mimeType: 'text/markdown',
      content: expect.stringMatching(/^# Decision 1: Youth trust summer grant/),
    });
    const [member] = await world.command('Rosa Novak', 'decision 1');
    const own = replyText(member!);
    expect(own).toMatch(/2 declared; 2 members recused\./);
    expect(own).toMatch(/You declared no interest\. You voted For\./);
    expect(own).not.toMatch(/Gareth|Priya|football|trustee/);
    expect(member!.attachment).toBeUndefined();
    expect(text(await world.send('Rosa Novak', { type: 'text', text: 'show me decision 7' }))).toMatch(
      /can’t find that decision/,
    );
  });

  it('only the chair may share the conflicts log with the channel', async () => {
    world = await createWorld();
    const id = await world.start(GRANT);
    expect(said(await world.click('Rosa Novak', 'decision.share', id))).toBe('Only the chair can do that.');
    expect(said(await world.click('David Hughes', 'decision.share', id))).toBe('Only the chair can do that.');
    expect(text(await world.click('Margaret Okafor', 'decision.share', id))).toMatch(
      /conflicts log for Decision 1 is now in the channel/,
    );
    const shared = world.notifier.posted.at(-1)!;
    expect(shared.conversation.channelId).toBe('C-partnership');
    expect(replyText(shared.reply)).toMatch(
      /Conflicts of interest log: Decision 1[\s\S]*Priya Patel: loyalty interest[\s\S]*Shared by Margaret Okafor for the minutes/,
    );
    expect(
      await world.db.database.db.auditEvent.count({ where: { subjectId: id, action: 'decision.share-conflicts' } }),
    ).toBe(1);
  });

  it('lists the open decisions with where the person stands, and reaches the declaration flow from words', async () => {
    world = await createWorld();
    const first = await world.start(GRANT);
    await world.start({ title: 'Fun day budget', closes: 'tomorrow 9am' });
    await voteAs(world, first, 'Rosa Novak', 2);
    const list = text(await world.command('Rosa Novak', 'decisions'));
    expect(list).toMatch(/Decision 2: Fun day budget \(closes Wed 21 Oct, 9am\)\. You have not declared yet\./);
    expect(list).toMatch(/Decision 1: Youth trust summer grant \(closes Fri 23 Oct, 5pm\)\. You voted Abstain\./);
    expect(text(await world.command('Priya Patel', 'decisions'))).toMatch(/Decision 1: .*You are recused\./);
    expect(text(await world.command('Jo Brooks', 'decisions'))).toMatch(/You don’t vote on it\./);
    const which = await world.send('Kwame Mensah', { type: 'text', text: 'I need to declare an interest' }, 'direct');
    expect(text(which)).toMatch(/Which decision is your declaration about\?/);
    expect(text(await world.command('Kwame Mensah', 'declare 2'))).toMatch(
      /Before you vote: do you have an interest to declare\?[\s\S]*Decision 2 \(“Fun day budget”\) closes Wed 21 Oct, 9am/,
    );
    expect(text(await world.command('Kwame Mensah', 'declare 9'))).toMatch(/has no Decision 9/);
  });
});
