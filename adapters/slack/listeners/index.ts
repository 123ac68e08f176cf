// The Bolt listeners, one module per kind of payload, each registering itself with the Bolt app.
// Order as Slack's kinds are listed in Bolt: commands, events, the Home tab, clicks, modals.
import type { App as BoltApp } from '@slack/bolt';
import { register as registerActions } from './actions.ts';
import { register as registerCommands } from './commands.ts';
import { listenerContext, type ListenerDeps } from './context.ts';
import { register as registerEvents } from './events.ts';
import { register as registerHome } from './home.ts';
import { register as registerViews } from './views.ts';

export type { ListenerDeps } from './context.ts';

export function registerListeners(bolt: BoltApp, deps: ListenerDeps): void {
  const ctx = listenerContext(deps);
  registerCommands(bolt, ctx);
  registerEvents(bolt, ctx);
  registerHome(bolt, ctx);
  registerActions(bolt, ctx);
  registerViews(bolt, ctx);
}
