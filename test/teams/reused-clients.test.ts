// botbuilder's clients for the Bot Connector are built once per (app id, serviceUrl, audience) and
// reused by later turns and proactive sends (adapters/teams/reused-clients.ts): a second turn gets the same client,
// another serviceUrl its own, and each conversation's answers still reach its own Bot Connector.
import { afterEach, describe, expect, it } from 'vitest';
import type { Activity } from 'botbuilder';
import { ReusingBotFrameworkAuthentication } from '../../adapters/teams/reused-clients.ts';
import { startFakeBotConnector, type FakeBotConnector } from '../fakes/bot-connector.ts';
import { message, post, startTeams, type TeamsTest } from './support.ts';

let t: TeamsTest | null = null;
let other: FakeBotConnector | null = null;
afterEach(async () => {
  await t?.close();
  await other?.close();
  t = null;
  other = null;
});

const activityAt = (serviceUrl: string) =>
  ({
    type: 'message',
    id: '1',
    channelId: 'msteams',
    serviceUrl,
    from: { id: '29:someone' },
    recipient: { id: '28:bot' },
    conversation: { id: 'a:personal' },
  }) as Activity;

describe('the Bot Connector clients', () => {
  it('are built once per serviceUrl and reused by later turns, with the user-token client', async () => {
    const auth = new ReusingBotFrameworkAuthentication({}); // authentication off, as with the Emulator
    const first = await auth.authenticateRequest(activityAt('http://127.0.0.1:9/'), '');
    const second = await auth.authenticateRequest(activityAt('http://127.0.0.1:9/'), '');
    const a = await first.connectorFactory!.create('http://127.0.0.1:9/', first.audience);
    const b = await second.connectorFactory!.create('http://127.0.0.1:9/', second.audience);
    const elsewhere = await second.connectorFactory!.create('http://127.0.0.1:8/', second.audience);
    expect(b).toBe(a);
    expect(elsewhere).not.toBe(a);
    expect(await auth.createUserTokenClient(second.claimsIdentity)).toBe(
      await auth.createUserTokenClient(first.claimsIdentity),
    );
    // a proactive send (continueConversation) to the same service reuses the turn's client
    const proactive = auth.createConnectorFactory(first.claimsIdentity);
    expect(await proactive.create('http://127.0.0.1:9/', first.audience)).toBe(a);
    expect(await proactive.create('http://127.0.0.1:8/', first.audience)).toBe(elsewhere);
  });

  it('still send each conversation’s answers to its own Bot Connector', async () => {
    t = await startTeams();
    other = await startFakeBotConnector();
    for (const fake of [t.fake, other, t.fake]) {
      const before = fake.posted.length;
      expect((await post(t, message(fake, { text: 'help' }))).status).toBe(200);
      expect(fake.posted.length).toBeGreaterThan(before);
    }
    expect(other.posted.length).toBeGreaterThan(0);
  });
});
