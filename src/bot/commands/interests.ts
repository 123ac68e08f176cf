// The register of interests in chat: a member sees, adds, edits and removes their own entries,
// or confirms they have nothing to declare; officers and the rep may look at anyone's. Every
// reply is private and every change is audited (the store writes the audit row with it).
import { z } from 'zod';
import { describeInterest, validateInterest, type InterestInput } from '../../domain/register.ts';
import type { Person } from '../../domain/roster.ts';
import { organisationKey } from '../../domain/organisations.ts';
import type { StoredInterest } from '../../services/ports/index.ts';
import { can } from '../../domain/permissions.ts';
import { refusal } from '../views/refusals.ts';
import type { Block, Reply } from '../../domain/chat/reply.ts';
import {
  STALE,
  UNKNOWN_PERSON,
  changeBy,
  formValue,
  loadDirectory,
  parseValue,
  privateText,
  problemsReply,
} from '../register/common.ts';
import {
  MAX_INTERESTS,
  confirmRemoveReply,
  didYouMeanBlocks,
  interestForm,
  registerReply,
} from '../views/interests.ts';
import type { ActionHandler, Command, FormHandler, ScopedContext } from './types.ts';
import { intent } from './types.ts';

/** The speaker, if they may keep a register; otherwise the reply that says why not. */
function me(ctx: ScopedContext): Person | Reply {
  const person = ctx.scope.person;
  if (!person) return privateText(UNKNOWN_PERSON);
  if (!can(person, 'interests.own')) return privateText(refusal('interests.own'));
  return person;
}

async function showRegister(ctx: ScopedContext, owner: Person, notice?: string, extra?: Block[]): Promise<Reply> {
  const { register } = ctx.deps.stores;
  const [interests, confirmedNoneAt] = await Promise.all([
    register.interestsOf(owner.id),
    register.lastNothingToDeclare(ctx.scope.partnership.id, owner.id),
  ]);
  return registerReply({
    owner,
    own: owner.id === ctx.scope.person?.id,
    interests,
    confirmedNoneAt,
    timeZone: ctx.scope.partnership.settings.timeZone,
    ...(notice ? { notice } : {}),
    ...(extra ? { extra } : {}),
  });
}

/** One of the speaker's own entries, or null (someone else's, or gone). */
async function ownEntry(ctx: ScopedContext, person: Person, id: string): Promise<StoredInterest | null> {
  const interest = await ctx.deps.stores.register.getInterest(id.slice(0, 100));
  return interest && interest.personId === person.id ? interest : null;
}

async function showSomeone(ctx: ScopedContext, viewer: Person, name: string): Promise<Reply> {
  if (!can(viewer, 'interests.view')) {
    return privateText(
      'You can see only your own register of interests: type `/partnership interests`. Officers and the rep can see others’.',
    );
  }
  const wanted = name.replace(/^@/, '').trim().toLowerCase();
  const target = ctx.scope.roster.people.find((p) => p.name.toLowerCase() === wanted);
  if (!target) {
    const first = wanted.split(/\s+/)[0] ?? wanted;
    const close = ctx.scope.roster.people
      .filter((p) => p.name.toLowerCase().includes(first))
      .map((p) => p.name)
      .slice(0, 3);
    return privateText(
      `“${name.trim().slice(0, 80)}” is not on the roster.${close.length ? ` Did you mean ${close.join(' or ')}?` : ' Check the spelling with `/partnership roster`.'}`,
    );
  }
  return showRegister(ctx, target);
}

async function save(
  ctx: ScopedContext,
  values: Record<string, string | string[]>,
  existingId?: string,
): Promise<Reply[]> {
  const person = me(ctx);
  if (!('id' in person)) return [person];
  const retry = {
    actionId: existingId ? 'interests.edit' : 'interests.add',
    label: 'Try again',
    value: existingId ?? 'new',
  };
  const parsed = validateInterest({
    organisation: formValue(values, 'organisation'),
    kind: formValue(values, 'kind'),
    detail: formValue(values, 'detail'),
  });
  if (!parsed.ok) return [problemsReply('I couldn’t save that interest; nothing was changed:', parsed.error, retry)];
  const input = parsed.value;
  const { register } = ctx.deps.stores;
  const before = existingId ? await ownEntry(ctx, person, existingId) : null;
  if (existingId && !before) return [privateText(STALE)];
  if (!existingId && (await register.interestsOf(person.id)).length >= MAX_INTERESTS) {
    return [
      privateText(
        `Your register already has ${MAX_INTERESTS} entries, the most I keep for one person. Remove entries that no longer apply, or combine them (one per organisation).`,
      ),
    ];
  }
  const newName = !before || organisationKey(before.organisation) !== organisationKey(input.organisation);
  const directory = await loadDirectory(ctx, existingId);
  const suggestions = newName && !directory.find(input.organisation) ? directory.suggest(input.organisation) : [];
  const options = { registerOrganisation: newName && suggestions.length === 0 };
  const change = changeBy(ctx);
  let saved: StoredInterest;
  if (existingId) {
    const result = await register.updateInterest(change, existingId, input, options);
    if (result.status !== 'saved') return [privateText(STALE)];
    saved = result.value;
  } else {
    saved = await register.addInterest(change, person.id, input, options);
  }
  const extra = suggestions.length ? didYouMeanBlocks(saved, suggestions) : undefined;
  return [await showRegister(ctx, person, `Saved: ${describeInterest(saved)}.`, extra)];
}

