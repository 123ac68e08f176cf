// In-memory decisions over the demo roster (Northfield Big Local), for the pure rules.
import { readFileSync } from 'node:fs';
import { parseRosterJson } from '../../../src/services/roster-file/document.ts';
import {
  rulesFrom,
  type Decision,
  type DecisionState,
  type DeclarationRecord,
  type VoteRecord,
} from '../../../src/domain/decisions/types.ts';
import type { Person, Roster } from '../../../src/domain/roster.ts';
import { parseSettings, type PartnershipSettings } from '../../../src/domain/settings.ts';
import { assess } from '../../../src/domain/decisions/standing.ts';
import { DEMO_ROSTER } from '../../support/paths.ts';

export const NOW = new Date('2026-10-20T09:15:00Z');
export const CLOSES = new Date('2026-10-23T16:00:00Z');

export function demoRoster(settings: Partial<PartnershipSettings> = {}): Roster {
  const parsed = parseRosterJson(readFileSync(DEMO_ROSTER, 'utf8'), DEMO_ROSTER);
  if (!parsed.ok) throw new Error('demo roster invalid');
  const roster = parsed.value.roster;
  return {
    ...roster,
    partnership: { ...roster.partnership, settings: parseSettings({ ...roster.partnership.settings, ...settings }) },
  };
}

export const person = (roster: Roster, name: string): Person => {
  const p = roster.people.find((x) => x.name === name);
  if (!p) throw new Error(`no ${name}`);
  return p;
};

export function decisionFor(roster: Roster, overrides: Partial<Decision> = {}): Decision {
  return {
    id: 'decision-1',
    partnershipId: 'p1',
    number: 1,
    title: 'Café catering contract',
    description: '',
    kind: 'procurement',
    organisations: ['Northfield Community Café Ltd'],
    options: ['For', 'Against', 'Abstain'],
    ballot: 'open',
    visibility: 'live',
    rules: rulesFrom(roster.partnership.settings),
    status: 'open',
    closesAt: CLOSES,
    closedAt: null,
    closeReason: null,
    createdById: person(roster, 'Margaret Okafor').id,
    createdAt: NOW,
    card: null,
    remindersSentAt: null,
    outcome: null,
    ...overrides,
  };
}

/** The decision as the store holds it once created: with the recusals the roster required then. */
export function stateOf(
  roster: Roster,
  decision: Decision,
  parts: { declarations?: DeclarationRecord[]; votes?: VoteRecord[] } = {},
): DecisionState {
  const created: DecisionState = { decision, declarations: [], recusals: [], votes: [], people: {} };
  const recusals = assess(created, roster).newRecusals.map((r) => ({ ...r, at: decision.createdAt }));
  return { ...created, declarations: parts.declarations ?? [], recusals, votes: parts.votes ?? [] };
}

export const none = (personId: string, at = NOW): DeclarationRecord => ({
  personId,
  outcome: 'none',
  kind: null,
  organisation: null,
  detail: null,
  at,
});
export const voteOf = (personId: string, option: string, at = NOW): VoteRecord => ({
  personId,
  option,
  changes: 0,
  at,
  updatedAt: at,
});
