// A core reply as a Teams message activity: an Adaptive Card, or plain text when the reply is
// one paragraph (Teams shows a short answer better as text than as a card).
import { ActivityTypes, CardFactory, type Activity, type AdaptiveCardInvokeResponse } from 'botbuilder';
import type { Reply } from '../../src/bot/reply.ts';
import { renderCard } from './cards/render.ts';

export function toActivity(reply: Reply): Partial<Activity> {
  const [only, ...more] = reply.blocks;
  if (only?.kind === 'text' && more.length === 0) {
    return { type: ActivityTypes.Message, text: only.text, textFormat: 'markdown' };
  }
  // `summary` is what Teams shows in notifications and the activity feed.
  return { type: ActivityTypes.Message, summary: reply.summary, attachments: [CardFactory.adaptiveCard(renderCard(reply))] };
}

export const textActivity = (text: string): Partial<Activity> => ({ type: ActivityTypes.Message, text, textFormat: 'plain' });

/** Answer to an Action.Execute: the card that replaces the one clicked. */
export const cardResponse = (reply: Reply): AdaptiveCardInvokeResponse => ({
  statusCode: 200,
  type: 'application/vnd.microsoft.card.adaptive',
  value: renderCard(reply) as unknown as AdaptiveCardInvokeResponse['value'],
});

/** Answer to an Action.Execute that leaves the card as it is and shows a short message to the person who clicked. */
export const messageResponse = (text: string): AdaptiveCardInvokeResponse => ({
  statusCode: 200,
  type: 'application/vnd.microsoft.activity.message',
  value: text as unknown as AdaptiveCardInvokeResponse['value'],
});
