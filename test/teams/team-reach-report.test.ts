// docs/teams.md, "The whole team": who is told what after a setup. Here the whole roster is in the
// team, one member known to Teams only by a userPrincipalName that is an address; the rep (not the
// chair) runs setup. Teams refuses one chat: the chair and the rep are told, privately. Once the
// admin has acted and the rep types setup again, everyone is reached, and nothing more is said.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Posted } from '../fakes/bot-connector.ts';
import { CHANNEL_ID, TENANT, message, post, startTeams, visibleText, type TeamsTest } from './support.ts';
import { PEOPLE as P, postsIn } from './decision-support.ts';
import type { TeamsUser } from './support.ts';

let t: TeamsTest;
const REFUSED = 'Teams would not let me open a private chat with: Helen Brooks';

beforeAll(async () => {
  t = await startTeams();
  t.fake.members.clear();
  for (const u of Object.values(P))
    t.fake.members.set(u.id, {
      id: u.id,
      name: u.name,
      aadObjectId: u.aadObjectId,
      // Kwame's account carries no email, only a sign-in name that is his address
      ...(u === P.kwame ? { userPrincipalName: u.email } : { email: u.email }),
      tenantId: TENANT,
    });
  t.fake.refuseChatWith.add(P.helen.id);
});
afterAll(async () => t?.close());

const chatOf = (u: TeamsUser): string | undefined => t.fake.opened.find((o) => o.userId === u.id)?.conversationId;
const postsTo = (u: TeamsUser): Posted[] => postsIn(t.fake, chatOf(u) ?? 'none');
const inChannel = (): Posted[] => t.fake.posted.filter((p) => p.conversationId.split(';')[0] === CHANNEL_ID);
const setupBySam = () => post(t, message(t.fake, { scope: 'channel', from: P.sam, text: 'setup northfield' }));

describe('after a setup by the rep', () => {
  it('links a member by a userPrincipalName that is an address; the chair and the rep are told whom Teams refused', async () => {
    expect((await setupBySam()).status).toBe(200);
    expect(visibleText(inChannel())).toContain('This channel is now linked to Northfield Big Local');
    const kwame = await t.app.database.db.platformIdentity.findFirst({
      where: { platform: 'teams', userId: P.kwame.aadObjectId },
      include: { person: true },
    });
    expect(kwame?.person.name).toBe('Kwame Mensah');
    expect(chatOf(P.kwame)).toBeDefined();
    for (const u of [P.margaret, P.sam]) expect(visibleText(postsTo(u)), u.name).toContain(REFUSED);
    expect(visibleText(postsTo(P.rosa))).not.toContain('Helen Brooks');
    expect(visibleText(inChannel())).not.toContain('Helen Brooks');
  });

  it('typed again once Teams lets the bot reach everyone: Helen is reached, and nothing more is said', async () => {
    t.fake.refuseChatWith.delete(P.helen.id);
    const before = { margaret: postsTo(P.margaret).length, sam: postsTo(P.sam).length };
    expect((await setupBySam()).status).toBe(200);
    expect(visibleText(postsTo(P.helen))).toContain(
      'I’ll send you the partnership’s declaration and vote prompts here, privately',
    );
    // the rep gets the (private) answer that it is already linked, and no report; the chair nothing
    const [answer, ...more] = postsTo(P.sam).slice(before.sam);
    expect(visibleText([answer!])).toContain('This channel is already linked to Northfield Big Local');
    expect(more).toEqual([]);
    expect(postsTo(P.margaret).length).toBe(before.margaret);
  });
});
