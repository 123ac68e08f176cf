// The buttons and forms of decisions. Values carry ids only (a decision id, an option index), and
// none of it is trusted: a value must have exactly the shape the bot's own buttons give it and a
// form may carry only its own fields, or it is refused and audited (../refuse.ts). Then one
// service operation runs: it checks the permission, and that the decision is the person's own
// partnership's, against the decision as stored.
import { actorOf } from './types.ts';
import { serviceDeps } from '../context.ts';
import { z } from 'zod';
import { BALLOTS, VISIBILITIES } from '../../domain/decisions/types.ts';
import { close, confirmClose, amend, amendPrompt } from '../../services/decisions/manage.ts';
import { ballot, declarePrompt, interestPrompt } from '../../services/decisions/prompts.ts';
import { exportRecord, shareConflicts, showRecord } from '../../services/decisions/record.ts';
import { declare, vote, type Declaration } from '../../services/decisions/respond.ts';
import { startDecision } from '../../services/decisions/start.ts';
import { giveReason, reasonPrompt, remindUnanswered } from '../../services/decisions/follow-up.ts';
import { chairRemindedReply, reasonFormReply, reasonSavedReply } from '../views/decision-follow-up.ts';
import { QUESTION_FIELDS } from '../../services/decisions/confirm-organisations.ts';
import type { Reply } from '../../domain/chat/reply.ts';
import {
  amendFormReply,
  amendedReply,
  ballotPromptReply,
  closeQuestionReply,
  closedByChairReply,
  declaredReply,
  declarePromptReply,
  interestAlreadyReply,
  sharedReply,
  startedReplies,
  votedReply,
} from '../views/decision-answers.ts';
import { interestFormReply } from '../views/decision-prompts.ts';
import { linkedReply, organisationQuestionReply } from '../views/organisation-question.ts';
import { conflictsLogReply, minutesTextReply, recordView } from '../views/decision-record.ts';
import { createRefusal, MALFORMED, manageRefusal, noVoteReason, UNEXPECTED_FIELDS } from '../views/decision-words.ts';
import { answer, refusePayload, UUID, voteValue, type RefusalWords } from './decision-scope.ts';
import type { ActionHandler, FormHandler, ScopedContext } from './types.ts';

const decisionValue = z
  .string()
  .trim()
  .regex(UUID)
  .transform((id) => ({ id, option: 0 }));

type Target = { id: string; option: number };

/** Who votes and declares is refused with why they have no vote; managing, with who may. */
const voter = (ctx: ScopedContext, decisionId: string): RefusalWords => ({
  notPermitted: noVoteReason(ctx.scope.person) ?? undefined,
  decisionId,
});
const manager = (decisionId: string): RefusalWords => ({ notPermitted: manageRefusal, decisionId });

/** A button about one decision: its value parsed (or refused and audited), then the handler. */
const on =
  (
    run: (ctx: ScopedContext, t: Target) => Promise<Reply[]>,
    schema: z.ZodType<Target> = decisionValue,
  ): ActionHandler =>
  async (ctx, value) => {
    const parsed = schema.safeParse(value);
    if (!parsed.success) return refusePayload(ctx, 'malformed-value', MALFORMED);
    return run(ctx, parsed.data);
  };

const services = (ctx: ScopedContext) => serviceDeps(ctx.deps);

/**
 * The answer to a question whose button was pressed (closed now, or closed already, or refused)
 * replaces the question, so its button is not left to press again. Platforms never replace a
 * message others see with a private answer.
 */
const settles = (replies: Reply[]): Reply[] =>
  replies.map((r, i) => (i === 0 && !r.blocks.some((b) => b.kind === 'form') ? { ...r, replaceOriginal: true } : r));

const ballotFor = async (ctx: ScopedContext, t: Target) =>
  answer(ctx, await ballot(services(ctx), actorOf(ctx), { decisionId: t.id }), ballotPromptReply, voter(ctx, t.id));

