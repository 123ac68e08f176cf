// Nothing personal reaches a channel, on any surface: marker words planted in every personal
// field (register entries' details and organisations, relationships, a declaration's words and
// organisation; resident status next to a name), then every command, button, form and scheduled
// job that can post to a channel, through the real Slack pipeline (fake Slack Web API), the real
// CloudAdapter (fake Bot Connector) and the playground's API. The markers are in the private
// record and DMs (so the test cannot pass on empty channels) and in no channel message. And the
// one guard at the exit holds back a channel message that would repeat private text.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../adapters/log.ts';
import type { Inbound } from '../../src/domain/chat/inbound.ts';
import { privateTextOf, leakIn } from '../../src/bot/channel-guard.ts';
import { textReply } from '../../src/domain/chat/reply.ts';
import { startFakeSlackApi } from '../fakes/slack-api.ts';
import { CHANNEL, mention, sendEvent, settle, startSlack, channelVisible, type SlackTest } from '../slack/support.ts';
import type { TeamsTest } from '../teams/support.ts';
import { startFakeBotConnector } from '../fakes/bot-connector.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { ACTOR_KINDS, ACTORS, type ActorKind } from '../security/matrix.ts';
import { registerTeamsUsers, sendSlack, sendTeams, sendWeb, slackUsers, TEAMS_CHANNEL } from '../security/surfaces.ts';
import {
  driveEverything,
  expectChannelsClean,
  expectGuardHoldsBack,
  plantMarkers,
  type Surface,
} from './channel-markers.ts';
import { rosterOf, resident, nonResident } from '../support/rosters.ts';

const logLines: string[] = [];
const logger = () => createLogger('info', (l) => logLines.push(l));
const logged = () => logLines.map((l) => JSON.parse(l) as Record<string, unknown>);

async function demoNames(s: Surface): Promise<string[]> {
  const northfield = (await s.app.stores.rosters.findPartnership('northfield'))!;
  return (await s.app.stores.rosters.loadRoster(northfield.id)).people.map((p) => p.name);
}

describe('Slack', () => {
  let t: SlackTest;
  let s: Surface;
  beforeAll(async () => {
    t = await startSlack(
      { LOG_LEVEL: 'info' },
      await startFakeSlackApi(ACTOR_KINDS.map((a) => slackUsers[a])),
      logger(),
    );
    await sendSlack(t, 'chair', 'fresh', { type: 'command', text: 'setup northfield' }, CHANNEL);
    await plantMarkers(t.app);
    s = {
      app: t.app,
      async send(actor: ActorKind, where, inbound: Inbound) {
        if (inbound.type !== 'text') return void (await sendSlack(t, actor, where, inbound));
        await sendEvent(t, mention(slackUsers[actor], inbound.text, CHANNEL));
        await settle(t.app);
      },
      channel: async () => {
        const shown = channelVisible(t.fake.calls);
        // a file completed into a channel: its bytes were shown there too
        const files = t.fake.callsTo('upload').filter((u) => shown.some((c) => c.includes(String(u.target))));
        return [...shown, ...files.map((f) => JSON.stringify(f.args))];
      },
      privately: async () => {
        const shown = new Set(channelVisible(t.fake.calls));
        return t.fake.calls.map((c) => JSON.stringify(c.args)).filter((c) => !shown.has(c));
      },
    };
  });
  afterAll(async () => {
    await t.close();
    await t.fake.close();
  });

  it('no marker, relationship or resident status in anything posted to the channel; all of it privately', async () => {
    await driveEverything(s);
    await expectChannelsClean(s, await demoNames(s));
  });

  it('the guard holds back a channel message that repeats a declaration, and logs only a code', async () => {
    await expectGuardHoldsBack(s, logged);
  });
});

