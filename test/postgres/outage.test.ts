// The database goes away while the server runs, then comes back (PostgreSQL, the database a
// deployment reaches over the network: this test's database stops taking connections and its
// open ones are cut, as in a failover). Every surface fails cleanly and writes nothing: Slack
// nothing can be written to the durable inbox, so nothing is acknowledged: Slack events, commands
// and clicks get 503 (Slack retries an event; the person sees their click or command was not
// taken), Teams gets an error status so it sends the activity again, the playground API answers
// 503. Then all works.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeSlackApi } from '../fakes/slack-api.ts';
import { startFakeBotConnector, type FakeBotConnector } from '../fakes/bot-connector.ts';
import {
  CHANNEL,
  USERS,
  bind,
  click,
  command,
  eventBody,
  lastResponse,
  mention,
  send,
  settle,
  shown,
  startSlack,
  type SlackTest,
} from '../slack/support.ts';
import { MARGARET, message, post } from '../teams/support.ts';
import { eventually } from '../support/eventually.ts';
import { createPostgresDatabase, testCluster } from '../support/postgres.ts';

let t: SlackTest;
let connector: FakeBotConnector;
let target: { url: string; name: string; remove(): void };
let admin: pg.Client;
let decisionId: string;
let rosa: string;

/** The outage: no new connections to this database, and the open ones cut. */
async function goDown(): Promise<void> {
  await admin.query(`ALTER DATABASE "${target.name}" ALLOW_CONNECTIONS false`);
  await admin.query(
    'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
    [target.name],
  );
}

async function comeBack(): Promise<void> {
  await admin.query(`ALTER DATABASE "${target.name}" ALLOW_CONNECTIONS true`);
  await eventually(
    async () => (await fetch(`${t.server.url}/healthz`)).status === 200,
    'the server finding its database again',
  );
}

const count = async () => ({
  votes: await t.app.database.db.vote.count(),
  deliveries: await t.app.database.db.inboxItem.count(),
});

beforeAll(async () => {
  admin = new pg.Client({ connectionString: testCluster().adminUrl });
  await admin.connect();
  target = await createPostgresDatabase('migrated');
  connector = await startFakeBotConnector();
  connector.members.set(MARGARET.id, {
    id: MARGARET.id,
    name: MARGARET.name,
    aadObjectId: MARGARET.aadObjectId,
    email: MARGARET.email,
  });
  t = await startSlack({ DATABASE_URL: target.url, PLAYGROUND: 'true' }, await startFakeSlackApi(Object.values(USERS)));
  await bind(t);
  const partnership = (await t.app.stores.rosters.findPartnership('northfield'))!;
  await t.app.bot.handle({
    conversation: { platform: 'slack', workspaceId: 'T1', channelId: CHANNEL, kind: 'channel' },
    speaker: { userId: USERS.chair.id, workspaceId: 'T1' },
    inbound: {
      type: 'form',
      formId: 'decision.create',
      values: { title: 'Summer fun day budget', closes: 'in 3 days' },
    },
  });
  decisionId = (await t.app.stores.decisions.list(partnership.id))[0]!.id;
  rosa = (await t.app.stores.rosters.loadRoster(partnership.id)).people.find((p) => p.name === 'Rosa Novak')!.id;
  await settle(t.app);
});

afterAll(async () => {
  await admin.query(`ALTER DATABASE "${target.name}" ALLOW_CONNECTIONS true`).catch(() => undefined);
  await t?.close();
  await t?.fake.close();
  await connector?.close();
  await admin?.end();
  target?.remove();
});

describe('the database unavailable', () => {
  const event = eventBody(mention(USERS.chair, 'are we in criteria?'));
  let before: Awaited<ReturnType<typeof count>>;

  it('every surface fails cleanly while it is down, and nothing is written', async () => {
    before = await count();
    t.fake.clear();
    await goDown();
    expect((await fetch(`${t.server.url}/healthz`)).status).toBe(503);

    // Slack event, slash command and click: not acknowledged (nothing could be written), so Slack
    // sends the event again later and shows the person their command or click did not go through
    const res = await send(t, event, 'application/json');
    expect(res.status).toBe(503);
    expect(((await res.json()) as { message: string }).message).toMatch(/nothing was done/);
    const asked = await command(t, 'criteria');
    expect(asked.res.status).toBe(503);
    const voted = await click(t, 'decision.vote', `${decisionId}:0`, { user: USERS.member });
    expect(voted.res.status).toBe(503);
    await settle(t.app);
    expect(lastResponse(t, asked.responsePath)).toBeUndefined();
    expect(lastResponse(t, voted.responsePath)).toBeUndefined();
    expect(t.fake.callsTo('chat.postMessage')).toEqual([]);

    // Teams: an error status, so Teams sends the activity again
    const teams = await post({ url: t.server.url }, message(connector, { text: 'are we in criteria?' }));
    expect(teams.status).toBe(503);
    expect(connector.posted).toEqual([]);

    // the playground API: 503 (an outage, never a 500), nothing saved, try again
    const people = await fetch(`${t.server.url}/playground/api/people`);
    expect(people.status).toBe(503);
    expect(JSON.stringify(await people.json())).not.toMatch(/\n\s+at |Prisma|ECONN/);
  });

  it('once it is back: Slack’s retry of the event is answered once, and nothing was half-written', async () => {
    await comeBack();
    expect(await count()).toEqual(before);
    t.fake.clear();
    expect((await send(t, event, 'application/json', { retryNum: 1 })).status).toBe(200);
    await settle(t.app);
    const answered = [...t.fake.callsTo('chat.postEphemeral'), ...t.fake.callsTo('chat.postMessage')];
    expect(answered).toHaveLength(1);
    expect(shown(answered[0])).toMatch(/In criteria/);
    // Slack's second retry of the same event is recognised and not answered again
    expect((await send(t, event, 'application/json', { retryNum: 2 })).status).toBe(200);
    await settle(t.app);
    expect([...t.fake.callsTo('chat.postEphemeral'), ...t.fake.callsTo('chat.postMessage')]).toHaveLength(1);
    // and the vote that failed can simply be cast again
    await click(t, 'decision.declare.none', decisionId, { user: USERS.member });
    await settle(t.app);
    const again = await click(t, 'decision.vote', `${decisionId}:0`, { user: USERS.member });
    await settle(t.app);
    expect(shown(lastResponse(t, again.responsePath))).toContain('Your vote on Decision 1 is recorded: For.');
    expect(await t.app.database.db.vote.findMany({ where: { decisionId }, select: { personId: true } })).toEqual([
      { personId: rosa },
    ]);
  });
});
