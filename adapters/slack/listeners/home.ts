// The App Home tab opened: published afresh (views.publish) with the person's own page.
import type { App as BoltApp } from '@slack/bolt';
import type { Origin } from '../deliver.ts';
import { homeConversation } from '../home.ts';
import type { ListenerContext } from './context.ts';

export function register(bolt: BoltApp, ctx: ListenerContext): void {
  const s = ctx.slack;
  bolt.event('app_home_opened', async ({ event, body }) => {
    if (event.tab !== 'home') return;
    const origin: Origin = {
      conversation: homeConversation(body.team_id, event.user),
      userId: event.user,
      privateChannel: false,
      home: true,
    };
    await ctx.guard('home', origin, async () => {
      if (event.channel?.startsWith('D')) await s.direct.remember(body.team_id, event.user, event.channel);
      await s.home.publish(body.team_id, event.user);
    });
  });
}
