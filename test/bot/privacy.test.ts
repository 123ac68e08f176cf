// Personal data (relationships, interests, residency, emails) is never shown in a channel. Officers
// and the rep see the details privately; other members never do.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { replyText, type Reply } from '../../src/domain/chat/reply.ts';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';
import { DM, channel, click, command, talkTo, type Talk } from '../support/bot.ts';
import { many, nonResident, rep, resident, rosterOf, worker } from '../support/rosters.ts';

let db: TestDatabase;
let talk: Talk;
const ROOM = channel('C-room');
const chair = { userId: 'U-carol', email: 'carol.chair@example.org' };
const member = { userId: 'U-ann', email: 'ann.able@example.org' };
const theRep = { userId: 'U-rex', email: 'rex.rep@example.org' };
const theWorker = { userId: 'U-will', email: 'will.worker@example.org' };

beforeAll(async () => {
  db = await createTestDatabase();
  const roster = rosterOf(
    [
      resident('Carol Chair', { roles: ['chair'], email: chair.email }),
      resident('Ann Able', { email: member.email }),
      resident('Bob Able', {
        email: 'bob.able@example.org',
        interests: [{ organisation: 'Acme Trading Ltd', kind: 'director', detail: 'unpaid' }],
      }),
      nonResident('Cara Able', { email: 'cara.able@example.org' }),
      ...many(5, 'Member'),
      worker('Will Worker', { email: theWorker.email }),
      rep('Rex Rep', { email: theRep.email }),
    ],
    [
      ['Ann Able', 'spouse', 'Bob Able'],
      ['Bob Able', 'sibling', 'Cara Able'],
      ['Member 1', 'parent', 'Will Worker'],
    ],
  );
  await db.stores.rosters.importRoster('privacy', {
    ...roster,
    partnership: { ...roster.partnership, name: 'Privacy Big Local' },
  });
  talk = talkTo(db.stores);
  await talk.ask(chair, ROOM, command('setup privacy'));
  for (const who of [member, theRep, theWorker]) await talk.ask(who, DM, 'hello'); // link by email
});
afterAll(() => db.close());

const CHAIN = "Ann Able is Bob Able's spouse; Bob Able is Cara Able's sibling";
const SENSITIVE = [
  /spouse/i,
  /sibling/i,
  /parent/i,
  /'s (spouse|sibling|parent|child)/,
  /Counted as residents/,
  /Not residents/,
  /\bresident\)|\(resident|not a resident/,
  /Acme/,
  /director/,
  /@/,
];

function expectNothingSensitive(reply: Reply) {
  const text = replyText(reply);
  for (const pattern of SENSITIVE) expect(text).not.toMatch(pattern);
}

describe('in a channel', () => {
  it('"are we in criteria?" gives counts and statuses only, and offers officers the details privately', async () => {
    const { reply, text } = await talk.ask(chair, ROOM, 'are we in criteria?');
    expect(reply.visibility).toBe('channel');
    // no count of related people: next to the names a channel sees (the only paid worker) it would say who
    expect(text).not.toMatch(/from one family|related to a paid worker|pair/);
    expect(text).toContain('Relationships on the roster: some need a private look by an officer or the rep.');
    expectNothingSensitive(reply);
    expect(reply.blocks).toContainEqual({
      kind: 'actions',
      buttons: [{ actionId: 'criteria.details', label: 'Show details', value: 'details' }],
    });
  });

  it('whoever asks, the channel answer carries no details', async () => {
    for (const who of [member, theRep, theWorker])
      expectNothingSensitive((await talk.ask(who, ROOM, 'do we meet the criteria')).reply);
  });

  it('"who is on the partnership" gives names and roles, never residency or emails', async () => {
    const { reply, text } = await talk.ask(chair, ROOM, 'who is on the partnership?');
    expect(reply.visibility).toBe('channel');
    expect(text).toContain('Carol Chair: chair');
    expect(text).toContain('Will Worker: paid worker');
    expectNothingSensitive(reply);
    expect(text).toContain('Ask me in a direct message to see resident status and email addresses.');
  });

  it('the conflict of interest check is always private', async () => {
    const { reply, text } = await talk.ask(chair, ROOM, 'who can vote on the Acme Trading contract?');
    expect(reply.visibility).toBe('private');
    expect(text).toContain("Their relative Bob Able would benefit. Ann Able is Bob Able's spouse.");
  });
});

describe('privately', () => {
  it('the chair sees the chains and who counts as a resident', async () => {
    const { reply, text } = await talk.ask(chair, DM, 'are we in criteria?');
    expect(reply.visibility).toBe('private');
    expect(text).toContain(`Ann Able, Bob Able and Cara Able are one family: ${CHAIN}.`);
    expect(text).toContain("Member 1 (member) and Will Worker (paid worker): Member 1 is Will Worker's parent.");
    expect(text).toContain('Not residents: Cara Able.');
  });

  it('the details button in the channel answers the chair and the rep privately, with details', async () => {
    for (const who of [chair, theRep]) {
      const { reply, text } = await talk.ask(who, ROOM, click('criteria.details', 'details'));
      expect(reply.visibility).toBe('private');
      expect(text).toContain(CHAIN);
    }
  });

  it('officers see residency and emails in the roster', async () => {
    const { text } = await talk.ask(chair, DM, 'who is on the partnership');
    expect(text).toContain('Cara Able: member (not a resident, cara.able@example.org)');
    expect(text).toContain('Carol Chair: chair (resident, carol.chair@example.org)');
  });

  it('a member who is not an officer, or the paid worker, never gets the details', async () => {
    for (const who of [member, theWorker]) {
      const dm = await talk.ask(who, DM, 'are we in criteria?');
      expect(dm.reply.visibility).toBe('private');
      expectNothingSensitive(dm.reply);
      const button = await talk.ask(who, ROOM, click('criteria.details', 'details'));
      expect(button.reply.visibility).toBe('private');
      expectNothingSensitive(button.reply);
      const roster = await talk.ask(who, DM, 'who is on the partnership');
      expectNothingSensitive(roster.reply);
      expect(roster.text).not.toContain('Ask me in a direct message');
    }
  });

  it('a slash command in the channel is answered privately (an officer sees details, a member does not)', async () => {
    const officer = await talk.ask(chair, ROOM, command('criteria'));
    expect(officer.reply.visibility).toBe('private');
    expect(officer.text).toContain(CHAIN);
    const plain = await talk.ask(member, ROOM, command('roster'));
    expect(plain.reply.visibility).toBe('private');
    expectNothingSensitive(plain.reply);
  });
});