/** Change only the organisation's name of an entry (a "did you mean" answer). */
async function rename(
  ctx: ScopedContext,
  person: Person,
  interest: StoredInterest,
  organisation: string,
): Promise<Reply[]> {
  const next: InterestInput = { organisation, kind: interest.kind, detail: interest.detail };
  const checked = validateInterest({ ...next, detail: next.detail ?? '' });
  if (!checked.ok) return [privateText(STALE)];
  const result = await ctx.deps.stores.register.updateInterest(changeBy(ctx), interest.id, checked.value, {
    registerOrganisation: true,
  });
  if (result.status !== 'saved') return [privateText(STALE)];
  return [await showRegister(ctx, person, `Updated: ${describeInterest(result.value)}.`)];
}

const useKnown = z.object({ i: z.string().max(100), o: z.string().min(1).max(200) });

export const interestActions: Record<string, ActionHandler> = {
  'interests.add': async (ctx) => {
    const person = me(ctx);
    if (!('id' in person)) return [person];
    return [interestForm()];
  },
  'interests.edit': async (ctx, value) => {
    const person = me(ctx);
    if (!('id' in person)) return [person];
    const interest = await ownEntry(ctx, person, value);
    return [interest ? interestForm(interest) : privateText(STALE)];
  },
  'interests.remove': async (ctx, value) => {
    const person = me(ctx);
    if (!('id' in person)) return [person];
    const interest = await ownEntry(ctx, person, value);
    return [interest ? confirmRemoveReply(interest) : privateText(STALE)];
  },
  'interests.remove.confirm': async (ctx, value) => {
    const person = me(ctx);
    if (!('id' in person)) return [person];
    const interest = await ownEntry(ctx, person, value);
    if (!interest) return [privateText(STALE)];
    const result = await ctx.deps.stores.register.removeInterest(changeBy(ctx), interest.id);
    if (result.status !== 'saved') return [privateText(STALE)];
    return [await showRegister(ctx, person, `Removed: ${describeInterest(result.value)}.`)];
  },
  'interests.none': async (ctx) => {
    const person = me(ctx);
    if (!('id' in person)) return [person];
    const { register } = ctx.deps.stores;
    const count = (await register.interestsOf(person.id)).length;
    if (count > 0) {
      return [
        privateText(
          `Your register has ${count === 1 ? 'an entry' : `${count} entries`}, so I can’t record “nothing to declare”. Remove the entries that no longer apply first (type \`/partnership interests\`).`,
        ),
      ];
    }
    await register.confirmNothingToDeclare(changeBy(ctx), person.id);
    return [
      await showRegister(ctx, person, 'Recorded: you have nothing to declare. Thank you; tell me if that changes.'),
    ];
  },
  'interests.use': async (ctx, value) => {
    const person = me(ctx);
    if (!('id' in person)) return [person];
    const choice = parseValue(value, useKnown);
    const interest = choice ? await ownEntry(ctx, person, choice.i) : null;
    return choice && interest ? rename(ctx, person, interest, choice.o) : [privateText(STALE)];
  },
  'interests.keep': async (ctx, value) => {
    const person = me(ctx);
    if (!('id' in person)) return [person];
    const interest = await ownEntry(ctx, person, value);
    if (!interest) return [privateText(STALE)];
    await ctx.deps.stores.register.registerOrganisation(changeBy(ctx), interest.organisation);
    return [
      await showRegister(
        ctx,
        person,
        `Kept “${interest.organisation}” as you typed it. If it is another name for a known organisation, an officer can link the two names.`,
      ),
    ];
  },
};

export const interestForms: Record<string, FormHandler> = {
  'interests.add': (ctx, values) => save(ctx, values),
  'interests.edit': (ctx, values, context) =>
    context ? save(ctx, values, context.slice(0, 100)) : Promise.resolve([privateText(STALE)]),
};

export const interests: Command = {
  name: 'interests',
  aliases: ['register', 'my-interests'],
  summary:
    'Your register of interests: see, add, edit or remove entries, or confirm you have nothing to declare (private).',
  usage: 'interests [name: officers and the rep]',
  needsPartnership: true,
  intents: [
    intent(
      // "declare my interests" is a declaration for a decision (the declare command), not the register
      /(?<!\bdeclare\s+)\bmy (?:register of interests|register|interests|declared interests)\b/i,
      /^\s*(?:interests|register of interests)\??\s*$/i,
      /\b(?:show|see|what are) (?!my\b)(.+?)['’]s? (?:register of interests|register|interests)\b/i,
    ),
  ],
  async run(ctx) {
    const person = me(ctx);
    if (!('id' in person)) return [person];
    const name = ctx.args.trim();
    if (!name || /^(?:my|mine|me)$/i.test(name) || name.toLowerCase() === person.name.toLowerCase())
      return [await showRegister(ctx, person)];
    return [await showSomeone(ctx, person, name)];
  },
};
