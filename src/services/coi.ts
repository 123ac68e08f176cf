// The conflict-of-interest check for a procurement or grant decision: by organisation (several
// bidders at once) or by decision number (with the declarations made for it). A name close to a
// known organisation is asked about first ("did you mean …?"). Every check recomputes from the
// database; the redacted summary a chair shares is audited.
import { checkConflicts, type CoiResult } from '../domain/coi.ts';
import { organisationKey } from '../domain/organisations.ts';
import { can } from '../domain/permissions.ts';
import { authorize, type Actor, type Refusal } from './actor.ts';
import type { ServiceDeps } from './deps.ts';
import { linkNames, type Linked } from './organisations.ts';
import type { DecisionForCheck } from './ports/index.ts';
import { STALE, answered, knownOrganisations, refused, type Answer, type Stale } from './register.ts';

export const MAX_ORGANISATIONS = 10;
export const MAX_NAME = 200;
/** The names travel in button values, which chat platforms cap at about 2,000 characters. */
export const MAX_TOTAL = 1200;

/** What to check, as button values carry it: organisation names and a decision number, nothing personal. */
export interface CoiQuery {
  /** organisation names, as typed or as picked */
  n: string[];
  /** keys of names the asker chose to keep as typed */
  k: string[];
  /** a decision number */
  d?: number | undefined;
}

/** What the answer says about the names asked for. */
export type CoiNote =
  | { kind: 'alias'; typed: string; known: string }
  | { kind: 'unknown-name'; name: string }
  | { kind: 'no-organisations'; number: number };

export interface Checked {
  kind: 'checked';
  result: CoiResult;
  decision: DecisionForCheck | null;
  notes: CoiNote[];
  /** the query with the decision's organisations filled in */
  query: CoiQuery;
  /** the asker may share the redacted summary */
  mayShare: boolean;
  /** the names linked just before ("these are the same organisation") */
  linked?: Linked;
}

/** "Did you mean …?" for the name at `index`, before any check. */
export interface AskFirst {
  kind: 'ask';
  query: CoiQuery;
  index: number;
  suggestions: string[];
  /** the asker may say the names are one organisation */
  mayLink: boolean;
}

export type CoiRefusal =
  | Refusal
  | { code: 'no-decision'; number: number }
  | { code: 'no-organisation' }
  | { code: 'too-many'; count: number; max: number }
  | { code: 'name-too-long'; name: string }
  | { code: 'names-too-long'; max: number };

type Prepared = Omit<Checked, 'mayShare'> | AskFirst;

async function prepare(
  deps: ServiceDeps,
  actor: Actor,
  asked: CoiQuery,
): Promise<Prepared | { code: 'no-decision'; number: number }> {
  let query = asked;
  let decision: DecisionForCheck | null = null;
  const notes: CoiNote[] = [];
  if (query.d !== undefined) {
    decision = await deps.stores.register.decisionForCheck(actor.partnership.id, query.d);
    if (!decision) return { code: 'no-decision', number: query.d };
    if (query.n.length === 0) query = { ...query, n: decision.organisations.slice(0, MAX_ORGANISATIONS) };
    if (query.n.length === 0) notes.push({ kind: 'no-organisations', number: decision.number });
  }
  const directory = await knownOrganisations(deps, actor);
  for (const [index, name] of query.n.entries()) {
    const known = directory.find(name);
    if (known) {
      if (organisationKey(known.name) !== organisationKey(name))
        notes.push({ kind: 'alias', typed: name, known: known.name });
      continue;
    }
    const suggestions = query.k.includes(organisationKey(name)) ? [] : directory.suggest(name);
    if (suggestions.length)
      return { kind: 'ask', query, index, suggestions, mayLink: can(actor.person, 'organisations.alias') };
    notes.push({ kind: 'unknown-name', name });
  }
  const result = checkConflicts(actor.roster, {
    organisations: query.n,
    aliases: directory.aliasGroups(),
    declarations: decision?.declarations ?? [],
    keyDecision: decision ? decision.kind !== 'general' : true,
  });
  return { kind: 'checked', result, decision, notes, query };
}