export const decisionActions: Record<string, ActionHandler> = {
  'decision.declare': on(async (ctx, t) =>
    answer(
      ctx,
      await declarePrompt(services(ctx), actorOf(ctx), { id: t.id }),
      (p) => declarePromptReply(p, ctx.scope.partnership.name),
      voter(ctx, t.id),
    ),
  ),
  'decision.declare.none': on(async (ctx, t) =>
    answer(
      ctx,
      await declare(services(ctx), actorOf(ctx), { decisionId: t.id, declaration: { outcome: 'none' } }),
      declaredReply,
      voter(ctx, t.id),
    ),
  ),
  'decision.declare.interest': on(async (ctx, t) =>
    answer(
      ctx,
      await interestPrompt(services(ctx), actorOf(ctx), { decisionId: t.id }),
      (p) => (p.kind === 'form' ? interestFormReply(p.decision) : interestAlreadyReply(p.decision)),
      voter(ctx, t.id),
    ),
  ),
  'decision.ballot': on(ballotFor),
  'decision.ballot.change': on(ballotFor),
  'decision.vote': on(
    async (ctx, t) =>
      answer(
        ctx,
        await vote(services(ctx), actorOf(ctx), { decisionId: t.id, option: t.option }),
        votedReply,
        voter(ctx, t.id),
      ),
    voteValue,
  ),
  'decision.close': on(async (ctx, t) =>
    answer(
      ctx,
      await confirmClose(services(ctx), actorOf(ctx), { decisionId: t.id }),
      closeQuestionReply,
      manager(t.id),
    ),
  ),
  'decision.close.confirm': on(async (ctx, t) =>
    settles(
      await answer(
        ctx,
        await close(services(ctx), actorOf(ctx), { decisionId: t.id }),
        (c) => closedByChairReply(c.decision),
        manager(t.id),
      ),
    ),
  ),
  'decision.amend': on(async (ctx, t) =>
    answer(
      ctx,
      await amendPrompt(services(ctx), actorOf(ctx), { decisionId: t.id }),
      (a) => amendFormReply(a.decision),
      manager(t.id),
    ),
  ),
  'decision.view': on(async (ctx, t) =>
    answer(ctx, await showRecord(services(ctx), actorOf(ctx), { id: t.id }), recordView, { decisionId: t.id }),
  ),
  'decision.reason': on(async (ctx, t) =>
    answer(
      ctx,
      await reasonPrompt(services(ctx), actorOf(ctx), { decisionId: t.id }),
      reasonFormReply,
      voter(ctx, t.id),
    ),
  ),
  'decision.remind': on(async (ctx, t) =>
    answer(
      ctx,
      await remindUnanswered(services(ctx), actorOf(ctx), { decisionId: t.id }),
      chairRemindedReply,
      manager(t.id),
    ),
  ),
  'decision.minutes.text': on(async (ctx, t) =>
    answer(ctx, await exportRecord(services(ctx), actorOf(ctx), { decisionId: t.id }), minutesTextReply, {
      decisionId: t.id,
    }),
  ),
  'decision.share': on(async (ctx, t) =>
    answer(
      ctx,
      await shareConflicts(services(ctx), actorOf(ctx), { decisionId: t.id }),
      // no platform to post through: the log goes back as a channel reply
      (s) => (s.posted ? sharedReply(s.decision) : conflictsLogReply(s.record, s.sharedBy)),
      { decisionId: t.id },
    ),
  ),
};

/**
 * Every field each form can have (src/bot/views/decision-prompts.ts; test/security checks they
 * match). A submission with any other field (a person id, say) was not made with our form.
 */
export const FORM_FIELDS = {
  'decision.create': ['title', 'description', 'kind', 'organisations', 'options', 'closes', 'ballot', 'visibility'],
  'decision.declare': ['kind', 'organisation', 'detail', 'register', 'link'],
  'decision.amend': ['closes', 'ballot', 'visibility'],
  'decision.reason': ['reason'],
} as const;

const fieldValue = z.union([z.string().max(10_000), z.array(z.string().max(1_000)).max(200)]).optional();
const formSchema = (fields: readonly string[]) =>
  z.object(Object.fromEntries(fields.map((f) => [f, fieldValue]))).strict();
