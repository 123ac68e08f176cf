// `/partnership review [status|answer|snooze|resume|export [md|csv] [YEAR]|submit]`: the annual
// partnership review (RULES.md section 5). The rep and chair run it; members confirm their membership.
import { formatDay, formatWhen, isOpen, reviewYear } from '../../domain/review/calendar.ts';
import { SNOOZE_DAYS } from '../../domain/review/settings.ts';
import { EXPORT_FORMATS, type ExportFormat } from '../../domain/review/export.ts';
import { exportReview, loadReview, submitReview } from '../../services/review/service.ts';
import { can } from '../../domain/permissions.ts';
import { refusal } from '../views/refusals.ts';
import { textReply, type Reply } from '../../domain/chat/reply.ts';
import { answersFormReply } from '../views/review-form.ts';
import { settingsForm } from './review-settings.ts';
import { memberReviewReply, reviewStatusReply } from '../views/review-status.ts';
import type { Command, ScopedContext } from './types.ts';
import { intent } from './types.ts';

const UNKNOWN =
  'I don’t know who you are yet, so I can’t show the review. Ask your chair or rep to add your email address to the roster or to link you with `/partnership link`.';
const USAGE =
  'Try `/partnership review` (status), `review answer`, `review snooze`, `review resume`, `review export md` or `review export csv`, `review submit` or `review settings`.';

const now = (ctx: ScopedContext): Date => ctx.deps.clock.now();

export async function showStatus(ctx: ScopedContext): Promise<Reply[]> {
  const { roster, person } = ctx.scope;
  if (!person) return [textReply(UNKNOWN)];
  const { year, status } = await loadReview(ctx.deps.stores.reviews, roster, now(ctx));
  if (can(person, 'review.status'))
    return [reviewStatusReply(status, roster, now(ctx), { showDetails: !ctx.inChannel })];
  if (can(person, 'review.confirm')) {
    const reply = memberReviewReply(
      person,
      roster,
      year,
      status.confirmations.get(person.id) ?? null,
      isOpen(now(ctx), status.season),
    );
    return [
      ctx.inChannel
        ? textReply(
            'I’ve sent you your own review details privately: type `/partnership review` in a direct message to me.',
          )
        : reply,
    ];
  }
  return [
    textReply(
      'The partnership review is run by the rep and the chair; members confirm their own membership. Paid workers have nothing to do for it.',
    ),
  ];
}

export async function answerForm(ctx: ScopedContext): Promise<Reply[]> {
  const { roster, person } = ctx.scope;
  if (!can(person, 'review.answer')) return [textReply(person ? refusal('review.answer') : UNKNOWN)];
  const { year, status } = await loadReview(ctx.deps.stores.reviews, roster, now(ctx));
  if (status.submission)
    return [
      textReply(
        `The ${year} review was marked as submitted on ${formatDay(status.submission.submittedAt, roster.partnership.settings)}; its answers are kept as submitted.`,
      ),
    ];
  return [
    answersFormReply(status, roster, await ctx.deps.stores.reviews.decisionEvidence(roster.partnership.id!, year)),
  ];
}

export async function snooze(ctx: ScopedContext, on: boolean): Promise<Reply[]> {
  const { roster, person, partnership } = ctx.scope;
  if (!can(person, 'review.snooze')) return [textReply(person ? refusal('review.snooze') : UNKNOWN)];
  const settings = partnership.settings;
  const until = new Date(now(ctx).getTime() + SNOOZE_DAYS * 24 * 60 * 60_000);
  const review = { ...settings.review };
  if (on) review.snoozedUntil = until.toISOString();
  else delete review.snoozedUntil;
  await ctx.deps.stores.rosters.updateSettings(partnership.id, { ...settings, review }, person!.id);
  ctx.deps.logger.info('review nudges snoozed', { partnershipId: partnership.id, on });
  return [
    textReply(
      on
        ? `Review nudges for ${roster.partnership.name} are paused until ${formatWhen(until, settings)}. Members’ confirmation reminders carry on. \`/partnership review resume\` starts the nudges again.`
        : `Review nudges for ${roster.partnership.name} are back on: the next one comes on the next nudge day, if anything is outstanding.`,
    ),
  ];
}

export async function download(ctx: ScopedContext, format: ExportFormat, year?: number): Promise<Reply[]> {
  const { roster, person } = ctx.scope;
  if (!can(person, 'review.export')) return [textReply(person ? refusal('review.export') : UNKNOWN)];
  const y = year ?? reviewYear(now(ctx), roster.partnership.settings);
  const result = await exportReview(ctx.deps.stores.reviews, roster, y, format, now(ctx));
  if (!result.ok) return [textReply(result.error)];
  const file = result.value;
  const summary = `${roster.partnership.name}: partnership review ${y} (${format === 'md' ? 'Markdown' : 'CSV'}), ${file.submittedOn ? `as submitted on ${file.submittedOn}` : 'as it stands today'}.`;
  return [
    {
      summary,
      visibility: 'private',
      blocks: [
        { kind: 'text', text: summary },
        { kind: 'note', text: 'The file holds members’ resident status: keep it to the rep and the chair.' },
      ],
      attachment: { filename: file.filename, mimeType: file.mimeType, content: file.content },
    },
  ];
}

export async function submit(ctx: ScopedContext): Promise<Reply[]> {
  const { roster, person } = ctx.scope;
  if (!can(person, 'review.submit')) return [textReply(person ? refusal('review.submit') : UNKNOWN)];
  const result = await submitReview(ctx.deps.stores.reviews, roster, person!.id, now(ctx));
  if (!result.ok)
    return [
      textReply(
        `Not yet: before the review is marked as submitted, ${result.error.map((t) => t.charAt(0).toLowerCase() + t.slice(1)).join(' ')} Type \`/partnership review answer\`.`,
      ),
    ];
  const s = result.value;
  return [
    textReply(
      `Recorded: the ${s.year} review of ${roster.partnership.name} was submitted to Local Trust on ${formatDay(s.submittedAt, roster.partnership.settings)}. There will be no more review messages this year, and next year’s review will show what changed since this one.`,
    ),
  ];
}

function parseExport(words: string[]): { format: ExportFormat; year?: number } | string {
  let format: ExportFormat = 'md';
  let year: number | undefined;
  for (const w of words) {
    if (w === 'markdown' || (EXPORT_FORMATS as readonly string[]).includes(w))
      format = w === 'markdown' ? 'md' : (w as ExportFormat);
    else if (/^\d{4}$/.test(w)) year = Number(w);
    else
      return `I didn’t understand “${w.slice(0, 20)}”: type \`/partnership review export md\`, \`review export csv\` or add a year, such as \`review export csv 2025\`.`;
  }
  return { format, ...(year ? { year } : {}) };
}

export const review: Command = {
  name: 'review',
  summary: 'The annual partnership review: status, the four questions, snooze, export.',
  usage: 'review [answer|snooze|resume|export md|export csv|submit|settings]',
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
        return snooze(ctx, true);
      case 'resume':
      case 'unsnooze':
        return snooze(ctx, false);
      case 'submit':
      case 'submitted':
        return submit(ctx);
      case 'settings':
        return settingsForm(ctx);
      case 'export':
      case 'download': {
        const parsed = parseExport(rest);
        return typeof parsed === 'string' ? [textReply(parsed)] : download(ctx, parsed.format, parsed.year);
      }
      default:
        return [textReply(`I don’t know “review ${sub.slice(0, 30)}”. ${USAGE}`)];
    }
  },
};
