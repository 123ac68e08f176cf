// The matrix's actors as accounts on each surface, and how to send them: signed Slack requests to
// the real server (fake Slack Web API), Teams activities to the real server (fake Bot Connector),
// the playground's JSON API. Everything the actor is shown after a request is read back as text.
import { randomUUID } from 'node:crypto';
import type { Inbound } from '../../src/domain/chat/inbound.ts';
import type { FakeUser } from '../fakes/slack-api.ts';
import type { FakeBotConnector } from '../fakes/bot-connector.ts';
import {
  CHANNEL as SLACK_CHANNEL,
  TEAM,
  click,
  command,
  settle,
  submitView,
  type SlackTest,
} from '../slack/support.ts';
import { CHANNEL_ID, OTHER_TENANT, TENANT, message, post, type TeamsTest, type TeamsUser } from '../teams/support.ts';
import { ACTOR_KINDS, ACTORS, type ActorKind, type Where } from './matrix.ts';

const slug = (actor: ActorKind) => actor.replace(/[^a-z]/g, '').toUpperCase();

// ---- Slack ----

export const SLACK_OTHER_TEAM = 'T2ELSEWHERE';

export const slackUsers: Record<ActorKind, FakeUser> = Object.fromEntries(
  ACTOR_KINDS.map((a) => [
    a,
    {
      id: `U${slug(a)}`,
      teamId: a === 'other-workspace' ? SLACK_OTHER_TEAM : TEAM,
      email: ACTORS[a].email,
      name: ACTORS[a].name ?? a,
    },
  ]),
) as Record<ActorKind, FakeUser>;

/** The Slack channel for a probe: the actor's DM with the bot, the bound channel, or a fresh one. */
export const slackChannel = (actor: ActorKind, where: Where, fresh: string) =>
  where === 'direct' ? `D${slackUsers[actor].id}` : where === 'channel' ? SLACK_CHANNEL : fresh;

/** Sends an inbound as Slack would (slash command, click, or modal submission); returns what the fake Slack API was asked to show. */
export async function sendSlack(
  t: SlackTest,
  actor: ActorKind,
  where: Where,
  inbound: Inbound,
  fresh = 'C0FRESH',
): Promise<{ status: number; shown: string }> {
  const user = slackUsers[actor];
  const channel = slackChannel(actor, where, fresh);
  const mark = t.fake.calls.length;
  let status: number;
  if (inbound.type === 'command') {
    // a guest from another workspace speaks in the bound channel's workspace; elsewhere in their own
    status = (await command(t, inbound.text, { user, channel, team: where === 'channel' ? TEAM : user.teamId })).res
      .status;
  } else if (inbound.type === 'action') {
    status = (await click(t, inbound.actionId, inbound.value, { user, channel })).res.status;
  } else if (inbound.type === 'form') {
    const values = Object.fromEntries(
      Object.entries(inbound.values).map(([k, v]) => [
        k,
        { [k]: { type: 'plain_text_input', value: Array.isArray(v) ? v.join(',') : v } },
      ]),
    );
    const metadata = JSON.stringify({ ...(inbound.context !== undefined ? { c: inbound.context } : {}), ch: channel });
    status = (await submitView(t, inbound.formId, values, metadata, { user })).status;
  } else {
    throw new Error('the Slack probes send commands, clicks and forms');
  }
  await settle(t.app);
  return {
    status,
    shown: t.fake.calls
      .slice(mark)
      .map((c) => JSON.stringify(c.args))
      .join('\n'),
  };
}

// ---- Teams ----

export const teamsUsers: Record<ActorKind, TeamsUser> = Object.fromEntries(
  ACTOR_KINDS.map((a, i) => [
    a,
    {
      id: `29:1${slug(a).toLowerCase()}`,
      aadObjectId: `8d5c2a10-0000-4000-8000-${String(900 + i).padStart(12, '0')}`,
      name: ACTORS[a].name ?? 'Pat',
      email: ACTORS[a].email,
      tenantId: a === 'other-workspace' ? OTHER_TENANT : TENANT,
    },
  ]),
) as Record<ActorKind, TeamsUser>;

/** Makes the fake Bot Connector know every actor (member lookups give their email and tenant). */
export function registerTeamsUsers(fake: FakeBotConnector): void {
  for (const u of Object.values(teamsUsers))
    fake.members.set(u.id, {
      id: u.id,
      name: u.name,
      aadObjectId: u.aadObjectId,
      email: u.email,
      tenantId: u.tenantId,
    });
}

/** A Teams activity for the inbound: typed text, or an Action.Submit carrying our route data. */
export function teamsActivity(
  fake: FakeBotConnector,
  actor: ActorKind,
  where: Where,
  inbound: Inbound,
  fresh = '19:fresh@thread.tacv2',
): Record<string, unknown> {
  const from = teamsUsers[actor];
  const tenant = from.tenantId ?? TENANT;
  const scope = where === 'direct' ? 'personal' : 'channel';
  const text =
    inbound.type === 'command' ? `/partnership ${inbound.text}` : inbound.type === 'text' ? inbound.text : undefined;
  const value =
    inbound.type === 'action'
      ? { pb: { kind: 'action', actionId: inbound.actionId, value: inbound.value } }
      : inbound.type === 'form'
        ? {
            pb: {
              kind: 'form',
              formId: inbound.formId,
              ...(inbound.context !== undefined ? { context: inbound.context } : {}),
            },
            ...Object.fromEntries(Object.entries(inbound.values).map(([k, v]) => [`field.${k}`, v])),
          }
        : undefined;
  const activity = message(fake, {
    scope,
    from,
    tenant,
    ...(text !== undefined ? { text } : {}),
    ...(value ? { value, replyToId: '1700000000999' } : {}),
  });
  if (where !== 'fresh') return activity;
  const conversation = {
    ...(activity.conversation as Record<string, unknown>),
    id: `${fresh};messageid=1700000000000`,
  };
  return {
    ...activity,
    conversation,
    channelData: { tenant: { id: tenant }, team: { id: `19:team-${fresh}` }, channel: { id: fresh } },
  };
}

/** Posts the activity; returns what the fake Bot Connector was asked to post, create or update since. */
export async function sendTeams(
  t: TeamsTest,
  actor: ActorKind,
  where: Where,
  inbound: Inbound,
  fresh?: string,
): Promise<{ status: number; shown: string }> {
  const mark = { posted: t.fake.posted.length, updated: t.fake.updated.length };
  const res = await post(t, teamsActivity(t.fake, actor, where, inbound, fresh));
  await t.app.background.settled(); // a card refreshed after the answer is shown too
  const shown = [...t.fake.posted.slice(mark.posted), ...t.fake.updated.slice(mark.updated)].map((p) =>
    JSON.stringify(p.activity),
  );
  return { status: res.status, shown: [JSON.stringify(res.body ?? ''), ...shown].join('\n') };
}

export const teamsFresh = (n: string) => `19:${n.toLowerCase()}@thread.tacv2`;
export const TEAMS_CHANNEL = CHANNEL_ID;

// ---- the playground ----

/** POST /playground/api/send as a demo person; everything the person is shown comes back in the answer. */
export async function sendWeb(
  url: string,
  personId: string,
  where: Where,
  inbound: Inbound,
): Promise<{ status: number; shown: string; body: any }> {
  const res = await fetch(`${url}/playground/api/send`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      person: personId,
      conversation: where === 'direct' ? 'direct' : 'channel',
      inbound,
      deliveryId: randomUUID().replace(/-/g, ''),
    }),
  });
  const body = (await res.json()) as any;
  return { status: res.status, shown: JSON.stringify(body), body };
}
