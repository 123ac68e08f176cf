// Declaring and voting through the bot: every button re-checked, the card updated in place, the
// channel shown counts only.
import { afterEach, describe, expect, it } from 'vitest';
import { replyText, type Reply } from '../../src/domain/chat/reply.ts';
import { organisationKey } from '../../src/domain/organisations.ts';
import { createWorld, type World } from './world.ts';

let world: World;
afterEach(async () => world?.close());

const CAFE = {
  title: 'Community café catering contract',
  kind: 'procurement',
  organisations: 'Northfield Community Café Ltd',
};
const text = (replies: Reply[]) => replies.map(replyText).join('\n');
const said = (replies: Reply[]) => replies.map((r) => r.summary).join('\n');
const buttons = (replies: Reply[]) =>
  replies.flatMap((r) => r.blocks.flatMap((b) => (b.kind === 'actions' ? b.buttons : [])));
const card = (w: World) => replyText(w.notifier.current(w.notifier.posted[0]!.ref.messageId)!);

describe('declaring and voting', () => {
  it('asks for a declaration first, then takes the vote, and updates the card in place', async () => {
    world = await createWorld();
    const id = await world.start(CAFE);
    const early = await world.click('Rosa Novak', 'decision.vote', `${id}:0`);
    expect(text(early)).toMatch(/^Please declare first/);
    expect(buttons(early).map((b) => b.actionId)).toEqual(['decision.declare.none', 'decision.declare.interest']);
    expect(await world.db.database.db.vote.count()).toBe(0);

    const declared = await world.click('Rosa Novak', 'decision.declare.none', id, 'direct');
    expect(text(declared)).toMatch(/Thank you: you declared no interest in Decision 1\./);
    expect(buttons(declared).map((b) => [b.label, b.value])).toEqual([
      ['For', `${id}:0`],
      ['Against', `${id}:1`],
      ['Abstain', `${id}:2`],
    ]);
    expect(card(world)).toMatch(/Declared: 1 of 8/);

    const voted = await world.click('Rosa Novak', 'decision.vote', `${id}:0`, 'direct');
    expect(said(voted)).toBe('Your vote on Decision 1 is recorded: For. You can change it until Fri 23 Oct, 5pm.');
    expect(card(world)).toMatch(/Voted: 1 of 8 eligible/);
    expect(card(world)).toMatch(/For: 1\nAgainst: 0\nAbstain: 0/); // live results
    expect(world.notifier.updates.every((u) => u.ref.messageId === world.notifier.posted[0]!.ref.messageId)).toBe(true);
    expect(world.notifier.posted).toHaveLength(1); // updated in place, never re-posted
  });

  it('counts a double click once and records a change of vote', async () => {
    world = await createWorld();
    const id = await world.start(CAFE);
    await world.click('Rosa Novak', 'decision.declare.none', id);
    await world.click('Rosa Novak', 'decision.vote', `${id}:0`);
    expect(said(await world.click('Rosa Novak', 'decision.vote', `${id}:0`))).toBe(
      'Your vote on Decision 1 is already For; nothing changed.',
    );
    expect(text(await world.click('Rosa Novak', 'decision.declare.none', id))).toMatch(
      /You had already declared no interest/,
    );
    const changed = await world.click('Rosa Novak', 'decision.ballot.change', id);
    expect(text(changed)).toMatch(/Your vote is For\. Choose again to change it/);
    expect(text(await world.click('Rosa Novak', 'decision.vote', `${id}:1`))).toMatch(/changed from For to Against/);
    const votes = await world.db.database.db.vote.findMany({ where: { decisionId: id } });
    expect(votes.map((v) => [v.option, v.changes])).toEqual([['Against', 1]]);
    const audit = await world.db.database.db.auditEvent.findMany({
      where: { subjectId: id, actorId: world.id('Rosa Novak') },
      orderBy: { at: 'asc' },
    });
    expect(audit.map((a) => a.action)).toEqual(['decision.declare', 'decision.vote', 'decision.vote.change']);
    expect(JSON.parse(audit[2]!.before!)).toEqual({ option: 'For' });
    expect(card(world)).toMatch(/For: 0\nAgainst: 1/);
  });

  it('recuses a member by their own declaration, tells them why privately, and refuses their vote', async () => {
    world = await createWorld();
    const id = await world.start(CAFE);
    const [form] = await world.click('Gareth Jones', 'decision.declare.interest', id);
    const fields = form?.blocks.find((b) => b.kind === 'form');
    expect(fields?.kind === 'form' && fields.form).toMatchObject({ id: 'decision.declare', context: id });
    expect(fields?.kind === 'form' && fields.form.fields.map((f) => f.id)).toEqual([
      'kind',
      'organisation',
      'detail',
      'register',
      'link',
    ]);

    const bad = await world.submit('Gareth Jones', 'decision.declare', { kind: 'direct-financial', detail: '' }, id);
    expect(text(bad)).toMatch(/Detail: say briefly what the interest is/);
    const ok = await world.submit(
      'Gareth Jones',
      'decision.declare',
      { kind: 'direct-financial', detail: 'I supply the café’s bread', organisation: 'Northfield Community Café Ltd' },
      id,
      'direct',
    );
    expect(text(ok)).toMatch(
      /your declaration is on the record\. You must not take part in Decision 1 .*direct financial interest \(Northfield Community Café Ltd\): Gareth Jones declared a direct financial interest for this decision: I supply the café’s bread/,
    );
    const refused = await world.click('Gareth Jones', 'decision.vote', `${id}:0`);
    expect(text(refused)).toMatch(/^You must not take part in Decision 1/);
    expect(card(world)).toMatch(/Recused: 3 members recused/);
    expect(card(world)).toMatch(/Declared: 1 of 8/);
    expect(card(world)).toMatch(/Voted: 0 of 7 eligible/);
    expect(world.notifier.channelText()).not.toMatch(/Gareth|bread|Sarah|Tom/);
    const recusal = await world.db.database.db.recusal.findFirst({
      where: { decisionId: id, personId: world.id('Gareth Jones') },
    });
    expect(JSON.parse(recusal!.reasons)).toEqual([
      expect.objectContaining({ kind: 'direct-financial', source: 'declaration' }),
    ]);
  });

  it('sets a vote aside when the register later shows a conflict, on the record', async () => {
    world = await createWorld();
    const id = await world.start(CAFE);
    await world.click('Rosa Novak', 'decision.declare.none', id);
    await world.click('Rosa Novak', 'decision.vote', `${id}:0`);
    await world.db.database.db.interest.create({
      data: {
        personId: world.id('Rosa Novak'),
        organisation: 'Northfield Community Café Ltd',
        organisationKey: organisationKey('Northfield Community Café Ltd'),
        kind: 'director',
      },
    });
    expect(text(await world.click('Rosa Novak', 'decision.vote', `${id}:1`))).toMatch(
      /^You must not take part in Decision 1.*direct financial interest/,
    );
    expect(await world.db.database.db.vote.count({ where: { decisionId: id } })).toBe(0);
    const withdrawn = await world.db.database.db.auditEvent.findFirst({
      where: { subjectId: id, action: 'decision.vote.withdraw' },
    });
    expect(JSON.parse(withdrawn!.after!)).toEqual({ personId: world.id('Rosa Novak'), why: 'recused after voting' });
    expect(card(world)).toMatch(/Voted: 0 of 7 eligible/);
    expect(card(world)).toMatch(/Recused: 3 members recused/);
  });

  it('puts a declared interest into the standing register when asked', async () => {
    world = await createWorld();
    const id = await world.start(CAFE);
    await world.submit(
      'Kwame Mensah',
      'decision.declare',
      { kind: 'loyalty', detail: 'I chair the café’s friends group', register: ['register'], link: 'member' },
      id,
    );
    const roster = await world.db.stores.rosters.loadRoster(world.partnership.id);
    expect(roster.people.find((p) => p.name === 'Kwame Mensah')!.interests).toEqual([
      expect.objectContaining({
        organisation: 'Northfield Community Café Ltd',
        kind: 'member',
        detail: 'I chair the café’s friends group',
      }),
    ]);
    const audit = await world.db.database.db.auditEvent.findFirst({
      where: { action: 'interest.add', subjectId: world.id('Kwame Mensah') },
    });
    expect(JSON.parse(audit!.after!)).toMatchObject({ source: 'decision', decisionId: id });
  });

  it('lets a loyalty interest stay when the partnership’s policy is declare and stay', async () => {
    world = await createWorld({ settings: { loyaltyConflicts: 'declare-and-stay' } });
    const id = await world.start({ title: 'Youth trust grant', kind: 'grant', organisations: 'Riverside Youth Trust' });
    expect(card(world)).toMatch(/nobody recused/);
    const r = await world.submit('Priya Patel', 'decision.declare', { kind: 'loyalty', detail: 'I am a trustee' }, id);
    expect(text(r)).toMatch(/loyalty interests are declared and the member stays, so you may vote/);
    expect(text(await world.click('Priya Patel', 'decision.vote', `${id}:0`))).toMatch(/recorded: For/);
  });

  it('refuses people without a vote, recused members and tampered buttons, each with the reason', async () => {
    world = await createWorld({ settings: { councillorsVoteOnKeyDecisions: false } });
    const id = await world.start(CAFE);
    expect(text(await world.click('Jo Brooks', 'decision.ballot', id))).toMatch(/Paid workers never vote/);
    expect(text(await world.click('Sam Taylor', 'decision.ballot', id))).toMatch(
      /rep supports the partnership but does not vote/,
    );
    // issue 18: anyone on the roster may declare an interest; only members with a vote vote
    expect(text(await world.click('Sam Taylor', 'decision.declare', id))).toMatch(
      /^You don’t vote on this decision, but do you have an interest to declare\?/,
    );
    expect(text(await world.click('Linda Marsh', 'decision.vote', `${id}:0`))).toMatch(/non-voting member/);
    expect(text(await world.click('Aisha Rahman', 'decision.ballot', id))).toMatch(
      /can’t vote on this decision: councillors do not vote on key decisions/,
    );
    expect(text(await world.click('Sarah Whitfield', 'decision.ballot', id))).toMatch(
      /^You must not take part in Decision 1.*Register of interests/,
    );
    expect(text(await world.click('Tom Whitfield', 'decision.declare.none', id))).toMatch(/^You must not take part/);
    await world.click('Rosa Novak', 'decision.declare.none', id);
    expect(text(await world.click('Rosa Novak', 'decision.vote', `${id}:9`))).toMatch(
      /That option is not on this decision/,
    );
    expect(text(await world.click('Rosa Novak', 'decision.vote', `not-an-id:0`))).toMatch(/can’t find that decision/);
    expect(text(await world.click('Rosa Novak', 'decision.vote', `00000000-0000-0000-0000-000000000000:0`))).toMatch(
      /can’t find that decision/,
    );
    expect(await world.db.database.db.vote.count()).toBe(0);
  });

  it('never acts on a decision of another partnership', async () => {
    world = await createWorld();
    const id = await world.start(CAFE);
    const other = await world.db.stores.rosters.importRoster('elsewhere', {
      partnership: { name: 'Elsewhere Big Local', settings: world.partnership.settings },
      people: [
        {
          id: 'x',
          name: 'Olu Ade',
          kind: 'member',
          resident: true,
          voting: true,
          roles: ['chair'],
          ltoRepresentative: false,
          councillor: false,
          email: 'olu@example.org',
          interests: [],
        },
      ],
      relationships: [],
    });
    const olu = (await world.db.stores.rosters.loadRoster(other.partnership.id)).people[0]!;
    await world.db.stores.directory.linkIdentity(olu.id, 'web', 'local', 'u-olu');
    const replies = await world.bot.handle({
      conversation: { platform: 'web', workspaceId: 'local', channelId: 'D-olu', kind: 'direct' },
      speaker: { userId: 'u-olu', workspaceId: 'local' },
      inbound: { type: 'action', actionId: 'decision.view', value: id },
    });
    expect(text(replies)).toMatch(/can’t find that decision in your partnership/);
    const close = await world.bot.handle({
      conversation: { platform: 'web', workspaceId: 'local', channelId: 'D-olu', kind: 'direct' },
      speaker: { userId: 'u-olu', workspaceId: 'local' },
      inbound: { type: 'action', actionId: 'decision.close.confirm', value: id },
    });
    expect(text(close)).toMatch(/can’t find that decision/);
    expect((await world.db.stores.decisions.find({ id }))!.decision.status).toBe('open');
  });

  it('warns the chair at once when a declaration drops the eligible members below the quorum', async () => {
    world = await createWorld({ settings: { quorum: { type: 'count', value: 8 } } });
    const id = await world.start(CAFE, 'David Hughes');
    expect(world.notifier.textsTo(world.id('Margaret Okafor')).join('\n')).not.toMatch(/Quorum warning/);
    await world.submit(
      'Helen Brooks',
      'decision.declare',
      { kind: 'indirect-financial', detail: 'My sister works at the café' },
      id,
    );
    expect(world.notifier.textsTo(world.id('Margaret Okafor')).join('\n')).toMatch(
      /Quorum warning for Decision 1 .*only 7 eligible voting members remain/,
    );
    expect(card(world)).toMatch(/Only 7 eligible members remain; the quorum needs 8/);
  });
});
