// Conflicts of interest in a procurement or grant decision (001, RULES.md section 3). Three
// sources: the standing register of interests, the roster's relationships, and declarations
// made for the decision itself.
import { Kinship, bondOf, relativeNode, type Bond } from './kinship.ts';
import { aliasResolver, tradingNameGroups } from './organisation-match.ts';
import type { Interest, InterestKind, Person, Roster } from './roster.ts';
import { hasVote, isMember, listNames, withArticle } from './roster.ts';
import { describeQuorum, quorumRequired } from './settings.ts';
import { residentsNeededFor } from './criteria/membership.ts';

export const CONFLICT_KINDS = ['direct-financial', 'indirect-financial', 'loyalty'] as const;
export type ConflictKind = (typeof CONFLICT_KINDS)[number];
export type ConflictSource = 'register' | 'relationship' | 'declaration' | 'lto';

export interface ConflictReason {
  kind: ConflictKind;
  source: ConflictSource;
  organisation: string;
  /** Sensitive: the register entry or relationship chain. Private to the requester. */
  detail: string;
}

/** A member's own declaration for this decision. */
export interface DecisionDeclaration {
  personId: string;
  kind: ConflictKind;
  organisation?: string | undefined;
  detail?: string | undefined;
}

export interface CoiQuestion {
  organisations: readonly string[];
  declarations?: readonly DecisionDeclaration[];
  /** procurement and grant decisions are key decisions (the councillor setting applies) */
  keyDecision?: boolean;
  /**
   * Names known to be one organisation (an officer merged them), added to the roster's own
   * `organisationAliases`: each group is matched as one, so a register entry for "Acme Cafe"
   * conflicts a decision about "ACME Community Café Ltd".
   */
  aliases?: readonly (readonly string[])[];
}

export interface PersonConflicts {
  person: Person;
  reasons: ConflictReason[];
}

export interface QuorumOutcome {
  rule: string;
  votingMembers: number;
  required: number;
  eligible: number;
  met: boolean;
  eligibleResidents: number;
  residentMajority: boolean;
}

export interface CoiResult {
  organisations: string[];
  /** members, voting or not (officers and LTO representatives included), who must step back */
  mustNotTakePart: PersonConflicts[];
  /**
   * People on the roster who are not members (paid workers, the rep) with a conflict: they take
   * no part in the decision either (001 counts a worker as a position of power), though they never vote.
   */
  othersNotTakingPart: PersonConflicts[];
  /** loyalty conflicts declared under a "declare and stay" policy: they stay (and members with a vote may vote) */
  declaredAndStaying: PersonConflicts[];
  eligibleVoters: Person[];
  /** members with a vote who may not vote on this decision for a reason other than a conflict */
  notEligible: { person: Person; why: string }[];
  quorum: QuorumOutcome;
}

const FINANCIAL: ReadonlySet<InterestKind> = new Set(['employee', 'owner', 'director', 'contractor']);
const conflictOf = (kind: InterestKind): ConflictKind => (FINANCIAL.has(kind) ? 'direct-financial' : 'loyalty');

const describeInterest = (who: string, i: Interest): string =>
  `${who}: ${i.kind} of ${i.organisation}${i.detail ? ` (${i.detail})` : ''}`;

const BOND_WORDS: Record<Bond, string> = {
  family: 'relative',
  household: 'household member',
  'close-friend': 'close friend',
};

