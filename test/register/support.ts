// The real bot on a demo database (Northfield Big Local), with people addressed by their roster
// email, in a direct chat or in a channel bound to the partnership. Nothing of ours is faked.
import { createBot } from '../../src/bot/bot.ts';
import type { Inbound, Request } from '../../src/domain/chat/inbound.ts';
import type { Button, Form, Reply } from '../../src/domain/chat/reply.ts';
import { replyText } from '../../src/domain/chat/reply.ts';
import { silentLogger } from '../../adapters/log.ts';
import type { Clock } from '../../src/services/ports/index.ts';
import { createDemoDatabase } from '../support/db.ts';

export const CHANNEL = 'C-partnership';
export const NOW = new Date('2026-03-03T10:00:00Z');

export const EMAIL = {
  chair: 'margaret.okafor@example.org',
  vice: 'david.hughes@example.org',
  secretary: 'priya.patel@example.org',
  treasurer: 'tom.whitfield@example.org',
  sarah: 'sarah.whitfield@example.org',
  aisha: 'aisha.rahman@example.org',
  gareth: 'gareth.jones@example.org',
  kwame: 'kwame.mensah@example.org',
  helen: 'helen.brooks@example.org',
  rosa: 'rosa.novak@example.org',
  linda: 'linda.marsh@example.org',
  worker: 'jo.brooks@example.org',
  rep: 'sam.taylor@example.org',
} as const;
export type Who = keyof typeof EMAIL;

export async function demo(clock: Clock = { now: () => NOW }) {
  const db = await createDemoDatabase();
  const bot = createBot({ stores: db.stores, clock, logger: silentLogger });
  const roster = await db.stores.rosters.loadRoster(db.partnership.id);
  await db.stores.directory.bindChannel(
    { partnershipId: db.partnership.id, platform: 'web', workspaceId: 'local', channelId: CHANNEL },
    roster.people[0]!.id,
  );
  const idOf = (name: string): string => {
    const p = roster.people.find((x) => x.name === name);
    if (!p) throw new Error(`no ${name} in the demo roster`);
    return p.id;
  };
  const send = (who: Who | 'stranger', inbound: Inbound, where: 'direct' | 'channel'): Promise<Reply[]> => {
    const request: Request = {
      conversation: {
        platform: 'web',
        workspaceId: 'local',
        channelId: where === 'channel' ? CHANNEL : `D-${who}`,
        kind: where,
      },
      speaker: { userId: `U-${who}`, workspaceId: 'local', ...(who === 'stranger' ? {} : { email: EMAIL[who] }) },
      inbound,
    };
    return bot.handle(request);
  };
  const as = (who: Who | 'stranger', where: 'direct' | 'channel' = 'direct') => ({
    command: (text: string) => send(who, { type: 'command', text }, where),
    say: (text: string) => send(who, { type: 'text', text }, where),
    click: (button: Button) => send(who, { type: 'action', actionId: button.actionId, value: button.value }, where),
    action: (actionId: string, value: string) => send(who, { type: 'action', actionId, value }, where),
    submit: (form: Form, values: Record<string, string>) =>
      send(who, { type: 'form', formId: form.id, values, context: form.context }, where),
  });
  const audit = (action: string) => db.database.db.auditEvent.findMany({ where: { action }, orderBy: { at: 'asc' } });
  return { db, bot, roster, idOf, as, audit, close: () => db.close() };
}
export type Demo = Awaited<ReturnType<typeof demo>>;

export function only(replies: Reply[]): Reply {
  if (replies.length !== 1) throw new Error(`expected one reply, got ${replies.length}`);
  return replies[0]!;
}

export const textOf = (r: Reply | Reply[]): string => (Array.isArray(r) ? r.map(replyText).join('\n') : replyText(r));

export function buttons(r: Reply): Button[] {
  return r.blocks.flatMap((b) => (b.kind === 'actions' ? b.buttons : []));
}

export function button(r: Reply, label: string | RegExp): Button {
  const found = buttons(r).find((b) => (typeof label === 'string' ? b.label === label : label.test(b.label)));
  if (!found)
    throw new Error(
      `no button ${String(label)} in: ${buttons(r)
        .map((b) => b.label)
        .join(', ')}`,
    );
  return found;
}

export function formOf(r: Reply): Form {
  const block = r.blocks.find((b) => b.kind === 'form');
  if (!block || block.kind !== 'form') throw new Error(`no form in: ${r.summary}`);
  return block.form;
}

/** Text that must never reach a channel: register entries, relationship chains, residency. */
export const SENSITIVE = [
  /register of interests:/i,
  /trustee since/i,
  /café manager/i,
  /finance officer/i,
  /\b(director|trustee|employee|volunteer|owner|contractor) of\b/i,
  /spouse/i,
  /sibling/i,
  /close friend/i,
  /household/i,
  /relative/i,
  /\bparent\b/i,
  /\bchild\b/i,
  /\bresident/i,
  /declared/i,
  /coaches the youth team/i,
  /would benefit/i,
];

/** Every channel-visible reply (text and button values) is free of sensitive text. */
export function channelSafe(replies: readonly Reply[]): string[] {
  const offences: string[] = [];
  for (const r of replies.filter((x) => x.visibility === 'channel')) {
    const all = `${replyText(r)}\n${buttons(r)
      .map((b) => b.value)
      .join('\n')}`;
    for (const pattern of SENSITIVE) if (pattern.test(all)) offences.push(`${pattern} in: ${r.summary}`);
  }
  return offences;
}
