// What the review's handlers hand to its services (who is acting, with what), and how a review
// refusal is answered: the shared ones through answerRefusal (which audits a refused click), the
// review's own in the words of src/bot/views/review-refusals.ts.
import { textReply, type Reply } from '../../domain/chat/reply.ts';
import type { ReviewRefusal } from '../../services/review/refusals.ts';
import type { SettingsRefusal } from '../../services/settings.ts';
import { answerRefusal } from '../refused.ts';
import { isSharedRefusal, reviewRefusalText, type ReviewPlace } from '../views/review-refusals.ts';
import { settingsRefusedText } from '../views/review-settings.ts';
import type { ScopedContext } from './types.ts';

const interactive = (ctx: ScopedContext): boolean =>
  ctx.request.inbound.type === 'action' || ctx.request.inbound.type === 'form';

export interface RefusalWords {
  /** what a typed command from someone the roster does not know is told (a click gets the shared words) */
  unknown?: string;
  /** what someone the table does not allow is told (default: who may, from the table) */
  notPermitted?: string;
}

export function answerReviewRefusal(
  ctx: ScopedContext,
  refused: ReviewRefusal | SettingsRefusal,
  place: ReviewPlace,
  words: RefusalWords = {},
): Promise<Reply[]> {
  if (refused.code === 'settings-invalid') return Promise.resolve([textReply(settingsRefusedText(refused.issues))]);
  if (!isSharedRefusal(refused))
    return Promise.resolve([textReply(reviewRefusalText(refused, ctx.scope.roster.partnership.settings, place))]);
  if (refused.code === 'unknown-person')
    return answerRefusal(ctx, refused, interactive(ctx) ? undefined : words.unknown);
  if (refused.code === 'not-permitted') return answerRefusal(ctx, refused, words.notPermitted);
  return answerRefusal(ctx, refused);
}
