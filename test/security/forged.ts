// Forged interactive payloads, the same on every surface: a vote on another partnership's
// decision, a vote or a declaration naming someone else, a click from a channel bound to nothing.
// Each must be refused with a clear message, recorded as `security.refused` in the audit log
// (who, what, why; never the payload), and leave no vote or declaration behind.
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import type { Inbound } from '../../src/domain/chat/inbound.ts';
import { parseRosterJson } from '../../src/services/roster-file/document.ts';
import { DEMO_FILE } from '../../adapters/persistence/seed.ts';
import type { App } from '../../adapters/server/app.ts';
import type { ActorKind, Where } from './matrix.ts';

export type Send = (actor: ActorKind, where: Where, inbound: Inbound) => Promise<string>;

export interface World {
  app: App;
  northfield: string;
  /** an open decision of Northfield (the partnership the actors are on) */
  decisionId: string;
  /** an open decision of Eastbrook, another partnership on the same server */
  eastDecisionId: string;
  /** a Northfield member other than the one who forges */
  someoneElse: string;
}

/** Eastbrook Big Local (the demo roster under other names) with an open decision, put by its chair through the core. */
export async function eastbrookDecision(app: Pick<App, 'stores' | 'bot'>): Promise<string> {
  const doc = JSON.parse(readFileSync(DEMO_FILE, 'utf8')) as {
    partnership: { name: string };
    people: { email?: string }[];
  };
  doc.partnership.name = 'Eastbrook Big Local';
  for (const p of doc.people) p.email = p.email?.replace('@example.org', '@eastbrook.example');
  const parsed = parseRosterJson(JSON.stringify(doc), 'eastbrook.json');
  if (!parsed.ok) throw new Error('eastbrook roster invalid');
  const { partnership } = await app.stores.rosters.importRoster('eastbrook', parsed.value.roster);
  const chair = (await app.stores.rosters.loadRoster(partnership.id)).people.find((p) => p.roles.includes('chair'))!;
  await app.stores.directory.bindChannel(
    { partnershipId: partnership.id, platform: 'web', workspaceId: 'east', channelId: 'C-EAST' },
    chair.id,
  );
  await app.stores.directory.linkIdentity(chair.id, 'web', 'east', 'u-east-chair');
  await app.bot.handle({
    conversation: { platform: 'web', workspaceId: 'east', channelId: 'C-EAST', kind: 'channel' },
    speaker: { userId: 'u-east-chair', workspaceId: 'east' },
    inbound: {
      type: 'form',
      formId: 'decision.create',
      values: { title: 'Eastbrook allotment grant', closes: 'in 3 days' },
    },
  });
  return (await app.stores.decisions.list(partnership.id))[0]!.id;
}

async function counts(app: App) {
  const db = app.database.db;
  return {
    votes: await db.vote.count(),
    declarations: await db.declaration.count(),
    decisions: await db.decision.count(),
  };
}

async function refusals(app: App) {
  return app.database.db.auditEvent.findMany({ where: { action: 'security.refused' }, orderBy: { at: 'asc' } });
}

interface Case {
  name: string;
  where: Where;
  inbound: (w: World) => Inbound;
  told: RegExp;
  reason: string;
  /** text that must appear nowhere in the audit row (the forged part of the payload) */
  secret?: (w: World) => string;
}

const NOT_FOUND = /I can’t find that decision in your partnership/;

