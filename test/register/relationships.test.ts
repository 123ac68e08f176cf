import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseRosterJson } from '../../src/services/roster-file/document.ts';
import { button, buttons, demo, formOf, only, textOf, type Demo } from './support.ts';

let t: Demo;
beforeEach(async () => {
  t = await demo();
});
afterEach(async () => {
  await t.close();
});

describe('relationships', () => {
  it('officers and the rep record, edit and remove relationships through a form, each change audited', async () => {
    const david = t.as('vice');
    const list = only(await david.command('relationships'));
    expect(list.visibility).toBe('private');
    expect(textOf(list)).toContain('Tom Whitfield is Sarah Whitfield’s spouse.');
    const form = formOf(only(await david.click(button(list, 'Record a relationship'))));
    expect(form.fields.map((f) => f.id)).toEqual(['from', 'kind', 'to']);
    expect(form.fields[0]!.options).toHaveLength(t.roster.people.length);

    const saved = only(
      await david.submit(form, { from: t.idOf('Gareth Jones'), kind: 'sibling', to: t.idOf('Rosa Novak') }),
    );
    expect(saved.summary).toBe('Recorded: Gareth Jones is Rosa Novak’s sibling.');
    // one audit row for each person concerned, so each one's subject access and erasure find it
    const adds = await t.audit('relationship.add');
    expect(adds.map((a) => a.subjectId).sort()).toEqual([t.idOf('Gareth Jones'), t.idOf('Rosa Novak')].sort());
    for (const add of adds) {
      expect(add).toMatchObject({ actorId: t.idOf('David Hughes'), subjectType: 'person', before: null });
      expect(JSON.parse(add.after!)).toEqual({
        relationshipId: expect.any(String),
        fromId: t.idOf('Gareth Jones'),
        toId: t.idOf('Rosa Novak'),
        kind: 'sibling',
      });
    }

    const sam = t.as('rep');
    const again = only(await sam.command('relationships'));
    const editButton = buttons(again).filter((b) => b.label === 'Edit')[3]!; // the newest entry comes last
    const edit = formOf(only(await sam.click(editButton)));
    expect(edit.fields.find((f) => f.id === 'kind')?.initial).toBe('sibling');
    const edited = only(
      await sam.submit(edit, { from: t.idOf('Gareth Jones'), kind: 'household', to: t.idOf('Rosa Novak') }),
    );
    expect(edited.summary).toBe('Updated: Gareth Jones is Rosa Novak’s household member.');
    const [update] = await t.audit('relationship.update');
    expect(JSON.parse(update!.before!).kind).toBe('sibling');
    expect(JSON.parse(update!.after!).kind).toBe('household');

    const removeButton = buttons(edited).filter((b) => b.label === 'Remove')[3]!;
    const confirm = only(await sam.click(removeButton));
    const removed = only(await sam.click(button(confirm, 'Yes, remove it')));
    expect(removed.summary).toBe('Removed: Gareth Jones is Rosa Novak’s household member.');
    const [remove] = await t.audit('relationship.remove');
    expect(JSON.parse(remove!.before!).kind).toBe('household');
    expect(await t.db.stores.register.relationships(t.db.partnership.id)).toHaveLength(3);
  });

  it('validates: both people on the roster, two different people, a known kind, not already recorded', async () => {
    const other = parseRosterJson(
      JSON.stringify({
        partnership: { name: 'Elsewhere' },
        people: [{ name: 'Zed', kind: 'member', resident: true, voting: true, roles: [] }],
      }),
      'x.json',
    );
    if (!other.ok) throw new Error('bad roster');
    const elsewhere = await t.db.stores.rosters.importRoster('elsewhere', other.value.roster);
    const zed = (await t.db.stores.rosters.loadRoster(elsewhere.partnership.id)).people[0]!.id;
    const form = formOf(only(await t.as('chair').action('relationships.add', 'new')));
    const submit = (values: Record<string, string>) => t.as('chair').submit(form, values).then(only).then(textOf);

    expect(await submit({ from: zed, kind: 'spouse', to: t.idOf('Rosa Novak') })).toContain(
      'First person: choose someone who is on the roster',
    );
    expect(await submit({ from: t.idOf('Rosa Novak'), kind: 'spouse', to: t.idOf('Rosa Novak') })).toContain(
      'Second person: choose someone other than Rosa Novak',
    );
    expect(await submit({ from: t.idOf('Rosa Novak'), kind: 'cousin', to: t.idOf('Kwame Mensah') })).toContain(
      'Relationship: choose one of "spouse", "civil-partner",',
    );
    // Tom is Sarah's spouse already: the same fact the other way round is a duplicate
    expect(await submit({ from: t.idOf('Sarah Whitfield'), kind: 'spouse', to: t.idOf('Tom Whitfield') })).toContain(
      'That is already recorded: Sarah Whitfield is Tom Whitfield’s spouse.',
    );
    // the form comes back: each problem under its field (the kind under “is the … of”), what was chosen kept
    const again = formOf(
      only(await t.as('chair').submit(form, { from: t.idOf('Rosa Novak'), kind: 'cousin', to: t.idOf('Rosa Novak') })),
    );
    const field = (id: string) => again.fields.find((f) => f.id === id)!;
    expect(field('kind').error).toMatch(/^Choose one of "spouse", "civil-partner"/);
    expect(field('to').error).toBe(
      'Choose someone other than Rosa Novak: a relationship is between two different people',
    );
    expect(field('from').error).toBeUndefined();
    expect(field('from').initial).toBe(t.idOf('Rosa Novak'));
    // a fact already recorded is about no one field: it stays at the top of the form
    const duplicate = formOf(
      only(
        await t
          .as('chair')
          .submit(form, { from: t.idOf('Sarah Whitfield'), kind: 'spouse', to: t.idOf('Tom Whitfield') }),
      ),
    );
    expect(duplicate.problems).toEqual(['That is already recorded: Sarah Whitfield is Tom Whitfield’s spouse.']);
    expect(duplicate.fields.every((f) => f.error === undefined)).toBe(true);
    expect(await t.audit('relationship.add')).toHaveLength(0);
    expect(await t.db.stores.register.relationships(t.db.partnership.id)).toHaveLength(3);
  });

  it('the people concerned see their own entries, and nobody else’s', async () => {
    const sarah = only(await t.as('sarah', 'channel').say('my relationships'));
    expect(sarah.visibility).toBe('private');
    expect(textOf(sarah)).toContain('Tom Whitfield is your spouse.');
    expect(textOf(sarah)).not.toMatch(/Helen|Jo Brooks|Kwame|Gareth/);
    expect(buttons(sarah)).toEqual([]);
    const jo = only(await t.as('worker').command('relationships'));
    expect(textOf(jo)).toContain('Helen Brooks is your sibling.');
    expect(textOf(jo)).not.toMatch(/Whitfield|Kwame/);
    const rosa = only(await t.as('rosa').say('my relationships'));
    expect(textOf(rosa)).toContain('No relationships that include you are recorded.');
    // an officer asking for "my relationships" sees only their own too
    expect(textOf(only(await t.as('treasurer').say('my relationships')))).not.toMatch(/Helen|Kwame/);
  });

  it('members and paid workers cannot record, change or remove relationships', async () => {
    const [entry] = await t.db.stores.register.relationships(t.db.partnership.id);
    for (const who of ['gareth', 'worker', 'linda'] as const) {
      const as = t.as(who);
      expect(only(await as.action('relationships.add', 'new')).summary).toBe(
        'Only the chair, the vice-chair, the secretary, the treasurer or the rep can do that.',
      );
      expect(only(await as.action('relationships.remove.confirm', entry!.id)).summary).toContain('Only the chair');
      const forged = { id: 'relationships.edit', title: '', submitLabel: '', fields: [], context: entry!.id };
      expect(
        only(await as.submit(forged, { from: t.idOf('Rosa Novak'), kind: 'spouse', to: t.idOf('Kwame Mensah') }))
          .summary,
      ).toContain('Only the chair');
    }
    expect(await t.db.stores.register.relationships(t.db.partnership.id)).toHaveLength(3);
    expect(await t.audit('relationship.update')).toHaveLength(0);
  });

  it('pages long lists ten at a time', async () => {
    const people = t.roster.people;
    const change = { partnershipId: t.db.partnership.id, actorId: null, at: new Date() };
    for (let i = 0; i < 10; i++)
      await t.db.stores.register.addRelationship(change, {
        fromId: people[i]!.id,
        toId: people[i + 1]!.id,
        kind: 'close-friend',
      });
    const first = only(await t.as('chair').command('relationships'));
    expect(textOf(first)).toContain('Showing 1 to 10 of 13.');
    const second = only(await t.as('chair').click(button(first, 'Next')));
    expect(textOf(second)).toContain('Showing 11 to 13 of 13.');
    expect(buttons(second).filter((b) => b.label === 'Edit')).toHaveLength(3);
  });
});
