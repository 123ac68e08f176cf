// "Did you mean …?" when a decision is put (issue 18): a name close to a known organisation is
// asked about in the creation form before the decision opens and before anyone is recused; names
// that match after normalising (a legal form left off, a "t/a" trading name) open at once, with
// the recusals they require.
import { afterEach, describe, expect, it } from 'vitest';
import type { Field, Reply } from '../../src/domain/chat/reply.ts';
import { many, resident, rosterOf } from '../support/rosters.ts';
import { createWorld, type World } from './world.ts';

let world: World;
afterEach(async () => world?.close());

const ROSTER = rosterOf([
  resident('Cath Chair', { roles: ['chair'] }),
  resident('Tara Trustee', { interests: [{ organisation: 'Riverside Youth Trust CIO', kind: 'trustee' }] }),
  resident('Ann Barista', { interests: [{ organisation: 'Acme Trading Ltd t/a Acme Cafe', kind: 'employee' }] }),
  resident('Dev Director', { interests: [{ organisation: 'Eastside Community Interest Company', kind: 'director' }] }),
  ...many(6, 'Member'),
]);
const DRAFT = { title: 'Youth work contract', kind: 'procurement', closes: 'Friday 5pm', ballot: 'open' };

const decisions = () => world.db.stores.decisions.list(world.partnership.id);
const recusedIn = async (id: string) => {
  const state = await world.db.stores.decisions.find({ id });
  const names = new Map(
    (await world.db.stores.rosters.loadRoster(world.partnership.id)).people.map((p) => [p.id, p.name]),
  );
  return state!.recusals.map((r) => names.get(r.personId)).sort();
};
const questionsIn = (r: Reply | undefined): Field[] => {
  const form = r?.blocks.find((b) => b.kind === 'form');
  return form?.kind === 'form' ? form.form.fields.filter((f) => /^same\d+$/.test(f.id)) : [];
};
const optionValue = (field: Field, label: string) => {
  const option = field.options?.find((o) => o.label === label);
  if (!option) throw new Error(`no option ${label} in ${JSON.stringify(field.options)}`);
  return option.value;
};

