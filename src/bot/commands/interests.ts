// The register of interests in chat: a member sees, adds, edits and removes their own entries,
// or confirms they have nothing to declare; officers and the rep may look at anyone's. Every
// reply is private; src/services/interests.ts checks, validates and writes.
import { z } from 'zod';
import type { Block, Reply } from '../../domain/chat/reply.ts';
import { serviceDeps } from '../context.ts';
import { answerRefusal } from '../refused.ts';
import * as service from '../../services/interests.ts';
import type { InterestRefusal, RegisterData } from '../../services/interests.ts';
import {
  NOTHING_TO_DECLARE_NOTICE,
  ONLY_OWN_REGISTER,
  confirmRemoveReply,
  didYouMeanBlocks,
  interestForm,
  interestFormAgain,
  interestRefusalText,
  keptNotice,
  registerReply,
  removedNotice,
  savedNotice,
  updatedNotice,
} from '../views/interests.ts';
import { UNKNOWN_PERSON, privateText } from '../views/register.ts';
import { formValue, parseValue } from './input.ts';
import type { ActionHandler, Command, FormHandler, ScopedContext } from './types.ts';
import { intent } from './types.ts';

const show = (ctx: ScopedContext, register: RegisterData, notice?: string, extra?: Block[]): Reply =>
  registerReply({
    ...register,
    timeZone: ctx.scope.partnership.settings.timeZone,
    ...(notice ? { notice } : {}),
    ...(extra ? { extra } : {}),
  });

/** A refusal as the answer: the shared words (and a refused click audited), or this feature's. */
function refusedWith(ctx: ScopedContext, refused: InterestRefusal, words?: string): Promise<Reply[]> {
  switch (refused.code) {
    case 'not-permitted':
    case 'unknown-person':
    case 'not-found':
    case 'invalid':
      return answerRefusal(ctx, refused, words);
    default:
      return Promise.resolve([privateText(interestRefusalText(refused))]);
  }
}

async function save(
  ctx: ScopedContext,
  values: Record<string, string | string[]>,
  existingId?: string | null,
): Promise<Reply[]> {
  const typed = {
    organisation: formValue(values, 'organisation'),
    kind: formValue(values, 'kind'),
    detail: formValue(values, 'detail'),
  };
  const saved = await service.saveInterest(serviceDeps(ctx.deps), ctx.scope, { ...typed, id: existingId });
  if (!saved.ok)
    return saved.refusal.code === 'invalid'
      ? [interestFormAgain(saved.refusal.problems, typed, existingId ?? undefined)]
      : refusedWith(ctx, saved.refusal);
  const { register, interest, suggestions } = saved.value;
  const extra = suggestions.length ? didYouMeanBlocks(interest, suggestions) : undefined;
  return [show(ctx, register, savedNotice(interest), extra)];
}

const useKnown = z.object({ i: z.string().max(100), o: z.string().min(1).max(200) });

export const interestActions: Record<string, ActionHandler> = {
  'interests.add': async (ctx) => {
    const may = service.startInterest(serviceDeps(ctx.deps), ctx.scope);
    return may.ok ? [interestForm()] : refusedWith(ctx, may.refusal);
  },
  'interests.edit': async (ctx, value) => {
    const found = await service.findOwnInterest(serviceDeps(ctx.deps), ctx.scope, { id: value });
    return found.ok ? [interestForm(found.value)] : refusedWith(ctx, found.refusal);
  },
  'interests.remove': async (ctx, value) => {
    const found = await service.findOwnInterest(serviceDeps(ctx.deps), ctx.scope, { id: value });
    return found.ok ? [confirmRemoveReply(found.value)] : refusedWith(ctx, found.refusal);
  },
  'interests.remove.confirm': async (ctx, value) => {
    const removed = await service.removeInterest(serviceDeps(ctx.deps), ctx.scope, { id: value });
    if (!removed.ok) return refusedWith(ctx, removed.refusal);
    return [show(ctx, removed.value.register, removedNotice(removed.value.removed))];
  },
  'interests.none': async (ctx) => {
    const confirmed = await service.confirmNothingToDeclare(serviceDeps(ctx.deps), ctx.scope);
    return confirmed.ok ? [show(ctx, confirmed.value, NOTHING_TO_DECLARE_NOTICE)] : refusedWith(ctx, confirmed.refusal);
  },
  'interests.use': async (ctx, value) => {
    // an unreadable value names no entry: the service answers it as a stale button
    const choice = parseValue(value, useKnown);
    const used = await service.useKnownOrganisation(serviceDeps(ctx.deps), ctx.scope, {
      id: choice?.i ?? '',
      organisation: choice?.o ?? '',
    });
    return used.ok
      ? [show(ctx, used.value.register, updatedNotice(used.value.updated))]
      : refusedWith(ctx, used.refusal);
  },
  'interests.keep': async (ctx, value) => {
    const kept = await service.keepOrganisationName(serviceDeps(ctx.deps), ctx.scope, { id: value });
    return kept.ok ? [show(ctx, kept.value.register, keptNotice(kept.value.kept))] : refusedWith(ctx, kept.refusal);
  },
};

export const interestForms: Record<string, FormHandler> = {
  'interests.add': (ctx, values) => save(ctx, values),
  // an edit form that names no entry is answered as a stale button, after the permission check
  'interests.edit': (ctx, values, context) => save(ctx, values, context ? context.slice(0, 100) : null),
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
    const deps = serviceDeps(ctx.deps);
    const name = ctx.args.trim();
    const speaker = ctx.scope.person;
    const own =
      !speaker || !name || /^(?:my|mine|me)$/i.test(name) || name.toLowerCase() === speaker.name.toLowerCase();
    const shown = own
      ? await service.viewOwnRegister(deps, ctx.scope)
      : await service.viewRegisterOf(deps, ctx.scope, { name });
    if (shown.ok) return [show(ctx, shown.value)];
    if (shown.refusal.code === 'unknown-person') return [privateText(UNKNOWN_PERSON)];
    if (shown.refusal.code === 'not-permitted' && !own) return [privateText(ONLY_OWN_REGISTER)];
    return refusedWith(ctx, shown.refusal);
  },
};
