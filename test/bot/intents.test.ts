// The conversation layer's router: plain words, commands and buttons to the right answer, and
// never silence. Real bot, real SQLite database with the demo partnership.
import { COMMANDS } from '../../src/bot/commands/index.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoDatabase, type TestDatabase } from '../support/db.ts';
import { DEMO, DM, channel, click, command, talkTo, type Talk } from '../support/bot.ts';

let db: TestDatabase;
let talk: Talk;
beforeAll(async () => {
  db = await createDemoDatabase();
  talk = talkTo(db.stores);
});
afterAll(() => db.close());

const CRITERIA = 'In criteria: 11 members, 8 residents; 1 thing to watch.';
const ROSTER = 'Northfield Big Local has 11 members (11 counted towards the criteria).';

describe('"are we in criteria?" and its paraphrases', () => {
  it.each([
    'are we in criteria?',
    'Are we in criteria',
    'do we meet the criteria',
    'Do we still meet the Big Local criteria?',
    'criteria check',
    'can you do a criteria check please',
    'are we OK for the review',
    'is the partnership ready for the partnership review?',
    'criteria?',
  ])('%s', async (text) => {
    const { reply, text: all } = await talk.ask(DEMO.chair, DM, text);
    expect(reply.summary).toBe(CRITERIA);
    expect(all).toContain(
      '11 members counted; the paid worker Jo Brooks is not a member; the rep Sam Taylor is not a member.',
    );
  });

  it('as a command, an alias and a button', async () => {
    for (const inbound of [command('criteria'), command('check'), click('run.criteria')]) {
      const { reply } = await talk.ask(DEMO.chair, DM, inbound);
      expect(reply.summary).toBe(CRITERIA);
    }
  });
});

describe('"who is on the partnership"', () => {
  it.each([
    'who is on the partnership',
    "Who's on the partnership?",
    'who are the members',
    'show me the roster',
    'roster',
  ])('%s', async (text) => {
    const { reply, text: all } = await talk.ask(DEMO.member, DM, text);
    expect(reply.summary).toBe(ROSTER);
    expect(all).toContain('Margaret Okafor: chair');
    expect(all).toContain('Linda Marsh: member, non-voting, LTO representative');
    expect(all).toContain('Supporting the partnership (not members)');
    expect(all).toContain('Jo Brooks: paid worker');
    expect(all).toContain('Sam Taylor: Big Local rep');
  });
});

describe('help', () => {
  it.each(['help', 'what can you do?', '?'])(
    '%s lists every command, even for someone the bot does not know',
    async (text) => {
      const { reply, text: all } = await talk.ask(DEMO.stranger, DM, text);
      expect(reply.visibility).toBe('private');
      for (const name of ['criteria', 'roster', 'coi', 'setup', 'link', 'help'])
        expect(all).toContain(`/partnership ${name}`);
      const actions = reply.blocks.find((b) => b.kind === 'actions');
      expect(actions && actions.kind === 'actions' && actions.buttons.map((b) => b.actionId)).toEqual([
        'run.criteria',
        'run.roster',
      ]);
    },
  );

  it('an empty /partnership command is help', async () => {
    const { text } = await talk.ask(DEMO.chair, DM, command('   '));
    expect(text).toContain('/partnership criteria');
  });
});

describe('never silence', () => {
  it('unknown words get a short helpful answer, in the same place they were said', async () => {
    const dm = await talk.ask(DEMO.chair, DM, "what's the weather like in Northfield");
    expect(dm.reply.summary).toBe(
      'I didn’t catch that. Try “are we in criteria?”, “who is on the partnership?” or “help”.',
    );
    expect(dm.reply.visibility).toBe('private');
    const inChannel = await talk.ask(DEMO.chair, channel('C-unbound'), 'lovely meeting yesterday');
    expect(inChannel.reply.summary).toContain('I didn’t catch that.');
    expect(inChannel.reply.visibility).toBe('channel');
    const empty = await talk.ask(DEMO.chair, DM, '   ');
    expect(empty.reply.summary).toBe('Hello! Try “are we in criteria?”, “who is on the partnership?” or “help”.');
  });

  it('an unknown command names the real ones', async () => {
    const { reply } = await talk.ask(DEMO.chair, DM, command('frobnicate now'));
    const names = COMMANDS.map((c) => c.name);
    expect(names).toEqual(expect.arrayContaining(['criteria', 'roster', 'coi', 'setup', 'link', 'help']));
    expect(reply.summary).toBe(
      `I don’t know the command “frobnicate”. The commands are: ${names.join(', ')}. Type \`/partnership help\` for more.`,
    );
  });

  it('a button or form the bot no longer knows', async () => {
    for (const inbound of [
      click('vote.cast', 'x'),
      click('run.nothing'),
      { type: 'form' as const, formId: 'old.form', values: {} },
    ]) {
      const { reply } = await talk.ask(DEMO.chair, DM, inbound);
      expect(reply.summary).toContain('That button is from an older message');
    }
  });

  it('a very long message is answered, not refused', async () => {
    const { reply } = await talk.ask(DEMO.chair, DM, `${'blah '.repeat(5000)}are we in criteria?`);
    expect(reply.summary).toContain('I didn’t catch that.');
  });
});

describe('coi by words', () => {
  it('"who can vote on the X contract?" runs the check for the chair, privately', async () => {
    const { reply, text } = await talk.ask(DEMO.chair, DM, 'who can vote on the Whitfield Accounts Limited contract?');
    expect(reply.visibility).toBe('private');
    expect(reply.summary).toBe('2 members should not take part in the decision about Whitfield Accounts Limited.');
    expect(text).toContain("Sarah Whitfield is Tom Whitfield's spouse");
  });

  it('several organisations at once with the command, and a prompt when none is given', async () => {
    const { reply } = await talk.ask(DEMO.chair, DM, command('coi Riverside Youth Trust; Northfield Food Bank'));
    expect(reply.summary).toBe(
      '2 members should not take part in the decision about Riverside Youth Trust and Northfield Food Bank.',
    );
    const none = await talk.ask(DEMO.chair, DM, command('coi'));
    expect(none.reply.summary).toContain('Which organisation is the decision about?');
  });

  it('is refused to ordinary members and the treasurer', async () => {
    for (const who of [DEMO.member, DEMO.treasurer]) {
      const { reply } = await talk.ask(who, DM, command('coi Whitfield Accounts Ltd'));
      expect(reply.summary).toBe('Only the chair, the vice-chair, the secretary or the rep can do that.');
    }
  });
});
