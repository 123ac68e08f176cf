// Messages through the real server and CloudAdapter, replies captured by the fake Bot Connector.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  CHANNEL_ID,
  GROUP_ID,
  MARGARET,
  OTHER_TENANT,
  ROSA,
  STRANGER,
  TENANT,
  cardOf,
  message,
  post,
  startTeams,
  visibleText,
  type TeamsTest,
} from './support.ts';

let t: TeamsTest;
beforeEach(async () => {
  t = await startTeams();
});
afterEach(async () => t.close());

const db = () => t.app.database.db;

describe('personal chat', () => {
  it('answers a roster member found by the email Teams gives, in the same chat, as a reply', async () => {
    const activity = message(t.fake, { text: 'are we in criteria?' });
    const res = await post(t, activity);
    expect(res.status).toBe(200);
    expect(t.fake.posted).toHaveLength(1);
    const [reply] = t.fake.posted;
    expect(reply!.conversationId).toBe(`a:personal-${MARGARET.id.slice(3)}`);
    expect(reply!.replyToId).toBe(activity.id);
    const card = cardOf(reply);
    expect(card.type).toBe('AdaptiveCard');
    expect(card.version).toBe('1.5');
    const shown = JSON.stringify(card);
    expect(shown).toContain('In criteria');
    // A private answer to the chair: the residents counted are part of it.
    expect(shown).toContain('Counted as residents');
    expect(t.fake.memberLookups).toEqual([
      { conversationId: `a:personal-${MARGARET.id.slice(3)}`, userId: MARGARET.id },
    ]);
    const identity = await db().platformIdentity.findFirst({
      where: { platform: 'teams', userId: MARGARET.aadObjectId },
    });
    expect(identity?.workspaceId).toBe(TENANT);
  });

  it('stores the personal chat reference and looks the member up only until they are linked', async () => {
    await post(t, message(t.fake, { text: 'who is on the partnership?' }));
    await post(t, message(t.fake, { text: 'roster' }));
    expect(t.fake.memberLookups).toHaveLength(1);
    expect(t.fake.posted).toHaveLength(2);
    expect(JSON.stringify(cardOf(t.fake.posted[1]))).toContain('Who is on Northfield Big Local');
    const ref = await db().conversationRef.findUnique({
      where: { platform_workspaceId_key: { platform: 'teams', workspaceId: TENANT, key: MARGARET.aadObjectId } },
    });
    const reference = JSON.parse(ref!.reference);
    expect(reference.conversation.id).toBe(`a:personal-${MARGARET.id.slice(3)}`);
    expect(reference.serviceUrl).toBe(t.fake.url);
  });

  it('tells an unknown user how to get known, and shows no partnership data', async () => {
    await post(t, message(t.fake, { from: STRANGER, text: 'are we in criteria?' }));
    const text = visibleText(t.fake.posted);
    expect(text).toContain('I don’t know who you are yet');
    expect(text).not.toContain('Northfield');
  });

  it('still answers when the member lookup fails (the user is just not linked by email)', async () => {
    t.fake.memberLookupFails = true;
    const res = await post(t, message(t.fake, { text: 'are we in criteria?' }));
    expect(res.status).toBe(200);
    expect(visibleText(t.fake.posted)).toContain('I don’t know who you are yet');
  });

  it('treats "/partnership <command>" and a command word from the menu as commands', async () => {
    await post(t, message(t.fake, { text: '/partnership coi Riverside Youth Trust' }));
    await post(t, message(t.fake, { text: 'help' }));
    expect(JSON.stringify(cardOf(t.fake.posted[0]))).toContain('Conflicts of interest: Riverside Youth Trust');
    expect(JSON.stringify(cardOf(t.fake.posted[1]))).toContain('partnership-bot: governance help');
  });

  it('when the reply cannot be posted, the turn ends with an apology instead of a crash', async () => {
    await post(t, message(t.fake, { text: 'hello' })); // linked now: no member lookup next time
    const before = t.fake.requests.length;
    t.fake.failNext(403, 1);
    const res = await post(t, message(t.fake, { text: 'help' }));
    expect(res.status).toBe(200);
    expect(t.fake.requests.slice(before).map((r) => `${r.method} ${r.status}`)).toEqual(['POST 403', 'POST 200']);
    expect(t.fake.posted.at(-1)!.activity.text).toContain('something went wrong on my side');
  });

  it('answers each activity once when Teams re-delivers it', async () => {
    const activity = message(t.fake, { text: 'help' });
    await post(t, activity);
    await post(t, activity);
    expect(t.fake.posted).toHaveLength(1);
  });
});