describe('organisation names when a decision is put', () => {
  it('names that match after normalising open the decision at once, with their recusals', async () => {
    world = await createWorld({ roster: ROSTER });
    const [answer] = await world.submit('Cath Chair', 'decision.create', {
      ...DRAFT,
      organisations: 'Riverside Youth Trust; Acme Cafe; Eastside CIC',
    });
    expect(answer?.summary).toMatch(/^Decision 1 is open/);
    expect(questionsIn(answer)).toEqual([]);
    const [decision] = await decisions();
    expect(await recusedIn(decision!.id)).toEqual(['Ann Barista', 'Dev Director', 'Tara Trustee']);
  });

  it('asks about a close name before anything opens; "the same as" links the names and recuses', async () => {
    world = await createWorld({ roster: ROSTER });
    const typed = { ...DRAFT, organisations: 'Riverside Youth Trst; Acme Bakery' };
    const [question] = await world.submit('Cath Chair', 'decision.create', typed);
    expect(question?.summary).toBe(
      'Before the vote opens: “Riverside Youth Trst” is close to “Riverside Youth Trust CIO”. Is each the same organisation, or a different one?',
    );
    expect(question?.visibility).toBe('private');
    // nothing written, nothing posted, nobody asked or recused
    expect(await decisions()).toEqual([]);
    expect(world.notifier.posted).toEqual([]);
    // the form comes back as it was filled in, with one question (the far name is not asked about)
    const form = question?.blocks.find((b) => b.kind === 'form');
    expect(form?.kind === 'form' && form.form.id).toBe('decision.create');
    expect(form?.kind === 'form' && form.form.fields.find((f) => f.id === 'organisations')?.initial).toBe(
      typed.organisations,
    );
    const [ask] = questionsIn(question);
    expect(questionsIn(question)).toHaveLength(1);
    expect(ask).toMatchObject({ id: 'same1', label: 'Is “Riverside Youth Trst”', type: 'select', required: true });
    expect(ask!.options!.map((o) => o.label)).toEqual([
      'the same as “Riverside Youth Trust CIO”',
      'a different organisation',
    ]);

    const [started, linked] = await world.submit('Cath Chair', 'decision.create', {
      ...typed,
      same1: optionValue(ask!, 'the same as “Riverside Youth Trust CIO”'),
    });
    expect(started?.summary).toMatch(/^Decision 1 is open/);
    expect(linked?.summary).toBe(
      '“Riverside Youth Trst” is now another name for “Riverside Youth Trust CIO”: every conflict check treats them as one organisation. An officer can separate them again with `/partnership organisations`.',
    );
    const [decision] = await decisions();
    expect(decision!.organisations).toEqual(['Riverside Youth Trst', 'Acme Bakery']);
    expect(await recusedIn(decision!.id)).toEqual(['Tara Trustee']);
    const kept = await world.db.stores.register.organisations(world.partnership.id);
    expect(kept.map((o) => [o.name, o.aliases])).toEqual([['Riverside Youth Trust CIO', ['Riverside Youth Trst']]]);
    // the next decision about either name needs no question
    const [next] = await world.submit('Cath Chair', 'decision.create', { ...typed, title: 'Second youth contract' });
    expect(next?.summary).toMatch(/^Decision 2 is open/);
  });

  it('"a different organisation" opens it without merging anything, and the answer is audited', async () => {
    world = await createWorld({ roster: ROSTER });
    const typed = { ...DRAFT, organisations: 'Riverside Trust' };
    const [question] = await world.submit('Cath Chair', 'decision.create', typed);
    const [ask] = questionsIn(question);
    const [started] = await world.submit('Cath Chair', 'decision.create', {
      ...typed,
      same1: optionValue(ask!, 'a different organisation'),
    });
    expect(started?.summary).toMatch(/^Decision 1 is open/);
    const [decision] = await decisions();
    expect(await recusedIn(decision!.id)).toEqual([]);
    expect(await world.db.stores.register.organisations(world.partnership.id)).toEqual([]);
    const audit = await world.db.database.db.auditEvent.findMany({
      where: { subjectId: decision!.id, action: 'decision.organisations-distinct' },
    });
    expect(audit.map((a) => JSON.parse(a.after!))).toEqual([
      { different: [{ typed: 'Riverside Trust', closeTo: ['Riverside Youth Trust CIO'] }] },
    ]);
  });

  it('asks again when an answer is missing or was given to another name, keeping the answers that still fit', async () => {
    world = await createWorld({ roster: ROSTER });
    const typed = { ...DRAFT, organisations: 'Riverside Trust; Acme Cafee' };
    const [question] = await world.submit('Cath Chair', 'decision.create', typed);
    const [river, acme] = questionsIn(question);
    expect(acme!.options!.map((o) => o.label)).toEqual([
      'the same as “Acme Trading Ltd t/a Acme Cafe”',
      'a different organisation',
    ]);
    const different = optionValue(river!, 'a different organisation');
    // only the first answered: asked again, the first answer kept
    const [again] = await world.submit('Cath Chair', 'decision.create', { ...typed, same1: different });
    expect(questionsIn(again).map((q) => q.initial)).toEqual([different, undefined]);
    // an answer for a name no longer in the list does not count for the new one
    const [changed] = await world.submit('Cath Chair', 'decision.create', {
      ...typed,
      organisations: 'Riverside Youth Trst; Acme Cafee',
      same1: different,
      same2: optionValue(acme!, 'the same as “Acme Trading Ltd t/a Acme Cafe”'),
    });
    expect(questionsIn(changed).map((q) => [q.label, q.initial === undefined])).toEqual([
      ['Is “Riverside Youth Trst”', true],
      ['Is “Acme Cafee”', false],
    ]);
    expect(await decisions()).toEqual([]);
  });

  it('a form carrying any other field is still refused', async () => {
    world = await createWorld({ roster: ROSTER });
    const [r] = await world.submit('Cath Chair', 'decision.create', {
      ...DRAFT,
      organisations: 'Riverside Trust',
      same21: 'different:x',
    });
    expect(r?.summary).not.toMatch(/^Decision|^Before the vote opens/);
    expect(await decisions()).toEqual([]);
  });
});
