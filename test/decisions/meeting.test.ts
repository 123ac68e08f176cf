// Recording a decision taken at a meeting, through the bot's core on a real SQLite file: who may,
// what a valid record is, the conflict engine flagging someone with a conflict who stayed and
// voted (a confirm step, nothing saved before it), and the record, the minutes and the
// conflicts log showing the meeting like a chat poll.
import { afterEach, describe, expect, it } from 'vitest';
import { replyText, type Reply } from '../../src/domain/chat/reply.ts';
import { createWorld, type World } from './world.ts';

let world: World;
afterEach(async () => world?.close());

const formOf = (r: Reply | undefined) => {
  const b = r?.blocks.find((x) => x.kind === 'form');
  return b?.kind === 'form' ? b.form : undefined;
};
const text = (replies: Reply[]) => replies.map(replyText).join('\n');

/** The café contract, decided at the meeting of Thursday 15 October 2026 (the world's clock is the Tuesday after). */
export const meetingValues = (w: World, overrides: Record<string, string | string[]> = {}) => ({
  date: '2026-10-15',
  title: 'Community café catering contract',
  kind: 'procurement',
  organisations: 'Northfield Community Café Ltd',
  present: [
    'Margaret Okafor',
    'David Hughes',
    'Priya Patel',
    'Tom Whitfield',
    'Sarah Whitfield',
    'Aisha Rahman',
    'Gareth Jones',
    'Kwame Mensah',
  ].map((n) => w.id(n)),
  declarations: 'Sarah Whitfield: direct financial: Northfield Community Café Ltd: café manager',
  left: [w.id('Sarah Whitfield')],
  result: 'vote',
  for: '5',
  against: '1',
  abstain: '1',
  outcome: 'Agreed to award the catering contract to Northfield Community Café Ltd for one year.',
  ...overrides,
});

