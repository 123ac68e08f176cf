// Linked organisation names reach every conflict check, the decisions feature's too: they travel
// with the roster (Roster.organisationAliases, filled by the roster store).
import { afterEach, describe, expect, it } from 'vitest';
import { createWorld, type World } from '../decisions/world.ts';

let world: World;
afterEach(async () => world?.close());

describe('aliases in decisions', () => {
  it('the roster carries linked names, and a decision recuses a member registered under another name', async () => {
    world = await createWorld();
    const change = { partnershipId: world.partnership.id, actorId: world.id('Margaret Okafor'), at: new Date() };
    await world.db.stores.register.addAlias(change, 'ACME Community Café Limited', 'Acme Cafe');
    await world.db.stores.register.addInterest(change, world.id('Rosa Novak'), {
      organisation: 'Acme Cafe',
      kind: 'owner',
    });
    const roster = await world.db.stores.rosters.loadRoster(world.partnership.id);
    expect(roster.organisationAliases).toEqual([['ACME Community Café Limited', 'Acme Cafe']]);

    const id = await world.start({
      title: 'Café catering contract',
      kind: 'procurement',
      organisations: 'ACME Community Café Limited',
      ballot: 'open',
      visibility: 'live',
    });
    const state = await world.db.stores.decisions.find({ id });
    const rosa = state!.recusals.find((r) => r.personId === world.id('Rosa Novak'));
    expect(rosa?.reasons.map((r) => r.kind)).toEqual(['direct-financial']);
    expect(rosa?.reasons[0]?.detail).toContain('owner of Acme Cafe');
  });
});
