// A partnership ready for decisions: the demo roster (or a given one) in a real SQLite database,
// a channel bound to it, every person linked to a chat account, the bot with a recording notifier
// and a clock the test moves.
import { createBot, type Bot } from '../../src/bot/bot.ts';
import type { Conversation, Inbound } from '../../src/domain/chat/inbound.ts';
import type { Reply } from '../../src/domain/chat/reply.ts';
import type { Roster } from '../../src/domain/roster.ts';
import { parseSettings, type PartnershipSettings } from '../../src/domain/settings.ts';
import type { Clock, PartnershipRef } from '../../src/services/ports/index.ts';
import { silentLogger } from '../../adapters/log.ts';
import { createDemoDatabase, createTestDatabase, type TestDatabase } from '../support/db.ts';
import { RecordingNotifier } from '../support/recording-notifier.ts';

export class TestClock implements Clock {
  constructor(public at: Date) {}
  now(): Date {
    return new Date(this.at);
  }
  set(iso: string): void {
    this.at = new Date(iso);
  }
}

/** Tue 20 Oct 2026, 10:15 in London (British Summer Time): the week the clocks go back. */
export const TUESDAY = '2026-10-20T09:15:00Z';

export const CHANNEL: Conversation = {
  platform: 'web',
  workspaceId: 'local',
  channelId: 'C-partnership',
  kind: 'channel',
};
export const userIdOf = (name: string) => `u-${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;

export interface World {
  db: TestDatabase;
  partnership: PartnershipRef;
  bot: Bot;
  notifier: RecordingNotifier;
  clock: TestClock;
  id(name: string): string;
  /** what `name` gets back for a request in the channel (or in a direct chat) */
  send(name: string, inbound: Inbound, where?: 'channel' | 'direct'): Promise<Reply[]>;
  command(name: string, text: string, where?: 'channel' | 'direct'): Promise<Reply[]>;
  click(name: string, actionId: string, value: string, where?: 'channel' | 'direct'): Promise<Reply[]>;
  submit(
    name: string,
    formId: string,
    values: Record<string, string | string[]>,
    context?: string,
    where?: 'channel' | 'direct',
  ): Promise<Reply[]>;
  settings(patch: Partial<PartnershipSettings>): Promise<void>;
  /** start a decision as `by` (default the chair) and return its id */
  start(values: Record<string, string>, by?: string): Promise<string>;
  close(): Promise<void>;
}

export async function createWorld(
  options: { roster?: Roster; slug?: string; at?: string; settings?: Partial<PartnershipSettings> } = {},
): Promise<World> {
  let db: TestDatabase;
  let partnership: PartnershipRef;
  if (options.roster) {
    db = await createTestDatabase();
    partnership = (await db.stores.rosters.importRoster(options.slug ?? 'bigroster', options.roster)).partnership;
  } else {
    const demo = await createDemoDatabase();
    db = demo;
    partnership = demo.partnership;
  }
  const roster = await db.stores.rosters.loadRoster(partnership.id);
  const ids = new Map(roster.people.map((p) => [p.name, p.id]));
  const chair = roster.people.find((p) => p.roles.includes('chair'))!;
  await db.stores.directory.bindChannel(
    { partnershipId: partnership.id, platform: 'web', workspaceId: 'local', channelId: CHANNEL.channelId },
    chair.id,
  );
  for (const p of roster.people) await db.stores.directory.linkIdentity(p.id, 'web', 'local', userIdOf(p.name));
  const clock = new TestClock(new Date(options.at ?? TUESDAY));
  const notifier = new RecordingNotifier();
  const bot = createBot({ stores: db.stores, clock, logger: silentLogger, notifier });
  const send = (name: string, inbound: Inbound, where: 'channel' | 'direct' = 'channel') =>
    bot.handle({
      conversation:
        where === 'channel'
          ? CHANNEL
          : { platform: 'web', workspaceId: 'local', channelId: `D-${userIdOf(name)}`, kind: 'direct' },
      speaker: { userId: userIdOf(name), workspaceId: 'local' },
      inbound,
    });
  const world: World = {
    db,
    partnership,
    bot,
    notifier,
    clock,
    id: (name) => {
      const id = ids.get(name);
      if (!id) throw new Error(`no ${name} on the test roster`);
      return id;
    },
    send,
    command: (name, text, where) => send(name, { type: 'command', text }, where),
    click: (name, actionId, value, where) => send(name, { type: 'action', actionId, value }, where),
    submit: (name, formId, values, context, where) => send(name, { type: 'form', formId, values, context }, where),
    async settings(patch) {
      const current = (await db.stores.rosters.getPartnership(partnership.id))!.settings;
      await db.stores.rosters.updateSettings(partnership.id, parseSettings({ ...current, ...patch }), null);
    },
    async start(values, by = chair.name) {
      const before = new Set((await db.stores.decisions.list(partnership.id)).map((d) => d.id));
      const replies = await world.submit(by, 'decision.create', { closes: 'Friday 5pm', ...values });
      const created = (await db.stores.decisions.list(partnership.id)).find((d) => !before.has(d.id));
      if (!created) throw new Error(`decision not created: ${replies.map((r) => r.summary).join(' | ')}`);
      return created.id;
    },
    close: () => db.close(),
  };
  if (options.settings) await world.settings(options.settings);
  return world;
}
