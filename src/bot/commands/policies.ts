// The local policies register in chat: `/partnership policies` lists them (any member); the chair
// or the rep records or updates one with a form, or removes one by name. src/services/policies
// checks, validates and writes.
import { isoDay } from '../../domain/review/calendar.ts';
import type { Reply } from '../../domain/chat/reply.ts';
import * as service from '../../services/policies/service.ts';
import type { PolicyRefusal } from '../../services/policies/service.ts';
import { serviceDeps } from '../context.ts';
import { answerRefusal } from '../refused.ts';
import {
  NO_SUCH_POLICY,
  REMOVE_USAGE,
  policiesReply,
  policyForm,
  UPDATING,
  removedNotice,
  savedNotice,
  tooManyPoliciesText,
} from '../views/policies.ts';
import { STALE, UNKNOWN_PERSON, privateText } from '../views/register.ts';
import { formValue } from './input.ts';
import type { ActionHandler, Command, FormHandler, ScopedContext } from './types.ts';
import { intent } from './types.ts';

/** What the form sent, to send it back with its problems (none when there was no form). */
interface Sent {
  typed: Record<string, string | string[]>;
  context: string | undefined;
}

function refusedWith(ctx: ScopedContext, refused: PolicyRefusal, sent?: Sent): Promise<Reply[]> {
  switch (refused.code) {
    case 'stale':
      return Promise.resolve([privateText(STALE)]);
    case 'too-many-policies':
      return Promise.resolve([privateText(tooManyPoliciesText(refused.max))]);
    case 'invalid':
      // only a form is checked, so there is always one to send back
      return Promise.resolve([
        policyForm(null, {
          problems: refused.problems,
          typed: sent?.typed ?? {},
          updating: sent?.context === UPDATING,
        }),
      ]);
    default:
      return answerRefusal(ctx, refused);
  }
}

const today = (ctx: ScopedContext) => isoDay(ctx.deps.clock.now(), ctx.scope.partnership.settings);

const show = (ctx: ScopedContext, view: service.PoliciesView, notice?: string): Reply =>
  policiesReply(ctx.scope.partnership.name, view.policies, view.mayManage, today(ctx), notice);

export const policyActions: Record<string, ActionHandler> = {
  'policies.add': async (ctx) => {
    const may = await service.startPolicy(serviceDeps(ctx.deps), ctx.scope, { id: null });
    return may.ok ? [policyForm(null)] : refusedWith(ctx, may.refusal);
  },
  'policies.edit': async (ctx, value) => {
    const found = await service.startPolicy(serviceDeps(ctx.deps), ctx.scope, { id: value.slice(0, 100) });
    return found.ok ? [policyForm(found.value)] : refusedWith(ctx, found.refusal);
  },
};

export const policyForms: Record<string, FormHandler> = {
  'policies.save': async (ctx, values, context) => {
    const saved = await service.savePolicy(serviceDeps(ctx.deps), ctx.scope, {
      kind: formValue(values, 'kind'),
      name: formValue(values, 'name'),
      adoptedOn: formValue(values, 'adoptedOn'),
      reviewOn: formValue(values, 'reviewOn'),
      link: formValue(values, 'link'),
    });
    if (!saved.ok) return refusedWith(ctx, saved.refusal, { typed: values, context });
    const { policy, created, policies } = saved.value;
    return [show(ctx, { policies, mayManage: true }, savedNotice(policy, created))];
  },
};

export const policies: Command = {
  name: 'policies',
  aliases: ['policy'],
  summary: 'The local policies the partnership has adopted, with review dates (the chair or the rep records them).',
  usage: 'policies [add | remove <name>]',
  needsPartnership: true,
  intents: [
    intent(/\b(?:our|local|list(?: the)?|show(?: the)?|which) polic(?:y|ies)\b/i, /^\s*polic(?:y|ies)\??\s*$/i),
  ],
  async run(ctx) {
    const deps = serviceDeps(ctx.deps);
    const [verb = '', ...rest] = ctx.args.trim().split(/\s+/);
    if (/^(add|record|update|new)$/i.test(verb)) return policyActions['policies.add']!(ctx, 'new');
    if (/^(remove|delete)$/i.test(verb)) {
      const name = rest.join(' ').trim();
      if (!name) return [privateText(REMOVE_USAGE)];
      const removed = await service.removePolicy(deps, ctx.scope, { name });
      if (!removed.ok)
        return removed.refusal.code === 'not-found' ? [privateText(NO_SUCH_POLICY)] : refusedWith(ctx, removed.refusal);
      return [show(ctx, { policies: removed.value.policies, mayManage: true }, removedNotice(removed.value.removed))];
    }
    const listed = await service.listPolicies(deps, ctx.scope);
    if (listed.ok) return [show(ctx, listed.value)];
    return listed.refusal.code === 'unknown-person' ? [privateText(UNKNOWN_PERSON)] : refusedWith(ctx, listed.refusal);
  },
};
