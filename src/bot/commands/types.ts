// One file per command; each gets a narrow context and returns replies.
import type { Actor } from '../../services/actor.ts';
import type { BotDeps, Resolution } from '../context.ts';
import type { Request } from '../../domain/chat/inbound.ts';
import type { Reply } from '../../domain/chat/reply.ts';

/** Who is acting, where: exactly what every service operation takes as its actor. */
export type Scope = Actor;

export interface CommandContext {
  request: Request;
  deps: BotDeps;
  /** text after the command name (or what an intent captured) */
  args: string;
  /** true when a `channel` reply is seen by others */
  inChannel: boolean;
  resolution: Resolution;
}

export interface ScopedContext extends CommandContext {
  scope: Scope;
}

interface CommandBase {
  name: string;
  aliases?: string[];
  /** one line for help */
  summary: string;
  usage: string;
  /** plain-words triggers: return the captured argument text, or null when it does not match */
  intents?: ((text: string) => string | null)[];
}

export type Command =
  | (CommandBase & { needsPartnership: true; run(ctx: ScopedContext): Promise<Reply[]> })
  | (CommandBase & { needsPartnership: false; run(ctx: CommandContext): Promise<Reply[]> });

export type ActionHandler = (ctx: ScopedContext, value: string) => Promise<Reply[]>;
export type FormHandler = (
  ctx: ScopedContext,
  values: Record<string, string | string[]>,
  context: string | undefined,
) => Promise<Reply[]>;

/** Builds an intent from regular expressions; the first capture group (if any) is the argument. */
export const intent =
  (...patterns: RegExp[]) =>
  (text: string): string | null => {
    for (const p of patterns) {
      const m = p.exec(text);
      if (m) return (m[1] ?? '').trim();
    }
    return null;
  };

/** The actor a service operation is given: the request's scope. */
export const actorOf = (ctx: ScopedContext): Actor => ctx.scope;
