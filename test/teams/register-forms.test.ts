// The register's forms sent with a mistake, through Teams (the real server and botbuilder's
// CloudAdapter, the Bot Connector faked on loopback): the Action.Execute submission is answered
// with the card refreshed, each problem in the attention colour right under its input, what was
// typed or chosen kept as the inputs' values. Nothing is saved.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  MARGARET,
  ROSA,
  cardOf,
  invoke,
  message,
  post,
  startTeams,
  type TeamsTest,
  type TeamsUser,
} from './support.ts';
import { actionsOf, type CardAction } from './decision-support.ts';

let t: TeamsTest;
beforeAll(async () => {
  t = await startTeams();
});
afterAll(() => t?.close());

/** A card's elements in reading order (containers opened), to see what sits under an input. */
function flatten(card: unknown): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  const walk = (items: unknown) => {
    if (!Array.isArray(items)) return;
    for (const item of items as Record<string, unknown>[]) {
      out.push(item);
      walk(item.items);
      walk(item.body);
      for (const c of (item.columns as { items?: unknown }[] | undefined) ?? []) walk(c.items);
    }
  };
  walk((card as { body?: unknown }).body);
  return out;
}

/** The problem shown right under an input ('' when none). */
function under(card: unknown, field: string): string {
  const body = flatten(card);
  const next = body[body.findIndex((e) => e.id === `field.${field}`) + 1];
  return next?.type === 'TextBlock' && next.color === 'attention' ? String(next.text) : '';
}

/** An input's value as the card shows it. */
const valueOf = (card: unknown, field: string): unknown => flatten(card).find((e) => e.id === `field.${field}`)?.value;

const actionIn = (card: unknown, title: string): CardAction => {
  const found = actionsOf(card).find((a) => a.title === title);
  if (!found) throw new Error(`no button “${title}” in ${JSON.stringify(card).slice(0, 400)}`);
  return found;
};

/** A click (or a form's submission with its inputs), answered with the refreshed card. */
async function click(u: TeamsUser, action: CardAction, fields: Record<string, string> = {}): Promise<unknown> {
  const inputs = Object.fromEntries(Object.entries(fields).map(([k, v]) => [`field.${k}`, v]));
  const res = await post(t, invoke(t.fake, action.verb, { ...action.data, ...inputs }, { from: u }));
  await t.app.background.settled();
  expect(res.status).toBe(200);
  expect(res.body.type).toBe('application/vnd.microsoft.card.adaptive');
  return res.body.value;
}

/** Says `text` in the person's chat with the bot, then presses `label` on the card it answers with. */
async function openForm(u: TeamsUser, text: string, label: string): Promise<unknown> {
  expect((await post(t, message(t.fake, { from: u, text }))).status).toBe(200);
  return click(u, actionIn(cardOf(t.fake.posted.at(-1)), label));
}

const personId = async (name: string): Promise<string> =>
  (await t.app.database.db.person.findFirstOrThrow({ where: { name } })).id;

describe('register forms with a mistake come back with each problem under its input, in Teams', () => {
  it('an interest: the problem under the organisation, what was typed kept; nothing saved', async () => {
    const form = await openForm(ROSA, 'interests', 'Add an interest');
    const again = await click(ROSA, actionIn(form, 'Save'), {
      organisation: '***',
      kind: 'volunteer',
      detail: 'Saturdays at the food bank',
    });
    expect(JSON.stringify(again)).toContain('I couldn’t save that interest; nothing was changed.');
    expect(under(again, 'organisation')).toContain('Needs at least one letter or digit');
    expect(under(again, 'detail')).toBe('');
    expect(valueOf(again, 'organisation')).toBe('***');
    expect(valueOf(again, 'kind')).toBe('volunteer');
    expect(valueOf(again, 'detail')).toBe('Saturdays at the food bank');
    expect(await t.app.database.db.interest.count({ where: { organisation: '***' } })).toBe(0);
  });

  it('a relationship: the problem under the second person, what was chosen kept; nothing saved', async () => {
    const form = await openForm(MARGARET, 'relationships', 'Record a relationship');
    const rosa = await personId('Rosa Novak');
    const before = await t.app.database.db.relationship.count();
    const again = await click(MARGARET, actionIn(form, 'Save'), { from: rosa, kind: 'sibling', to: rosa });
    expect(under(again, 'to')).toContain('Choose someone other than Rosa Novak');
    expect(under(again, 'from')).toBe('');
    expect([valueOf(again, 'from'), valueOf(again, 'kind'), valueOf(again, 'to')]).toEqual([rosa, 'sibling', rosa]);
    expect(await t.app.database.db.relationship.count()).toBe(before);
  });

  it('two names for one organisation: the problem under “Is also known as”; nothing linked', async () => {
    const form = await openForm(MARGARET, 'organisations', 'Two names, one organisation');
    const known = flatten(form).find((e) => e.id === 'field.organisation') as { choices: { value: string }[] };
    const organisation = known.choices[0]!.value;
    const again = await click(MARGARET, actionIn(form, 'Link'), { organisation, alias: '!!!' });
    expect(under(again, 'alias')).toContain('Type the other name, with at least one letter or digit');
    expect(valueOf(again, 'organisation')).toBe(organisation);
    expect(valueOf(again, 'alias')).toBe('!!!');
    expect(await t.app.database.db.auditEvent.count({ where: { action: 'organisation.alias' } })).toBe(0);
  });

  it('a signed membership form: the problem under “Date signed”, what was typed kept; nothing recorded', async () => {
    const form = await openForm(ROSA, 'forms', 'Record my signed form');
    const again = await click(ROSA, actionIn(form, 'Record'), { signedOn: '31/02/2026', reference: 'Cabinet B' });
    expect(under(again, 'signedOn')).toContain('is not a date: write it as YYYY-MM-DD (2026-09-14)');
    expect(under(again, 'reference')).toBe('');
    expect(valueOf(again, 'signedOn')).toBe('31/02/2026');
    expect(valueOf(again, 'reference')).toBe('Cabinet B');
    const rosa = await t.app.database.db.person.findFirstOrThrow({ where: { name: 'Rosa Novak' } });
    expect(rosa.membershipFormSignedOn).toBeNull();
  });
});
