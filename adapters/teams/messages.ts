// A core reply as a Teams message activity: an Adaptive Card, or plain text when the reply is
// one paragraph (Teams shows a short answer better as text than as a card).
import { ActivityTypes, CardFactory, type Activity, type AdaptiveCardInvokeResponse } from 'botbuilder';
import type { Reply } from '../../src/domain/chat/reply.ts';
import { renderCard } from './cards/render.ts';

export function toActivity(reply: Reply): Partial<Activity> {
  const [only, ...more] = reply.blocks;
  if (only?.kind === 'text' && more.length === 0) {
    return { type: ActivityTypes.Message, text: only.text, textFormat: 'markdown' };
  }
  // `summary` is what Teams shows in notifications and the activity feed.
  return {
    type: ActivityTypes.Message,
    summary: reply.summary,
    attachments: [CardFactory.adaptiveCard(renderCard(reply))],
  };
}

export const textActivity = (text: string): Partial<Activity> => ({
  type: ActivityTypes.Message,
  text,
  textFormat: 'plain',
});

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

/**
 * Answer to an invoke this bot does not handle. Universal Actions' response format carries the
 * result in the body ("a client application MUST always look at the statusCode property in the
 * response's body"), with HTTP 200 once the bot has looked at the request; botbuilder's
 * sub-status for an unhandled invoke is 501. docs/teams.md has the sources.
 */
export const notImplementedResponse = (name: string): { status: number; body: AdaptiveCardInvokeResponse } => ({
  status: 200,
  body: {
    statusCode: 501,
    type: 'application/vnd.microsoft.error',
    value: {
      code: 'NotImplemented',
      message: `partnership-bot does not handle the invoke “${name.slice(0, 100)}”.`,
    } as unknown as AdaptiveCardInvokeResponse['value'],
  },
});
