// Conflicts of interest in the make-up of the partnership (001, "Conflicts of interest").
// Channel-safe messages give counts and roles; who is related to whom goes only in `details`.
import { type Kinship, type Link } from '../kinship.ts';
import type { Person, Roster } from '../roster.ts';
import { describeRole, isMember, isOfficer, listNames, plural } from '../roster.ts';
import type { CheckId, CheckResult } from './result.ts';
import { CHECK_TITLES } from './result.ts';

const make = (id: CheckId, fields: Omit<CheckResult, 'id' | 'title' | 'source'>): CheckResult => ({
  id,
  title: CHECK_TITLES[id],
  source: '001',
  ...fields,
});

const names = (people: readonly Person[]): string => listNames(people.map((p) => p.name));

export function checkPaidWorkerVoting(roster: Roster): CheckResult {
  const workers = roster.people.filter((p) => p.kind === 'paid-worker');
  const voting = workers.filter((p) => p.voting);
  if (voting.length > 0) {
    return make('paid-worker-voting', {
      status: 'fail',
      details: [],
      message: `${names(voting)} ${voting.length === 1 ? 'is a paid worker recorded' : 'are paid workers recorded'} as voting. "In no circumstances should a paid worker also sit as a voting member."`,
      fix: `Record ${names(voting)} as non-voting: paid workers support the partnership but never vote.`,
    });
  }
  return make('paid-worker-voting', {
    status: 'pass',
    details: [],
    message: workers.length
      ? `${plural(workers.length, 'paid worker')} (${names(workers)}), none voting.`
      : 'No paid workers on the roster.',
  });
}

/**
 * Explain a group by chaining every other person back to the first. The chains share their first
 * links, so each link is told once ("Ann is Bob's spouse; Bob is Cara's sibling").
 */
function explainGroup(k: Kinship, ids: readonly string[], bond: 'family' | 'household'): string {
  const [first, ...rest] = ids;
  const links: Link[] = [];
  const told = new Set<string>();
  for (const id of rest) {
    for (const link of k.chain(first!, id, bond) ?? []) {
      const key = [link.from, link.to].sort().join('|');
      if (!told.has(key)) links.push(link);
      told.add(key);
    }
  }
  const label = bond === 'family' ? 'are one family' : 'share a household';
  return `${listNames(ids.map((id) => k.name(id)))} ${label}: ${k.describe(links)}.`;
}

export function checkFamilyHouseholdLimit(roster: Roster, k: Kinship): CheckResult {
  const memberIds = roster.people.filter(isMember).map((p) => p.id);
  const over = (['family', 'household'] as const).flatMap((bond) =>
    k
      .groups(memberIds, bond)
      .filter((g) => g.length > 2)
      .map((ids) => ({ bond, ids })),
  );
  if (over.length === 0) {
    return make('family-household-limit', {
      status: 'pass',
      details: [],
      message: 'No family or household has more than two members on the partnership.',
    });
  }
  const sizes = over.map((g) => `${g.ids.length} members from one ${g.bond}`).join('; ');
  return make('family-household-limit', {
    status: 'fail',
    message: `${sizes}: no more than two people from the same family or household may be members.`,
    details: over.map((g) => explainGroup(k, g.ids, g.bond)),
    fix:
      over
        .map(
          (g) =>
            `${plural(g.ids.length - 2, 'member')} of the group of ${g.ids.length} should step down as a member (they can still support as a volunteer)`,
        )
        .join('; ') + '.',
  });
}