async function check(
  deps: ServiceDeps,
  actor: Actor,
  query: CoiQuery,
  linked?: Linked,
): Promise<Answer<Checked | AskFirst, CoiRefusal>> {
  const prepared = await prepare(deps, actor, query);
  if ('code' in prepared) return refused(prepared);
  if (prepared.kind === 'ask') return answered(prepared);
  return answered({ ...prepared, mayShare: can(actor.person, 'coi.share'), ...(linked ? { linked } : {}) });
}

/** A check as typed: a decision number, or up to MAX_ORGANISATIONS names. */
export async function checkTyped(
  deps: ServiceDeps,
  actor: Actor,
  input: { decision: number } | { names: string[] },
): Promise<Answer<Checked | AskFirst, CoiRefusal>> {
  const who = authorize(actor, 'coi.check');
  if (!who.ok) return who;
  if ('decision' in input) return check(deps, actor, { n: [], k: [], d: input.decision });
  const names = input.names;
  if (names.length === 0) return refused({ code: 'no-organisation' });
  if (names.length > MAX_ORGANISATIONS)
    return refused({ code: 'too-many', count: names.length, max: MAX_ORGANISATIONS });
  const tooLong = names.find((n) => n.length > MAX_NAME);
  if (tooLong) return refused({ code: 'name-too-long', name: tooLong });
  if (names.join('').length > MAX_TOTAL) return refused({ code: 'names-too-long', max: MAX_TOTAL });
  return check(deps, actor, { n: names, k: [] });
}

/** A check from a button ("use the known name", "keep mine"): the query as the button carries it. */
export async function checkQuery(
  deps: ServiceDeps,
  actor: Actor,
  input: { query: CoiQuery | null },
): Promise<Answer<Checked | AskFirst, CoiRefusal | Stale>> {
  const who = authorize(actor, 'coi.check');
  if (!who.ok) return who;
  if (!input.query) return refused(STALE);
  return check(deps, actor, input.query);
}

/** "These are the same organisation": link the typed name at `index` to `organisation`, then check. */
export async function linkAndCheck(
  deps: ServiceDeps,
  actor: Actor,
  input: { query: CoiQuery; index: number; organisation: string } | null,
): Promise<Answer<Checked | AskFirst, CoiRefusal | Stale>> {
  const who = authorize(actor, 'coi.check');
  if (!who.ok) return who;
  const typed = input?.query.n[input.index];
  if (!input || !typed) return refused(STALE);
  // linking names is the officers' (organisations.alias): today every checker is one of them
  if (!can(who.person, 'organisations.alias'))
    return refused({ code: 'not-permitted', permission: 'organisations.alias' });
  const linked = await linkNames(deps, actor, input.organisation, typed);
  return check(deps, actor, input.query, linked);
}

export interface Shared {
  kind: 'shared';
  result: CoiResult;
  decision: DecisionForCheck | null;
  sharedBy: string;
}

/** The redacted summary for the channel: recomputed, never copied from the private answer; audited. */
export async function shareConflicts(
  deps: ServiceDeps,
  actor: Actor,
  input: { query: CoiQuery | null },
): Promise<Answer<Shared | AskFirst, CoiRefusal | Stale>> {
  const who = authorize(actor, 'coi.share');
  if (!who.ok) return who;
  if (!input.query) return refused(STALE);
  const prepared = await prepare(deps, actor, { ...input.query, k: input.query.n.map(organisationKey) });
  if ('code' in prepared) return refused(prepared);
  if (prepared.kind === 'ask') return answered(prepared);
  const { result, decision } = prepared;
  await deps.stores.audit.record({
    partnershipId: actor.partnership.id,
    actorId: who.person.id,
    action: 'coi.shared',
    subjectType: decision ? 'decision' : 'organisations',
    subjectId: decision?.id ?? null,
    after: { organisations: result.organisations, steppingBack: result.mustNotTakePart.map((c) => c.person.id) },
  });
  return answered({ kind: 'shared', result, decision, sharedBy: who.person.name });
}
