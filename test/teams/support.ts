// Teams-shaped activities, posted over HTTP to the real server (startTestApp) whose replies go
// to a fake Bot Connector on loopback (the activities' serviceUrl).
import type { Clock, Logger } from '../../src/services/ports/index.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { startFakeBotConnector, type FakeBotConnector, type Posted } from '../fakes/bot-connector.ts';

export const TENANT = '72f988bf-0000-4000-8000-00000000a11c';
export const OTHER_TENANT = '0c1d2e3f-0000-4000-8000-0000000000b2';
export const BOT = { id: '28:4c6b7c51-bot', name: 'partnership-bot' };
export const TEAM_ID = '19:team-northfield@thread.tacv2';
export const CHANNEL_ID = '19:general-northfield@thread.tacv2';
export const GROUP_ID = '19:meeting-group@thread.v2';

export interface TeamsUser {
  id: string;
  aadObjectId: string;
  name: string;
  email?: string;
  tenantId?: string;
}

export const MARGARET: TeamsUser = {
  id: '29:1margaret',
  aadObjectId: '8d5c2a10-0000-4000-8000-000000000001',
  name: 'Margaret Okafor',
  email: 'margaret.okafor@example.org',
};
export const ROSA: TeamsUser = {
  id: '29:1rosa',
  aadObjectId: '8d5c2a10-0000-4000-8000-000000000011',
  name: 'Rosa Novak',
  email: 'rosa.novak@example.org',
};
export const STRANGER: TeamsUser = {
  id: '29:1stranger',
  aadObjectId: '8d5c2a10-0000-4000-8000-0000000000ff',
  name: 'Pat Stranger',
  email: 'pat@elsewhere.example',
};

export type Scope = 'personal' | 'channel' | 'groupChat';

export interface ActivityOptions {
  scope?: Scope;
  from?: TeamsUser;
  text?: string;
  value?: unknown;
  tenant?: string;
  /** the thread's root message id, for channel messages */
  thread?: string;
  replyToId?: string;
  mentions?: TeamsUser[];
  mentionBot?: boolean;
}

let counter = 1000;
export const nextId = () => `17000000${counter++}`;

export function conversationFor(
  scope: Scope,
  user: TeamsUser,
  thread?: string,
): { id: string; conversationType: Scope; isGroup?: boolean } {
  if (scope === 'personal') return { id: `a:personal-${user.id.slice(3)}`, conversationType: 'personal' };
  if (scope === 'groupChat') return { id: GROUP_ID, conversationType: 'groupChat', isGroup: true };
  return { id: `${CHANNEL_ID};messageid=${thread ?? '1700000000000'}`, conversationType: 'channel', isGroup: true };
}

/** A message (or Action.Submit) activity as Teams sends it. */
export function message(fake: FakeBotConnector, o: ActivityOptions = {}): Record<string, unknown> {
  const scope = o.scope ?? 'personal';
  const from = o.from ?? MARGARET;
  const tenant = o.tenant ?? TENANT;
  const mentionBot = o.mentionBot ?? scope !== 'personal';
  const entities: Record<string, unknown>[] = [];
  let text = o.text;
  if (text !== undefined) {
    for (const m of o.mentions ?? [])
      entities.push({ type: 'mention', text: `<at>${m.name}</at>`, mentioned: { id: m.id, name: m.name } });
    if (mentionBot) {
      text = `<at>${BOT.name}</at> ${text}`;
      entities.push({ type: 'mention', text: `<at>${BOT.name}</at>`, mentioned: BOT });
    }
  }
  return {
    type: 'message',
    id: nextId(),
    timestamp: new Date().toISOString(),
    channelId: 'msteams',
    serviceUrl: fake.url,
    from: { id: from.id, name: from.name, aadObjectId: from.aadObjectId },
    recipient: BOT,
    conversation: { ...conversationFor(scope, from, o.thread), tenantId: tenant },
    ...(text !== undefined ? { text, textFormat: 'plain' } : {}),
    ...(o.value !== undefined ? { value: o.value } : {}),
    ...(o.replyToId ? { replyToId: o.replyToId } : {}),
    entities,
    locale: 'en-GB',
    channelData: channelData(scope, tenant),
  };
}

function channelData(scope: Scope, tenant: string): Record<string, unknown> {
  if (scope !== 'channel') return { tenant: { id: tenant } };
  return {
    tenant: { id: tenant },
    team: { id: TEAM_ID },
    channel: { id: CHANNEL_ID },
    teamsTeamId: TEAM_ID,
    teamsChannelId: CHANNEL_ID,
  };
}

/** An Action.Execute click: the `adaptiveCard/action` invoke. */
export function invoke(
  fake: FakeBotConnector,
  verb: string,
  data: unknown,
  o: ActivityOptions = {},
): Record<string, unknown> {
  const base = message(fake, { ...o, text: undefined });
  return {
    ...base,
    type: 'invoke',
    name: 'adaptiveCard/action',
    value: { action: { type: 'Action.Execute', id: 'action-1', verb, data }, trigger: 'manual' },
    replyToId: o.replyToId ?? '1700000000999',
  };
}

/** installationUpdate (add) or conversationUpdate (bot added), as Teams sends on install. */
export function installEvent(
  fake: FakeBotConnector,
  kind: 'installationUpdate' | 'conversationUpdate',
  scope: Scope,
  o: { from?: TeamsUser; tenant?: string; action?: 'add' | 'remove' } = {},
): Record<string, unknown> {
  const from = o.from ?? MARGARET;
  const tenant = o.tenant ?? TENANT;
  const conversation =
    scope === 'channel' ? { id: CHANNEL_ID, conversationType: 'channel', isGroup: true } : conversationFor(scope, from);
  return {
    type: kind,
    id: nextId(),
    channelId: 'msteams',
    serviceUrl: fake.url,
    from: { id: from.id, name: from.name, aadObjectId: from.aadObjectId },
    recipient: BOT,
    conversation: { ...conversation, tenantId: tenant },
    channelData: channelData(scope, tenant),
    ...(kind === 'installationUpdate' ? { action: o.action ?? 'add' } : { membersAdded: [{ id: BOT.id }] }),
  };
}

export async function post(
  t: { url: string },
  activity: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: any }> {
  const res = await fetch(`${t.url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(activity),
  });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    // plain text (401 messages)
  }
  return { status: res.status, body };
}

export interface TeamsTest extends TestApp {
  fake: FakeBotConnector;
}

export async function startTeams(
  env: Record<string, string> = {},
  options: { logger?: Logger; clock?: Clock } = {},
): Promise<TeamsTest> {
  const fake = await startFakeBotConnector();
  for (const u of [MARGARET, ROSA, STRANGER])
    fake.members.set(u.id, {
      id: u.id,
      name: u.name,
      aadObjectId: u.aadObjectId,
      email: u.email,
      tenantId: u.tenantId ?? TENANT,
    });
  const t = await startTestApp({ SEED_DEMO: 'true', ...env }, options);
  return {
    ...t,
    fake,
    async close() {
      await t.close();
      await fake.close();
    },
  };
}

/** What the conversation's members see of posted activities: text, notification summary, cards. */
export const visibleText = (posts: { activity: Record<string, any> }[]): string =>
  posts.map((p) => JSON.stringify([p.activity.text, p.activity.summary, p.activity.attachments])).join('\n');

/** The Adaptive Card in a posted activity (or undefined for a text message). */
export const cardOf = (p: Posted | undefined): any => p?.activity.attachments?.[0]?.content;
