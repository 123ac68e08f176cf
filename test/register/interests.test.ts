import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NOW, button, buttons, demo, formOf, only, textOf, type Demo } from './support.ts';

let t: Demo;
beforeEach(async () => {
  t = await demo();
});
afterEach(async () => {
  await t.close();
});

describe('my register of interests', () => {
  it('shows a member their own entries privately, from the command and from plain words in a channel', async () => {
    const priya = only(await t.as('secretary').command('interests'));
    expect(priya.visibility).toBe('private');
    expect(textOf(priya)).toContain('Trustee of Riverside Youth Trust: trustee since 2021');
    expect(buttons(priya).map((b) => b.label)).toEqual(['Edit', 'Remove', 'Add an interest']);
    for (const words of ['my interests', 'update my register', 'Can you show my register of interests?']) {
      const r = only(await t.as('sarah', 'channel').say(words));
      expect(r.visibility, words).toBe('private');
      expect(textOf(r)).toContain('Employee of Northfield Community Café Ltd: café manager');
    }
  });

  it('adds, edits and removes an entry through forms, auditing each change with before and after', async () => {
    const gareth = t.as('gareth');
    const form = formOf(only(await gareth.click(button(only(await gareth.command('interests')), 'Add an interest'))));
    expect(form.fields.map((f) => f.id)).toEqual(['organisation', 'kind', 'detail']);
    const added = only(
      await gareth.submit(form, {
        organisation: 'Northfield Allotment Society',
        kind: 'member',
        detail: 'plot holder',
      }),
    );
    expect(added.summary).toBe('Saved: Member of Northfield Allotment Society: plot holder.');

    const edit = formOf(only(await gareth.click(button(added, 'Edit'))));
    expect(edit.fields.find((f) => f.id === 'organisation')?.initial).toBe('Northfield Allotment Society');
    const edited = only(
      await gareth.submit(edit, { organisation: 'Northfield Allotment Society', kind: 'trustee', detail: '' }),
    );
    expect(textOf(edited)).toContain('Trustee of Northfield Allotment Society');

    const confirm = only(await gareth.click(button(edited, 'Remove')));
    expect(confirm.summary).toContain('Remove “Trustee of Northfield Allotment Society”');
    const removed = only(await gareth.click(button(confirm, 'Yes, remove it')));
    expect(removed.summary).toBe('Removed: Trustee of Northfield Allotment Society.');
    expect(textOf(removed)).toContain('You have no interests on the register');

    const garethId = t.idOf('Gareth Jones');
    const [add] = await t.audit('interest.add');
    // the subject is the person whose register it is: subject access finds it, erasure clears it
    expect(add).toMatchObject({ actorId: garethId, subjectType: 'person', subjectId: garethId, before: null, at: NOW });
    expect(JSON.parse(add!.after!)).toEqual({
      interestId: expect.any(String),
      personId: garethId,
      organisation: 'Northfield Allotment Society',
      kind: 'member',
      detail: 'plot holder',
    });
    const [update] = await t.audit('interest.update');
    expect(JSON.parse(update!.before!)).toMatchObject({ kind: 'member', detail: 'plot holder' });
    expect(JSON.parse(update!.after!)).toMatchObject({ kind: 'trustee', detail: null });
    const [remove] = await t.audit('interest.remove');
    expect(JSON.parse(remove!.before!)).toMatchObject({ kind: 'trustee' });
    expect(remove!.after).toBeNull();
    // the new name became a known organisation, audited too
    expect((await t.audit('organisation.add')).map((a) => JSON.parse(a.after!).name)).toEqual([
      'Northfield Allotment Society',
    ]);
  });

  it('records "nothing to declare" with its date, and refuses it while entries remain', async () => {
    const kwame = t.as('kwame');
    const register = only(await kwame.command('interests'));
    const done = only(await kwame.click(button(register, 'I have nothing to declare')));
    expect(done.summary).toContain('Recorded: you have nothing to declare');
    expect(textOf(only(await kwame.command('interests')))).toContain(
      'You confirmed you have nothing to declare on Tue 3 Mar 2026.',
    );
    const [row] = await t.audit('interests.none-confirmed');
    expect(row).toMatchObject({ actorId: t.idOf('Kwame Mensah'), subjectId: t.idOf('Kwame Mensah'), at: NOW });

    const refused = only(await t.as('secretary').action('interests.none', 'none'));
    expect(refused.summary).toContain('Your register has an entry, so I can’t record “nothing to declare”');
    expect(await t.audit('interests.none-confirmed')).toHaveLength(1);
  });

  it('sends a bad form back with each problem under its field, what was typed kept, and changes nothing', async () => {
    const form = formOf(only(await t.as('rosa').action('interests.add', 'new')));
    const r = only(
      await t.as('rosa').submit(form, { organisation: '  ', kind: 'shareholder', detail: 'x'.repeat(501) }),
    );
    expect(r.summary).toContain('Organisation: is empty: type the name of the organisation');
    const again = formOf(r);
    expect(again.id).toBe('interests.add');
    const field = (id: string) => again.fields.find((f) => f.id === id)!;
    expect(field('organisation').error).toBe('Is empty: type the name of the organisation, business or group');
    expect(field('kind').error).toBe(
      'Choose one of "employee", "owner", "director", "trustee", "member", "volunteer", "contractor" or "other"',
    );
    expect(field('detail').error).toBe('Is 501 characters long; shorten it to at most 500');
    expect(field('detail').initial).toBe('x'.repeat(501));
    expect(again.problems).toBeUndefined();
    // the form is the way back: no "Try again" button
    expect(buttons(r)).toEqual([]);
    expect(await t.audit('interest.add')).toHaveLength(0);

    // an edit keeps its entry: the form comes back as the same edit
    const priya = t.as('secretary');
    const edit = formOf(only(await priya.click(button(only(await priya.command('interests')), 'Edit'))));
    const editAgain = formOf(
      only(await priya.submit(edit, { organisation: 'Riverside Youth Trust', kind: '', detail: '' })),
    );
    expect(editAgain).toMatchObject({ id: 'interests.edit', context: edit.context });
    expect(editAgain.fields.find((f) => f.id === 'kind')!.error).toMatch(/^Choose one of/);
    expect(editAgain.fields.find((f) => f.id === 'organisation')!.initial).toBe('Riverside Youth Trust');
    expect(await t.audit('interest.update')).toHaveLength(0);
  });

  it('asks "did you mean …?" for a name close to a known one, and uses the known name when picked', async () => {
    const rosa = t.as('rosa');
    const form = formOf(only(await rosa.action('interests.add', 'new')));
    const saved = only(
      await rosa.submit(form, { organisation: 'Riverside Youth Trst', kind: 'volunteer', detail: '' }),
    );
    expect(textOf(saved)).toContain(
      '“Riverside Youth Trst” is not a name I know, but it is close to “Riverside Youth Trust”',
    );
    const used = only(await rosa.click(button(saved, 'Use “Riverside Youth Trust”')));
    expect(used.summary).toBe('Updated: Volunteer of Riverside Youth Trust.');
    const [update] = await t.audit('interest.update');
    expect(JSON.parse(update!.before!).organisation).toBe('Riverside Youth Trst');
    expect(JSON.parse(update!.after!).organisation).toBe('Riverside Youth Trust');
  });

  it('keeps the typed name when asked, and then knows it', async () => {
    const rosa = t.as('rosa');
    const saved = only(
      await rosa.submit(formOf(only(await rosa.action('interests.add', 'new'))), {
        organisation: 'Acme Cafe',
        kind: 'owner',
        detail: '',
      }),
    );
    expect(buttons(saved).some((b) => b.label.startsWith('Use'))).toBe(false); // nothing close is known yet
    const sarah = t.as('sarah');
    const second = only(
      await sarah.submit(formOf(only(await sarah.action('interests.add', 'new'))), {
        organisation: 'Acme',
        kind: 'volunteer',
        detail: '',
      }),
    );
    const kept = only(await sarah.click(button(second, 'Keep “Acme”')));
    expect(kept.summary).toContain('Kept “Acme” as you typed it');
    expect((await t.db.stores.register.organisations(t.db.partnership.id)).map((o) => o.name)).toEqual([
      'Acme Cafe',
      'Acme',
    ]);
  });

  it('never lets anyone edit, remove or see another member’s entries', async () => {
    const [priyaEntry] = await t.db.stores.register.interestsOf(t.idOf('Priya Patel'));
    const gareth = t.as('gareth');
    for (const actionId of ['interests.edit', 'interests.remove', 'interests.remove.confirm', 'interests.keep']) {
      expect(only(await gareth.action(actionId, priyaEntry!.id)).summary).toContain(
        'That button is from an older message',
      );
    }
    const forged = only(
      await gareth.submit(
        { id: 'interests.edit', title: '', submitLabel: '', fields: [], context: priyaEntry!.id },
        { organisation: 'X', kind: 'member' },
      ),
    );
    expect(forged.summary).toContain('That button is from an older message');
    expect(await t.db.stores.register.interestsOf(t.idOf('Priya Patel'))).toEqual([priyaEntry]);
    const look = only(await gareth.command('interests Priya Patel'));
    expect(look.summary).toContain('You can see only your own register');
    expect(textOf(look)).not.toContain('Riverside');
  });

  it('lets officers and the rep see someone’s register privately, but not change it', async () => {
    for (const who of ['treasurer', 'rep'] as const) {
      const r = only(await t.as(who).command('interests priya patel'));
      expect(r.visibility).toBe('private');
      expect(textOf(r)).toContain('Trustee of Riverside Youth Trust: trustee since 2021');
      expect(buttons(r)).toEqual([]);
    }
    expect(only(await t.as('chair').say('show Kwame Mensah’s interests')).summary).toContain(
      'Kwame Mensah’s register of interests: 0 entries',
    );
    expect(only(await t.as('chair').command('interests Nobody Known')).summary).toContain(
      '“Nobody Known” is not on the roster',
    );
  });

  it('leaves "declare my interests" to the declarations of a decision', async () => {
    const r = only(await t.as('rosa').say('I want to declare my interests'));
    expect(r.summary).not.toContain('register of interests');
  });

  it('tells a stranger how to get linked', async () => {
    expect(only(await t.as('stranger', 'channel').say('my interests')).summary).toContain(
      'I don’t know who you are yet',
    );
  });
});
