// Teams has no ephemeral messages: whatever the core marks private must never reach a channel or
// group chat. These tests ask everything a chair can ask in shared conversations and check what
// the conversation's members could see, and that the private answers reached the personal chat.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ASK_PRIVATELY, SENT_PRIVATELY } from '../../adapters/teams/deliver.ts';
import {
  CHANNEL_ID,
  GROUP_ID,
  cardOf,
  invoke,
  message,
  post,
  startTeams,
  visibleText,
  type Scope,
  type TeamsTest,
} from './support.ts';

let t: TeamsTest;
beforeEach(async () => {
  t = await startTeams();
});
afterEach(async () => t.close());

/** Relationship chains, residency, emails, register entries: never in a shared conversation. */
const SENSITIVE = [
  'Counted as residents',
  'Not residents',
  'sibling',
  'not a resident',
  '@example.org',
  'Conflicts of interest:',
  'must not take part',
];

async function askEverything(scope: Scope): Promise<void> {
  await post(t, message(t.fake, { scope, text: 'setup northfield' }));
  for (const text of [
    'are we in criteria?',
    'who is on the partnership?',
    'coi Riverside Youth Trust',
    'help',
    'conflicts of interest for Riverside Youth Trust',
  ]) {
    await post(t, message(t.fake, { scope, text }));
  }
  const criteria = t.fake.posted.map(cardOf).find((c) => JSON.stringify(c ?? {}).includes('Show details'));
  const details = criteria.body.filter((e: any) => e.type === 'ActionSet').flatMap((e: any) => e.actions)[0];
  await post(t, invoke(t.fake, details.verb, details.data, { scope }));
  await post(t, message(t.fake, { scope, value: details.fallback.data }));
}

const shared = (id: string) => [
  ...t.fake.posted.filter((p) => p.conversationId.startsWith(id)),
  ...t.fake.updated.filter((u) => u.conversationId.startsWith(id)),
];
const personal = () => t.fake.posted.filter((p) => p.conversationId.startsWith('a:personal-'));

describe('private answers asked for in shared conversations', () => {
  for (const [scope, id] of [
    ['channel', CHANNEL_ID],
    ['groupChat', GROUP_ID],
  ] as const) {
    it(`${scope}: nothing sensitive is posted there; the answers reach the personal chat`, async () => {
      await post(t, message(t.fake, { text: 'hello' })); // the chair's personal chat exists
      await askEverything(scope);
      const seen = visibleText(shared(id));
      for (const word of SENSITIVE) expect(seen).not.toContain(word);
      expect(seen).toContain(SENT_PRIVATELY);
      const privately = visibleText(personal());
      expect(privately).toContain('Counted as residents');
      expect(privately).toContain('Conflicts of interest: Riverside Youth Trust');
      expect(privately).toContain('sibling');
    });
  }

  it('with no personal chat yet, the bot opens one (Teams allows it where the app is installed) and remembers it', async () => {
    // Teams refuses the personal chats setup tries to open for the team (team-reach.test.ts): still none
    t.fake.createStatus = 403;
    await post(t, message(t.fake, { scope: 'channel', text: 'setup northfield' }));
    t.fake.createStatus = 200;
    const tried = t.fake.created.length;
    await post(t, message(t.fake, { scope: 'channel', text: 'coi Riverside Youth Trust' }));
    expect(t.fake.created.slice(tried)).toHaveLength(1);
    expect(t.fake.created[tried]).toMatchObject({ isGroup: false, members: [{ id: '29:1margaret' }] });
    const [dm] = personal();
    expect(JSON.stringify(cardOf(dm))).toContain('Conflicts of interest: Riverside Youth Trust');
    expect(visibleText(shared(CHANNEL_ID))).not.toContain('Riverside Youth Trust');
    expect(
      await t.app.database.db.conversationRef.count({ where: { key: '8d5c2a10-0000-4000-8000-000000000001' } }),
    ).toBe(1);
  });

  it('when Teams refuses a personal chat, the channel is told to message the bot, and nothing else', async () => {
    t.fake.createStatus = 403;
    await post(t, message(t.fake, { scope: 'channel', text: 'setup northfield' }));
    await post(t, message(t.fake, { scope: 'channel', text: 'coi Riverside Youth Trust' }));
    const channel = shared(CHANNEL_ID);
    expect(channel.at(-1)!.activity.text).toBe(ASK_PRIVATELY);
    for (const word of SENSITIVE) expect(visibleText(channel)).not.toContain(word);
    expect(personal()).toEqual([]);
  });

  it('a refused click in a channel answers only the person who clicked', async () => {
    t.fake.createStatus = 403;
    await post(t, message(t.fake, { scope: 'channel', text: 'setup northfield' }));
    const before = t.fake.posted.length;
    const res = await post(
      t,
      invoke(
        t.fake,
        'criteria.details',
        { pb: { kind: 'action', actionId: 'criteria.details', value: 'details' } },
        { scope: 'channel' },
      ),
    );
    expect(res.body).toEqual({
      statusCode: 200,
      type: 'application/vnd.microsoft.activity.message',
      value: ASK_PRIVATELY,
    });
    expect(t.fake.posted.length).toBe(before);
  });
});
