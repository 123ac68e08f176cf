// min-members and resident-majority (000, 001, 002), plus the advisory diversity and own-right.
import type { Person, Roster } from '../roster.ts';
import { isMember, listNames, plural, withArticle } from '../roster.ts';
import { percent } from '../settings.ts';
import type { CheckResult } from './result.ts';
import { CHECK_TITLES } from './result.ts';

export const MIN_MEMBERS = 8;

/** Members who count towards the criteria, and why each other person does not. */
export function countMembers(roster: Roster): { counted: Person[]; excluded: string[] } {
  const counted: Person[] = [];
  const excluded: string[] = [];
  for (const p of roster.people) {
    if (p.kind === 'paid-worker') excluded.push(`the paid worker ${p.name} is not a member`);
    else if (p.kind === 'rep') excluded.push(`the rep ${p.name} is not a member`);
    else if (p.ltoRepresentative && !roster.partnership.settings.countLtoRepresentatives)
      excluded.push(`the LTO representative ${p.name} is not counted (partnership setting)`);
    else if (isMember(p)) counted.push(p);
  }
  return { counted, excluded };
}

function countedSentence(counted: number, excluded: string[]): string {
  const head = `${plural(counted, 'member')} counted`;
  return excluded.length === 0 ? `${head}.` : `${head}; ${excluded.join('; ')}.`;
}

export function checkMinMembers(roster: Roster): CheckResult {
  const { counted, excluded } = countMembers(roster);
  const n = counted.length;
  const base = { id: 'min-members' as const, title: CHECK_TITLES['min-members'], source: '000, 001, 002', details: [] };
  if (n < MIN_MEMBERS) {
    const plan = recruitmentPlan(roster);
    return {
      ...base,
      status: 'fail',
      message: `${countedSentence(n, excluded)} A partnership needs at least ${MIN_MEMBERS}.`,
      fix: plan
        ? `${recruitText(plan)}.`
        : `Recruit ${plural(MIN_MEMBERS - n, 'more member')}, all living in the area, and replace the non-resident members with residents.`,
    };
  }
  if (n === MIN_MEMBERS) {
    return {
      ...base,
      status: 'warn',
      message: `${countedSentence(n, excluded)} That is exactly the minimum: one resignation would take the partnership out of criteria.`,
      fix: 'Recruit at least one more member so that one resignation does not take you out of criteria.',
    };
  }
  return { ...base, status: 'pass', message: `${countedSentence(n, excluded)} The minimum is ${MIN_MEMBERS}.` };
}

/**
 * Residents needed among n members: more than half (a "majority", 000, 001, 002) and at least the
 * threshold ("at least 51%"): 5 of 8, 6 of 10, and 5 of 8 at a 50% threshold too (4 of 8 is half,
 * not a majority).
 */
export function residentsNeededFor(n: number, threshold: number): number {
  return Math.max(Math.floor(n / 2) + 1, Math.ceil(threshold * n - 1e-9));
}

/** A threshold above a half already asks for a majority; at or below it, the majority rule decides. */
const ruleWords = (threshold: number): string =>
  threshold > 0.5 ? `at least ${percent(threshold)} must` : 'more than half must';

const meets = (residents: number, members: number, threshold: number): boolean =>
  members > 0 && residents >= residentsNeededFor(members, threshold);

/**
 * Resident members to recruit before residents reach the threshold, or null when recruiting alone
 * never can (a 100% threshold with a non-resident member). Starts just below the closed form
 * k >= (t*n - r) / (1 - t) and steps up, so rounding cannot make it wrong or slow.
 */
export function residentsToRecruit(residents: number, members: number, threshold: number): number | null {
  if (threshold >= 1 && residents < members) return null;
  // a majority is the same closed form at a half, so the larger of the two shares starts the search
  const share = Math.max(threshold, 0.5);
  let k = share < 1 ? Math.max(0, Math.floor((share * members - residents) / (1 - share)) - 1) : 0;
  while (!meets(residents + k, members + k, threshold)) k++;
  return k;
}

/** Whom to recruit: how many members, and how many of them must live in the area. */
export interface RecruitmentPlan {
  members: number;
  residents: number;
}

/**
 * The one calculation behind both recruiting fixes, so that they agree (an empty roster needs 8
 * members of whom 5 residents, not "8 members" in one fix and "1 resident" in the other). Null
 * when recruiting alone never meets the threshold (100% with a non-resident member).
 */
