// "Did you mean …?" on Teams (issue 18): the creation card, submitted with an organisation name
// close to a known one, comes back as the card with a choice for it; nothing opens until it is
// answered. The real server and CloudAdapter, the Bot Connector faked on loopback.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installEvent, invoke, message, post, startTeams, type TeamsTest } from './support.ts';
import { PEOPLE as P, addMembers, button, inputsOf, personalChat, postsIn } from './decision-support.ts';

let t: TeamsTest;

beforeAll(async () => {
  t = await startTeams();
  addMembers(t.fake);
  for (const u of Object.values(P)) await post(t, installEvent(t.fake, 'installationUpdate', 'personal', { from: u }));
  await post(t, installEvent(t.fake, 'conversationUpdate', 'channel'));
  await post(t, message(t.fake, { scope: 'channel', from: P.margaret, text: 'setup northfield' }));
  t.fake.posted.length = 0;
});
afterAll(async () => t?.close());

const DRAFT = {
  'field.title': 'Youth club contract',
  'field.kind': 'procurement',
  'field.organisations': 'Riverside Trust',
  'field.closes': 'in 3 days',
  'field.ballot': 'open',
  'field.visibility': 'live',
};
type Choice = { id: string; choices?: { title: string; value: string }[] };
/** The Input.ChoiceSet with this id, anywhere in the card. */
function choiceSet(card: unknown, id: string): Choice | undefined {
  let found: Choice | undefined;
  JSON.stringify(card, (_key, value: unknown) => {
    if (value && typeof value === 'object' && (value as Choice).id === id) found = value as Choice;
    return value;
  });
  return found;
}

describe('organisation names in the Teams creation card', () => {
  it('asks with a choice in the card, then opens the decision with the answer', async () => {
    await post(t, message(t.fake, { scope: 'channel', from: P.margaret, text: 'poll' }));
    const submit = button(postsIn(t.fake, personalChat(P.margaret)).at(-1), 'Start the vote');
    const res = await post(t, invoke(t.fake, submit.verb, { ...submit.data, ...DRAFT }, { from: P.margaret }));
    await t.app.background.settled();
    expect(res.body.type).toBe('application/vnd.microsoft.card.adaptive');
    const card = res.body.value;
    expect(JSON.stringify(card)).toContain(
      'Before the vote opens: “Riverside Trust” is close to “Riverside Youth Trust”.',
    );
    expect(inputsOf(card)).toContain('field.same1');
    const choices = choiceSet(card, 'field.same1')!.choices!;
    expect(choices.map((c) => c.title)).toEqual(['the same as “Riverside Youth Trust”', 'a different organisation']);
    expect(await t.app.database.db.decision.count()).toBe(0);

    const different = choices.find((c) => c.title === 'a different organisation')!.value;
    const answered = await post(
      t,
      invoke(t.fake, submit.verb, { ...submit.data, ...DRAFT, 'field.same1': different }, { from: P.margaret }),
    );
    await t.app.background.settled();
    expect(JSON.stringify(answered.body.value)).toContain('Decision 1 is open until');
    const decision = await t.app.database.db.decision.findFirstOrThrow();
    expect(JSON.parse(decision.organisations)).toEqual(['Riverside Trust']);
    // a different organisation: nobody is recused for Riverside Youth Trust, and nothing is linked
    expect(await t.app.database.db.recusal.count({ where: { decisionId: decision.id } })).toBe(0);
    expect(await t.app.database.db.organisation.count()).toBe(0);
  });
});
