// The pieces of the Slack adapter, built once per app by registerSlack (index.ts).
import type { App as BoltApp } from '@slack/bolt';
import type { Clock, Logger, Notifier, Stores } from '../../src/services/ports/index.ts';
import { apiSource, type ApiFor, type SlackApi } from './api.ts';
import { SlackDelivery } from './deliver.ts';
import { DirectChannels, type DirectChannelStore } from './direct.ts';
import { SlackHome } from './home.ts';
import { SlackUsers } from './identity.ts';
import { InFlight } from '../../src/services/in-flight.ts';
import { SlackNotifier } from './notifier.ts';
import { PendingForms } from './pending-forms.ts';

export interface SlackParts {
  /** the client for a workspace: its own installation's token when many workspaces install the app */
  apiFor: ApiFor;
  users: SlackUsers;
  direct: DirectChannels;
  forms: PendingForms;
  home: SlackHome;
  delivery: SlackDelivery;
  notifier: SlackNotifier;
  /** work after the acknowledgement; shutdown and tests wait for it */
  inFlight: InFlight;
  /** set once Bolt is built */
  bolt?: BoltApp;
}

/** What the pieces need from the app. */
export interface SlackPartsContext {
  /** the Home tab is the core's own page (src/bot/home.ts), so it reads the stores */
  stores: Stores;
  clock: Clock;
  logger: Logger;
  notifier: Notifier;
  /** where the bot's direct-message channels are remembered */
  directChannels: DirectChannelStore;
}

/** `clients`: one client (single-workspace mode) or each workspace's own (clients.ts). */
export function buildParts(ctx: SlackPartsContext, clients: SlackApi | ApiFor): SlackParts {
  const { logger } = ctx;
  const api = apiSource(clients);
  const users = new SlackUsers(api, logger, ctx.stores.directory);
  const direct = new DirectChannels(api, ctx.directChannels);
  const forms = new PendingForms();
  const home = new SlackHome(ctx, api, users, forms);
  const delivery = new SlackDelivery(api, direct, forms, (origin, answer) =>
    home.publish(origin.conversation.workspaceId, origin.userId, answer),
  );
  const notifier = new SlackNotifier(api, direct, delivery, logger);
  return { apiFor: api, users, direct, forms, home, delivery, notifier, inFlight: new InFlight() };
}