export function recruitmentPlan(roster: Roster): RecruitmentPlan | null {
  const { counted } = countMembers(roster);
  const threshold = roster.partnership.settings.residentThreshold;
  const n = counted.length;
  const r = counted.filter((p) => p.resident).length;
  const short = Math.max(0, MIN_MEMBERS - n);
  const residents = Math.max(0, residentsNeededFor(n + short, threshold) - r);
  if (residents <= short) return { members: short, residents };
  // more residents are needed than members are missing: recruit residents only, until they suffice
  const k = residentsToRecruit(r, n, threshold);
  return k === null ? null : { members: k, residents: k };
}

/** "Recruit 8 more members, at least 5 of them living in the area" */
function recruitText(plan: RecruitmentPlan): string {
  if (plan.residents === plan.members) return `Recruit ${plural(plan.members, 'more resident member')}`;
  const living = plan.residents ? `, at least ${plan.residents} of them living in the area` : '';
  return `Recruit ${plural(plan.members, 'more member')}${living}`;
}

export function checkResidentMajority(roster: Roster): CheckResult {
  const { counted } = countMembers(roster);
  const threshold = roster.partnership.settings.residentThreshold;
  const n = counted.length;
  const residents = counted.filter((p) => p.resident);
  const r = residents.length;
  const nonResidents = counted.filter((p) => !p.resident);
  const details = [
    `Counted as residents: ${residents.length ? listNames(residents.map((p) => p.name)) : 'nobody'}.`,
    `Not residents: ${nonResidents.length ? listNames(nonResidents.map((p) => p.name)) : 'nobody'}.`,
  ];
  const base = {
    id: 'resident-majority' as const,
    title: CHECK_TITLES['resident-majority'],
    source: '000, 001, 002',
    details,
  };
  const share = n === 0 ? 0 : r / n;
  const summary = `${r} of ${plural(n, 'member')} ${n === 1 ? 'lives' : 'live'} in the area (${percent(share)}); ${ruleWords(threshold)}.`;
  if (!meets(r, n, threshold)) {
    const plan = recruitmentPlan(roster);
    let stepBack = 0;
    while (stepBack < n - r && !meets(r, n - stepBack, threshold)) stepBack++;
    const alternatives = [
      plan === null
        ? `replace ${plural(n - r, 'non-resident member')} with ${n - r === 1 ? 'a resident' : 'residents'} (at ${withArticle(percent(threshold))} threshold every member must live in the area)`
        : recruitText(plan).toLowerCase(),
    ];
    if (r > 0 && meets(r, n - stepBack, threshold) && n - stepBack >= MIN_MEMBERS)
      alternatives.push(
        `${plural(stepBack, 'non-resident member')} could become ${stepBack === 1 ? 'a non-member supporter' : 'non-member supporters'}`,
      );
    return { ...base, status: 'fail', message: summary, fix: `${capitalise(alternatives.join(', or '))}.` };
  }
  if (r > 0 && !meets(r - 1, n - 1, threshold)) {
    return {
      ...base,
      status: 'warn',
      message: `${summary} If one resident member left, residents would no longer be the majority.`,
      fix: 'Recruit another resident member so that one resignation does not take you out of criteria.',
    };
  }
  return { ...base, status: 'pass', message: summary };
}

export function checkDiversity(): CheckResult {
  return {
    id: 'diversity',
    status: 'info',
    title: CHECK_TITLES.diversity,
    source: '001',
    details: [],
    message:
      'Advisory: members "should broadly reflect the range and diversity of people who live in your area" ' +
      '(age, ethnicity, gender, faith, disability, income). The bot does not judge this; talk it through with your rep, ' +
      'who answers it in the partnership review.',
  };
}

export function checkOwnRight(roster: Roster): CheckResult {
  const { counted } = countMembers(roster);
  const councillors = counted.filter((p) => p.councillor).map((p) => p.name);
  const lto = counted.filter((p) => p.ltoRepresentative).map((p) => p.name);
  const notes: string[] = [];
  if (councillors.length)
    notes.push(
      `councillors on the partnership (${listNames(councillors)}) sit in their own right, not for the council`,
    );
  if (lto.length) notes.push(`LTO representatives (${listNames(lto)}) sit in their own right, not for the LTO`);
  return {
    id: 'own-right',
    status: 'info',
    title: CHECK_TITLES['own-right'],
    source: '000, 001',
    details: [],
    message:
      'Advisory: members take part in their own right and cannot represent another person or organisation.' +
      (notes.length ? ` Remember: ${notes.join('; ')}.` : ''),
  };
}

const capitalise = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
