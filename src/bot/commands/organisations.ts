// Known organisations: officers and the rep see the names the partnership knows and say when two
// names are one organisation ("Acme Cafe" is "ACME Community Café Limited"), so that conflict
// checks match them from then on. src/services/organisations.ts checks, validates and writes.
import { z } from 'zod';
import { MAX_ORGANISATION } from '../../domain/register.ts';
import type { Reply } from '../../domain/chat/reply.ts';
import type { Refusal } from '../../services/actor.ts';
import * as service from '../../services/organisations.ts';
import type { Stale } from '../../services/register.ts';
import { serviceDeps } from '../context.ts';
import { answerRefusal } from '../refused.ts';
import {
  aliasForm,
  aliasFormAgain,
  linkedNotice,
  organisationsReply,
  separatedNotice,
} from '../views/organisations.ts';
import { STALE, UNKNOWN_PERSON, privateText } from '../views/register.ts';
import { formValue, parseValue } from './input.ts';
import type { ActionHandler, Command, FormHandler, ScopedContext } from './types.ts';
import { intent } from './types.ts';

const refusedWith = (ctx: ScopedContext, refused: Refusal | Stale): Promise<Reply[]> =>
  refused.code === 'stale' ? Promise.resolve([privateText(STALE)]) : answerRefusal(ctx, refused);

const unalias = z.object({ id: z.string().max(100), a: z.string().min(1).max(MAX_ORGANISATION) });

export const organisationActions: Record<string, ActionHandler> = {
  'organisations.alias': async (ctx) => {
    const may = await service.startAlias(serviceDeps(ctx.deps), ctx.scope);
    return may.ok ? [aliasForm(may.value)] : refusedWith(ctx, may.refusal);
  },
  'organisations.unalias': async (ctx, value) => {
    const choice = parseValue(value, unalias);
    const separated = await service.unaliasOrganisation(
      serviceDeps(ctx.deps),
      ctx.scope,
      choice ? { id: choice.id, alias: choice.a } : null,
    );
    if (!separated.ok) return refusedWith(ctx, separated.refusal);
    const { list, separated: what } = separated.value;
    return [organisationsReply(list, ctx.scope.partnership.name, separatedNotice(what))];
  },
};

export const organisationForms: Record<string, FormHandler> = {
  'organisations.alias': async (ctx, values) => {
    const typed = { organisation: formValue(values, 'organisation'), alias: formValue(values, 'alias') };
    const aliased = await service.aliasOrganisation(serviceDeps(ctx.deps), ctx.scope, typed);
    if (!aliased.ok)
      return aliased.refusal.code === 'alias-invalid'
        ? [aliasFormAgain(aliased.refusal.entries, aliased.refusal.problems, typed)]
        : refusedWith(ctx, aliased.refusal);
    const { linked, list } = aliased.value;
    return [organisationsReply(list, ctx.scope.partnership.name, linkedNotice(linked))];
  },
};

export const organisations: Command = {
  name: 'organisations',
  aliases: ['organizations', 'orgs'],
  summary: 'Known organisations and their other names; link two names as one (officers and the rep).',
  usage: 'organisations',
  needsPartnership: true,
  intents: [intent(/\b(?:known|list(?: the)?|show(?: the)?|our) organi[sz]ations\b/i, /^\s*organi[sz]ations\??\s*$/i)],
  async run(ctx) {
    const listed = await service.listOrganisations(serviceDeps(ctx.deps), ctx.scope);
    if (listed.ok) return [organisationsReply(listed.value, ctx.scope.partnership.name)];
    return listed.refusal.code === 'unknown-person' ? [privateText(UNKNOWN_PERSON)] : refusedWith(ctx, listed.refusal);
  },
};
