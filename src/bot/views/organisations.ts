// Known organisations as replies (officers and the rep, privately): the list with every other
// name, the "two names, one organisation" form, and what linking or separating names did.
import type { OrganisationEntry } from '../../domain/organisation-match.ts';
import { organisationKey } from '../../domain/organisations.ts';
import { MAX_ORGANISATION } from '../../domain/register.ts';
import type { Problem } from '../../domain/result.ts';
import type { Block, Button, Field, Form, Reply } from '../../domain/chat/reply.ts';
import { reply } from '../../domain/chat/reply.ts';
import type { Linked, OrganisationsData } from '../../services/organisations.ts';
import { formAgainReply } from './register.ts';

const MAX_REMOVE_BUTTONS = 20;

export function organisationsReply(data: OrganisationsData, partnershipName: string, notice?: string): Reply {
  const { entries, kept } = data;
  const summary =
    notice ??
    `${entries.length === 1 ? '1 organisation is' : `${entries.length} organisations are`} known to ${partnershipName}.`;
  const blocks: Block[] = [{ kind: 'heading', text: 'Known organisations' }];
  if (notice) blocks.push({ kind: 'text', text: notice });
  blocks.push(
    entries.length
      ? {
          kind: 'list',
          items: entries.map((e) => (e.aliases.length ? `${e.name} (also: ${e.aliases.join('; ')})` : e.name)),
        }
      : {
          kind: 'text',
          text: 'No organisations are known yet: they are added from the register of interests and from conflict checks.',
        },
  );
  blocks.push({
    kind: 'actions',
    buttons: [
      { actionId: 'organisations.alias', label: 'Two names, one organisation', value: 'new', style: 'primary' },
    ],
  });
  const removable: Button[] = kept.flatMap((o) =>
    o.aliases.map((a) => ({
      actionId: 'organisations.unalias',
      label: `Separate “${a}”`.slice(0, 75),
      value: JSON.stringify({ id: o.id, a }),
    })),
  );
  if (removable.length) {
    blocks.push({ kind: 'text', text: 'If two names were linked by mistake, separate them:' });
    blocks.push({ kind: 'actions', buttons: removable.slice(0, MAX_REMOVE_BUTTONS) });
  }
  blocks.push({
    kind: 'note',
    text: 'Names are matched ignoring case, accents, punctuation, “The” and “Limited”/“Ltd”. Linked names count as one organisation in every conflict-of-interest check.',
  });
  return reply(summary, blocks, 'private');
}

/** `entries` sorted by name; `initial`: what was typed, when the form comes back. */
function aliasFormOf(entries: readonly OrganisationEntry[], initial: Record<string, string> = {}): Form {
  const init = (id: string) => (initial[id] ? { initial: initial[id] } : {});
  const organisation: Field = entries.length
    ? {
        id: 'organisation',
        label: 'Known organisation',
        type: 'select',
        required: true,
        options: entries.map((e) => ({ value: organisationKey(e.name).slice(0, 150), label: e.name.slice(0, 75) })),
        ...init('organisation'),
      }
    : {
        id: 'organisation',
        label: 'Organisation',
        type: 'text',
        required: true,
        maxLength: MAX_ORGANISATION,
        ...init('organisation'),
      };
  return {
    id: 'organisations.alias',
    title: 'Link two names',
    submitLabel: 'Link',
    fields: [
      organisation,
      {
        id: 'alias',
        label: 'Is also known as',
        type: 'text',
        required: true,
        maxLength: MAX_ORGANISATION,
        placeholder: 'For example: Acme Cafe',
        ...init('alias'),
      },
    ],
  };
}

/** `entries` sorted by name. */
export const aliasForm = (entries: readonly OrganisationEntry[]): Reply =>
  reply('Two names, one organisation', [{ kind: 'form', form: aliasFormOf(entries) }], 'private');

/** The linking form back with each problem under its field, what was typed kept. */
export const aliasFormAgain = (
  entries: readonly OrganisationEntry[],
  problems: readonly Problem[],
  typed: Record<string, string>,
): Reply =>
  formAgainReply(
    'I couldn’t link those names; nothing was changed',
    aliasFormOf(entries, typed),
    problems,
    // the first field: a list of known organisations, or (none known yet) a name to type
    { 'Known organisation': 'organisation' },
  );

/** What linking two names did. Shared with the conflict check's "these are the same organisation". */
export const linkedNotice = (l: Linked): string =>
  l.changed
    ? `Linked: “${l.alias}” is now another name for “${l.name}”. Conflict checks treat them as one organisation from now on.`
    : `“${l.alias}” and “${l.name}” are already one organisation.`;

export const separatedNotice = (s: { alias: string; from: string }): string =>
  `Separated: “${s.alias}” is no longer treated as “${s.from}”.`;
