// Putting a decision: who may, the form, the card in the channel, the private prompts, the
// recusals known at once, the quorum warning.
import { afterEach, describe, expect, it } from 'vitest';
import { replyText, type Reply } from '../../src/domain/chat/reply.ts';
import { createWorld, type World } from './world.ts';

let world: World;
afterEach(async () => world?.close());

const formOf = (r: Reply | undefined) => r?.blocks.find((b) => b.kind === 'form');
const CAFE = {
  title: 'Community café catering contract',
  kind: 'procurement',
  organisations: 'Northfield Community Café Ltd',
  closes: 'Friday 5pm',
  ballot: 'open',
  visibility: 'live',
};

describe('putting a decision to the partnership', () => {
  it('offers the chair the form, by command or in plain words', async () => {
    world = await createWorld();
    const [byCommand] = await world.command('Margaret Okafor', 'poll Café contract');
    const form = formOf(byCommand);
    expect(form?.kind === 'form' && form.form).toMatchObject({
      id: 'decision.create',
      fields: expect.arrayContaining([expect.objectContaining({ id: 'title', initial: 'Café contract' })]),
    });
    expect(form?.kind === 'form' && form.form.fields.map((f) => f.id)).toEqual([
      'title',
      'description',
      'kind',
      'organisations',
      'options',
      'closes',
      'ballot',
      'visibility',
    ]);
    for (const words of [
      'Can you start a vote on the café contract?',
      'new decision',
      'put a decision to the partnership',
    ]) {
      const [r] = await world.send('David Hughes', { type: 'text', text: words });
      expect(formOf(r), words).toBeDefined();
    }
  });

  it('refuses everyone else clearly, and the rep unless the partnership allows it', async () => {
    world = await createWorld();
    for (const name of ['Rosa Novak', 'Tom Whitfield', 'Jo Brooks']) {
      const [r] = await world.command(name, 'poll');
      expect(r?.summary).toBe(
        'Only the chair, the vice-chair or the secretary can put a decision to the partnership. Ask one of them to start the vote.',
      );
    }
    const [rep] = await world.command('Sam Taylor', 'poll');
    expect(rep?.summary).toMatch(/has not allowed the rep to put decisions/);
    const [forged] = await world.submit('Rosa Novak', 'decision.create', CAFE);
    expect(forged?.summary).toMatch(/^Only the chair/);
    expect(await world.db.stores.decisions.list(world.partnership.id)).toEqual([]);
    await world.settings({ repMayCreateDecisions: true });
    expect(formOf((await world.command('Sam Taylor', 'poll'))[0])).toBeDefined();
  });

  it('asks for the channel rather than a direct chat, so everyone sees the card', async () => {
    world = await createWorld();
    const [r] = await world.command('Margaret Okafor', 'poll', 'direct');
    expect(r?.summary).toMatch(/Start the vote in your partnership’s channel/);
  });

  it('posts the card to the channel the form was opened in, when the submission arrives outside it (a modal)', async () => {
    world = await createWorld();
    const [offer] = await world.command('Margaret Okafor', 'poll');
    const form = formOf(offer);
    expect(form?.kind === 'form' && form.form.context).toBe('C-partnership');
    const [answer] = await world.submit('Margaret Okafor', 'decision.create', CAFE, 'C-partnership', 'direct');
    expect(answer?.summary).toMatch(/^Decision 1 is open/);
    expect(world.notifier.posted[0]!.conversation).toEqual({
      platform: 'web',
      workspaceId: 'local',
      channelId: 'C-partnership',
      kind: 'channel',
    });
    // a channel that is not this partnership's is never used
    const [elsewhere] = await world.submit('Margaret Okafor', 'decision.create', CAFE, 'C-somewhere-else', 'direct');
    expect(elsewhere?.summary).toMatch(/Start the vote in your partnership’s channel/);
    expect(await world.db.stores.decisions.list(world.partnership.id)).toHaveLength(1);
  });

  it('returns the form with every problem when the input is wrong, and writes nothing', async () => {
    world = await createWorld();
    const [r] = await world.submit('Margaret Okafor', 'decision.create', {
      title: 'Café',
      kind: 'procurement',
      closes: 'the twelfth of never',
      ballot: 'open',
      visibility: 'live',
    });
    expect(r?.summary).toMatch(/^The decision was not started/);
    expect(replyText(r!)).toMatch(/Organisations: a procurement decision needs the organisations involved/);
    expect(replyText(r!)).toMatch(/Closes: I couldn’t read “the twelfth of never” as a closing time/);
    const form = formOf(r);
    expect(form?.kind === 'form' && form.form.fields.find((f) => f.id === 'title')?.initial).toBe('Café');
    expect(await world.db.stores.decisions.list(world.partnership.id)).toEqual([]);
  });

  it('posts the card, prompts every voting member privately, and recuses from the register and relationships at once', async () => {
    world = await createWorld();
    const [answer, ...rest] = await world.submit('Margaret Okafor', 'decision.create', CAFE);
    expect(rest).toEqual([]); // the card went to the channel through the notifier
    expect(answer?.visibility).toBe('private');
    expect(replyText(answer!)).toMatch(/Decision 1 is open until Fri 23 Oct, 5pm\. Its card is in the channel\./);
    expect(replyText(answer!)).toMatch(/I asked 8 voting members privately to declare any interest first\./);
    expect(replyText(answer!)).toMatch(/2 members must not take part/);

    const [posted] = world.notifier.posted;
    expect(posted?.conversation.channelId).toBe('C-partnership');
    const card = replyText(posted!.reply);
    expect(card).toMatch(/Decision 1: Community café catering contract/);
    expect(card).toMatch(/Closes: Fri 23 Oct, 5pm/);
    expect(card).toMatch(/Declared: 0 of 8/);
    expect(card).toMatch(/Voted: 0 of 8 eligible/);
    expect(card).toMatch(/Recused: 2 members recused/);
    expect(card).not.toMatch(/Sarah|Tom|Whitfield|spouse|employee|manager/);
    const buttons = posted!.reply.blocks.flatMap((b) => (b.kind === 'actions' ? b.buttons : []));
    expect(buttons.map((b) => [b.actionId, b.label])).toEqual([
      ['decision.declare', 'Declare'],
      ['decision.ballot', 'Vote'],
      ['decision.ballot.change', 'Change vote'],
      ['decision.close', 'Close (chair)'],
    ]);
    const [decision] = await world.db.stores.decisions.list(world.partnership.id);
    expect(buttons.every((b) => b.value === decision!.id)).toBe(true);
    expect(decision!.card).toEqual({
      conversation: expect.objectContaining({ channelId: 'C-partnership' }),
      message: posted!.ref,
    });
    expect(decision!.closesAt.toISOString()).toBe('2026-10-23T16:00:00.000Z');

    const prompted = world.notifier.toPeople
      .filter((m) =>
        m.reply.blocks.some(
          (b) => b.kind === 'actions' && b.buttons.some((x) => x.actionId === 'decision.declare.none'),
        ),
      )
      .map((m) => m.personId);
    const names = [
      'Margaret Okafor',
      'David Hughes',
      'Priya Patel',
      'Aisha Rahman',
      'Gareth Jones',
      'Kwame Mensah',
      'Helen Brooks',
      'Rosa Novak',
    ];
    expect(prompted.sort()).toEqual(names.map(world.id).sort());
    expect(world.notifier.textsTo(world.id('Sarah Whitfield')).join('\n')).toMatch(
      /You must not take part in Decision 1.*direct financial interest \(Northfield Community Café Ltd\): Register of interests: Sarah Whitfield: employee/,
    );
    expect(world.notifier.textsTo(world.id('Tom Whitfield')).join('\n')).toMatch(
      /indirect financial interest .*Their relative Sarah Whitfield would benefit/,
    );
    for (const name of ['Jo Brooks', 'Sam Taylor', 'Linda Marsh'])
      expect(world.notifier.textsTo(world.id(name))).toEqual([]);

    const audit = await world.db.database.db.auditEvent.findMany({
      where: { subjectId: decision!.id },
      orderBy: { at: 'asc' },
    });
    expect(audit.map((a) => a.action)).toEqual(['decision.create', 'decision.recuse', 'decision.recuse']);
  });

  it('tells the creator who could not be reached privately', async () => {
    world = await createWorld();
    world.notifier.unreachable.add(world.id('Kwame Mensah'));
    const [answer] = await world.submit('Margaret Okafor', 'decision.create', CAFE);
    expect(replyText(answer!)).toMatch(/I asked 7 voting members privately/);
    expect(replyText(answer!)).toMatch(
      /I couldn’t reach Kwame Mensah privately \(not linked to chat yet\): they can use the card’s Declare button or `\/partnership declare`/,
    );
  });

  it('warns the chair at once when recusals leave too few eligible members for the quorum', async () => {
    world = await createWorld({ settings: { quorum: { type: 'count', value: 9 } } });
    const [answer] = await world.submit('Priya Patel', 'decision.create', CAFE); // the secretary puts it
    expect(replyText(answer!)).toMatch(
      /Quorum warning for Decision 1 .* only 8 eligible voting members remain, and the quorum \(at least 9 eligible voting members\) needs 9/,
    );
    expect(world.notifier.textsTo(world.id('Margaret Okafor')).join('\n')).toMatch(/Quorum warning for Decision 1/);
    expect(replyText(world.notifier.posted[0]!.reply)).toMatch(
      /Only 8 eligible members remain; the quorum needs 9\. The chair has been told\./,
    );
  });

  it('falls back to answering with the card when no chat platform can post it', async () => {
    world = await createWorld();
    const bot = (await import('../../src/bot/bot.ts')).createBot({
      stores: world.db.stores,
      clock: world.clock,
      logger: (await import('../../adapters/log.ts')).silentLogger,
    });
    const replies = await bot.handle({
      conversation: { platform: 'web', workspaceId: 'local', channelId: 'C-partnership', kind: 'channel' },
      speaker: { userId: 'u-margaret-okafor', workspaceId: 'local' },
      inbound: { type: 'form', formId: 'decision.create', values: CAFE },
    });
    expect(replies.map((r) => r.visibility)).toEqual(['private', 'channel']);
    expect(replies[1]!.summary).toMatch(/^Decision 1: Community café catering contract\. Closes Fri 23 Oct, 5pm/);
    const [decision] = await world.db.stores.decisions.list(world.partnership.id);
    expect(decision!.card).toEqual({
      conversation: expect.objectContaining({ channelId: 'C-partnership' }),
      message: null,
    });
  });
});
