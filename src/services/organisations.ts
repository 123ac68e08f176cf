// Known organisations: officers and the rep see the names the partnership knows and say when two
// names are one organisation ("Acme Cafe" is "ACME Community Café Limited"), so that conflict
// checks match them from then on. Each write is one store call, which audits it.
import type { OrganisationEntry } from '../domain/organisation-match.ts';
import { organisationKey } from '../domain/organisations.ts';
import { MAX_ORGANISATION } from '../domain/register.ts';
import type { Problem } from '../domain/result.ts';
import { authorize, type Actor, type Refusal } from './actor.ts';
import type { ServiceDeps } from './deps.ts';
import type { KnownOrganisation } from './ports/index.ts';
import { STALE, answered, changeBy, knownOrganisations, refused, type Answer, type Stale } from './register.ts';

export interface OrganisationsData {
  /** one entry per organisation, with every other name it is known by, by name */
  entries: OrganisationEntry[];
  /** the list as officers keep it: the aliases they may separate again */
  kept: KnownOrganisation[];
}

/** Two names were linked; `changed` is false when they were one organisation already. */
export interface Linked {
  name: string;
  alias: string;
  changed: boolean;
}

const sortedByName = (entries: readonly OrganisationEntry[]): OrganisationEntry[] =>
  [...entries].sort((a, b) => a.name.localeCompare(b.name));

async function organisationsOf(deps: ServiceDeps, actor: Actor): Promise<OrganisationsData> {
  const directory = await knownOrganisations(deps, actor);
  const kept = await deps.stores.register.organisations(actor.partnership.id);
  return { entries: sortedByName(directory.entries), kept };
}

export async function listOrganisations(deps: ServiceDeps, actor: Actor): Promise<Answer<OrganisationsData, Refusal>> {
  const who = authorize(actor, 'organisations.alias');
  if (!who.ok) return who;
  return answered(await organisationsOf(deps, actor));
}

/** The known organisations to choose from in the "two names, one organisation" form. */
export async function startAlias(deps: ServiceDeps, actor: Actor): Promise<Answer<OrganisationEntry[], Refusal>> {
  const who = authorize(actor, 'organisations.alias');
  if (!who.ok) return who;
  const directory = await knownOrganisations(deps, actor);
  return answered(sortedByName(directory.entries));
}

/**
 * Writes the link. The caller has authorised it (`organisations.alias`): aliasOrganisation here,
 * or the conflict check's "these are the same organisation" (services/coi.ts).
 */
export async function linkNames(deps: ServiceDeps, actor: Actor, name: string, alias: string): Promise<Linked> {
  const { organisation, changed } = await deps.stores.register.addAlias(changeBy(deps, actor), name, alias);
  return { name: organisation.name, alias, changed };
}

/** What was typed has problems: with the organisations to choose from, to send the form back. */
export type AliasInvalid = { code: 'alias-invalid'; problems: Problem[]; entries: OrganisationEntry[] };

/** `alias` is another name for the known organisation `organisation` (its name or its key). */
export async function aliasOrganisation(
  deps: ServiceDeps,
  actor: Actor,
  input: { organisation: string; alias: string },
): Promise<Answer<{ linked: Linked; list: OrganisationsData }, Refusal | AliasInvalid>> {
  const who = authorize(actor, 'organisations.alias');
  if (!who.ok) return who;
  const directory = await knownOrganisations(deps, actor);
  const chosen = input.organisation.trim();
  const name = directory.find(chosen)?.name ?? chosen;
  const alias = input.alias.replace(/\s+/g, ' ').trim();
  const problems: Problem[] = [];
  if (!organisationKey(name))
    problems.push({
      where: 'Known organisation',
      message: directory.entries.length
        ? 'choose an organisation from the list'
        : 'type the organisation’s name, with at least one letter or digit',
    });
  if (!organisationKey(alias))
    problems.push({ where: 'Is also known as', message: 'type the other name, with at least one letter or digit' });
  else if (alias.length > MAX_ORGANISATION)
    problems.push({ where: 'Is also known as', message: `shorten it to at most ${MAX_ORGANISATION} characters` });
  else if (organisationKey(alias) === organisationKey(name))
    problems.push({
      where: 'Is also known as',
      message: `“${alias}” already matches “${name}” (names are compared ignoring case, punctuation and “Ltd”)`,
    });
  if (problems.length) return refused({ code: 'alias-invalid', problems, entries: sortedByName(directory.entries) });
  const linked = await linkNames(deps, actor, name, alias);
  return answered({ linked, list: await organisationsOf(deps, actor) });
}

/** Two names linked by mistake are separated again. */
export async function unaliasOrganisation(
  deps: ServiceDeps,
  actor: Actor,
  input: { id: string; alias: string } | null,
): Promise<Answer<{ separated: { alias: string; from: string }; list: OrganisationsData }, Refusal | Stale>> {
  const who = authorize(actor, 'organisations.alias');
  if (!who.ok) return who;
  if (!input) return refused(STALE);
  const result = await deps.stores.register.removeAlias(changeBy(deps, actor), input.id, input.alias);
  if (result.status !== 'saved') return refused(STALE);
  return answered({
    separated: { alias: input.alias, from: result.value.name },
    list: await organisationsOf(deps, actor),
  });
}