describe('channel and group chat', () => {
  it('binds a channel with setup (mention stripped) and answers in the thread; every thread of the channel shares the binding', async () => {
    const setup = message(t.fake, { scope: 'channel', text: 'setup northfield', thread: '111' });
    await post(t, setup);
    // one answer in the channel; the rest are the personal chats the bot opened with the team (team-reach.test.ts)
    const inChannel = t.fake.posted.filter((p) => p.conversationId.startsWith(CHANNEL_ID));
    expect(inChannel).toHaveLength(1);
    expect(inChannel[0]!.conversationId).toBe(`${CHANNEL_ID};messageid=111`);
    expect(inChannel[0]!.replyToId).toBe(setup.id);
    expect(inChannel[0]!.activity.text).toContain('now linked to Northfield Big Local');
    const binding = await db().channelBinding.findFirst({ where: { platform: 'teams' } });
    expect(binding).toMatchObject({ workspaceId: TENANT, channelId: CHANNEL_ID });

    await post(t, message(t.fake, { scope: 'channel', text: 'are we in criteria?', thread: '222' }));
    const answer = t.fake.posted.filter((p) => p.conversationId.startsWith(CHANNEL_ID))[1]!;
    expect(answer.conversationId).toBe(`${CHANNEL_ID};messageid=222`);
    const shown = JSON.stringify(cardOf(answer));
    expect(shown).toContain('In criteria');
    // In a channel: statuses only, never who counts as a resident.
    expect(shown).not.toContain('Counted as residents');
    expect(shown).toContain('Show details');
  });

  it('asks an unbound channel to be linked first and shows no partnership data there', async () => {
    t.fake.createStatus = 403;
    await post(t, message(t.fake, { scope: 'channel', text: 'who is on the partnership?' }));
    const text = visibleText(t.fake.posted);
    expect(text).not.toContain('Margaret Okafor');
    expect(text).toContain('privately');
  });

  it('answers in a group chat once it is bound', async () => {
    await t.app.stores.directory.bindChannel(
      {
        partnershipId: (await t.app.stores.rosters.findPartnership('northfield'))!.id,
        platform: 'teams',
        workspaceId: TENANT,
        channelId: GROUP_ID,
      },
      'test',
    );
    await post(t, message(t.fake, { scope: 'groupChat', text: 'who is on the partnership?' }));
    expect(t.fake.posted).toHaveLength(1);
    expect(t.fake.posted[0]!.conversationId).toBe(GROUP_ID);
    const shown = JSON.stringify(cardOf(t.fake.posted[0]));
    expect(shown).toContain('Margaret Okafor');
    // Residency and emails only privately.
    expect(shown).not.toContain('margaret.okafor@example.org');
  });

  it('the same channel id in another tenant is not bound', async () => {
    await post(t, message(t.fake, { scope: 'channel', text: 'setup northfield' }));
    t.fake.createStatus = 403;
    t.fake.members.set(STRANGER.id, { id: STRANGER.id, aadObjectId: STRANGER.aadObjectId, tenantId: OTHER_TENANT });
    await post(
      t,
      message(t.fake, { scope: 'channel', tenant: OTHER_TENANT, from: STRANGER, text: 'who is on the partnership?' }),
    );
    const later = visibleText(t.fake.posted.slice(1));
    expect(later).not.toContain('Margaret Okafor');
    // The core's "not linked yet" answer is private: Teams tried a personal chat in that tenant.
    expect(later).toContain('privately');
    expect(t.fake.created.at(-1)).toMatchObject({ isGroup: false, tenantId: OTHER_TENANT });
  });

  it('a user from another tenant, linked to another partnership, sees nothing of this one', async () => {
    const roster = await t.app.stores.rosters.loadRoster(
      (await t.app.stores.rosters.findPartnership('northfield'))!.id,
    );
    const other = await t.app.stores.rosters.importRoster('southbank', {
      ...roster,
      partnership: { ...roster.partnership, name: 'Southbank Big Local' },
    });
    const southbankRosa = (await t.app.stores.rosters.loadRoster(other.partnership.id)).people.find(
      (p) => p.name === 'Rosa Novak',
    )!;
    await t.app.stores.directory.linkIdentity(southbankRosa.id, 'teams', OTHER_TENANT, STRANGER.aadObjectId);
    t.fake.members.set(STRANGER.id, { id: STRANGER.id, aadObjectId: STRANGER.aadObjectId, tenantId: OTHER_TENANT });
    await post(t, message(t.fake, { scope: 'channel', text: 'setup northfield' }));

    await post(t, message(t.fake, { scope: 'channel', from: STRANGER, text: 'who is on the partnership?' }));
    const answers = t.fake.posted.slice(1);
    expect(visibleText(answers)).not.toContain('Margaret Okafor');
    expect(visibleText(answers)).toContain('belongs to a partnership you are not on');
  });

  it("turns a mention in `link` into the person's object id for the core", async () => {
    await post(t, message(t.fake, { scope: 'channel', text: 'setup northfield' }));
    await post(
      t,
      message(t.fake, { scope: 'channel', text: `link <at>${ROSA.name}</at> Rosa Novak`, mentions: [ROSA] }),
    );
    const identity = await db().platformIdentity.findUnique({
      where: { platform_workspaceId_userId: { platform: 'teams', workspaceId: TENANT, userId: ROSA.aadObjectId } },
    });
    const rosa = await db().person.findFirst({ where: { name: 'Rosa Novak' } });
    expect(identity?.personId).toBe(rosa!.id);
  });
});