export function checkConflicts(
  roster: Roster,
  question: CoiQuestion,
  kinship: Kinship = Kinship.of(roster),
): CoiResult {
  const settings = roster.partnership.settings;
  // "Acme Trading Ltd t/a Acme Cafe" is one organisation under two names, wherever it is written
  const organisationKey = aliasResolver([
    ...(roster.organisationAliases ?? []),
    ...(question.aliases ?? []),
    ...tradingNameGroups(roster, question.organisations),
  ]);
  const wanted = new Map<string, string>();
  for (const name of question.organisations) {
    const key = organisationKey(name);
    if (key && !wanted.has(key)) wanted.set(key, name.trim());
  }
  const reasons = new Map<string, ConflictReason[]>();
  const add = (personId: string, reason: ConflictReason) => {
    const list = reasons.get(personId);
    if (!list) reasons.set(personId, [reason]);
    else if (!list.some((r) => r.kind === reason.kind && r.detail === reason.detail)) list.push(reason);
  };
  const byId = new Map(roster.people.map((p) => [p.id, p]));
  // 001: "a close relative or friend is employed by an organisation" is an indirect financial
  // benefit. Close means one step: the holder's own spouse, partner, parent, child, sibling,
  // grandparent, grandchild, household member or close friend, never a chain (docs/rules.md).
  const addIndirect = (holderId: string, holderName: string, organisation: string, entry: string) => {
    const told = new Set<string>();
    for (const link of kinship.links(holderId)) {
      const bond = bondOf(link.kind);
      if (kinship.isOffRoster(link.to) || told.has(`${link.to}|${bond}`)) continue;
      told.add(`${link.to}|${bond}`);
      add(link.to, {
        kind: 'indirect-financial',
        source: 'relationship',
        organisation,
        detail: `Their ${BOND_WORDS[bond]} ${holderName} would benefit. ${kinship.describe([kinship.reverse(link)])}. ${entry}.`,
      });
    }
  };

  for (const holder of roster.people) {
    for (const interest of holder.interests) {
      const organisation = wanted.get(organisationKey(interest.organisation));
      if (organisation === undefined) continue;
      const entry = describeInterest(holder.name, interest);
      add(holder.id, {
        kind: conflictOf(interest.kind),
        source: 'register',
        organisation,
        detail: `Register of interests: ${entry}.`,
      });
      if (FINANCIAL.has(interest.kind)) addIndirect(holder.id, holder.name, organisation, entry);
    }
    if (holder.ltoRepresentative && settings.ltoOrganisation) {
      const organisation = wanted.get(organisationKey(settings.ltoOrganisation));
      if (organisation !== undefined) {
        add(holder.id, {
          kind: 'direct-financial',
          source: 'lto',
          organisation,
          detail: `${holder.name} represents the locally trusted organisation, ${settings.ltoOrganisation}.`,
        });
      }
    }
  }
  for (const relative of roster.relatives ?? []) {
    for (const interest of relative.interests) {
      const organisation = wanted.get(organisationKey(interest.organisation));
      if (organisation === undefined || !FINANCIAL.has(interest.kind)) continue;
      const entry = describeInterest(`${relative.name} (not on the roster)`, interest);
      addIndirect(relativeNode(relative.id), `${relative.name}, who is not on the roster,`, organisation, entry);
    }
  }
  const everyOrganisation = listNames([...wanted.values()]);
  for (const d of question.declarations ?? []) {
    const person = byId.get(d.personId);
    if (!person) continue;
    const organisation = d.organisation
      ? (wanted.get(organisationKey(d.organisation)) ?? d.organisation)
      : everyOrganisation;
    add(d.personId, {
      kind: d.kind,
      source: 'declaration',
      organisation,
      detail: `${person.name} declared ${withArticle(d.kind.replace('-', ' '))} interest for this decision${d.detail ? `: ${d.detail}` : ''}.`,
    });
  }

  const mustNotTakePart: PersonConflicts[] = [];
  const othersNotTakingPart: PersonConflicts[] = [];
  const declaredAndStaying: PersonConflicts[] = [];
  const eligibleVoters: Person[] = [];
  const notEligible: { person: Person; why: string }[] = [];
  // Everyone on the roster is checked (001: "as a partnership member, you should not be involved in
  // a decision about who gets a particular contract if ..."): members with or without a vote, and
  // the paid workers and the rep, who take part in discussions though they never vote.
  for (const person of roster.people) {
    const personReasons = reasons.get(person.id) ?? [];
    const stays = settings.loyaltyConflicts === 'declare-and-stay' && personReasons.every((r) => r.kind === 'loyalty');
    const out = isMember(person) ? mustNotTakePart : othersNotTakingPart;
    if (personReasons.length > 0 && !stays) out.push({ person, reasons: personReasons });
    else if (personReasons.length > 0) declaredAndStaying.push({ person, reasons: personReasons });
    if (!hasVote(person) || (personReasons.length > 0 && !stays)) continue;
    if (person.councillor && question.keyDecision !== false && !settings.councillorsVoteOnKeyDecisions) {
      notEligible.push({ person, why: 'councillors do not vote on key decisions (partnership setting)' });
      continue;
    }
    eligibleVoters.push(person);
  }

  const votingMembers = roster.people.filter(hasVote).length;
  const required = quorumRequired(settings.quorum, votingMembers);
  const eligibleResidents = eligibleVoters.filter((p) => p.resident).length;
  return {
    organisations: [...wanted.values()],
    mustNotTakePart,
    othersNotTakingPart,
    declaredAndStaying,
    eligibleVoters,
    notEligible,
    quorum: {
      rule: describeQuorum(settings.quorum),
      votingMembers,
      required,
      eligible: eligibleVoters.length,
      met: eligibleVoters.length >= required,
      eligibleResidents,
      residentMajority:
        eligibleVoters.length > 0 &&
        eligibleResidents >= residentsNeededFor(eligibleVoters.length, settings.residentThreshold),
    },
  };
}
