// Issue 20: the whole team within reach. The chair sets up the team's channel; the bot reads the
// team's members from the (fake) Bot Connector page by page, links them to the roster by email,
// opens a personal chat with each, and tells the chair privately whom Teams refused and who is
// missing. Nobody but the chair has written to the bot or installed anything, yet a decision's
// prompts reach them. Typed again, setup links nobody twice and opens no second chat.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Posted } from '../fakes/bot-connector.ts';
import {
  CHANNEL_ID,
  OTHER_TENANT,
  STRANGER,
  TENANT,
  invoke,
  message,
  post,
  startTeams,
  visibleText,
  type TeamsTest,
} from './support.ts';
import { PEOPLE as P, button, postsIn } from './decision-support.ts';
import type { TeamsUser } from './support.ts';

let t: TeamsTest;
// the team: everyone on the demo roster but the rep (Sam Taylor), and one person who is not on it
const TEAM = Object.values(P).filter((u) => u !== P.sam);
/** a member from another organisation (tenant) whose address there is the rep's: never linked by it */
const GUEST = { id: '29:1guest', name: 'Guest Elsewhere', aadObjectId: '8d5c2a10-0000-4000-8000-0000000009aa' };

beforeAll(async () => {
  t = await startTeams();
  t.fake.members.clear();
  for (const u of [...TEAM, STRANGER])
    t.fake.members.set(u.id, { id: u.id, name: u.name, aadObjectId: u.aadObjectId, email: u.email, tenantId: TENANT });
  t.fake.members.set(GUEST.id, { ...GUEST, email: P.sam.email, tenantId: OTHER_TENANT });
  // Helen's organisation lets no app be installed for her automatically: Teams refuses her chat
  t.fake.refuseChatWith.add(P.helen.id);
});
afterAll(async () => t?.close());

const chatOf = (u: TeamsUser): string | undefined => t.fake.opened.find((o) => o.userId === u.id)?.conversationId;
const postsTo = (u: TeamsUser): Posted[] => postsIn(t.fake, chatOf(u) ?? 'none');
const inChannel = (): Posted[] => t.fake.posted.filter((p) => p.conversationId.split(';')[0] === CHANNEL_ID);
const linkedAccounts = () =>
  t.app.database.db.platformIdentity.findMany({ where: { platform: 'teams' }, include: { person: true } });

describe('the whole team, reached when its channel is set up', () => {
  it('links every team member on the roster by email and opens a personal chat with each', async () => {
    const res = await post(t, message(t.fake, { scope: 'channel', from: P.margaret, text: 'setup northfield' }));
    expect(res.status).toBe(200);
    expect(visibleText(inChannel())).toContain('This channel is now linked to Northfield Big Local');
    // the member list was read page by page (two a page), through the team's id
    expect(t.fake.requests.filter((r) => r.path.endsWith('/pagedmembers')).length).toBe(7);

    const linked = await linkedAccounts();
    expect(linked.map((l) => l.person.name).sort()).toEqual(TEAM.map((u) => u.name).sort());
    for (const u of TEAM) expect(linked.find((l) => l.person.name === u.name)!.userId).toBe(u.aadObjectId);
    expect(linked.some((l) => l.userId === STRANGER.aadObjectId)).toBe(false);
    // nobody from another tenant is linked, whatever address they give
    expect(linked.some((l) => l.userId === GUEST.aadObjectId)).toBe(false);

    // a chat with everyone linked but Helen, whom Teams refused; none with the stranger
    const opened = TEAM.filter((u) => u !== P.helen);
    expect(t.fake.opened.map((o) => o.userId).sort()).toEqual(opened.map((u) => u.id).sort());
    expect(t.fake.created.some((c) => c.members?.[0]?.id === P.helen.id)).toBe(true);
    for (const u of opened)
      expect(visibleText(postsTo(u).slice(0, 1)), u.name).toContain(
        'I’ll send you the partnership’s declaration and vote prompts here, privately',
      );
  });

  it('tells the chair privately whom Teams refused, who is missing, and what to ask the Teams admin', () => {
    const report = visibleText(postsTo(P.margaret));
    expect(report).toContain('Teams would not let me open a private chat with: Helen Brooks');
    expect(report).toContain('Teams apps > Setup policies');
    expect(report).toContain('On the roster but not found in this team: Sam Taylor');
    expect(report).toContain('In this team but not on the roster: Pat Stranger');
    expect(report).toContain('`@partnership-bot setup northfield`');
    // names only to the chair: not in the channel, and not to anyone else
    const channel = visibleText(inChannel());
    for (const name of ['Helen Brooks', 'Sam Taylor', 'Pat Stranger']) expect(channel).not.toContain(name);
    expect(visibleText(postsTo(P.rosa))).not.toContain('Helen Brooks');
  });

  it('setup typed again links nobody twice and opens no second chat; the chair gets the report again', async () => {
    const before = { links: (await linkedAccounts()).length, opened: t.fake.opened.length };
    const reports = postsTo(P.margaret).length;
    await post(t, message(t.fake, { scope: 'channel', from: P.margaret, text: 'setup northfield' }));
    expect((await linkedAccounts()).length).toBe(before.links);
    expect(t.fake.opened.length).toBe(before.opened);
    // the (private) answer that it is already linked, then the report again
    const [answer, report, ...more] = postsTo(P.margaret).slice(reports);
    expect(more).toEqual([]);
    expect(visibleText([answer!])).toContain('This channel is already linked to Northfield Big Local');
    expect(visibleText([report!])).toContain('Teams would not let me open a private chat with: Helen Brooks');
  });

  it('a member who never wrote to the bot gets a decision’s declaration prompt in the chat it opened', async () => {
    await post(t, message(t.fake, { scope: 'channel', from: P.margaret, text: 'poll' }));
    const form = postsIn(t.fake, `a:personal-${P.margaret.id.slice(3)}`).at(-1) ?? postsTo(P.margaret).at(-1);
    const submit = button(form, 'Start the vote');
    const data = {
      ...submit.data,
      'field.title': 'Summer fun day grant',
      'field.kind': 'general',
      'field.organisations': '',
      'field.closes': 'in 3 days',
      'field.ballot': 'open',
      'field.visibility': 'live',
    };
    expect((await post(t, invoke(t.fake, submit.verb, data, { from: P.margaret }))).status).toBe(200);
    await t.app.background.settled();
    for (const u of [P.rosa, P.kwame, P.gareth])
      expect(visibleText(postsTo(u)), u.name).toContain('Before you vote: do you have an interest to declare?');
  });

  it('someone who is not the chair or rep typing setup again reaches nobody', async () => {
    const created = t.fake.created.length;
    const reports = postsTo(P.margaret).length;
    await post(t, message(t.fake, { scope: 'channel', from: P.rosa, text: 'setup northfield' }));
    expect(t.fake.created.length).toBe(created);
    expect(postsTo(P.margaret).length).toBe(reports);
  });
});
