// The review's buttons and form: a member's one-click confirmation, the rep's answers, "the
// changes are right", snooze, download and submit. Every click is re-checked here: who clicked,
// which year the button was for, and whether the review is still open.
import { formatDay, reviewYear, seasonOf } from '../../domain/review/calendar.ts';
import { nudgeRecipients } from '../../domain/review/plan.ts';
import { CHANGES_CONFIRMED, CHOICES, PLAN, QUESTIONS, TIMELINE, type Choice } from '../../domain/review/types.ts';
import { plural } from '../../domain/roster.ts';
import { loadReview } from '../../services/review/service.ts';
import { can } from '../../domain/permissions.ts';
import { refusal } from '../views/refusals.ts';
import { textReply, type Block, type Reply } from '../../domain/chat/reply.ts';
import { commentField, MAX_ANSWER } from '../views/review-form.ts';
import {
  CONFIRM_CHOICES,
  CONFIRM_LABELS,
  memberLeftMessage,
  statusButton,
  type ConfirmChoice,
} from '../views/review-messages.ts';
import { answerForm, download, snooze, submit } from './review.ts';
import { saveSettings, SETTINGS_FORM } from './review-settings.ts';
import type { ActionHandler, FormHandler, ScopedContext } from './types.ts';

const STALE =
  'That button is from an older message that I can no longer act on. Type `/partnership review` to start again.';

async function confirm(ctx: ScopedContext, value: string): Promise<Reply[]> {
  const { roster, person, partnership } = ctx.scope;
  if (!person || !can(person, 'review.confirm'))
    return [
      textReply(person ? 'Only partnership members confirm their membership: this button is not for you.' : STALE),
    ];
  const [yearText = '', choiceText = ''] = value.split(':');
  const choice = CONFIRM_CHOICES.find((c) => c === choiceText);
  if (!choice || !/^\d{4}$/.test(yearText)) return [textReply(STALE)];
  const now = ctx.deps.clock.now();
  const settings = partnership.settings;
  const year = Number(yearText);
  const current = reviewYear(now, settings);
  if (year !== current)
    return [
      textReply(
        `That button was for the ${year} review, which is over. Type \`/partnership review\` to confirm your membership for ${current}.`,
      ),
    ];
  if (now > seasonOf(year, settings).closes)
    return [
      textReply(
        `The ${year} review closed on ${formatDay(seasonOf(year, settings).closes, settings)}. If something has changed, tell your rep.`,
      ),
    ];
  const { status } = await loadReview(ctx.deps.stores.reviews, roster, now, year);
  if (status.submission)
    return [
      textReply(
        `The ${year} review was already submitted on ${formatDay(status.submission.submittedAt, settings)}. If something has changed, tell your rep.`,
      ),
    ];

  await ctx.deps.stores.reviews.confirmMembership(partnership.id, {
    personId: person.id,
    year,
    resident: choice === 'resident',
    member: choice !== 'left',
    confirmedAt: now,
  });
  ctx.deps.logger.info('membership confirmed', { partnershipId: partnership.id, personId: person.id, year });
  const when = formatDay(now, settings);
  if (choice === 'left') {
    const told = await tellRep(ctx, year);
    return [
      replaced(
        `Thank you for letting us know. On ${when} you said you are no longer a member of ${roster.partnership.name}. ${told ? 'I have told the rep, who will update the roster.' : 'I could not reach the rep just now: please tell them yourself.'}`,
      ),
    ];
  }
  const resident = choice === 'resident';
  const mismatch =
    person.resident !== resident
      ? ` The roster has you as ${person.resident ? 'living' : 'not living'} in the area: the rep will see your answer and update it.`
      : '';
  return [
    replaced(
      `Thank you, ${person.name}: confirmed on ${when}. ${CONFIRM_LABELS[choice as ConfirmChoice]}.${mismatch} You can change this with \`/partnership review\` until the review is submitted.`,
    ),
  ];
}

const replaced = (text: string): Reply => ({ ...textReply(text), replaceOriginal: true });

async function tellRep(ctx: ScopedContext, year: number): Promise<boolean> {
  const { roster, person } = ctx.scope;
  const notifier = ctx.deps.notifier;
  if (!notifier || !person) return false;
  let told = false;
  for (const id of nudgeRecipients(roster).filter((id) => id !== person.id)) {
    told = (await notifier.sendToPerson(id, memberLeftMessage(person, roster, year))) || told;
  }
  return told;
}

