// Install events: the conversation reference is stored for later proactive messages, and the
// welcome is sent once even though Teams sends both installationUpdate and conversationUpdate.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  CHANNEL_ID,
  GROUP_ID,
  MARGARET,
  TENANT,
  cardOf,
  installEvent,
  post,
  startTeams,
  type TeamsTest,
} from './support.ts';

let t: TeamsTest;
beforeEach(async () => {
  t = await startTeams();
});
afterEach(async () => t.close());

const refs = () =>
  t.app.database.db.conversationRef.findMany({ where: { platform: 'teams' }, orderBy: { key: 'asc' } });

describe('install events', () => {
  it('personal install: stores the reference under the user, welcomes once for both events', async () => {
    // Teams sends the two at the same moment.
    const [a, b] = await Promise.all([
      post(t, installEvent(t.fake, 'installationUpdate', 'personal')),
      post(t, installEvent(t.fake, 'conversationUpdate', 'personal')),
    ]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(t.fake.posted).toHaveLength(1);
    expect(JSON.stringify(cardOf(t.fake.posted[0]))).toContain('partnership-bot: governance help');
    const [ref] = await refs();
    expect(ref).toMatchObject({ workspaceId: TENANT, key: MARGARET.aadObjectId, welcomed: true });
    expect(JSON.parse(ref!.reference).conversation.id).toBe(`a:personal-${MARGARET.id.slice(3)}`);
  });

  it('team install (conversationUpdate first): stores the channel reference and welcomes in the channel once', async () => {
    await post(t, installEvent(t.fake, 'conversationUpdate', 'channel'));
    await post(t, installEvent(t.fake, 'installationUpdate', 'channel'));
    expect(t.fake.posted).toHaveLength(1);
    expect(t.fake.posted[0]!.conversationId).toBe(CHANNEL_ID);
    const [ref] = await refs();
    expect(ref).toMatchObject({ workspaceId: TENANT, key: CHANNEL_ID, welcomed: true });
  });

  it('group chat install is keyed by the conversation', async () => {
    await post(t, installEvent(t.fake, 'installationUpdate', 'groupChat'));
    expect(t.fake.posted[0]!.conversationId).toBe(GROUP_ID);
    expect((await refs())[0]).toMatchObject({ key: GROUP_ID });
  });

  it('removing the app forgets the reference, so a later install welcomes again', async () => {
    await post(t, installEvent(t.fake, 'installationUpdate', 'personal'));
    await post(t, installEvent(t.fake, 'installationUpdate', 'personal', { action: 'remove' }));
    expect(await refs()).toEqual([]);
    await post(t, installEvent(t.fake, 'installationUpdate', 'personal'));
    expect(t.fake.posted).toHaveLength(2);
  });

  it('someone else joining a conversation is not a welcome', async () => {
    const joined = {
      ...installEvent(t.fake, 'conversationUpdate', 'groupChat'),
      membersAdded: [{ id: '29:1someone-else' }],
    };
    expect((await post(t, joined)).status).toBe(200);
    expect(t.fake.posted).toEqual([]);
  });
});
