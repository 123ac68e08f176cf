// The pieces of the Slack adapter, built once per app by registerSlack (index.ts).
import type { App as BoltApp } from '@slack/bolt';
import type { Logger } from '../../src/services/ports/index.ts';
import type { Db } from '../persistence/database.ts';
import type { App } from '../server/app.ts';
import { createSlackApi, type SlackApi } from './api.ts';
import { SlackDelivery } from './deliver.ts';
import { DirectChannels } from './direct.ts';
import { SlackHome } from './home.ts';
import { SlackUsers } from './identity.ts';
import { InFlight } from '../../src/services/in-flight.ts';
import { SlackNotifier } from './notifier.ts';
import { PendingForms } from './pending-forms.ts';

export interface SlackParts {
  api: SlackApi;
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

export function buildParts(app: App, token: string, apiUrl: string | undefined): SlackParts {
  const logger: Logger = app.logger;
  const db: Db = app.database.db;
  const api = createSlackApi(token, apiUrl, logger);
  const users = new SlackUsers(api, logger, app.stores.directory);
  const direct = new DirectChannels(api, db);
  const forms = new PendingForms();
  const home = new SlackHome(app, api, users, forms);
  const delivery = new SlackDelivery(api, direct, forms, (origin, answer) =>
    home.publish(origin.conversation.workspaceId, origin.userId, answer),
  );
  const notifier = new SlackNotifier(api, direct, delivery, logger);
  return { api, users, direct, forms, home, delivery, notifier, inFlight: new InFlight() };
}
