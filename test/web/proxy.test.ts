// Proxy votes in the playground over HTTP (the real server, the playground's JSON API as the page
// uses it): appointing a proxy with the form, the proxy's ballot and vote, and the record.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { replyText, type Reply } from '../../src/domain/chat/reply.ts';
import { parseSettings } from '../../src/domain/settings.ts';
import { DEMO_SLUG } from '../../adapters/persistence/seed.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { TestClock, TUESDAY } from '../decisions/world.ts';
import { named, people, send, type Person } from './client.ts';

let t: TestApp;
let everyone: Person[];
let decisionId = '';

beforeAll(async () => {
  t = await startTestApp({ PLAYGROUND: 'true' }, { clock: new TestClock(new Date(TUESDAY)) });
  everyone = await people(t.url);
  // the partnership's terms of reference allow proxies (off by default)
  const partnership = (await t.app.stores.rosters.findPartnership(DEMO_SLUG))!;
  await t.app.stores.rosters.updateSettings(
    partnership.id,
    parseSettings({ ...partnership.settings, proxyVotes: true }),
    null,
  );
});
afterAll(() => t.close());

const said = (replies: Reply[]) => replies.map(replyText).join('\n');
const as = (name: string) => named(everyone, name);

describe('proxy votes in the playground', () => {
  it('Rosa appoints Kwame; Kwame votes for her; the record shows it as a proxy vote', async () => {
    const started = await send(t.url, as('Margaret Okafor'), 'channel', {
      type: 'form',
      formId: 'decision.create',
      values: { title: 'Summer fun day', closes: 'in 3 days', ballot: 'open', visibility: 'live' },
    });
    expect(started.status).toBe(200);
    decisionId = (await t.app.database.db.decision.findFirstOrThrow()).id;
    for (const name of ['Rosa Novak', 'Kwame Mensah'])
      await send(t.url, as(name), 'direct', { type: 'action', actionId: 'decision.declare.none', value: decisionId });

    const form = await send(t.url, as('Rosa Novak'), 'direct', { type: 'command', text: 'proxy 1' });
    expect(said(form.body.replies)).toContain('Appoint a proxy for Decision 1');
    const appointed = await send(t.url, as('Rosa Novak'), 'direct', {
      type: 'form',
      formId: 'decision.proxy',
      values: { holder: as('Kwame Mensah').id },
      context: decisionId,
    });
    expect(said(appointed.body.replies)).toContain('Kwame Mensah is now your proxy for Decision 1');

    const ballot = await send(t.url, as('Kwame Mensah'), 'direct', { type: 'command', text: 'proxy 1' });
    expect(said(ballot.body.replies)).toContain('For (for Rosa Novak)');
    const voted = await send(t.url, as('Kwame Mensah'), 'direct', {
      type: 'action',
      actionId: 'decision.proxy.vote',
      value: `${decisionId}:0`,
    });
    expect(said(voted.body.replies)).toContain('Recorded: For, by proxy for Rosa Novak');
    const record = await send(t.url, as('Margaret Okafor'), 'direct', { type: 'command', text: 'decision 1' });
    expect(said(record.body.replies)).toMatch(/Rosa Novak: For \(by proxy: Kwame Mensah\)/);
  });
});
