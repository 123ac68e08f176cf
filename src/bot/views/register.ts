// Words the register's replies share: a stale button, someone the bot does not know, a form sent
// back with its problems under their fields, names and dates as people read them.
import type { Person } from '../../domain/roster.ts';
import { formatProblems, type Problem } from '../../domain/result.ts';
import type { Form, Reply } from '../../domain/chat/reply.ts';
import { reply, textReply } from '../../domain/chat/reply.ts';
import { FIX, withProblems } from './form-problems.ts';
import { formatDay } from './text.ts';

export const UNKNOWN_PERSON =
  'I don’t know who you are yet, so I can’t show or change a register. Ask your chair or rep to add your email address to the roster, or to link you with `/partnership link`.';

export const STALE =
  'That button is from an older message and what it pointed to has changed or gone. Type `/partnership help` to start again.';

export const privateText = (text: string): Reply => textReply(text, 'private');

/** "Fri 4 Dec 2026": the views' one day formatter (text.ts). */
export const formatDate = (date: Date, timeZone: string): string => formatDay(date, timeZone);

export const personName =
  (people: readonly Person[]) =>
  (id: string): string =>
    people.find((p) => p.id === id)?.name ?? 'someone no longer on the roster';

/** “Rosa Nvak” is not on the roster. Did you mean Rosa Novak? */
export const notOnRosterText = (typed: string, close: readonly string[]): string =>
  `“${typed}” is not on the roster.${close.length ? ` Did you mean ${close.join(' or ')}?` : ' Check the spelling with `/partnership roster`.'}`;

/**
 * A register form sent back with its problems: what was not done, then the same form with each
 * problem beside its field (or at its top) and what was typed kept. `fieldOf` names the field of a
 * rule's `where` that is not the field's label ("Relationship" is the "is the … of" field).
 */
export function formAgainReply(
  notDone: string,
  form: Form,
  problems: readonly Problem[],
  fieldOf: Record<string, string> = {},
): Reply {
  const onTheForm = problems.map((p) => ({ ...p, where: fieldOf[p.where] ?? p.where }));
  return reply(
    `${notDone}: ${formatProblems(problems)}`,
    [
      { kind: 'text', text: `${notDone}. ${FIX}` },
      { kind: 'form', form: withProblems(form, onTheForm) },
    ],
    'private',
  );
}
