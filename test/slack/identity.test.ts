// Who is speaking (adapters/slack/identity.ts): Slack is asked (users.info) only about accounts
// the roster has not linked yet; a linked account is known from the database alone.
import { afterEach, expect, it } from 'vitest';
import { silentLogger } from '../../adapters/log.ts';
import { createSlackApi } from '../../adapters/slack/api.ts';
import { SlackUsers } from '../../adapters/slack/identity.ts';
import { startFakeSlackApi, type FakeSlackApi } from '../fakes/slack-api.ts';
import type { PartnershipRef } from '../../src/services/ports/index.ts';
import { createDemoDatabase, type TestDatabase } from '../support/db.ts';

let fake: FakeSlackApi;
let db: TestDatabase & { partnership: PartnershipRef };
afterEach(async () => {
  await fake.close();
  await db.close();
});

it('a linked account is not looked up in Slack; an unlinked one is, and brings its email and home workspace', async () => {
  fake = await startFakeSlackApi([
    { id: 'U0LINKED', teamId: 'T0HOME', email: 'rosa@example.org' },
    { id: 'U0GUEST', teamId: 'T0OTHER', email: 'guest@example.org' },
  ]);
  db = await createDemoDatabase();
  const rosa = (await db.stores.rosters.loadRoster(db.partnership.id)).people.find((p) => p.name === 'Rosa Novak')!;
  await db.stores.directory.linkIdentity(rosa.id, 'slack', 'T0HOME', 'U0LINKED');
  const users = new SlackUsers(createSlackApi('xoxb-test', fake.url, silentLogger), silentLogger, db.stores.directory);

  expect(await users.speaker('T0HOME', 'U0LINKED')).toEqual({ userId: 'U0LINKED', workspaceId: 'T0HOME' });
  expect(fake.callsTo('users.info')).toEqual([]);

  expect(await users.speaker('T0HOME', 'U0GUEST')).toMatchObject({
    userId: 'U0GUEST',
    workspaceId: 'T0OTHER',
    email: 'guest@example.org',
  });
  expect(fake.callsTo('users.info').map((c) => c.args.user)).toEqual(['U0GUEST']);
});
