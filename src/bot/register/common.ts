// What the register, relationship, organisation and conflict-of-interest handlers share: the
// audit context of a change, reading form values and button values, the partnership's known
// organisations, and dates in the partnership's time zone.
import type { z } from 'zod';
import { directoryFor, type OrganisationDirectory } from '../../domain/organisation-match.ts';
import type { Person } from '../../domain/roster.ts';
import type { Change } from '../../services/ports/index.ts';
import { formatProblems, type Problem } from '../../domain/result.ts';
import type { ScopedContext } from '../commands/types.ts';
import type { Block, Button, Reply } from '../../domain/chat/reply.ts';
import { reply, textReply } from '../../domain/chat/reply.ts';

export const UNKNOWN_PERSON =
  'I don’t know who you are yet, so I can’t show or change a register. Ask your chair or rep to add your email address to the roster, or to link you with `/partnership link`.';

export const STALE =
  'That button is from an older message and what it pointed to has changed or gone. Type `/partnership help` to start again.';

/** Who, in which partnership, at what time: the audit row of the change. */
export const changeBy = (ctx: ScopedContext): Change => ({
  partnershipId: ctx.scope.partnership.id,
  actorId: ctx.scope.person?.id ?? null,
  at: ctx.deps.clock.now(),
});

export function formValue(values: Record<string, string | string[]>, id: string): string {
  const v = values[id];
  return (Array.isArray(v) ? (v[0] ?? '') : (v ?? '')).slice(0, 2000);
}

/** Button values are JSON the core wrote; anything that does not parse is an old or forged button. */
export function parseValue<T>(value: string, schema: z.ZodType<T>): T | null {
  try {
    const parsed = schema.safeParse(JSON.parse(value));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function problemsReply(intro: string, problems: readonly Problem[], retry?: Button): Reply {
  const blocks: Block[] = [
    { kind: 'text', text: intro },
    { kind: 'list', items: formatProblems(problems).split('\n') },
  ];
  if (retry) blocks.push({ kind: 'actions', buttons: [retry] });
  return reply(`${intro} ${formatProblems(problems)}`, blocks);
}

export const privateText = (text: string): Reply => textReply(text, 'private');

export function formatDate(date: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone }).format(date);
}

export const personName =
  (people: readonly Person[]) =>
  (id: string): string =>
    people.find((p) => p.id === id)?.name ?? 'someone no longer on the roster';

/** The partnership's known organisations (src/domain/organisation-match.ts, directoryFor). */
export async function loadDirectory(ctx: ScopedContext, skipInterestId?: string): Promise<OrganisationDirectory> {
  const rows = await ctx.deps.stores.register.organisations(ctx.scope.partnership.id);
  return directoryFor(ctx.scope.roster, rows, skipInterestId);
}
