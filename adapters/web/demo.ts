// The playground only ever acts as people of the demo partnership it seeded (never a real one):
// the partnership must be marked as the playground's sandbox in the database and have no Slack or
// Teams channel bound. It binds its channel to that partnership and links each demo person to a
// playground account, so that "be Margaret" resolves to Margaret through the same context code as
// Slack and Teams.
import { describeRole, type Person } from '../../src/domain/roster.ts';
import type { Logger, PartnershipRef, Stores } from '../../src/services/ports/index.ts';
import type { DemoPeople } from '../persistence/platform-store.ts';
import { DEMO_SLUG } from '../persistence/seed.ts';
import { WORKSPACE_ID } from './notifier.ts';
import { CHANNEL_ID } from './timeline.ts';

export interface DemoPerson {
  id: string;
  name: string;
  /** "chair", "member, non-voting", "paid worker", "Big Local rep" */
  role: string;
  group: 'officers' | 'members' | 'supporting';
  /** members only: the demo roster is fictional, and this page is the only place that shows it */
  resident?: boolean;
}

export const NO_DEMO_MESSAGE =
  `The playground only uses the demo partnership it seeded itself (“${DEMO_SLUG}”), never a real one, and this database does not have it ` +
  '(or a Slack or Teams channel has been bound to it since, or a roster imported into it, which makes it real). ' +
  'SEED_DEMO adds it only to an empty database: ' +
  'start with an empty DATA_DIR (or another DATABASE_URL) to try the playground.';

/** What the playground's demo lookups need from the app. */
export interface DemoContext {
  stores: Pick<Stores, 'rosters' | 'directory' | 'audit'>;
  demoPeople: DemoPeople;
  logger: Logger;
}

/** The demo partnership, if it is still the playground's sandbox. */
export async function findDemo(app: DemoContext): Promise<PartnershipRef | null> {
  return (await app.stores.rosters.listPartnerships('sandbox')).find((p) => p.slug === DEMO_SLUG) ?? null;
}

/** Bind the playground channel and link every current demo person. Repeat-safe. */
export async function wireDemo(app: DemoContext): Promise<PartnershipRef | null> {
  const partnership = await findDemo(app);
  if (!partnership) return null;
  const { directory, audit, rosters } = app.stores;
  const binding = await directory.findBinding('web', WORKSPACE_ID, CHANNEL_ID);
  if (!binding) {
    await directory.bindChannel(
      { partnershipId: partnership.id, platform: 'web', workspaceId: WORKSPACE_ID, channelId: CHANNEL_ID },
      'playground',
    );
    await audit.record({
      partnershipId: partnership.id,
      actorId: null,
      action: 'channel.bind',
      subjectType: 'channel',
      subjectId: `web/${CHANNEL_ID}`,
    });
  } else if (binding.partnershipId !== partnership.id) {
    app.logger.warn('playground channel is bound to another partnership; left as it is', {
      partnershipId: binding.partnershipId,
      code: 'E_PLAYGROUND_BINDING',
    });
  }
  const roster = await rosters.loadRoster(partnership.id);
  for (const person of roster.people) {
    const linked = await directory.findIdentity('web', WORKSPACE_ID, person.id);
    if (!linked) await directory.linkIdentity(person.id, 'web', WORKSPACE_ID, person.id);
  }
  return partnership;
}

const ORDER = ['chair', 'vice-chair', 'secretary', 'treasurer'];

function describe(p: Person): DemoPerson {
  const group = p.kind !== 'member' ? 'supporting' : p.roles.length ? 'officers' : 'members';
  return {
    id: p.id,
    name: p.name,
    role: describeRole(p),
    group,
    ...(p.kind === 'member' ? { resident: p.resident } : {}),
  };
}

/** Officers in the usual order, then members, then the rep and paid workers. */
export async function listDemoPeople(app: DemoContext, partnership: PartnershipRef): Promise<DemoPerson[]> {
  const roster = await app.stores.rosters.loadRoster(partnership.id);
  const rank = (p: Person) =>
    p.kind !== 'member' ? 10 : p.roles.length ? Math.min(...p.roles.map((r) => ORDER.indexOf(r))) : 5;
  return [...roster.people].sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name)).map(describe);
}

/** A current person of the demo partnership, or null. */
export async function findDemoPerson(app: DemoContext, personId: string): Promise<{ id: string; name: string } | null> {
  const partnership = await findDemo(app);
  if (!partnership) return null;
  return app.demoPeople.findCurrent(partnership.id, personId);
}