async function changesOk(ctx: ScopedContext, fingerprint: string): Promise<Reply[]> {
  const { roster, person } = ctx.scope;
  if (!can(person, 'review.answer')) return [textReply(person ? refusal('review.answer') : STALE)];
  const now = ctx.deps.clock.now();
  const { year, status } = await loadReview(ctx.deps.stores.reviews, roster, now);
  if (!status.changes?.length) return [textReply('There are no changes since last year’s review to check.')];
  if (status.changesFingerprint !== fingerprint) {
    return [
      {
        summary: 'The changes since last year have changed since that message. Here they are now:',
        visibility: 'private',
        blocks: [
          { kind: 'text', text: 'The changes since last year have changed since that message. Here they are now:' },
          { kind: 'list', items: status.changes },
          {
            kind: 'actions',
            buttons: [
              { actionId: 'review.changes-ok', label: 'The changes are right', value: status.changesFingerprint },
            ],
          },
        ],
      },
    ];
  }
  await ctx.deps.stores.reviews.saveAnswers(
    roster.partnership.id!,
    year,
    [{ question: CHANGES_CONFIRMED, choice: null, text: fingerprint }],
    person!.id,
    now,
  );
  return [
    replaced(
      `Thanks: the ${plural(status.changes.length, 'change')} since the ${status.lastYear?.year} review ${status.changes.length === 1 ? 'is' : 'are'} marked as checked. They go into the export.`,
    ),
  ];
}

const text = (v: string | string[] | undefined): string =>
  (typeof v === 'string' ? v : Array.isArray(v) ? (v[0] ?? '') : '').trim();

const saveAnswers: FormHandler = async (ctx, values, context) => {
  const { roster, person } = ctx.scope;
  if (!can(person, 'review.answer')) return [textReply(person ? refusal('review.answer') : STALE)];
  const now = ctx.deps.clock.now();
  const { year, status } = await loadReview(ctx.deps.stores.reviews, roster, now);
  if (context !== String(year))
    return [
      textReply(
        `That form was for the ${context ?? 'an earlier'} review. Type \`/partnership review answer\` for the ${year} questions.`,
      ),
    ];
  if (status.submission)
    return [textReply(`The ${year} review was already marked as submitted; its answers are kept as submitted.`)];
  if (now > status.season.closes)
    return [textReply(`The ${year} review closed on ${formatDay(status.season.closes, roster.partnership.settings)}.`)];

  const problems: string[] = [];
  const answers: { question: string; choice: string | null; text: string }[] = [];
  for (const q of QUESTIONS) {
    const choice = text(values[q.id]).toLowerCase();
    const comment = text(values[commentField(q.id)]);
    if (choice && !CHOICES.includes(choice as Choice))
      problems.push(`“${q.title}”: choose Yes, Partly or No (got “${choice.slice(0, 20)}”).`);
    if (comment.length > MAX_ANSWER)
      problems.push(`“${q.title}”: the comment is ${comment.length} characters; keep it under ${MAX_ANSWER}.`);
    if (choice || comment) answers.push({ question: q.id, choice: choice || null, text: comment });
  }
  if (status.needsPlan) {
    for (const [id, label] of [
      [PLAN, 'The plan'],
      [TIMELINE, 'The timeline'],
    ] as const) {
      const value = text(values[id]);
      if (value.length > MAX_ANSWER)
        problems.push(`${label} is ${value.length} characters; keep it under ${MAX_ANSWER}.`);
      if (value) answers.push({ question: id, choice: null, text: value });
    }
  }
  if (problems.length) return [textReply(`Nothing was saved:\n${problems.join('\n')}`)];
  if (!answers.length)
    return [textReply('Nothing to save: choose Yes, Partly or No for at least one question, or write a comment.')];
  await ctx.deps.stores.reviews.saveAnswers(roster.partnership.id!, year, answers, person!.id, now);

  const after = (await loadReview(ctx.deps.stores.reviews, roster, now)).status;
  const blocks: Block[] = [{ kind: 'text', text: `Saved ${plural(answers.length, 'answer')} for the ${year} review.` }];
  if (after.outstanding.length)
    blocks.push({ kind: 'text', text: 'Still to do:' }, { kind: 'list', items: after.outstanding.map((o) => o.text) });
  else
    blocks.push({
      kind: 'text',
      text: 'Nothing is outstanding: the review is ready. Download it, submit it to Local Trust, then mark it as submitted.',
    });
  blocks.push({
    kind: 'actions',
    buttons: [statusButton, { actionId: 'review.export', label: 'Download (Markdown)', value: 'md' }],
  });
  return [
    { summary: `Saved ${plural(answers.length, 'answer')} for the ${year} review.`, blocks, visibility: 'private' },
  ];
};

export const reviewActions: Record<string, ActionHandler> = {
  'review.confirm': confirm,
  'review.answer': (ctx) => answerForm(ctx),
  'review.snooze': (ctx) => snooze(ctx, true),
  'review.changes-ok': changesOk,
  'review.export': (ctx, value) => download(ctx, value === 'csv' ? 'csv' : 'md'),
  'review.submit': (ctx) => submit(ctx),
};

export const reviewForms: Record<string, FormHandler> = {
  'review.answers': saveAnswers,
  [SETTINGS_FORM]: saveSettings,
};
