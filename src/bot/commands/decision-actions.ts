// The buttons and forms of decisions. Values carry ids only (a decision id, an option index); every
// handler re-reads the decision and re-checks the person before acting.
import { validateDeclaration } from '../../domain/decisions/respond.js';
import { formatProblems } from '../../result.js';
import { amend, amendPrompt, close, confirmClose, shareConflicts, showRecord } from '../../decisions/manage.js';
import { ballot, declare, declarePrompt, findFor, interestPrompt, vote } from '../../decisions/respond.js';
import { startDecision } from '../../decisions/start.js';
import { notFound } from '../../decisions/deps.js';
import { interestFormReply } from '../views/decision-prompts.js';
import { actorOf } from './poll.js';
import type { ActionHandler, FormHandler } from './types.js';

const ID = /^[0-9a-f-]{8,64}$/i;
const id = (value: string): string | null => (ID.test(value.trim()) ? value.trim() : null);
const withId = (fn: (ctx: Parameters<ActionHandler>[0], decisionId: string) => ReturnType<ActionHandler>): ActionHandler =>
  async (ctx, value) => {
    const decisionId = id(value);
    return decisionId ? fn(ctx, decisionId) : notFound();
  };

export const decisionActions: Record<string, ActionHandler> = {
  'decision.declare': withId((ctx, d) => declarePrompt(ctx.deps, actorOf(ctx), d)),
  'decision.declare.none': withId((ctx, d) => declare(ctx.deps, actorOf(ctx), d, { outcome: 'none' })),
  'decision.declare.interest': withId((ctx, d) => interestPrompt(ctx.deps, actorOf(ctx), d)),
  'decision.ballot': withId((ctx, d) => ballot(ctx.deps, actorOf(ctx), d)),
  'decision.ballot.change': withId((ctx, d) => ballot(ctx.deps, actorOf(ctx), d)),
  'decision.vote': async (ctx, value) => {
    const m = /^([0-9a-f-]{8,64}):(\d{1,2})$/i.exec(value.trim());
    return m ? vote(ctx.deps, actorOf(ctx), m[1]!, Number(m[2])) : notFound();
  },
  'decision.close': withId((ctx, d) => confirmClose(ctx.deps, actorOf(ctx), d)),
  'decision.close.confirm': withId((ctx, d) => close(ctx.deps, actorOf(ctx), d)),
  'decision.view': withId((ctx, d) => showRecord(ctx.deps, actorOf(ctx), { id: d })),
  'decision.share': withId((ctx, d) => shareConflicts(ctx.deps, actorOf(ctx), d)),
  'decision.amend': withId((ctx, d) => amendPrompt(ctx.deps, actorOf(ctx), d)),
};

const flat = (values: Record<string, string | string[]>): Record<string, string> =>
  Object.fromEntries(Object.entries(values).map(([k, v]) => [k, Array.isArray(v) ? v.join('; ') : v]));

export const decisionForms: Record<string, FormHandler> = {
  'decision.create': (ctx, values, context) => startDecision(ctx.deps, actorOf(ctx), ctx.request.conversation, values, context),
  'decision.declare': async (ctx, values, context) => {
    const decisionId = id(context ?? '');
    const actor = actorOf(ctx);
    const state = decisionId ? await findFor(ctx.deps, actor, { id: decisionId }) : null;
    if (!state) return notFound();
    const input = validateDeclaration(values, state.decision);
    if (!input.ok) return [interestFormReply(state.decision, formatProblems(input.error), flat(values))];
    return declare(ctx.deps, actor, state.decision.id, input.value);
  },
  'decision.amend': async (ctx, values, context) => {
    const decisionId = id(context ?? '');
    return decisionId ? amend(ctx.deps, actorOf(ctx), decisionId, values) : notFound();
  },
};