export const CASES: Case[] = [
  {
    name: 'a vote on another partnership’s decision',
    where: 'direct',
    inbound: (w) => ({ type: 'action', actionId: 'decision.vote', value: `${w.eastDecisionId}:0` }),
    told: NOT_FOUND,
    reason: 'other-partnership',
  },
  {
    name: 'a vote on a decision that does not exist',
    where: 'direct',
    inbound: () => ({ type: 'action', actionId: 'decision.vote', value: '00000000-0000-4000-8000-000000000000:0' }),
    told: NOT_FOUND,
    reason: 'unknown-decision',
  },
  {
    name: 'a declaration on another partnership’s decision',
    where: 'direct',
    inbound: (w) => ({ type: 'action', actionId: 'decision.declare.none', value: w.eastDecisionId }),
    told: NOT_FOUND,
    reason: 'other-partnership',
  },
  {
    name: 'a vote whose value names another person',
    where: 'direct',
    inbound: (w) => ({ type: 'action', actionId: 'decision.vote', value: `${w.decisionId}:0:${w.someoneElse}` }),
    told: /button does not carry what my buttons carry, so nothing was done/,
    reason: 'malformed-value',
    secret: (w) => w.someoneElse,
  },
  {
    name: 'a vote whose value is JSON naming another person',
    where: 'direct',
    inbound: (w) => ({
      type: 'action',
      actionId: 'decision.vote',
      value: JSON.stringify({ decision: w.decisionId, option: 0, personId: w.someoneElse }),
    }),
    told: /nothing was done/,
    reason: 'malformed-value',
    secret: (w) => w.someoneElse,
  },
  {
    name: 'a declaration for someone else (an extra field)',
    where: 'direct',
    inbound: (w) => ({
      type: 'form',
      formId: 'decision.declare',
      values: { kind: 'loyalty', detail: 'I am a trustee', personId: w.someoneElse },
      context: w.decisionId,
    }),
    told: /fields my form never had, so nothing was saved/,
    reason: 'unexpected-field',
    secret: (w) => w.someoneElse,
  },
  {
    name: 'a “no interest” click naming someone else',
    where: 'direct',
    inbound: (w) => ({ type: 'action', actionId: 'decision.declare.none', value: `${w.decisionId}|${w.someoneElse}` }),
    told: /nothing was done/,
    reason: 'malformed-value',
    secret: (w) => w.someoneElse,
  },
  {
    name: 'a click only officers’ messages carry (removing a relationship)',
    where: 'direct',
    inbound: (w) => ({ type: 'action', actionId: 'relationships.remove.confirm', value: w.someoneElse }),
    told: /Only the chair, the vice-chair, the secretary, the treasurer or the rep can do that/,
    reason: 'not-permitted',
  },
  {
    name: 'a vote from a channel bound to no partnership',
    where: 'fresh',
    inbound: (w) => ({ type: 'action', actionId: 'decision.vote', value: `${w.decisionId}:0` }),
    told: /not linked to a Big Local partnership yet/,
    reason: 'unbound',
  },
];

/** Sends every case as the voting member (Rosa Novak) and checks the refusal, the audit row and that nothing was written. */
export async function expectForgeriesRefused(w: World, send: Send, cases: Case[] = CASES): Promise<void> {
  const people = (await w.app.stores.rosters.loadRoster(w.northfield)).people;
  const rosa = people.find((p) => p.name === 'Rosa Novak')!;
  for (const c of cases) {
    const before = await counts(w.app);
    const audited = (await refusals(w.app)).length;
    const shown = await send('voting-member', c.where, c.inbound(w));
    expect(shown, c.name).toMatch(c.told);
    expect(shown, c.name).not.toMatch(/\n\s+at \S+ \(|TypeError|ReferenceError/);
    expect(await counts(w.app), c.name).toEqual(before);
    const rows = (await refusals(w.app)).slice(audited);
    expect(rows, c.name).toHaveLength(1);
    const row = rows[0]!;
    expect(row, c.name).toMatchObject({ partnershipId: w.northfield, actorId: rosa.id, subjectType: 'interaction' });
    const inbound = c.inbound(w);
    expect(row.subjectId).toBe(
      inbound.type === 'action' ? inbound.actionId : inbound.type === 'form' ? inbound.formId : '',
    );
    expect(JSON.parse(row.after ?? '{}'), c.name).toMatchObject({ reason: c.reason });
    if (c.secret) expect(JSON.stringify(row), c.name).not.toContain(c.secret(w));
  }
}
