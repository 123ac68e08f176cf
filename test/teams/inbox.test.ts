// The durable inbox on Teams (docs/inbox.md): an activity whose process died after it was written
// is answered by the next process, as a new message in the person's personal chat; after the last
// attempt the person is told it was not done. Real server, CloudAdapter, fake Bot Connector.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { conversationOf } from '../../adapters/teams/activity.ts';
import type { StoredTeamsRequest } from '../../adapters/teams/inbox.ts';
import { MARGARET, TENANT, cardOf, message, post, startTeams, type TeamsTest } from './support.ts';

let t: TeamsTest;
beforeEach(async () => {
  t = await startTeams();
});
afterEach(async () => t.close());

/** An item as a process killed after writing it would leave it: pending, its claim expired. */
async function leftByDeadProcess(key: string, text: string, attempts = 1): Promise<void> {
  const activity = message(t.fake, { text });
  const stored: StoredTeamsRequest = {
    request: {
      conversation: conversationOf(activity),
      speaker: { userId: MARGARET.aadObjectId, workspaceId: TENANT },
      inbound: { type: 'text', text },
    },
  };
  await t.app.database.db.inboxItem.create({
    data: {
      key,
      platform: 'teams',
      body: JSON.stringify(stored),
      attempts,
      claimedBy: 'a-dead-process',
      claimedUntil: new Date(t.app.clock.now().getTime() - 1_000),
    },
  });
}

it('answers an activity left by a dead process in the personal chat, once', async () => {
  await post(t, message(t.fake, { text: 'hello' })); // links Margaret and keeps her chat's reference
  const before = t.fake.posted.length;
  await leftByDeadProcess('teams:recovered:1', 'are we in criteria?');
  expect(await t.app.inbox.recover()).toBe(1);
  await t.app.background.settled();
  const answers = t.fake.posted.slice(before);
  expect(answers).toHaveLength(1);
  expect(answers[0]!.conversationId).toBe(`a:personal-${MARGARET.id.slice(3)}`);
  expect(JSON.stringify(cardOf(answers[0]))).toContain('In criteria');
  const item = await t.app.database.db.inboxItem.findUniqueOrThrow({ where: { key: 'teams:recovered:1' } });
  expect([item.status, item.body]).toEqual(['done', null]);
  expect(await t.app.inbox.recover()).toBe(0); // done once
  expect(t.fake.posted.length - before).toBe(1);
});

it('tells the person when the last attempt is used up, and keeps the item as failed', async () => {
  await post(t, message(t.fake, { text: 'hello' }));
  const before = t.fake.posted.length;
  await leftByDeadProcess('teams:recovered:2', 'are we in criteria?', 3);
  expect(await t.app.inbox.recover()).toBe(1);
  const told = t.fake.posted.slice(before).map((p) => JSON.stringify(p.activity));
  expect(told).toHaveLength(1);
  expect(told[0]).toContain('could not be recorded');
  const item = await t.app.database.db.inboxItem.findUniqueOrThrow({ where: { key: 'teams:recovered:2' } });
  expect([item.status, item.body]).toEqual(['failed', null]);
});
