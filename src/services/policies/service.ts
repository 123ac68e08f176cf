// The local policies register: any member reads it; the chair or the rep records a policy (a new
// name adds it, a known name updates it) or removes one. Each write is one store call, audited.
import { can } from '../../domain/permissions.ts';
import { checkPolicy, MAX_POLICIES, policyKey, type Policy } from '../../domain/policies.ts';
import { authorize, type Actor, type Refusal } from '../actor.ts';
import type { ServiceDeps } from '../deps.ts';
import type { PolicyStore } from '../ports/index.ts';
import { answered, changeBy, refused, STALE, type Answer, type Stale } from '../register.ts';

export type PolicyRefusal = Refusal | Stale | { code: 'too-many-policies'; max: number };

export interface PoliciesView {
  policies: Policy[];
  /** the viewer may record, update and remove policies */
  mayManage: boolean;
}

/** The typed fields of the policy form or the command line. */
export interface PolicyText {
  kind: string;
  name: string;
  adoptedOn: string;
  reviewOn: string;
  link: string;
}

export async function listPolicies(deps: ServiceDeps, actor: Actor): Promise<Answer<PoliciesView, Refusal>> {
  const who = authorize(actor, 'policies.view');
  if (!who.ok) return who;
  const policies = await deps.stores.policies.list(actor.partnership.id);
  return answered({ policies, mayManage: can(who.person, 'policies.manage') });
}

/** The form, empty or with the entry `id` to update. */
export async function startPolicy(
  deps: ServiceDeps,
  actor: Actor,
  input: { id: string | null },
): Promise<Answer<Policy | null, Refusal | Stale>> {
  const who = authorize(actor, 'policies.manage');
  if (!who.ok) return who;
  if (!input.id) return answered(null);
  const found = (await deps.stores.policies.list(actor.partnership.id)).find((p) => p.id === input.id);
  return found ? answered(found) : refused(STALE);
}

/** Checks the typed policy and saves it; shared by chat (after the permission check) and the CLI. */
export async function savePolicyText(
  store: PolicyStore,
  change: { partnershipId: string; actorId: string | null; at: Date },
  typed: PolicyText,
): Promise<Answer<{ policy: Policy; created: boolean; policies: Policy[] }, PolicyRefusal>> {
  const checked = checkPolicy(typed);
  if (!checked.ok) return refused({ code: 'invalid', problems: checked.error });
  const existing = await store.list(change.partnershipId);
  const known = existing.some((p) => policyKey(p.name) === policyKey(checked.value.name));
  if (!known && existing.length >= MAX_POLICIES) return refused({ code: 'too-many-policies', max: MAX_POLICIES });
  const saved = await store.save(change, checked.value);
  return answered({ ...saved, policies: await store.list(change.partnershipId) });
}

export async function savePolicy(
  deps: ServiceDeps,
  actor: Actor,
  typed: PolicyText,
): Promise<Answer<{ policy: Policy; created: boolean; policies: Policy[] }, PolicyRefusal>> {
  const who = authorize(actor, 'policies.manage');
  if (!who.ok) return who;
  return savePolicyText(deps.stores.policies, changeBy(deps, actor), typed);
}

export async function removePolicy(
  deps: ServiceDeps,
  actor: Actor,
  input: { name: string },
): Promise<Answer<{ removed: Policy; policies: Policy[] }, Refusal>> {
  const who = authorize(actor, 'policies.manage');
  if (!who.ok) return who;
  const removed = await deps.stores.policies.remove(changeBy(deps, actor), input.name);
  if (!removed) return refused({ code: 'not-found' });
  return answered({ removed, policies: await deps.stores.policies.list(actor.partnership.id) });
}
