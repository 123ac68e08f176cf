// A Teams Adaptive Card Action.Execute click: an `invoke` activity named adaptiveCard/action,
// answered in the HTTP response (no Bot Connector call needed for the answer itself).
import type { LoadRequest } from './load.ts';

export interface InvokeOptions {
  verb: string;
  data: Record<string, unknown>;
  /** who clicks (AAD object id stands in for a Teams user) */
  userId: string;
  serviceUrl: string;
  /** a channel's conversation id; ignored when `personal` */
  conversationId?: string;
  /** clicked in the member's personal chat with the bot (where Teams delivers private cards: prompts, ballots) */
  personal?: boolean;
  path?: string;
}

/** The bot's personal chat with a member, as the benchmarks name it. */
export const personalChatId = (userId: string) => `a:personal-${userId}`;

export function adaptiveCardInvoke(o: InvokeOptions): LoadRequest {
  const activity = {
    type: 'invoke',
    name: 'adaptiveCard/action',
    id: `bench-${o.userId}-${Date.now()}`,
    timestamp: new Date().toISOString(),
    channelId: 'msteams',
    serviceUrl: o.serviceUrl,
    from: { id: `29:${o.userId}`, aadObjectId: o.userId, name: o.userId },
    recipient: { id: '28:bench-bot', name: 'partnership-bot' },
    conversation: o.personal
      ? { id: personalChatId(o.userId), conversationType: 'personal', tenantId: 'bench-tenant' }
      : { id: o.conversationId ?? '19:bench@thread.tacv2', conversationType: 'channel', tenantId: 'bench-tenant' },
    channelData: { tenant: { id: 'bench-tenant' } },
    value: { action: { type: 'Action.Execute', verb: o.verb, data: o.data }, trigger: 'manual' },
  };
  return {
    path: o.path ?? '/api/messages',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(activity),
  };
}