/** Pairs (a from `left`, b from `right`) who are related, with the chain that links them. */
function relatedPairs(k: Kinship, left: readonly Person[], right: readonly Person[]): string[] {
  // Only people of one family can be related: looking up each person's family keeps this linear
  // in the roster (every member against every paid worker was quadratic: 1.8 s at 10,000 people).
  const byFamily = new Map<string, Person[]>();
  for (const b of right) {
    const family = k.familyOf(b.id);
    const list = byFamily.get(family);
    if (list) list.push(b);
    else byFamily.set(family, [b]);
  }
  const out: string[] = [];
  const seen = new Set<string>();
  for (const a of left) {
    for (const b of byFamily.get(k.familyOf(a.id)) ?? []) {
      if (a.id === b.id) continue;
      const key = a.id < b.id ? `${a.id}|${b.id}` : `${b.id}|${a.id}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(
        `${a.name} (${describeRole(a)}) and ${b.name} (${describeRole(b)}): ${k.describe(k.chain(a.id, b.id, 'family') ?? [])}.`,
      );
    }
  }
  return out;
}

export function checkRelatedOfficers(roster: Roster, k: Kinship): CheckResult {
  const officers = roster.people.filter(isOfficer);
  const pairs = relatedPairs(k, officers, officers);
  if (pairs.length === 0) {
    return make('related-officers', {
      status: 'pass',
      details: [],
      message: `${plural(officers.length, 'officer')}, none related to another.`,
    });
  }
  return make('related-officers', {
    status: 'fail',
    details: pairs,
    message: `${plural(pairs.length, 'pair')} of officers ${pairs.length === 1 ? 'is' : 'are'} related. People in positions of power must not be related to each other.`,
    fix: 'One officer in each related pair should hand their role to another member.',
  });
}

export function checkWorkerRelatedToOfficer(roster: Roster, k: Kinship): CheckResult {
  const workers = roster.people.filter((p) => p.kind === 'paid-worker');
  const pairs = relatedPairs(k, workers, roster.people.filter(isOfficer));
  if (pairs.length === 0) {
    return make('worker-related-to-officer', {
      status: 'pass',
      details: [],
      message: 'No paid worker is related to an officer.',
    });
  }
  return make('worker-related-to-officer', {
    status: 'fail',
    details: pairs,
    message: `${plural(pairs.length, 'paid worker and officer pair')} ${pairs.length === 1 ? 'is' : 'are'} related. "In no circumstances should a Big Local worker … be related to a person in a position of power."`,
    fix: 'The related officer should hand their role to another member.',
  });
}

/**
 * 001 counts a worker among "people in positions of power and influence (real or perceived) such as
 * chair, vice-chair, secretary, treasurer, worker etc. that are related by birth or marriage", and
 * "it is unacceptable to Local Trust to have people in positions of power who are related": two
 * related paid workers are a breach, like two related officers.
 */
export function checkRelatedWorkers(roster: Roster, k: Kinship): CheckResult {
  const workers = roster.people.filter((p) => p.kind === 'paid-worker');
  const pairs = relatedPairs(k, workers, workers);
  if (pairs.length === 0) {
    return make('related-workers', {
      status: 'pass',
      details: [],
      message: `${plural(workers.length, 'paid worker')}, none related to another.`,
    });
  }
  return make('related-workers', {
    status: 'fail',
    details: pairs,
    message: `${plural(pairs.length, 'pair')} of paid workers ${pairs.length === 1 ? 'is' : 'are'} related. A worker is a position of power and influence: "it is unacceptable to Local Trust to have people in positions of power who are related".`,
    fix: 'Only one of each related pair should work for Big Local in your area: talk to your rep and the LTO about how to change the arrangement.',
  });
}

export function checkLtoInPower(roster: Roster): CheckResult {
  const lto = roster.people.filter((p) => isOfficer(p) && p.ltoRepresentative);
  if (lto.length === 0) {
    return make('lto-in-power', { status: 'pass', details: [], message: 'No LTO representative is an officer.' });
  }
  return make('lto-in-power', {
    status: 'fail',
    details: [],
    message: `${lto.map((p) => `${p.name} (${p.roles.join(', ')})`).join('; ')}: an LTO representative in a position of power is a conflict of interest.`,
    fix: `${names(lto)} should hand ${lto.length === 1 ? 'their role' : 'their roles'} to a member who is not from the LTO.`,
  });
}

export function checkMemberRelatedToWorker(roster: Roster, k: Kinship): CheckResult {
  const workers = roster.people.filter((p) => p.kind === 'paid-worker');
  const pairs = relatedPairs(k, roster.people.filter(isMember), workers);
  if (pairs.length === 0) {
    return make('member-related-to-worker', {
      status: 'pass',
      details: [],
      message: 'No member is related to a paid worker.',
    });
  }
  return make('member-related-to-worker', {
    status: 'warn',
    details: pairs,
    message: `${plural(pairs.length, 'member')} ${pairs.length === 1 ? 'is' : 'are'} related to a paid worker: "particular care should be taken" to avoid any perception of a conflict.`,
    fix: 'Record it in your conflicts of interest policy, and have the related member step back from decisions about the worker’s role or pay.',
  });
}

export function checkLtoVoting(roster: Roster): CheckResult {
  const voting = roster.people.filter((p) => isMember(p) && p.ltoRepresentative && p.voting);
  if (voting.length === 0) {
    return make('lto-voting', { status: 'pass', details: [], message: 'No LTO staff are voting members.' });
  }
  return make('lto-voting', {
    status: 'warn',
    details: [],
    message: `${names(voting)} ${voting.length === 1 ? 'is LTO staff and a voting member' : 'are LTO staff and voting members'}: many decisions could pose a conflict.`,
    fix: 'LTO staff "may wish to consider becoming non-voting members or stepping down from the membership".',
  });
}
