// `/partnership review [status|answer|pause|resume|export [md|csv] [YEAR]|submit [confirm]|reopen]`:
// the annual partnership review (RULES.md section 5). The rep and chair run it; members confirm
// their membership. Each handler parses, calls one review service (src/services/review) and
// renders with a view.
import { actorOf } from './types.ts';
import { serviceDeps } from '../context.ts';
import { EXPORT_FORMATS, type ExportFormat } from '../../domain/review/export.ts';
import { exportReview } from '../../services/review/export.ts';
import { snoozeNudges } from '../../services/review/nudges.ts';
import { openAnswers, showReview } from '../../services/review/service.ts';
import { prepareSubmit, reopenReview, submitReview, type SubmitConfirmation } from '../../services/review/submit.ts';
import { textReply, type Reply } from '../../domain/chat/reply.ts';
import { answerRefusal } from '../refused.ts';
import { answersFormReply } from '../views/review-form.ts';
import { REVIEW_UNKNOWN } from '../views/review-refusals.ts';
import {
  exportReply,
  exportWordNotUnderstood,
  NOT_INVOLVED,
  OWN_DETAILS_SENT,
  snoozedReply,
  unknownSubcommand,
} from '../views/review-replies.ts';
import { memberReviewReply, reviewStatusReply } from '../views/review-status.ts';
import { reopenedReply, submitPromptReply, submittedReply } from '../views/review-submit.ts';
import { settingsForm } from './review-settings.ts';
import { answerReviewRefusal } from './review-scope.ts';
import type { Command, ScopedContext } from './types.ts';
import { intent } from './types.ts';

const WORDS = { unknown: REVIEW_UNKNOWN };

export async function showStatus(ctx: ScopedContext): Promise<Reply[]> {
  const result = await showReview(serviceDeps(ctx.deps), actorOf(ctx));
  // the status button runs this command too: its words for someone unknown stay the review's
  if (!result.ok && result.error.code === 'unknown-person') return answerRefusal(ctx, result.error, REVIEW_UNKNOWN);
  if (!result.ok) return answerReviewRefusal(ctx, result.error, 'command', WORDS);
  const view = result.value;
  switch (view.kind) {
    case 'whole':
      return [reviewStatusReply(view.status, view.roster, view.now, view.outlook, { showDetails: !ctx.inChannel })];
    case 'own':
      return [
        ctx.inChannel
          ? textReply(OWN_DETAILS_SENT)
          : memberReviewReply(view.person, view.roster, view.year, view.confirmation, view.open),
      ];
    case 'none':
      return [textReply(NOT_INVOLVED)];
  }
}

export async function answerForm(ctx: ScopedContext): Promise<Reply[]> {
  const result = await openAnswers(serviceDeps(ctx.deps), actorOf(ctx));
  if (!result.ok) return answerReviewRefusal(ctx, result.error, 'answer-form', WORDS);
  const { status, roster, evidence, policies, now } = result.value;
  return [answersFormReply(status, roster, evidence, policies, now)];
}

export async function snooze(ctx: ScopedContext, on: boolean): Promise<Reply[]> {
  const result = await snoozeNudges(serviceDeps(ctx.deps), actorOf(ctx), { on });
  if (!result.ok) return answerReviewRefusal(ctx, result.error, 'command', WORDS);
  return [snoozedReply(ctx.scope.roster, ctx.scope.partnership.settings, result.value)];
}

export async function download(ctx: ScopedContext, format: ExportFormat, year?: number): Promise<Reply[]> {
  const result = await exportReview(serviceDeps(ctx.deps), actorOf(ctx), { format, year });
  if (!result.ok) return answerReviewRefusal(ctx, result.error, 'command', WORDS);
  return [exportReply(ctx.scope.roster, result.value)];
}

/** `review submit`: what is still open, with the button that confirms it. Changes nothing. */
export async function submit(ctx: ScopedContext): Promise<Reply[]> {
  const result = await prepareSubmit(serviceDeps(ctx.deps), actorOf(ctx));
  if (!result.ok) return answerReviewRefusal(ctx, result.error, 'submit', WORDS);
  return [submitPromptReply(ctx.scope.roster, result.value)];
}

/** The confirmation, typed (`review submit confirm`) or clicked (the list's year and fingerprint). */
export async function confirmSubmit(ctx: ScopedContext, input: SubmitConfirmation): Promise<Reply[]> {
  const result = await submitReview(serviceDeps(ctx.deps), actorOf(ctx), input);
  if (!result.ok) {
    const e = result.error;
    return e.code === 'open-changed'
      ? [submitPromptReply(ctx.scope.roster, e, true)]
      : answerReviewRefusal(ctx, e, 'submit', WORDS);
  }
  return [submittedReply(ctx.scope.roster, result.value)];
}

/** `review reopen`, or its button (which carries the year). */
export async function reopen(ctx: ScopedContext, shown: { year: number | null } | 'typed'): Promise<Reply[]> {
  const result = await reopenReview(serviceDeps(ctx.deps), actorOf(ctx), { shown });
  if (!result.ok) return answerReviewRefusal(ctx, result.error, 'submit', WORDS);
  return [reopenedReply(ctx.scope.roster, result.value)];
}

function parseExport(words: string[]): { format: ExportFormat; year?: number } | string {
  let format: ExportFormat = 'md';
  let year: number | undefined;
  for (const w of words) {
    if (w === 'markdown' || (EXPORT_FORMATS as readonly string[]).includes(w))
      format = w === 'markdown' ? 'md' : (w as ExportFormat);
    else if (/^\d{4}$/.test(w)) year = Number(w);
    else return exportWordNotUnderstood(w);
  }
  return { format, ...(year ? { year } : {}) };
}

export const review: Command = {
  name: 'review',
  summary:
    'The annual partnership review: status, the four questions, pause or resume the nudges, export, submit (after confirming what is still open) or reopen.',
  usage: 'review [answer|pause|resume|export md|export csv|submit|reopen|settings]',
  needsPartnership: true,
  intents: [
    intent(
      /^\s*(the |our )?(partnership )?review( status)?\??\s*$/i,
      /\bhow('s| is) (the |our )?(partnership )?review\b/i,
      /\breview (status|progress)\b/i,
    ),
  ],
  async run(ctx) {
    const [sub = 'status', ...rest] = ctx.args.trim().toLowerCase().split(/\s+/).filter(Boolean);
    switch (sub) {
      case 'status':
        return showStatus(ctx);
      case 'answer':
      case 'answers':
      case 'questions':
        return answerForm(ctx);
      case 'snooze':
      case 'pause':
        return snooze(ctx, true);
      case 'resume':
      case 'unsnooze':
      case 'unpause':
        return snooze(ctx, false);
      case 'submit':
      case 'submitted':
        if (rest[0] === 'confirm' || rest[0] === 'confirmed') return confirmSubmit(ctx, { shown: 'typed' });
        return submit(ctx);
      case 'reopen':
      case 'unsubmit':
        return reopen(ctx, 'typed');
      case 'settings':
        return settingsForm(ctx);
      case 'export':
      case 'download': {
        const parsed = parseExport(rest);
        return typeof parsed === 'string' ? [textReply(parsed)] : download(ctx, parsed.format, parsed.year);
      }
      default:
        return [textReply(unknownSubcommand(sub))];
    }
  },
};
