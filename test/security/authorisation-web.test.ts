// The authorisation matrix through the playground's JSON API (POST /playground/api/send). The
// playground acts only as demo people: anyone else (an unknown user, a user of another workspace)
// is refused at its edge, before the core.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.ts';
import { ACTORS, runMatrix, type ActorKind } from './matrix.ts';
import { sendWeb } from './surfaces.ts';

let t: TestApp;
let ids: Map<string, string>;
const idOf = (actor: ActorKind) => (ACTORS[actor].name ? ids.get(ACTORS[actor].name!)! : `not-a-demo-person-${actor}`);

beforeAll(async () => {
  t = await startTestApp({ SEED_DEMO: 'true', PLAYGROUND: 'true' });
  const people = (await (await fetch(`${t.url}/playground/api/people`)).json()) as {
    people: { id: string; name: string }[];
  };
  ids = new Map(people.people.map((p) => [p.name, p.id]));
  const created = await sendWeb(t.url, idOf('chair'), 'channel', {
    type: 'form',
    formId: 'decision.create',
    values: { title: 'Summer fun day budget', closes: 'in 3 days' },
  });
  expect(created.shown).toMatch(/Decision 1 is open until/);
});
afterAll(() => t.close());

it('every permission × every actor, through the playground API, answers as the table says', async () => {
  const partnership = (await t.app.stores.rosters.findPartnership('northfield'))!;
  const people = (await t.app.stores.rosters.loadRoster(partnership.id)).people;
  const [decision] = await t.app.stores.decisions.list(partnership.id);
  let account = 0;
  const statuses = new Map<ActorKind, Set<number>>();
  const wrong = await runMatrix({
    people,
    refusedAtEdge: ['unknown', 'other-workspace'],
    setting: () => ({
      decisionId: decision!.id,
      decisionNumber: decision!.number,
      newAccount: `web-new-${++account}`,
      year: new Date().getUTCFullYear(),
    }),
    // the playground has one channel, already bound: `setup` there says so to whoever may bind
    send: async (actor, where, inbound) => {
      const { status, shown } = await sendWeb(t.url, idOf(actor), where === 'fresh' ? 'channel' : where, inbound);
      statuses.set(actor, new Set([...(statuses.get(actor) ?? []), status]));
      return shown;
    },
  });
  expect(wrong).toEqual([]);
  expect([...statuses.get('unknown')!]).toEqual([404]);
  expect([...statuses.get('other-workspace')!]).toEqual([404]);
  expect([...statuses.get('chair')!]).toEqual([200]);
});
