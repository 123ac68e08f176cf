// The conversation layer: a request in, replies out. Platform-neutral: adapters translate their
// payloads into a Request and render the replies.
import { ACTIONS, COMMANDS, FORMS, findCommand, help } from './commands/index.ts';
import type { Command, CommandContext, ScopedContext } from './commands/types.ts';
import { EXPLAIN, resolve, type BotDeps, type Resolution } from './context.ts';
import { withoutControlCharacters, type Request } from '../domain/chat/inbound.ts';
import { refuse } from './refuse.ts';
import type { Reply } from '../domain/chat/reply.ts';
import { reply, textReply } from '../domain/chat/reply.ts';
import { EventBus } from '../services/events.ts';
import { subscribeNotifications } from './notifications/index.ts';
import { createChannelGuard, type ChannelGuard } from './channel-guard.ts';

export type { BotDeps } from './context.ts';

export interface Bot {
  handle(request: Request): Promise<Reply[]>;
}

/** Upper bound on text we parse: Slack allows 40,000 characters, nobody types a command that long. */
const MAX_TEXT = 4000;

export function createBot(given: BotDeps): Bot {
  const deps: BotDeps = { ...given, events: given.events ?? subscribeNotifications(new EventBus(), given) };
  const guard = createChannelGuard(deps);
  return { handle: (request) => handle(request, deps, guard) };
}

/** Every answer passes the one channel guard on its way out (src/bot/channel-guard.ts). */
async function handle(raw: Request, deps: BotDeps, guard: ChannelGuard): Promise<Reply[]> {
  const request: Request = { ...raw, inbound: withoutControlCharacters(raw.inbound) };
  const resolution = await resolve(request, deps);
  const replies = await answer(request, deps, resolution);
  const known =
    resolution.status === 'ok' ? { partnershipId: resolution.partnership.id, roster: resolution.roster } : undefined;
  return Promise.all(replies.map((r) => guard.screen(request.conversation, r, known)));
}

async function answer(request: Request, deps: BotDeps, resolution: Resolution): Promise<Reply[]> {
  const { inbound } = request;
  const base: CommandContext = { request, deps, resolution, inChannel: false, args: '' };
  switch (inbound.type) {
    case 'command': {
      const text = clean(inbound.text);
      const [word = '', ...rest] = text.split(/\s+/);
      if (!word) return run(help, { ...base, args: '' });
      const command = findCommand(word);
      if (!command) return [unknownCommand(word)];
      return run(command, { ...base, args: rest.join(' ') });
    }
    case 'text': {
      const text = clean(inbound.text);
      const inChannel = request.conversation.kind !== 'direct';
      for (const command of COMMANDS) {
        for (const matches of command.intents ?? []) {
          const args = matches(text);
          if (args !== null) return run(command, { ...base, inChannel, args });
        }
      }
      return [notUnderstood(text, inChannel)];
    }
    case 'action': {
      if (inbound.actionId.startsWith('run.')) {
        const command = findCommand(inbound.actionId.slice(4));
        return command ? run(command, { ...base, args: '' }) : [unknownAction()];
      }
      // Each handler calls its service, which checks the permission (and the handler answers and
      // audits a refusal): there is no second check here.
      const handler = own(ACTIONS, inbound.actionId);
      if (!handler) return [unknownAction()];
      return scoped(base, (ctx) => handler(ctx, inbound.value.slice(0, MAX_TEXT)));
    }
    case 'form': {
      const handler = own(FORMS, inbound.formId);
      if (!handler) return [unknownAction()];
      return scoped(base, (ctx) => handler(ctx, inbound.values, inbound.context));
    }
  }
}

/** Ids come from outside: only the table's own entries count, never "__proto__" or "toString". */
const own = <T>(table: Record<string, T>, key: string): T | undefined =>
  Object.hasOwn(table, key) ? table[key] : undefined;

const clean = (text: string): string => text.slice(0, MAX_TEXT).replace(/\s+/g, ' ').trim();

function run(command: Command, ctx: CommandContext): Promise<Reply[]> {
  if (!command.needsPartnership) return command.run(ctx);
  return scoped(ctx, (c) => command.run(c));
}

async function scoped(ctx: CommandContext, fn: (ctx: ScopedContext) => Promise<Reply[]>): Promise<Reply[]> {
  const r: Resolution = ctx.resolution;
  if (r.status !== 'ok') {
    // A click or a form from a conversation that is not this person's partnership's: refused and audited.
    const interactive = ctx.request.inbound.type === 'action' || ctx.request.inbound.type === 'form';
    if (interactive)
      return refuse(ctx.request, ctx.deps, { reason: r.status, message: EXPLAIN[r.status], attempt: r.attempt });
    return [textReply(EXPLAIN[r.status])];
  }
  return fn({ ...ctx, scope: { partnership: r.partnership, roster: r.roster, person: r.person } });
}

function unknownCommand(word: string): Reply {
  const names = COMMANDS.map((c) => c.name).join(', ');
  const answer = `I don’t know the command “${word.slice(0, 40)}”.`;
  const more = `The commands are: ${names}. Type \`/partnership help\` for more.`;
  return reply(`${answer} ${more}`, [
    { kind: 'text', text: answer },
    { kind: 'text', text: more },
  ]);
}

function unknownAction(): Reply {
  return textReply(
    'That button is from an older message that I can no longer act on. Type `/partnership help` to start again.',
  );
}

function notUnderstood(text: string, inChannel: boolean): Reply {
  const hint = text ? 'I didn’t catch that.' : 'Hello!';
  return textReply(
    `${hint} Try “are we in criteria?”, “who is on the partnership?” or “help”.`,
    inChannel ? 'channel' : 'private',
  );
}