/** The creation form asked again with "did you mean …?" carries one answer per close name (src/bot/views/organisation-question.ts). */
const EXTRA_FIELDS: Partial<Record<keyof typeof FORM_FIELDS, readonly string[]>> = {
  'decision.create': QUESTION_FIELDS,
};
const SCHEMAS = Object.fromEntries(
  Object.entries(FORM_FIELDS).map(([id, fields]) => [
    id,
    formSchema([...fields, ...(EXTRA_FIELDS[id as keyof typeof FORM_FIELDS] ?? [])]),
  ]),
) as Record<keyof typeof FORM_FIELDS, ReturnType<typeof formSchema>>;

type Values = Record<string, string | string[]>;

/** A form's values after the field check: only its own fields, each text or a list of text. */
const checked =
  (
    formId: keyof typeof FORM_FIELDS,
    run: (ctx: ScopedContext, values: Values, context: string | undefined) => Promise<Reply[]>,
  ): FormHandler =>
  async (ctx, values, context) => {
    if (!SCHEMAS[formId].safeParse(values).success) return refusePayload(ctx, 'unexpected-field', UNEXPECTED_FIELDS);
    return run(ctx, values, context);
  };

/** A form about one decision: its context is the decision id, checked like a button's value. */
const aboutDecision =
  (run: (ctx: ScopedContext, decisionId: string, values: Values) => Promise<Reply[]>) =>
  async (ctx: ScopedContext, values: Values, context: string | undefined) => {
    const parsed = decisionValue.safeParse(context ?? '');
    if (!parsed.success) return refusePayload(ctx, 'malformed-value', MALFORMED);
    return run(ctx, parsed.data.id, values);
  };

const flat = (values: Values): Record<string, string> =>
  Object.fromEntries(Object.entries(values).map(([k, v]) => [k, Array.isArray(v) ? v.join('; ') : v]));
const one = (v: string | string[] | undefined): string =>
  (Array.isArray(v) ? (v[0] ?? '') : (v ?? '')).trim().toLowerCase();

export const decisionForms: Record<string, FormHandler> = {
  'decision.create': checked('decision.create', async (ctx, values, context) => {
    const started = await startDecision(serviceDeps(ctx.deps), actorOf(ctx), {
      conversation: ctx.request.conversation,
      values,
      context,
    });
    return answer(
      ctx,
      started,
      (s) =>
        'questions' in s
          ? organisationQuestionReply(s, flat(values))
          : [...startedReplies(s), ...(s.linked.length ? [linkedReply(s.linked)] : [])],
      {
        notPermitted: createRefusal(ctx.scope.person, ctx.scope.partnership.settings),
        values: flat(values),
      },
    );
  }),
  'decision.declare': checked(
    'decision.declare',
    aboutDecision(async (ctx, decisionId, values) => {
      const declaration: Declaration = { outcome: 'interest', values };
      const declared = await declare(serviceDeps(ctx.deps), actorOf(ctx), { decisionId, declaration });
      return answer(ctx, declared, declaredReply, { ...voter(ctx, decisionId), values: flat(values) });
    }),
  ),
  'decision.reason': checked(
    'decision.reason',
    aboutDecision(async (ctx, decisionId, values) => {
      const given = await giveReason(serviceDeps(ctx.deps), actorOf(ctx), {
        decisionId,
        reason: Array.isArray(values.reason) ? values.reason.join(' ') : (values.reason ?? ''),
      });
      return answer(ctx, given, reasonSavedReply, { ...voter(ctx, decisionId), values: flat(values) });
    }),
  ),
  'decision.amend': checked(
    'decision.amend',
    aboutDecision(async (ctx, decisionId, values) => {
      const amended = await amend(serviceDeps(ctx.deps), actorOf(ctx), {
        decisionId,
        closes: one(values.closes),
        ballot: BALLOTS.find((b) => b === one(values.ballot)),
        visibility: VISIBILITIES.find((v) => v === one(values.visibility)),
      });
      return answer(ctx, amended, amendedReply, {
        ...manager(decisionId),
        prefix: 'Nothing was changed. ',
        values: flat(values),
      });
    }),
  ),
};
