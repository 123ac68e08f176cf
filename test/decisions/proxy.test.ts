// Proxy votes through the bot's core on a real SQLite file: off unless the partnership's settings
// allow them, a voting member appointing another for one decision, the proxy voting for them,
// never by or for a recused member, shown as such on an open ballot's record and only counted on
// a secret one.
import { afterEach, describe, expect, it } from 'vitest';
import { replyText, type Reply } from '../../src/domain/chat/reply.ts';
import { createWorld, type World } from './world.ts';

let world: World;
afterEach(async () => world?.close());

const text = (replies: Reply[]) => replies.map(replyText).join('\n');
const said = (replies: Reply[]) => replies.map((r) => r.summary).join('\n');
const formOf = (r: Reply | undefined) => {
  const b = r?.blocks.find((x) => x.kind === 'form');
  return b?.kind === 'form' ? b.form : undefined;
};
const declareNone = (name: string, id: string) => world.click(name, 'decision.declare.none', id, 'direct');
const appoint = (name: string, id: string, holder: string) =>
  world.submit(name, 'decision.proxy', { holder: world.id(holder) }, id, 'direct');

describe('proxy votes', () => {
  it('are off unless the partnership allows them, and say how to turn them on', async () => {
    world = await createWorld();
    await world.start({ title: 'Summer fun day' });
    expect(text(await world.command('Rosa Novak', 'proxy 1', 'direct'))).toContain(
      'does not take proxy votes: the partnership’s settings did not allow them when it was put (the `proxyVotes` setting',
    );
  });

  it('a voting member appoints another; the proxy votes for them; the record says so', async () => {
    world = await createWorld({ settings: { proxyVotes: true } });
    const id = await world.start({ title: 'Summer fun day', ballot: 'open', visibility: 'live' });
    // declare first: a proxy is never used by or for a member with a conflict
    expect(text(await world.command('Rosa Novak', 'proxy 1', 'direct'))).toContain('Please declare any interest');
    await declareNone('Rosa Novak', id);
    const [form] = await world.command('Rosa Novak', 'proxy 1', 'direct');
    const holders = formOf(form)?.fields[0]?.options?.map((o) => o.label) ?? [];
    expect(holders).toContain('Kwame Mensah');
    expect(holders).not.toContain('Rosa Novak');
    expect(holders).not.toContain('Jo Brooks'); // a paid worker never votes
    expect(text(await appoint('Rosa Novak', id, 'Rosa Novak'))).toContain('Choose another voting member');
    expect(said(await appoint('Rosa Novak', id, 'Kwame Mensah'))).toBe(
      'Kwame Mensah is now your proxy for Decision 1 (“Summer fun day”). Tell them: they vote for you with `/partnership proxy 1`. If you vote yourself, your own vote counts instead.',
    );
    expect(text(await appoint('Rosa Novak', id, 'Gareth Jones'))).toContain('You have already appointed a proxy');
    expect(text(await appoint('Aisha Rahman', id, 'Kwame Mensah'))).toContain('Please declare any interest');
    await declareNone('Aisha Rahman', id);
    expect(text(await appoint('Aisha Rahman', id, 'Kwame Mensah'))).toContain('already holds another member’s proxy');

    const [ballot] = await world.command('Kwame Mensah', 'proxy 1', 'direct');
    expect(ballot?.summary).toContain('You hold Rosa Novak’s proxy for Decision 1');
    const forRosa = ballot?.blocks.find((b) => b.kind === 'actions');
    expect(forRosa?.kind === 'actions' && forRosa.buttons.map((b) => b.label)).toEqual([
      'For (for Rosa Novak)',
      'Against (for Rosa Novak)',
      'Abstain (for Rosa Novak)',
    ]);
    expect(text(await world.click('Kwame Mensah', 'decision.proxy.vote', `${id}:0`, 'direct'))).toContain(
      'Please declare any interest',
    );
    await declareNone('Kwame Mensah', id);
    expect(said(await world.click('Kwame Mensah', 'decision.proxy.vote', `${id}:0`, 'direct'))).toBe(
      'Recorded: For, by proxy for Rosa Novak, on Decision 1 (“Summer fun day”).',
    );
    // someone who holds no proxy is told so
    expect(said(await world.click('Gareth Jones', 'decision.proxy.vote', `${id}:1`, 'direct'))).toBe(
      'You do not hold anyone’s proxy for Decision 1 (“Summer fun day”).',
    );
    const record = text(await world.command('Margaret Okafor', 'decision 1', 'direct'));
    expect(record).toMatch(/Rosa Novak: For \(by proxy: Kwame Mensah\)/);
    const row = await world.db.database.db.vote.findFirstOrThrow({ where: { personId: world.id('Rosa Novak') } });
    expect(row).toMatchObject({ option: 'For', byProxy: true });

    // Rosa votes herself after all: her own vote counts, and the proxy is no longer used
    await world.click('Rosa Novak', 'decision.vote', `${id}:1`, 'direct');
    expect(text(await world.click('Kwame Mensah', 'decision.proxy.vote', `${id}:0`, 'direct'))).toContain(
      'has voted on Decision 1 (“Summer fun day”) themselves',
    );
    expect(text(await world.command('Margaret Okafor', 'decision 1', 'direct'))).toMatch(/Rosa Novak: Against \(/);
  });

  it('can be withdrawn until the proxy has voted, then another appointed; withdrawing is audited by ids', async () => {
    world = await createWorld({ settings: { proxyVotes: true } });
    const id = await world.start({ title: 'Summer fun day', ballot: 'open', visibility: 'live' });
    const withdraw = (name: string) => world.click(name, 'decision.proxy.withdraw', id, 'direct');
    expect(said(await withdraw('Rosa Novak'))).toBe('You have no proxy to withdraw for Decision 1 (“Summer fun day”).');
    await declareNone('Rosa Novak', id);
    await appoint('Rosa Novak', id, 'Kwame Mensah'); // the wrong name picked from the list
    expect(text(await appoint('Rosa Novak', id, 'Gareth Jones'))).toContain(
      'withdraw it first: `/partnership proxy 1`',
    );
    const [shown] = await world.command('Rosa Novak', 'proxy 1', 'direct');
    expect(shown?.summary).toBe(
      'Kwame Mensah holds your proxy for Decision 1 (“Summer fun day”) and has not voted with it yet. You can withdraw it, then appoint someone else or vote yourself.',
    );
    const button = shown?.blocks.find((b) => b.kind === 'actions');
    expect(button?.kind === 'actions' && button.buttons).toEqual([
      { actionId: 'decision.proxy.withdraw', label: 'Withdraw my proxy', value: id },
    ]);
    expect(said(await withdraw('Rosa Novak'))).toBe(
      'Kwame Mensah no longer holds your proxy for Decision 1 (“Summer fun day”). You can appoint someone else with `/partnership proxy 1`, or vote yourself. If you told Kwame Mensah, tell them it is withdrawn.',
    );
    expect(await world.db.database.db.proxy.count()).toBe(0);
    const audit = await world.db.database.db.auditEvent.findFirstOrThrow({
      where: { action: 'decision.proxy.withdraw' },
    });
    expect(JSON.parse(audit.before!)).toEqual({
      appointerId: world.id('Rosa Novak'),
      holderId: world.id('Kwame Mensah'),
    });
    expect(`${audit.before} ${audit.after}`).not.toMatch(/Rosa|Kwame/); // ids only
    // Kwame no longer holds it; Gareth is appointed instead and votes
    expect(said(await world.click('Kwame Mensah', 'decision.proxy.vote', `${id}:0`, 'direct'))).toBe(
      'You do not hold anyone’s proxy for Decision 1 (“Summer fun day”).',
    );
    expect(said(await appoint('Rosa Novak', id, 'Gareth Jones'))).toMatch(/^Gareth Jones is now your proxy/);
    await declareNone('Gareth Jones', id);
    await world.click('Gareth Jones', 'decision.proxy.vote', `${id}:1`, 'direct');
    // once used, it stays: Rosa's own vote is the way to change it
    expect(said(await withdraw('Rosa Novak'))).toBe(
      'Your proxy has already voted for you on Decision 1 (“Summer fun day”), so the appointment can no longer be withdrawn. If you vote yourself, your own vote counts instead.',
    );
    const [used] = await world.command('Rosa Novak', 'proxy 1', 'direct');
    expect(used?.summary).toBe(
      'Gareth Jones holds your proxy for Decision 1 (“Summer fun day”) and has voted for you. If you vote yourself, your own vote counts instead.',
    );
    expect(used?.blocks.some((b) => b.kind === 'actions')).toBe(false);
    expect(await world.db.database.db.proxy.count()).toBe(1);
    expect(text(await world.command('Margaret Okafor', 'decision 1', 'direct'))).toMatch(
      /Rosa Novak: Against \(by proxy: Gareth Jones\)/,
    );
  });

  it('cannot be used by or for a recused member', async () => {
    world = await createWorld({ settings: { proxyVotes: true } });
    // Sarah Whitfield manages the café; her husband Tom is recused too (relationships)
    const id = await world.start({
      title: 'Café catering contract',
      kind: 'procurement',
      organisations: 'Northfield Community Café Ltd',
    });
    const [sarah] = await world.command('Sarah Whitfield', 'proxy 1', 'direct');
    expect(sarah?.summary).toMatch(/You must not take part|recused/i);
    await declareNone('Rosa Novak', id);
    const [form] = await world.command('Rosa Novak', 'proxy 1', 'direct');
    const holders = formOf(form)?.fields[0]?.options?.map((o) => o.label) ?? [];
    expect(holders).not.toContain('Sarah Whitfield');
    expect(holders).not.toContain('Tom Whitfield');
    expect(text(await appoint('Rosa Novak', id, 'Tom Whitfield'))).toContain(
      'That person cannot hold your proxy for Decision 1',
    );
    expect(await world.db.database.db.proxy.count()).toBe(0);
  });

  it('on a secret ballot, the record counts proxy votes and names nobody', async () => {
    world = await createWorld({ settings: { proxyVotes: true } });
    const id = await world.start({ title: 'Chair’s allowance', ballot: 'secret' });
    await declareNone('Rosa Novak', id);
    await appoint('Rosa Novak', id, 'Kwame Mensah');
    await declareNone('Kwame Mensah', id);
    await world.click('Kwame Mensah', 'decision.proxy.vote', `${id}:0`, 'direct');
    await world.click('Margaret Okafor', 'decision.close.confirm', id, 'direct');
    const [record] = await world.command('Margaret Okafor', 'decision 1', 'direct');
    const shown = replyText(record!);
    expect(shown).toContain('1 vote of them was cast by proxy.');
    expect(shown).not.toContain('by proxy:');
    expect(shown).not.toMatch(/Rosa Novak: For/);
    expect(record!.attachment!.content).not.toContain('by proxy:');
    expect(record!.attachment!.content).toContain('1 vote of them was cast by proxy.');
    // the choice is erased at close like every secret vote; no name is kept with the vote
    const row = await world.db.database.db.vote.findFirstOrThrow({ where: { personId: world.id('Rosa Novak') } });
    expect(row).toMatchObject({ option: null, byProxy: true });
  });
});
