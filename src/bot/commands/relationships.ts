// Relationships between people on the roster (family, household, close friends). Officers and
// the rep record, edit and remove them; the people concerned see their own entries; nobody else
// sees any. Never shown in a channel; every change audited by the store.
import { describeRelationship, validateRelationship } from '../../domain/register.ts';
import type { Person } from '../../domain/roster.ts';
import type { StoredRelationship } from '../../services/ports/index.ts';
import { can } from '../../domain/permissions.ts';
import { refusal } from '../views/refusals.ts';
import type { Reply } from '../../domain/chat/reply.ts';
import {
  STALE,
  UNKNOWN_PERSON,
  changeBy,
  formValue,
  personName,
  privateText,
  problemsReply,
} from '../register/common.ts';
import { confirmRemoveRelationship, relationshipForm, relationshipsReply } from '../views/relationships.ts';
import type { ActionHandler, Command, FormHandler, ScopedContext } from './types.ts';
import { intent } from './types.ts';

function viewer(ctx: ScopedContext): Person | Reply {
  const person = ctx.scope.person;
  if (!person) return privateText(UNKNOWN_PERSON);
  if (!can(person, 'relationships.own')) return privateText(refusal('relationships.own'));
  return person;
}

function manager(ctx: ScopedContext): Person | Reply {
  const person = ctx.scope.person;
  if (!person) return privateText(UNKNOWN_PERSON);
  if (!can(person, 'relationships.manage')) return privateText(refusal('relationships.manage'));
  return person;
}

async function show(
  ctx: ScopedContext,
  person: Person,
  options: { mine?: boolean; offset?: number; notice?: string } = {},
): Promise<Reply> {
  const all = await ctx.deps.stores.register.relationships(ctx.scope.partnership.id);
  const manage = !options.mine && can(person, 'relationships.manage');
  const entries = manage ? all : all.filter((r) => r.fromId === person.id || r.toId === person.id);
  return relationshipsReply({
    viewer: person,
    people: ctx.scope.roster.people,
    entries,
    manage,
    ...(options.offset !== undefined ? { offset: options.offset } : {}),
    ...(options.notice ? { notice: options.notice } : {}),
  });
}

/** A relationship of this partnership, or null (gone, or another partnership's id). */
async function entry(ctx: ScopedContext, id: string): Promise<StoredRelationship | null> {
  const r = await ctx.deps.stores.register.getRelationship(id.slice(0, 100));
  return r && r.partnershipId === ctx.scope.partnership.id ? r : null;
}

async function save(
  ctx: ScopedContext,
  values: Record<string, string | string[]>,
  existingId?: string,
): Promise<Reply[]> {
  const person = manager(ctx);
  if (!('id' in person)) return [person];
  const { register } = ctx.deps.stores;
  const existing = existingId ? await entry(ctx, existingId) : null;
  if (existingId && !existing) return [privateText(STALE)];
  const others = (await register.relationships(ctx.scope.partnership.id)).filter((r) => r.id !== existingId);
  const parsed = validateRelationship(
    { fromId: formValue(values, 'from'), toId: formValue(values, 'to'), kind: formValue(values, 'kind') },
    ctx.scope.roster.people,
    others,
  );
  const retry = {
    actionId: existingId ? 'relationships.edit' : 'relationships.add',
    label: 'Try again',
    value: existingId ?? 'new',
  };
  if (!parsed.ok)
    return [problemsReply('I couldn’t save that relationship; nothing was changed:', parsed.error, retry)];
  const change = changeBy(ctx);
  const result = existingId
    ? await register.updateRelationship(change, existingId, parsed.value)
    : await register.addRelationship(change, parsed.value);
  if (result.status === 'duplicate')
    return [
      problemsReply(
        'I couldn’t save that relationship; nothing was changed:',
        [{ where: '', message: 'That relationship is already recorded.' }],
        retry,
      ),
    ];
  if (result.status === 'not-found') return [privateText(STALE)];
  const verb = existingId ? 'Updated' : 'Recorded';
  return [
    await show(ctx, person, {
      notice: `${verb}: ${describeRelationship(result.value, personName(ctx.scope.roster.people))}`,
    }),
  ];
}

export const relationshipActions: Record<string, ActionHandler> = {
  'relationships.add': async (ctx) => {
    const person = manager(ctx);
    return 'id' in person ? [relationshipForm(ctx.scope.roster.people)] : [person];
  },
  'relationships.edit': async (ctx, value) => {
    const person = manager(ctx);
    if (!('id' in person)) return [person];
    const r = await entry(ctx, value);
    return [r ? relationshipForm(ctx.scope.roster.people, r) : privateText(STALE)];
  },
  'relationships.remove': async (ctx, value) => {
    const person = manager(ctx);
    if (!('id' in person)) return [person];
    const r = await entry(ctx, value);
    return [r ? confirmRemoveRelationship(r, ctx.scope.roster.people) : privateText(STALE)];
  },
  'relationships.remove.confirm': async (ctx, value) => {
    const person = manager(ctx);
    if (!('id' in person)) return [person];
    const r = await entry(ctx, value);
    const result = r ? await ctx.deps.stores.register.removeRelationship(changeBy(ctx), r.id) : null;
    if (!result || result.status !== 'saved') return [privateText(STALE)];
    return [
      await show(ctx, person, {
        notice: `Removed: ${describeRelationship(result.value, personName(ctx.scope.roster.people))}`,
      }),
    ];
  },
  'relationships.page': async (ctx, value) => {
    const person = viewer(ctx);
    if (!('id' in person)) return [person];
    const offset = Number.parseInt(value, 10);
    return [await show(ctx, person, { offset: Number.isFinite(offset) ? offset : 0 })];
  },
};

export const relationshipForms: Record<string, FormHandler> = {
  'relationships.add': (ctx, values) => save(ctx, values),
  'relationships.edit': (ctx, values, context) =>
    context ? save(ctx, values, context) : Promise.resolve([privateText(STALE)]),
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
    const person = viewer(ctx);
    if (!('id' in person)) return [person];
    const mine = /^(?:my|mine|me)$/i.test(ctx.args.trim());
    return [await show(ctx, person, { mine })];
  },
};