describe('Teams', () => {
  let t: TeamsTest;
  let s: Surface;
  const inChannel = (id: string) => id.startsWith('19:');
  beforeAll(async () => {
    // as startTeams does, with the logger captured
    const fake = await startFakeBotConnector();
    const server = await startTestApp({ SEED_DEMO: 'true', LOG_LEVEL: 'info' }, { logger: logger() });
    t = {
      ...server,
      fake,
      async close() {
        await server.close();
        await fake.close();
      },
    };
    registerTeamsUsers(t.fake);
    await sendTeams(t, 'chair', 'fresh', { type: 'command', text: 'setup northfield' }, TEAMS_CHANNEL);
    // each opens their personal chat with the bot, so the bot can reach them there
    for (const actor of ACTOR_KINDS.filter((a) => ACTORS[a].name))
      await sendTeams(t, actor, 'direct', { type: 'command', text: 'help' });
    await plantMarkers(t.app);
    s = {
      app: t.app,
      async send(actor, where, inbound) {
        await sendTeams(t, actor, where, inbound);
      },
      channel: async () =>
        [...t.fake.posted, ...t.fake.updated]
          .filter((p) => inChannel(p.conversationId))
          .map((p) => JSON.stringify(p.activity)),
      privately: async () =>
        [...t.fake.posted, ...t.fake.updated]
          .filter((p) => !inChannel(p.conversationId))
          .map((p) => JSON.stringify(p.activity)),
    };
  });
  afterAll(() => t.close());

  it('no marker, relationship or resident status in anything posted to the channel; all of it privately', async () => {
    await driveEverything(s);
    await expectChannelsClean(s, await demoNames(s));
  });

  it('the guard holds back a channel message that repeats a declaration, and logs only a code', async () => {
    await expectGuardHoldsBack(s, logged);
  });
});

describe('the playground', () => {
  let t: TestApp;
  let s: Surface;
  let ids: Map<string, string>;
  const messages = async () => {
    const seen = new Map<string, { channelId: string; private: boolean; text: string }>();
    for (const id of ids.values()) {
      const res = await fetch(`${t.url}/playground/api/inbox?person=${encodeURIComponent(id)}&since=0`);
      const body = (await res.json()) as {
        messages: { id: string; channelId: string; private: boolean; author: { type: string }; reply?: unknown }[];
      };
      for (const m of body.messages)
        if (m.author.type === 'bot')
          seen.set(`${m.id}:${m.private}`, {
            channelId: m.channelId,
            private: m.private,
            text: JSON.stringify(m.reply),
          });
    }
    return [...seen.values()];
  };
  beforeAll(async () => {
    t = await startTestApp({ SEED_DEMO: 'true', PLAYGROUND: 'true', LOG_LEVEL: 'info' }, { logger: logger() });
    const people = (await (await fetch(`${t.url}/playground/api/people`)).json()) as {
      people: { id: string; name: string }[];
    };
    ids = new Map(people.people.map((p) => [p.name, p.id]));
    await plantMarkers(t.app);
    s = {
      app: t.app,
      async send(actor, where, inbound) {
        const res = await sendWeb(t.url, ids.get(ACTORS[actor].name!)!, where, inbound);
        expect(res.status, res.shown).toBe(200);
        await t.app.background.settled();
      },
      channel: async () =>
        (await messages()).filter((m) => m.channelId === 'partnership-channel' && !m.private).map((m) => m.text),
      privately: async () =>
        (await messages()).filter((m) => m.channelId !== 'partnership-channel' || m.private).map((m) => m.text),
    };
  });
  afterAll(() => t.close());

  it('no marker, relationship or resident status in anything posted to the channel; all of it privately', async () => {
    await driveEverything(s);
    await expectChannelsClean(s, await demoNames(s));
  });

  it('the guard holds back a channel message that repeats a declaration, and logs only a code', async () => {
    await expectGuardHoldsBack(s, logged);
  });
});

describe('the check itself', () => {
  const roster = rosterOf(
    [
      resident('Ann Able', {
        interests: [{ organisation: 'Acme Trading Ltd', kind: 'director', detail: 'unpaid since 2020' }],
      }),
      resident('Bob Able'),
      nonResident('Cara Cole'),
    ],
    [['Ann Able', 'spouse', 'Bob Able']],
  );
  const text = privateTextOf(roster, ['my cousin chairs its board', 'short']);
  const leak = (t: string) => leakIn(textReply(t, 'channel'), text);

  it('names the kind of private text a channel message would carry', () => {
    expect(leak('Register of interests: Ann Able: director of Acme Trading Ltd.')).toBe('register-entry');
    expect(leak('Ann says: Unpaid  since 2020')).toBe('interest-detail');
    expect(leak('Ann Able is Bob Able’s spouse.')).toBe('relationship');
    expect(leak('Their relative Ann Able would benefit.')).toBe('relationship');
    expect(leak('Bob declared: My cousin chairs its board.')).toBe('declaration-detail');
    expect(leak('Cara Cole is not a resident.')).toBe('residency');
  });

  it('lets counts, kinds, names and everyday words through', () => {
    expect(
      leak('Ann Able: direct financial interest; does not vote. Bob Able: indirect financial interest.'),
    ).toBeNull();
    expect(leak('9 members, 6 of them residents. 2 members recused.')).toBeNull();
    expect(leak('Decision 3: Acme Trading Ltd short contract. Loyalty policy: step back.')).toBeNull();
    expect(leak('Parent and child group grant')).toBeNull();
  });
});
