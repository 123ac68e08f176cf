// `/partnership decisions`: the open ones with where the person stands, the 10 most recently
// closed with how they ended, a title search, and a button on each that opens its record.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Reply } from '../../src/domain/chat/reply.ts';
import { createWorld, type World } from './world.ts';

let world: World;
const ids: string[] = [];
const text = (replies: Reply[]) =>
  replies
    .map((r) =>
      [r.summary, ...r.blocks.map((b) => ('items' in b ? b.items.join('\n') : 'text' in b ? b.text : ''))].join('\n'),
    )
    .join('\n');
const buttons = (replies: Reply[]) =>
  replies.flatMap((r) => r.blocks.flatMap((b) => (b.kind === 'actions' ? b.buttons : [])));

beforeAll(async () => {
  world = await createWorld();
  // Twelve closed (the first about the garden), then one open.
  for (let n = 1; n <= 12; n++) {
    const id = await world.start({ title: n === 1 ? 'Community garden tools' : `Grant round ${n}` });
    ids.push(id);
    if (n % 2 === 0) {
      await world.click('Rosa Novak', 'decision.declare.none', id);
      await world.click('Rosa Novak', 'decision.vote', `${id}:0`);
    }
    world.clock.set(new Date(world.clock.now().getTime() + 60_000).toISOString());
    await world.click('Margaret Okafor', 'decision.close.confirm', id);
  }
  ids.push(await world.start({ title: 'Garden party date' }));
});
afterAll(async () => world?.close());

describe('/partnership decisions', () => {
  it('lists the open ones with where you stand, and the 10 most recently closed, newest first', async () => {
    const list = await world.command('Kwame Mensah', 'decisions', 'direct');
    const shown = text(list);
    expect(shown).toMatch(
      /Open decisions\nDecision 13: Garden party date \(closes Fri 23 Oct, 5pm\)\. You have not declared yet\./,
    );
    expect(shown).toMatch(
      /Recently closed\nDecision 12: Grant round 12 \(closed Tue 20 Oct 2026, 10:\d\dam; no decision: quorum not met\)/,
    );
    expect(shown).toContain('Decision 3: Grant round 3');
    expect(shown).not.toContain('Decision 2: Grant round 2');
    expect(shown).not.toContain('Community garden tools');
    expect(shown).toContain(
      '2 older closed decisions not shown: search the titles with `/partnership decisions <words>`',
    );
    expect(buttons(list).map((b) => [b.actionId, b.label])).toEqual([
      ['decision.view', 'Decision 13'],
      ...[12, 11, 10, 9, 8, 7, 6, 5, 4, 3].map((n) => ['decision.view', `Decision ${n}`]),
    ]);
  });

  it('searches the titles, open and closed, whatever the case', async () => {
    const found = await world.command('Kwame Mensah', 'decisions GARDEN', 'direct');
    const shown = text(found);
    expect(shown).toContain('Decisions with “garden” in the title');
    expect(shown).toContain('Decision 13: Garden party date');
    expect(shown).toContain('Decision 1: Community garden tools');
    expect(shown).not.toContain('Grant round');
    expect(buttons(found).map((b) => b.value)).toEqual([ids[12], ids[0]]);
    expect(text(await world.command('Kwame Mensah', 'decisions garden tools', 'direct'))).not.toContain('Garden party');
  });

  it('says clearly when nothing matches, and how to find decisions instead', async () => {
    expect(text(await world.command('Kwame Mensah', 'decisions minibus', 'direct'))).toMatch(
      /No decision of Northfield Big Local has “minibus” in its title\. Try fewer or other words, or type `\/partnership decisions`/,
    );
  });

  it('opens a decision’s record from its button', async () => {
    const list = await world.command('Kwame Mensah', 'decisions garden tools', 'direct');
    const [button] = buttons(list);
    const record = await world.click('Kwame Mensah', button!.actionId, button!.value, 'direct');
    expect(text(record)).toMatch(/Decision 1: Community garden tools[\s\S]*No decision: the quorum was not met/);
    expect(record[0]!.visibility).toBe('private');
  });

  it('is in the help, with its words', async () => {
    expect(text(await world.command('Kwame Mensah', 'help', 'direct'))).toContain('decisions [words in the title]');
  });
});
