// Every register operation checks its one permission first: someone the table does not allow, or
// someone the roster does not know, is refused before any store is touched. Once the bot's own
// pre-check of buttons and forms is gone, these checks are the only ones.
import { describe, expect, it } from 'vitest';
import { can, type Permission } from '../../src/domain/permissions.ts';
import type { Person } from '../../src/domain/roster.ts';
import type { Actor } from '../../src/services/actor.ts';
import type { ServiceDeps } from '../../src/services/deps.ts';
import { EventBus } from '../../src/services/events.ts';
import type { PartnershipRef, Stores } from '../../src/services/ports/index.ts';
import { silentLogger } from '../../adapters/log.ts';
import * as coi from '../../src/services/coi.ts';
import * as criteria from '../../src/services/criteria.ts';
import * as interests from '../../src/services/interests.ts';
import * as linking from '../../src/services/linking.ts';
import * as organisations from '../../src/services/organisations.ts';
import * as relationships from '../../src/services/relationships.ts';
import * as roster from '../../src/services/roster.ts';
import { rep, resident, rosterOf, worker } from '../support/rosters.ts';

const team = rosterOf([
  resident('Cleo Chair', { roles: ['chair'] }),
  resident('Tess Treasurer', { roles: ['treasurer'] }),
  resident('Vic Voter'),
  resident('Nora Nonvoting', { voting: false }),
  worker('Wes Worker'),
  rep('Rae Rep'),
]);
const partnership: PartnershipRef = {
  id: 'p1',
  slug: 'test',
  name: team.partnership.name,
  settings: team.partnership.settings,
};

/** Stores that fail the test if anything reads or writes them. */
const untouchable = new Proxy({} as Stores, {
  get: (_target, store) => {
    throw new Error(`touched the stores (${String(store)}) before refusing`);
  },
});
const deps: ServiceDeps = {
  stores: untouchable,
  clock: { now: () => new Date('2026-03-03T10:00:00Z') },
  logger: silentLogger,
  events: new EventBus(),
};

const query = { n: ['Acme Ltd'], k: [] };
const OPERATIONS: [string, Permission, (actor: Actor) => unknown][] = [
  ['interests: own register', 'interests.own', (a) => interests.viewOwnRegister(deps, a)],
  ['interests: someone’s register', 'interests.view', (a) => interests.viewRegisterOf(deps, a, { name: 'Vic Voter' })],
  ['interests: open the form', 'interests.own', (a) => interests.startInterest(deps, a)],
  ['interests: find an entry', 'interests.own', (a) => interests.findOwnInterest(deps, a, { id: 'i1' })],
  [
    'interests: save',
    'interests.own',
    (a) => interests.saveInterest(deps, a, { organisation: 'Acme', kind: 'owner', detail: '' }),
  ],
  ['interests: remove', 'interests.own', (a) => interests.removeInterest(deps, a, { id: 'i1' })],
  ['interests: nothing to declare', 'interests.own', (a) => interests.confirmNothingToDeclare(deps, a)],
  [
    'interests: use a known name',
    'interests.own',
    (a) => interests.useKnownOrganisation(deps, a, { id: 'i1', organisation: 'Acme' }),
  ],
  ['interests: keep a name', 'interests.own', (a) => interests.keepOrganisationName(deps, a, { id: 'i1' })],
  ['relationships: view', 'relationships.own', (a) => relationships.viewRelationships(deps, a, { mine: false })],
  ['relationships: open the form', 'relationships.manage', (a) => relationships.startRelationship(deps, a)],
  ['relationships: find', 'relationships.manage', (a) => relationships.findRelationship(deps, a, { id: 'r1' })],
  [
    'relationships: save',
    'relationships.manage',
    (a) => relationships.saveRelationship(deps, a, { fromId: 'x', toId: 'y', kind: 'spouse' }),
  ],
  ['relationships: remove', 'relationships.manage', (a) => relationships.removeRelationship(deps, a, { id: 'r1' })],
  ['organisations: list', 'organisations.alias', (a) => organisations.listOrganisations(deps, a)],
  ['organisations: open the form', 'organisations.alias', (a) => organisations.startAlias(deps, a)],
  [
    'organisations: alias',
    'organisations.alias',
    (a) => organisations.aliasOrganisation(deps, a, { organisation: 'Acme', alias: 'Acme Cafe' }),
  ],
  [
    'organisations: unalias',
    'organisations.alias',
    (a) => organisations.unaliasOrganisation(deps, a, { id: 'o1', alias: 'Acme Cafe' }),
  ],
  ['coi: typed check', 'coi.check', (a) => coi.checkTyped(deps, a, { names: ['Acme Ltd'] })],
  ['coi: check from a button', 'coi.check', (a) => coi.checkQuery(deps, a, { query })],
  [
    'coi: link and check',
    'coi.check',
    (a) => coi.linkAndCheck(deps, a, { query, index: 0, organisation: 'Acme Community Ltd' }),
  ],
  ['coi: share', 'coi.share', (a) => coi.shareConflicts(deps, a, { query })],
  ['criteria', 'criteria.view', (a) => criteria.checkPartnershipCriteria(deps, a)],
  ['roster', 'roster.view', (a) => roster.viewRoster(deps, a, { private: true })],
  [
    'link an account',
    'identity.link',
    (a) =>
      linking.linkAccount(deps, a, { platform: 'web', workspaceId: 'w', mention: { userId: 'U1', name: 'Vic Voter' } }),
  ],
];

const actorFor = (person: Person | null): Actor => ({ partnership, roster: team, person });

describe('register services check their permission first', () => {
  for (const [name, permission, run] of OPERATIONS) {
    it(`${name}: ${permission}`, async () => {
      expect(await run(actorFor(null))).toEqual({ ok: false, refusal: { code: 'unknown-person' } });
      const refusedTo = team.people.filter((p) => !can(p, permission));
      for (const person of refusedTo)
        expect(await run(actorFor(person))).toEqual({ ok: false, refusal: { code: 'not-permitted', permission } });
      // someone allowed gets past the check: to the stores, or to the answer when it needs none
      const allowed = team.people.find((p) => can(p, permission));
      if (!allowed) throw new Error(`nobody on the test roster may ${permission}`);
      const outcome: unknown = await Promise.resolve()
        .then(() => run(actorFor(allowed)))
        .catch((error: unknown) => error);
      if (outcome instanceof Error) expect(outcome.message).toMatch(/touched the stores/);
      else expect(outcome).toMatchObject({ ok: true });
    });
  }
});
