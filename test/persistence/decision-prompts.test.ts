// Where a decision's prompts landed (DecisionPrompt): remembered once however often they are
// handed over, listed for the close, forgotten once replaced; each decision's are its own.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SentPrompt } from '../../src/services/ports/index.ts';
import { createWorld, type World } from '../decisions/world.ts';

let world: World;
let decisionId = '';
let other = '';
beforeEach(async () => {
  world = await createWorld();
  decisionId = await world.start({ title: 'Bench by the pond', kind: 'general', ballot: 'open', visibility: 'live' });
  other = await world.start({ title: 'Summer fair stall', kind: 'general', ballot: 'open', visibility: 'live' });
});
afterEach(() => world.close());

const at = (personId: string, messageId: string, platform: 'slack' | 'teams' = 'slack'): SentPrompt => ({
  personId,
  message: { platform, workspaceId: 'T1', channelId: `D-${personId.slice(0, 6)}`, messageId },
});

describe('where a decision’s prompts landed', () => {
  it('is remembered once, listed, and forgotten once replaced', async () => {
    const store = world.db.stores.decisions;
    const rosa = world.id('Rosa Novak');
    const priya = world.id('Priya Patel');
    const sent = [at(rosa, '1.1'), at(rosa, '1.1', 'teams'), at(priya, '1.2')];
    await store.rememberPrompts(decisionId, sent);
    await store.rememberPrompts(decisionId, [at(priya, '1.2'), at(priya, '1.3')]); // one already known
    await store.rememberPrompts(other, [at(rosa, '9.9')]);
    expect(await store.promptsOf(decisionId)).toEqual(expect.arrayContaining([...sent, at(priya, '1.3')]));
    expect(await store.promptsOf(decisionId)).toHaveLength(4);

    await store.forgetPrompts(decisionId, sent);
    expect(await store.promptsOf(decisionId)).toEqual([at(priya, '1.3')]);
    expect(await store.promptsOf(other)).toEqual([at(rosa, '9.9')]); // another decision's are its own
    await store.forgetPrompts(decisionId, sent); // again: nothing to do
    expect(await store.promptsOf(decisionId)).toHaveLength(1);
  });
});