describe('a decision taken at a meeting', () => {
  it('offers the chair and the secretary the form, and refuses everyone else clearly', async () => {
    world = await createWorld();
    const [secretary] = await world.command('Priya Patel', 'meeting', 'direct');
    const form = formOf(secretary);
    expect(form?.id).toBe('decision.meeting');
    expect(form?.fields.find((f) => f.id === 'present')?.options?.map((o) => o.label)).toContain(
      'Tom Whitfield (treasurer)',
    );
    const [plain] = await world.send('Margaret Okafor', { type: 'text', text: 'record a meeting decision' });
    expect(formOf(plain)?.id).toBe('decision.meeting');
    for (const name of ['David Hughes', 'Rosa Novak', 'Jo Brooks', 'Sam Taylor']) {
      const [r] = await world.command(name, 'meeting', 'direct');
      expect(r?.summary, name).toBe('Only the chair or the secretary can record a decision taken at a meeting.');
    }
    const [forged] = await world.submit('Rosa Novak', 'decision.meeting', meetingValues(world), undefined, 'direct');
    expect(forged?.summary).toBe('Only the chair or the secretary can record a decision taken at a meeting.');
    expect(await world.db.database.db.decision.count()).toBe(0);
  });

  it('brings the form back with what was wrong and how to fix it; nothing is saved', async () => {
    world = await createWorld();
    const replies = await world.submit(
      'Priya Patel',
      'decision.meeting',
      meetingValues(world, {
        date: '2026-10-30',
        declarations: 'Nobody Known: loyalty',
        left: [world.id('Rosa Novak')],
        for: 'five',
        outcome: '',
      }),
      undefined,
      'direct',
    );
    const said = text(replies);
    expect(said).toContain('The decision was not recorded. Please fix this and send it again:');
    expect(said).toContain('Date: the meeting must have taken place: give a day no later than today.');
    expect(said).toContain('Left the room: Rosa Novak: only someone present can leave the room.');
    expect(said).toContain(
      'Declarations: “Nobody Known: loyalty”: write one per line as “Name: kind: organisation: detail”',
    );
    expect(said).toContain('For: must be a whole number of votes, such as 5 (got “five”).');
    expect(said).toContain('Outcome: say what was decided');
    expect(formOf(replies.at(-1))?.fields.find((f) => f.id === 'title')?.initial).toBe(
      'Community café catering contract',
    );
    const tooMany = await world.submit(
      'Priya Patel',
      'decision.meeting',
      meetingValues(world, { for: '9' }),
      undefined,
      'direct',
    );
    expect(text(tooMany)).toContain(
      'Result: 11 votes were counted but only 7 members with a vote were present and stayed in the room',
    );
    expect(await world.db.database.db.decision.count()).toBe(0);
  });

  it('flags someone with a conflict recorded as voting, saves only once confirmed, and the record shows it', async () => {
    world = await createWorld();
    const db = world.db.database.db;
    // Tom Whitfield's wife manages the café (the roster's relationships): he stayed in the room.
    const first = await world.submit('Priya Patel', 'decision.meeting', meetingValues(world), undefined, 'direct');
    const asked = text(first);
    expect(asked).toContain('Nothing is saved yet. These people have a conflict of interest');
    expect(asked).toMatch(
      /Tom Whitfield: indirect financial interest \(Northfield Community Café Ltd\): Their relative Sarah Whitfield would benefit/,
    );
    expect(asked).not.toContain('Sarah Whitfield: direct');
    expect(formOf(first.at(-1))?.fields.map((f) => f.id)).toContain('confirm');
    expect(await db.decision.count()).toBe(0);

    const saved = await world.submit(
      'Priya Patel',
      'decision.meeting',
      meetingValues(world, { confirm: 'true' }),
      undefined,
      'direct',
    );
    expect(saved[0]?.summary).toBe(
      'Recorded: Decision 1 (“Community café catering contract”), taken at a meeting. The record shows 1 person with a conflict who stayed and voted. `/partnership decision 1` shows the record.',
    );
    const decision = (await db.decision.findFirstOrThrow())!;
    expect(decision.status).toBe('closed');
    expect(decision.closeReason).toBe('meeting');
    // the declaration made at the meeting is on the decision, like a poll's (and so in the person's export)
    expect(await db.declaration.findMany({ select: { personId: true, kind: true, detail: true } })).toEqual([
      { personId: world.id('Sarah Whitfield'), kind: 'direct-financial', detail: 'café manager' },
    ]);

    const record = await world.command('Margaret Okafor', 'decision 1', 'direct');
    const said = text(record);
    expect(said).toContain(
      'Procurement decision taken at a meeting on Thursday 15 October 2026; recorded by Priya Patel.',
    );
    expect(said).toContain(
      'Decided by a vote: for 5, against 1, abstained 1. Agreed to award the catering contract to Northfield Community Café Ltd for one year.',
    );
    expect(said).toContain('Left the room for this item: Sarah Whitfield.');
    expect(said).toContain(
      'Recorded as voting despite a conflict (the recorder confirmed it): Tom Whitfield: indirect financial',
    );
    expect(said).toMatch(/Sarah Whitfield: direct financial interest \(Northfield Community Café Ltd\)/);
    const minutes = record.find((r) => r.attachment)!.attachment!.content;
    expect(minutes).toContain('taken at a meeting on Thursday 15 October 2026');
    expect(minutes).toContain('- Present: Margaret Okafor, David Hughes, Priya Patel, Tom Whitfield');

    // the conflicts log the chair may share: kinds only, with who stayed despite a conflict
    const shared = text(await world.click('Margaret Okafor', 'decision.share', decision.id, 'direct'));
    expect(shared).toContain('Sarah Whitfield: direct financial interest; did not vote');
    expect(shared).toContain('Tom Whitfield: indirect financial interest; stayed in the room and voted');
    expect(shared).not.toContain('café manager');
  });

  it('records a decision by consensus, with someone who left the room without a conflict', async () => {
    world = await createWorld();
    const values = meetingValues(world, {
      kind: 'general',
      organisations: '',
      title: 'Summer fun day',
      declarations: 'Aisha Rahman: none',
      left: [world.id('Sarah Whitfield'), world.id('Tom Whitfield')],
      result: 'consensus',
      for: '',
      against: '',
      abstain: '',
      outcome: 'Agreed to hold the fun day on 4 July.',
    });
    const saved = await world.submit('Margaret Okafor', 'decision.meeting', values, undefined, 'direct');
    expect(saved[0]?.summary).toMatch(/^Recorded: Decision 1 \(“Summer fun day”\), taken at a meeting\. `/);
    const said = text(await world.command('Margaret Okafor', 'decision 1', 'direct'));
    expect(said).toContain('Decided by consensus. Agreed to hold the fun day on 4 July.');
    expect(said).toContain('Tom Whitfield: left the room for this item; did not vote');
    expect(said).toContain('Aisha Rahman: no interest');
    expect(said).not.toContain('Recorded as voting despite a conflict');
  });
});
