// Card clicks over HTTP: Action.Submit (a message with `value` and no text) and Action.Execute
// (the `adaptiveCard/action` invoke, answered in the HTTP response with a refreshed card).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cardOf, invoke, message, post, startTeams, visibleText, type TeamsTest } from './support.ts';

let t: TeamsTest;
beforeEach(async () => {
  t = await startTeams();
});
afterEach(async () => t.close());

/** The help card's "Are we in criteria?" button, as the bot rendered it. */
async function criteriaButton(): Promise<{ verb: string; data: unknown; submitData: unknown; cardId: string }> {
  await post(t, message(t.fake, { text: 'help' }));
  const posted = t.fake.posted.at(-1)!;
  const actions = cardOf(posted)
    .body.filter((e: any) => e.type === 'ActionSet')
    .flatMap((e: any) => e.actions);
  const button = actions.find((a: any) => a.title === 'Are we in criteria?');
  expect(button.type).toBe('Action.Execute');
  expect(button.fallback.type).toBe('Action.Submit');
  return { verb: button.verb, data: button.data, submitData: button.fallback.data, cardId: posted.id };
}

describe('Action.Submit', () => {
  it("a submit with no text runs the button's action and replies with a card", async () => {
    const { submitData, cardId } = await criteriaButton();
    const res = await post(t, message(t.fake, { value: submitData, replyToId: cardId }));
    expect(res.status).toBe(200);
    const reply = t.fake.posted.at(-1)!;
    expect(JSON.stringify(cardOf(reply))).toContain('In criteria');
    expect(t.fake.updated).toEqual([]);
  });

  it('a submit the bot cannot read (an old card, another app) gets a clear answer, not a crash', async () => {
    const res = await post(t, message(t.fake, { value: { something: 'else' } }));
    expect(res.status).toBe(200);
    expect(t.fake.posted.at(-1)!.activity.text).toContain('older message');
  });

  it('a submit with a string value, or a message with neither text nor value, is answered', async () => {
    expect((await post(t, message(t.fake, { value: 'just a string' }))).status).toBe(200);
    expect((await post(t, message(t.fake, {}))).status).toBe(200);
    expect(t.fake.posted).toHaveLength(2);
    expect(t.fake.posted[1]!.activity.text).toContain('Hello!');
  });

  it('a form submission reaches the core as a form (unknown form ids are refused clearly)', async () => {
    const value = { pb: { kind: 'form', formId: 'no.such.form', context: 'x' }, 'field.title': 'Garden grant' };
    expect((await post(t, message(t.fake, { value }))).status).toBe(200);
    expect(t.fake.posted.at(-1)!.activity.text).toContain('older message');
  });
});

describe('Action.Execute (adaptiveCard/action invoke)', () => {
  it('answers in the HTTP response with the refreshed card', async () => {
    const { verb, data, cardId } = await criteriaButton();
    const before = t.fake.posted.length;
    const res = await post(t, invoke(t.fake, verb, data, { replyToId: cardId }));
    expect(res.status).toBe(200);
    expect(res.body.statusCode).toBe(200);
    expect(res.body.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(res.body.value.type).toBe('AdaptiveCard');
    expect(res.body.value.version).toBe('1.5');
    expect(JSON.stringify(res.body.value)).toContain('In criteria');
    // The card is replaced in place: nothing new is posted.
    expect(t.fake.posted.length).toBe(before);
  });

  it('an invoke with data the bot cannot read is answered, not crashed', async () => {
    const res = await post(t, invoke(t.fake, 'whatever', undefined));
    expect(res.status).toBe(200);
    expect(res.body.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(JSON.stringify(res.body.value)).toContain('older message');
  });

  it('a private answer to a click in a channel goes to the personal chat; the card stays and only the clicker sees a note', async () => {
    await post(t, message(t.fake, { text: 'hello' })); // Margaret has a personal chat with the bot
    await post(t, message(t.fake, { scope: 'channel', text: 'setup northfield' }));
    await post(t, message(t.fake, { scope: 'channel', text: 'are we in criteria?' }));
    const channelCard = cardOf(t.fake.posted.at(-1));
    const details = channelCard.body.filter((e: any) => e.type === 'ActionSet').flatMap((e: any) => e.actions)[0];
    expect(details.title).toBe('Show details');
    const before = t.fake.posted.length;

    const res = await post(t, invoke(t.fake, details.verb, details.data, { scope: 'channel' }));
    expect(res.body.type).toBe('application/vnd.microsoft.activity.message');
    expect(res.body.value).toContain('private chat');
    const sent = t.fake.posted.slice(before);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.conversationId).toMatch(/^a:personal-/);
    expect(visibleText(sent)).toContain('Counted as residents');
  });
});
