// Known organisations: officers and the rep see the names the partnership knows and say when two
// names are one organisation ("Acme Cafe" is "ACME Community Café Limited"), so that conflict
// checks match them from then on. Every change is audited by the store.
import { z } from 'zod';
import type { OrganisationDirectory } from '../../domain/organisation-match.ts';
import { organisationKey } from '../../domain/organisations.ts';
import { MAX_ORGANISATION } from '../../domain/register.ts';
import type { Person } from '../../domain/roster.ts';
import { can } from '../../domain/permissions.ts';
import { refusal } from '../views/refusals.ts';
import type { Block, Button, Field, Reply } from '../../domain/chat/reply.ts';
import { reply } from '../../domain/chat/reply.ts';
import {
  STALE,
  UNKNOWN_PERSON,
  changeBy,
  formValue,
  loadDirectory,
  parseValue,
  privateText,
  problemsReply,
} from '../register/common.ts';
import type { ActionHandler, Command, FormHandler, ScopedContext } from './types.ts';
import { intent } from './types.ts';

const MAX_REMOVE_BUTTONS = 20;

function officer(ctx: ScopedContext): Person | Reply {
  const person = ctx.scope.person;
  if (!person) return privateText(UNKNOWN_PERSON);
  if (!can(person, 'organisations.alias')) return privateText(refusal('organisations.alias'));
  return person;
}

async function list(ctx: ScopedContext, notice?: string): Promise<Reply> {
  const directory = await loadDirectory(ctx);
  const rows = await ctx.deps.stores.register.organisations(ctx.scope.partnership.id);
  const entries = [...directory.entries].sort((a, b) => a.name.localeCompare(b.name));
  const summary =
    notice ??
    `${entries.length === 1 ? '1 organisation is' : `${entries.length} organisations are`} known to ${ctx.scope.partnership.name}.`;
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
  const removable: Button[] = rows.flatMap((o) =>
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

function aliasForm(directory: OrganisationDirectory): Reply {
  const entries = [...directory.entries].sort((a, b) => a.name.localeCompare(b.name));
  const organisation: Field = entries.length
    ? {
        id: 'organisation',
        label: 'Known organisation',
        type: 'select',
        required: true,
        options: entries.map((e) => ({ value: organisationKey(e.name).slice(0, 150), label: e.name.slice(0, 75) })),
      }
    : { id: 'organisation', label: 'Organisation', type: 'text', required: true, maxLength: MAX_ORGANISATION };
  return reply(
    'Two names, one organisation',
    [
      {
        kind: 'form',
        form: {
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
            },
          ],
        },
      },
    ],
    'private',
  );
}

/** Links two names; the notice says what happened. Shared with the conflict check's "did you mean". */
export async function linkNames(ctx: ScopedContext, name: string, alias: string): Promise<string> {
  const { organisation, changed } = await ctx.deps.stores.register.addAlias(changeBy(ctx), name, alias);
  return changed
    ? `Linked: “${alias}” is now another name for “${organisation.name}”. Conflict checks treat them as one organisation from now on.`
    : `“${alias}” and “${organisation.name}” are already one organisation.`;
}

const unalias = z.object({ id: z.string().max(100), a: z.string().min(1).max(MAX_ORGANISATION) });

export const organisationActions: Record<string, ActionHandler> = {
  'organisations.alias': async (ctx) => {
    const person = officer(ctx);
    return 'id' in person ? [aliasForm(await loadDirectory(ctx))] : [person];
  },
  'organisations.unalias': async (ctx, value) => {
    const person = officer(ctx);
    if (!('id' in person)) return [person];
    const choice = parseValue(value, unalias);
    const result = choice ? await ctx.deps.stores.register.removeAlias(changeBy(ctx), choice.id, choice.a) : null;
    if (!choice || !result || result.status !== 'saved') return [privateText(STALE)];
    return [await list(ctx, `Separated: “${choice.a}” is no longer treated as “${result.value.name}”.`)];
  },
};

export const organisationForms: Record<string, FormHandler> = {
  'organisations.alias': async (ctx, values) => {
    const person = officer(ctx);
    if (!('id' in person)) return [person];
    const directory = await loadDirectory(ctx);
    const chosen = formValue(values, 'organisation').trim();
    const name = directory.find(chosen)?.name ?? chosen;
    const alias = formValue(values, 'alias').replace(/\s+/g, ' ').trim();
    const problems = [];
    if (!organisationKey(name))
      problems.push({ where: 'Known organisation', message: 'choose an organisation from the list' });
    if (!organisationKey(alias))
      problems.push({ where: 'Is also known as', message: 'type the other name, with at least one letter or digit' });
    else if (alias.length > MAX_ORGANISATION)
      problems.push({ where: 'Is also known as', message: `shorten it to at most ${MAX_ORGANISATION} characters` });
    else if (organisationKey(alias) === organisationKey(name))
      problems.push({
        where: 'Is also known as',
        message: `“${alias}” already matches “${name}” (names are compared ignoring case, punctuation and “Ltd”)`,
      });
    if (problems.length)
      return [
        problemsReply('I couldn’t link those names; nothing was changed:', problems, {
          actionId: 'organisations.alias',
          label: 'Try again',
          value: 'new',
        }),
      ];
    return [await list(ctx, await linkNames(ctx, name, alias))];
  },
};

export const organisations: Command = {
  name: 'organisations',
  aliases: ['organizations', 'orgs'],
  summary: 'Known organisations and their other names; link two names as one (officers and the rep).',
  usage: 'organisations',
  needsPartnership: true,
  intents: [intent(/\b(?:known|list(?: the)?|show(?: the)?|our) organi[sz]ations\b/i, /^\s*organi[sz]ations\??\s*$/i)],
  async run(ctx) {
    const person = officer(ctx);
    return 'id' in person ? [await list(ctx)] : [person];
  },
};
