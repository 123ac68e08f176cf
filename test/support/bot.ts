// Talking to the real bot core (createBot) over a real database, as an adapter would.
import { createBot, type Bot } from '../../src/bot/bot.ts';
import type { Conversation, Inbound } from '../../src/domain/chat/inbound.ts';
import { replyText, type Reply } from '../../src/domain/chat/reply.ts';
import { silentLogger } from '../../adapters/log.ts';
import { systemClock, type Stores } from '../../src/services/ports/index.ts';

export interface Who {
  userId: string;
  email?: string;
  workspaceId?: string;
}

export interface Where {
  channelId: string;
  kind: Conversation['kind'];
  workspaceId?: string;
  platform?: Conversation['platform'];
}

export const DM: Where = { channelId: 'D-direct', kind: 'direct' };
export const channel = (channelId: string, workspaceId = 'T1'): Where => ({ channelId, kind: 'channel', workspaceId });

/** People of the demo partnership (prisma/seed/demo-partnership.json), as chat users. */
export const DEMO = {
  chair: { userId: 'U-margaret', email: 'margaret.okafor@example.org' },
  viceChair: { userId: 'U-david', email: 'david.hughes@example.org' },
  treasurer: { userId: 'U-tom', email: 'tom.whitfield@example.org' },
  member: { userId: 'U-gareth', email: 'gareth.jones@example.org' },
  worker: { userId: 'U-jo', email: 'jo.brooks@example.org' },
  rep: { userId: 'U-sam', email: 'sam.taylor@example.org' },
  stranger: { userId: 'U-stranger' },
} satisfies Record<string, Who>;

export interface Talk {
  bot: Bot;
  /** Send text (or any inbound) and get every reply. */
  say(who: Who, where: Where, inbound: string | Inbound): Promise<Reply[]>;
  /** The single reply, as searchable text with its visibility. */
  ask(who: Who, where: Where, inbound: string | Inbound): Promise<{ reply: Reply; text: string }>;
}

export function talkTo(stores: Stores): Talk {
  const bot = createBot({ stores, clock: systemClock, logger: silentLogger });
  const say = (who: Who, where: Where, inbound: string | Inbound) =>
    bot.handle({
      conversation: {
        platform: where.platform ?? 'slack',
        workspaceId: where.workspaceId ?? 'T1',
        channelId: where.channelId,
        kind: where.kind,
      },
      speaker: {
        userId: who.userId,
        workspaceId: who.workspaceId ?? where.workspaceId ?? 'T1',
        ...(who.email ? { email: who.email } : {}),
      },
      inbound: typeof inbound === 'string' ? { type: 'text', text: inbound } : inbound,
    });
  return {
    bot,
    say,
    async ask(who, where, inbound) {
      const replies = await say(who, where, inbound);
      if (replies.length !== 1) throw new Error(`expected one reply, got ${replies.length}`);
      return { reply: replies[0]!, text: replyText(replies[0]!) };
    },
  };
}

export const command = (text: string): Inbound => ({ type: 'command', text });
export const click = (actionId: string, value = ''): Inbound => ({ type: 'action', actionId, value });
