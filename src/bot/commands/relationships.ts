// Relationships between people on the roster (family, household, close friends). Officers and
// the rep record, edit and remove them; the people concerned see their own entries; nobody else
// sees any. Never shown in a channel; src/services/relationships.ts checks, validates and writes.
import type { Reply } from '../../domain/chat/reply.ts';
import type { Problem } from '../../domain/result.ts';
import * as service from '../../services/relationships.ts';
import type { RelationshipRefusal } from '../../services/relationships.ts';
import { serviceDeps } from '../context.ts';
import { answerRefusal } from '../refused.ts';
import { STALE, UNKNOWN_PERSON, privateText } from '../views/register.ts';
import {
  DUPLICATE_RELATIONSHIP,
  confirmRemoveRelationship,
  relationshipForm,
  relationshipFormAgain,
  relationshipNotice,
  relationshipsReply,
} from '../views/relationships.ts';
import { formValue } from './input.ts';
import type { ActionHandler, Command, FormHandler, ScopedContext } from './types.ts';
import { intent } from './types.ts';

/** A refusal as the answer: the shared words (and a refused click audited), or a stale button. */
const refusedWith = (ctx: ScopedContext, refused: RelationshipRefusal): Promise<Reply[]> =>
  refused.code === 'stale' || refused.code === 'duplicate'
    ? Promise.resolve([privateText(STALE)])
    : answerRefusal(ctx, refused);

async function save(
  ctx: ScopedContext,
  values: Record<string, string | string[]>,
  existingId?: string | null,
): Promise<Reply[]> {
  const typed = { from: formValue(values, 'from'), kind: formValue(values, 'kind'), to: formValue(values, 'to') };
  const saved = await service.saveRelationship(serviceDeps(ctx.deps), ctx.scope, {
    fromId: typed.from,
    toId: typed.to,
    kind: typed.kind,
    id: existingId,
  });
  if (!saved.ok) {
    const refused = saved.refusal;
    const again = (problems: Problem[]) => [
      relationshipFormAgain(ctx.scope.roster.people, problems, typed, existingId ?? undefined),
    ];
    if (refused.code === 'invalid') return again(refused.problems);
    if (refused.code === 'duplicate') return again([DUPLICATE_RELATIONSHIP]);
    return refusedWith(ctx, refused);
  }
  const { list, saved: entry } = saved.value;
  const verb = existingId ? 'Updated' : 'Recorded';
  return [relationshipsReply({ ...list, notice: relationshipNotice(verb, entry, ctx.scope.roster.people) })];
}

export const relationshipActions: Record<string, ActionHandler> = {
  'relationships.add': async (ctx) => {
    const may = service.startRelationship(serviceDeps(ctx.deps), ctx.scope);
    return may.ok ? [relationshipForm(may.value)] : refusedWith(ctx, may.refusal);
  },
  'relationships.edit': async (ctx, value) => {
    const found = await service.findRelationship(serviceDeps(ctx.deps), ctx.scope, { id: value });
    return found.ok ? [relationshipForm(ctx.scope.roster.people, found.value)] : refusedWith(ctx, found.refusal);
  },
  'relationships.remove': async (ctx, value) => {
    const found = await service.findRelationship(serviceDeps(ctx.deps), ctx.scope, { id: value });
    return found.ok
      ? [confirmRemoveRelationship(found.value, ctx.scope.roster.people)]
      : refusedWith(ctx, found.refusal);
  },
  'relationships.remove.confirm': async (ctx, value) => {
    const removed = await service.removeRelationship(serviceDeps(ctx.deps), ctx.scope, { id: value });
    if (!removed.ok) return refusedWith(ctx, removed.refusal);
    const { list, removed: entry } = removed.value;
    return [relationshipsReply({ ...list, notice: relationshipNotice('Removed', entry, ctx.scope.roster.people) })];
  },
  'relationships.page': async (ctx, value) => {
    const shown = await service.viewRelationships(serviceDeps(ctx.deps), ctx.scope, { mine: false });
    if (!shown.ok) return refusedWith(ctx, shown.refusal);
    const offset = Number.parseInt(value, 10);
    return [relationshipsReply({ ...shown.value, offset: Number.isFinite(offset) ? offset : 0 })];
  },
};

export const relationshipForms: Record<string, FormHandler> = {
  'relationships.add': (ctx, values) => save(ctx, values),
  // an edit form that names no entry is answered as a stale button, after the permission check
  'relationships.edit': (ctx, values, context) => save(ctx, values, context ?? null),
};

export const relationships: Command = {
  name: 'relationships',
  aliases: ['relations', 'family'],
  summary: 'Relationships between people on the roster: officers and the rep record them; you see your own (private).',
  usage: 'relationships [mine]',
  needsPartnership: true,
  intents: [
    intent(
      /\b(my) (?:relationships|relations|family links)\b/i,
      /^\s*(?:relationships|relations)\??\s*$/i,
      /\b(?:record|add|show|list|update|edit) (?:a |the )?relationships?\b/i,
    ),
  ],
  async run(ctx) {
    const mine = /^(?:my|mine|me)$/i.test(ctx.args.trim());
    const shown = await service.viewRelationships(serviceDeps(ctx.deps), ctx.scope, { mine });
    if (shown.ok) return [relationshipsReply(shown.value)];
    return shown.refusal.code === 'unknown-person' ? [privateText(UNKNOWN_PERSON)] : refusedWith(ctx, shown.refusal);
  },
};
