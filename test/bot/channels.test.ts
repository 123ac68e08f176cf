// Who is speaking and which partnership a conversation belongs to: identity by email and by link,
// channel set-up by the chair or rep, and no data ever crossing to another partnership or workspace.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDemoDatabase, type TestDatabase } from '../support/db.ts';
import { DEMO, DM, channel, command, talkTo, type Talk } from '../support/bot.ts';
import { many, resident, rosterOf } from '../support/rosters.ts';

let db: TestDatabase;
let talk: Talk;
beforeEach(async () => {
  db = await createDemoDatabase();
  talk = talkTo(db.stores);
});
afterEach(() => db.close());

const UNKNOWN_PERSON =
  'I don’t know who you are yet. Ask your chair or rep to add your email address to the roster, or to link you with `/partnership link`.';
const UNBOUND =
  'This conversation is not linked to a Big Local partnership yet. The chair or the rep can link it by typing `/partnership setup <partnership>` here.';

describe('identity', () => {
  it('links a chat account by its email once, then knows it by its user id alone', async () => {
    expect((await talk.ask({ userId: 'U-margaret' }, DM, 'are we in criteria?')).reply.summary).toBe(UNKNOWN_PERSON);
    expect((await talk.ask(DEMO.chair, DM, 'are we in criteria?')).reply.summary).toContain('In criteria: 11 members');
    expect((await talk.ask({ userId: 'U-margaret' }, DM, 'are we in criteria?')).reply.summary).toContain(
      'In criteria: 11 members',
    );
    expect(await db.stores.directory.findIdentity('slack', 'T1', 'U-margaret')).not.toBeNull();
  });

  it('matches the email without regard to case', async () => {
    expect(
      (await talk.ask({ userId: 'U-x', email: 'Margaret.Okafor@EXAMPLE.org' }, DM, 'help me')).reply.summary,
    ).toContain('I didn’t catch that');
    expect(await db.stores.directory.findIdentity('slack', 'T1', 'U-x')).not.toBeNull();
  });

  it('an officer links an account whose chat email is not on the roster', async () => {
    const rosa = { userId: 'U-rosa', email: 'rosa@home.example' };
    expect((await talk.ask(rosa, DM, 'who is on the partnership')).reply.summary).toBe(UNKNOWN_PERSON);
    await talk.ask(DEMO.chair, channel('C-main'), command('setup northfield'));
    const linked = await talk.ask(DEMO.chair, channel('C-main'), command('link <@U-rosa|rosa> rosa novak'));
    expect(linked.reply.summary).toBe('Linked: that account is now Rosa Novak on Northfield Big Local.');
    expect((await talk.ask(rosa, DM, 'who is on the partnership')).reply.summary).toContain(
      'Northfield Big Local has 11 members',
    );
  });

  it('a link made by email in a workspace the partnership does not use stops counting once it binds a channel elsewhere', async () => {
    // before any binding, an account in any workspace with the chair's address is taken as the chair
    const elsewhere = { userId: 'U-m7', workspaceId: 'T7', email: DEMO.chair.email };
    const dm7 = { channelId: 'D-m7', kind: 'direct' as const, workspaceId: 'T7' };
    expect((await talk.ask(elsewhere, dm7, 'who is on the partnership')).text).toContain('Margaret Okafor');
    expect(await db.stores.directory.findIdentity('slack', 'T7', 'U-m7')).not.toBeNull();
    // the partnership binds its channel in T1: the T7 account no longer speaks for anyone
    await talk.ask(DEMO.chair, channel('C-main'), command('setup northfield'));
    const after = await talk.ask(elsewhere, dm7, 'who is on the partnership');
    expect(after.reply.summary).toBe(UNKNOWN_PERSON);
    expect(after.text).not.toMatch(/Okafor|Whitfield/);
  });

  it('link: refused to ordinary members, helps with an unknown name or a missing mention', async () => {
    await talk.ask(DEMO.chair, channel('C-main'), command('setup northfield'));
    expect((await talk.ask(DEMO.member, channel('C-main'), command('link <@U-new> Rosa Novak'))).reply.summary).toBe(
      'Only the chair, the vice-chair, the secretary, the treasurer or the rep can do that.',
    );
    expect((await talk.ask(DEMO.chair, channel('C-main'), command('link <@U-new> Rosa Novac'))).reply.summary).toBe(
      '“Rosa Novac” is not on the roster. Did you mean Rosa Novak?',
    );
    expect((await talk.ask(DEMO.chair, channel('C-main'), command('link Rosa Novak'))).reply.summary).toContain(
      'Mention the person',
    );
  });
});

