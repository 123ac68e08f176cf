// Relationships between people on the roster (family, household, close friends). Officers and the
// rep record, edit and remove them; the people concerned see their own entries; nobody else sees
// any. Each write is one store call, which writes its audit row with the change.
import { can } from '../domain/permissions.ts';
import { validateRelationship } from '../domain/register.ts';
import type { Person, Relative } from '../domain/roster.ts';
import type { Problem } from '../domain/result.ts';
import { authorize, type Actor, type Refusal } from './actor.ts';
import type { ServiceDeps } from './deps.ts';
import type { StoredRelationship } from './ports/index.ts';
import { STALE, answered, changeBy, refused, type Answer, type Stale } from './register.ts';

export type RelationshipRefusal = Refusal | Stale | { code: 'duplicate' };

export interface RelationshipsData {
  viewer: Person;
  people: readonly Person[];
  entries: readonly StoredRelationship[];
  /** relatives not on the roster: all of them for those who manage, else those linked to the viewer */
  relatives: readonly Relative[];
  /** all entries, with buttons to change them (officers and the rep) */
  manage: boolean;
}

async function relationshipsFor(
  deps: ServiceDeps,
  actor: Actor,
  viewer: Person,
  mine: boolean,
): Promise<RelationshipsData> {
  const all = await deps.stores.register.relationships(actor.partnership.id);
  const manage = !mine && can(viewer, 'relationships.manage');
  const entries = manage ? all : all.filter((r) => r.fromId === viewer.id || r.toId === viewer.id);
  const relatives = (actor.roster.relatives ?? []).filter(
    (r) => manage || r.links.some((l) => l.personId === viewer.id),
  );
  return { viewer, people: actor.roster.people, entries, manage, relatives };
}

/** A relationship of this partnership, or null (gone, or another partnership's id). */
async function entry(deps: ServiceDeps, actor: Actor, id: string): Promise<StoredRelationship | null> {
  const r = await deps.stores.register.getRelationship(id.slice(0, 100));
  return r && r.partnershipId === actor.partnership.id ? r : null;
}

/** Everyone's entries for those who manage them; otherwise (or `mine`) the ones the viewer is in. */
export async function viewRelationships(
  deps: ServiceDeps,
  actor: Actor,
  input: { mine: boolean },
): Promise<Answer<RelationshipsData, Refusal>> {
  const who = authorize(actor, 'relationships.own');
  if (!who.ok) return who;
  return answered(await relationshipsFor(deps, actor, who.person, input.mine));
}

/** May the actor open the form for a new relationship? The people it offers. */
export function startRelationship(_deps: ServiceDeps, actor: Actor): Answer<readonly Person[], Refusal> {
  const who = authorize(actor, 'relationships.manage');
  return who.ok ? answered(actor.roster.people) : who;
}

/** A relationship to edit or to confirm its removal. */
export async function findRelationship(
  deps: ServiceDeps,
  actor: Actor,
  input: { id: string },
): Promise<Answer<StoredRelationship, RelationshipRefusal>> {
  const who = authorize(actor, 'relationships.manage');
  if (!who.ok) return who;
  const r = await entry(deps, actor, input.id);
  return r ? answered(r) : refused(STALE);
}

/**
 * Records a relationship (no `id`) or changes one (`id` null: an edit naming none); never a fact
 * already recorded, either way round.
 */
export async function saveRelationship(
  deps: ServiceDeps,
  actor: Actor,
  input: { fromId: string; toId: string; kind: string; id?: string | null | undefined },
): Promise<
  Answer<
    { list: RelationshipsData; saved: StoredRelationship },
    RelationshipRefusal | { code: 'invalid'; problems: Problem[] }
  >
> {
  const who = authorize(actor, 'relationships.manage');
  if (!who.ok) return who;
  const { register } = deps.stores;
  if (input.id === null) return refused(STALE);
  const existingId = input.id;
  if (existingId && !(await entry(deps, actor, existingId))) return refused(STALE);
  const others = (await register.relationships(actor.partnership.id)).filter((r) => r.id !== existingId);
  const parsed = validateRelationship(input, actor.roster.people, others);
  if (!parsed.ok) return refused({ code: 'invalid', problems: parsed.error });
  const change = changeBy(deps, actor);
  const result = existingId
    ? await register.updateRelationship(change, existingId, parsed.value)
    : await register.addRelationship(change, parsed.value);
  if (result.status === 'duplicate') return refused({ code: 'duplicate' });
  if (result.status === 'not-found') return refused(STALE);
  return answered({ list: await relationshipsFor(deps, actor, who.person, false), saved: result.value });
}

export async function removeRelationship(
  deps: ServiceDeps,
  actor: Actor,
  input: { id: string },
): Promise<Answer<{ list: RelationshipsData; removed: StoredRelationship }, RelationshipRefusal>> {
  const who = authorize(actor, 'relationships.manage');
  if (!who.ok) return who;
  const r = await entry(deps, actor, input.id);
  const result = r ? await deps.stores.register.removeRelationship(changeBy(deps, actor), r.id) : null;
  if (!result || result.status !== 'saved') return refused(STALE);
  return answered({ list: await relationshipsFor(deps, actor, who.person, false), removed: result.value });
}
