// docs/house-style.md, held: every kind of reply the bot gives (asked of the real bot over a real
// database, as a chair, a member and the rep would, in the channel and privately) leads with one
// short line, and no verdict word ("fail", "FAIL", "✗") stands on a line beside a person's name,
// in the reply's plain text (the CLI's output) or on its Teams card. The CLI's `coi` too.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { replyText, type Reply } from '../../src/domain/chat/reply.ts';
import { replyToText } from '../../src/bot/views/text.ts';
import { renderCard } from '../../adapters/teams/cards/render.ts';
import { createWorld, type World } from '../decisions/world.ts';
import { writeFileSync } from 'node:fs';
import { cliTestTimeout, runCli, scratchDir } from '../support/cli.ts';
import { DEMO_ROSTER } from '../support/paths.ts';

/** The longest first line a reply may have (docs/house-style.md). */
const FIRST_LINE_MAX = 100;
const VERDICT = /\bfail(?:s|ed|ing)?\b|✗|✖/i;
const GRANT = { title: 'Youth trust summer grant', kind: 'grant', organisations: 'Riverside Youth Trust' };

let world: World;
let names: string[];
const replies: { asked: string; reply: Reply }[] = [];

async function collect(asked: string, got: Promise<Reply[]>) {
  const list = await got;
  expect(list.length, `no reply to ${asked}`).toBeGreaterThan(0);
  for (const reply of list) replies.push({ asked, reply });
}

beforeAll(async () => {
  world = await createWorld();
  names = (await world.db.stores.rosters.loadRoster(world.partnership.id)).people.map((p) => p.name);
  const decision = await world.start(GRANT);
  const chair = 'Margaret Okafor';
  for (const where of ['channel', 'direct'] as const) {
    for (const who of [chair, 'Gareth Jones', 'Sam Taylor']) {
      for (const text of ['criteria', 'coi Riverside Youth Trust', 'coi 1', 'decision 1', 'decisions', 'help'])
        await collect(`${who} (${where}): ${text}`, world.command(who, text, where));
      await collect(
        `${who} (${where}): are we in criteria?`,
        world.send(who, { type: 'text', text: 'are we in criteria?' }, where),
      );
    }
    for (const text of ['review', 'settings', 'roster', 'interests', 'relationships', 'privacy', 'declare 1'])
      await collect(`${chair} (${where}): ${text}`, world.command(chair, text, where));
  }
  await collect('the details button', world.click(chair, 'criteria.details', 'details'));
  await collect('a declaration', world.click('Priya Patel', 'decision.declare', decision, 'direct'));
  await collect('nonsense', world.command(chair, 'frobnicate the widgets', 'direct'));
}, 60_000);
afterAll(() => world.close());

const firstLine = (text: string): string => text.trim().split('\n')[0] ?? '';

/** Every line of a Teams card's text, as a person reads it. */
function cardLines(reply: Reply): string[] {
  const lines: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const o = node as Record<string, unknown>;
      if (o.type === 'TextBlock' && typeof o.text === 'string') lines.push(...o.text.split('\n'));
      Object.values(o).forEach(walk);
    }
  };
  walk(renderCard(reply));
  return lines;
}

const verdictsBesideNames = (lines: readonly string[]): string[] =>
  lines.filter((line) => VERDICT.test(line) && names.some((n) => line.includes(n)));

describe('house style', () => {
  it('asks enough to cover every kind of reply', () => {
    expect(replies.length).toBeGreaterThan(40);
    const all = replies.map((r) => replyText(r.reply)).join('\n');
    for (const kind of ['In criteria', 'should not take part', 'Youth trust summer grant', 'Show details'])
      expect(all).toContain(kind);
  });

  it(`leads every reply with one line of at most ${FIRST_LINE_MAX} characters`, () => {
    const tooLong = replies
      .map(({ asked, reply }) => ({ asked, line: firstLine(replyToText(reply)) }))
      .filter(({ line }) => line.length > FIRST_LINE_MAX);
    expect(tooLong).toEqual([]);
  });

  it('puts no verdict word beside a person’s name, in plain text or on a Teams card', () => {
    const found = replies.flatMap(({ asked, reply }) =>
      verdictsBesideNames([...replyToText(reply).split('\n'), ...cardLines(reply)]).map((line) => ({ asked, line })),
    );
    expect(found).toEqual([]);
  });

  it('says times as people in England say them ("5pm"), not as a 24-hour clock', () => {
    const clock = /\b(?:[01]?\d|2[0-3]):[0-5]\d\b/;
    const found = replies.flatMap(({ asked, reply }) =>
      [...replyToText(reply).split('\n'), ...cardLines(reply)]
        .filter((line) => clock.test(line))
        .map((line) => ({ asked, line })),
    );
    expect(found).toEqual([]);
  });

  it('the channel’s criteria answer fits one screen, and the details add whom it counted and what to fix', () => {
    const inChannel = replies.find((r) => r.asked === 'Margaret Okafor (channel): are we in criteria?')!.reply;
    const details = replies.find((r) => r.asked === 'the details button')!.reply;
    const channelText = replyText(inChannel);
    const detailText = replyText(details);
    expect(inChannel.visibility).toBe('channel');
    expect(replyToText(inChannel).trim().split('\n').length).toBeLessThanOrEqual(6);
    expect(firstLine(channelText)).toMatch(/^(In|Not in) criteria: \d+ members, \d+ residents/);
    expect(details.visibility).toBe('private');
    expect(detailText).toContain('Members counted (');
    expect(detailText).toContain('What to do');
    // the details are not the channel's text again
    const channelLines = new Set(channelText.split('\n').filter((l) => l.length > 20));
    const repeated = [...new Set(detailText.split('\n'))].filter((l) => channelLines.has(l));
    // only the answer itself is said again
    expect(repeated).toEqual([firstLine(channelText)]);
  });
});

describe('the CLI', () => {
  it(
    'coi says who should not take part, with no verdict beside a name',
    async () => {
      const run = await runCli(['coi', '--roster', DEMO_ROSTER, '--organisation', 'Northfield Community Café Ltd']);
      expect(run.code).toBe(0);
      expect(firstLine(run.stdout)).toBe(
        '2 members should not take part in the decision about Northfield Community Café Ltd.',
      );
      expect(run.stdout).toContain('- Tom Whitfield: indirect financial interest.');
      expect(run.stdout).not.toMatch(VERDICT);
    },
    cliTestTimeout(1),
  );

  it(
    'criteria and coi change nothing, and never say "nothing was changed"',
    async () => {
      const scratch = scratchDir();
      const bad = scratch.path('bad.json');
      writeFileSync(bad, JSON.stringify({ partnership: { name: 'Bad' }, people: [{ name: 'Ann', kind: 'alien' }] }));
      try {
        for (const args of [['criteria'], ['coi', '--organisation', 'X']]) {
          const run = await runCli([...args, '--roster', bad]);
          expect(run.code).not.toBe(0);
          expect(run.stderr).toMatch(/The roster has .*could not check it/);
          expect(run.stdout + run.stderr).not.toMatch(/nothing was changed/i);
        }
      } finally {
        scratch.remove();
      }
    },
    cliTestTimeout(2),
  );
});