describe('setting up a channel', () => {
  it('the chair links a channel; the answer is for everyone in it; asking again says it is done', async () => {
    const { reply } = await talk.ask(DEMO.chair, channel('C-main'), command('setup northfield'));
    expect(reply).toMatchObject({
      visibility: 'channel',
      summary:
        'This channel is now linked to Northfield Big Local. Ask me “are we in criteria?” or type `/partnership help`.',
    });
    expect((await talk.ask(DEMO.chair, channel('C-main'), command('setup northfield'))).reply.summary).toBe(
      'This channel is already linked to Northfield Big Local.',
    );
    expect((await talk.ask(DEMO.member, channel('C-main'), 'are we in criteria?')).reply.summary).toContain(
      'In criteria: 11 members',
    );
  });

  it('the rep may link a channel too', async () => {
    expect((await talk.ask(DEMO.rep, channel('C-rep'), command('setup northfield'))).reply.summary).toContain(
      'now linked to Northfield Big Local',
    );
  });

  it('anyone else is refused, and nothing is linked', async () => {
    for (const who of [DEMO.member, DEMO.viceChair, DEMO.worker]) {
      expect((await talk.ask(who, channel('C-main'), command('setup northfield'))).reply.summary).toBe(
        'Only the chair or the rep can do that.',
      );
    }
    expect((await talk.ask(DEMO.stranger, channel('C-main'), command('setup northfield'))).reply.summary).toBe(
      'You are not on Northfield Big Local’s roster (or I can’t match your account to it). Only its chair or rep can link a channel to it.',
    );
    expect(await db.stores.directory.findBinding('slack', 'T1', 'C-main')).toBeNull();
  });

  it('explains what to type in a direct message, with no partnership, or an unknown one', async () => {
    expect((await talk.ask(DEMO.chair, DM, command('setup northfield'))).reply.summary).toContain(
      'in the channel you want to link, not in a direct message',
    );
    expect((await talk.ask(DEMO.stranger, channel('C-main'), command('setup'))).reply.summary).toContain(
      'Which partnership? Type `/partnership setup <partnership>`',
    );
    expect((await talk.ask(DEMO.chair, channel('C-main'), command('setup southfield'))).reply.summary).toContain(
      'I don’t know a partnership called “southfield”',
    );
  });

  it('an unbound channel says how to link it, for every question about the partnership', async () => {
    for (const text of ['are we in criteria?', 'who is on the partnership']) {
      const { reply } = await talk.ask(DEMO.chair, channel('C-nowhere'), text);
      expect(reply.summary).toBe(UNBOUND);
    }
  });
});

describe('another partnership or workspace never sees the data', () => {
  beforeEach(async () => {
    const eastmarsh = rosterOf([
      resident('Edna East', { roles: ['chair'], email: 'edna@eastmarsh.example' }),
      ...many(8, 'Eastmarsh Member'),
    ]);
    await db.stores.rosters.importRoster('eastmarsh', {
      ...eastmarsh,
      partnership: { ...eastmarsh.partnership, name: 'Eastmarsh Big Local' },
    });
    await talk.ask(
      { userId: 'U-edna', email: 'edna@eastmarsh.example' },
      channel('C-east'),
      command('setup eastmarsh'),
    );
    await talk.ask(DEMO.chair, channel('C-north'), command('setup northfield'));
  });

  it('a Northfield member in an Eastmarsh channel is told it is not their partnership', async () => {
    await talk.ask(DEMO.member, DM, 'hello'); // linked by email in a direct message first
    for (const text of ['are we in criteria?', 'who is on the partnership']) {
      const { reply, text: all } = await talk.ask(DEMO.member, channel('C-east'), text);
      expect(all).not.toMatch(/Edna|Eastmarsh Member/);
      expect(reply.summary).toBe(
        'This conversation belongs to a partnership you are not on, so I can’t show you its details. Ask the chair or rep if you think you should be on its roster.',
      );
    }
  });

  it("each partnership's channel and direct messages show only its own people", async () => {
    const east = await talk.ask({ userId: 'U-edna' }, channel('C-east'), 'who is on the partnership');
    expect(east.text).toContain('Edna East');
    expect(east.text).not.toMatch(/Margaret|Okafor|Northfield/);
    const north = await talk.ask(DEMO.chair, DM, 'who is on the partnership');
    expect(north.text).toContain('Margaret Okafor');
    expect(north.text).not.toMatch(/Edna|Eastmarsh/);
  });

  it('the same channel id in another workspace is not bound', async () => {
    const { reply } = await talk.ask(
      { userId: 'U-other', workspaceId: 'T2' },
      channel('C-north', 'T2'),
      'are we in criteria?',
    );
    expect(reply.summary).toBe(UNBOUND);
  });

  it('a user from another workspace in a bound channel, whom the roster does not know, gets no data', async () => {
    const { reply } = await talk.ask(
      { userId: 'U-guest', workspaceId: 'T9' },
      channel('C-north'),
      'are we in criteria?',
    );
    expect(reply.summary).toBe(
      'I don’t know who you are yet, so I can’t show the partnership’s details. Ask your chair or rep to add your email address to the roster or to link you with `/partnership link`.',
    );
    const roster = await talk.ask(
      { userId: 'U-guest', workspaceId: 'T9' },
      channel('C-north'),
      'who is on the partnership',
    );
    expect(roster.text).not.toContain('Margaret');
  });

  it("an email on the roster of another partnership does not link in this one's channel", async () => {
    const { text } = await talk.ask(
      { userId: 'U-edna2', email: 'edna@eastmarsh.example' },
      channel('C-north'),
      'who is on the partnership',
    );
    expect(text).not.toContain('Margaret');
    expect(await db.stores.directory.findIdentity('slack', 'T1', 'U-edna2')).toBeNull();
  });
});
