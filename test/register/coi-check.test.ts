import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Reply } from '../../src/domain/chat/reply.ts';
import { addDecision, giveInterest } from './fixtures.ts';
import { button, buttons, demo, formOf, only, textOf, type Demo } from './support.ts';

let t: Demo;
beforeEach(async () => {
  t = await demo();
});
afterEach(async () => {
  await t.close();
});

/** The lines under "Should not take part": "Priya Patel: loyalty interest. Register of interests: …" */
const notTakingPart = (r: Reply): string[] => {
  const at = r.blocks.findIndex((b) => b.kind === 'heading' && b.text === 'Should not take part');
  const list = r.blocks[at + 1];
  return at >= 0 && list?.kind === 'list' ? list.items : [];
};
const mustNot = (r: Reply): string[] => notTakingPart(r).map((line) => line.split(': ')[0]!);
const details = (r: Reply, name: string): string =>
  notTakingPart(r)
    .filter((line) => line.startsWith(`${name}: `))
    .map((line) => line.slice(name.length + 2))
    .join('\n');

describe('the conflict-of-interest check', () => {
  it('finds a register entry, with the entry as evidence, privately', async () => {
    const r = only(await t.as('chair').command('coi Riverside Youth Trust'));
    expect(r.visibility).toBe('private');
    expect(mustNot(r)).toEqual(['Priya Patel']);
    expect(details(r, 'Priya Patel')).toBe(
      'loyalty interest. Register of interests: Priya Patel: trustee of Riverside Youth Trust (trustee since 2021).',
    );
    expect(textOf(r)).toContain(
      '9 eligible voting members remain; the quorum (at least 50% of voting members) needs 5, so the decision can be taken.',
    );
    expect(textOf(r)).toContain('Residents are 7 of the 9 eligible, still the majority.');
  });

  it('follows relationships: a spouse and a close friend of someone who would benefit', async () => {
    const cafe = only(await t.as('vice').command('coi Northfield Community Café Ltd'));
    expect(mustNot(cafe)).toEqual(['Tom Whitfield', 'Sarah Whitfield']);
    expect(details(cafe, 'Tom Whitfield')).toContain(
      "indirect financial interest. Their relative Sarah Whitfield would benefit. Tom Whitfield is Sarah Whitfield's spouse.",
    );
    await giveInterest(t, 'Gareth Jones', 'Acme Ltd', 'employee');
    const acme = only(await t.as('rep').say('who can vote on the Acme Ltd contract?'));
    expect(mustNot(acme)).toEqual(['Gareth Jones', 'Kwame Mensah']);
    expect(details(acme, 'Kwame Mensah')).toContain('Their close friend Gareth Jones would benefit');
  });

  it('checks several organisations at once, and matches names that differ only in spelling details', async () => {
    const r = only(await t.as('secretary').say('coi check for Riverside Youth Trust; Whitfield Accounts Limited'));
    // Sarah Whitfield too: her spouse Tom directs Whitfield Accounts (an indirect financial interest).
    expect(mustNot(r)).toEqual(['Priya Patel', 'Tom Whitfield', 'Sarah Whitfield']);
    expect(details(r, 'Sarah Whitfield')).toContain('Their relative Tom Whitfield would benefit');
    expect(r.summary).toBe(
      '3 members should not take part in the decision about Riverside Youth Trust and Whitfield Accounts Limited.',
    );
    const variant = only(await t.as('chair').command('coi THE northfield community cafe limited.'));
    expect(mustNot(variant)).toEqual(['Tom Whitfield', 'Sarah Whitfield']);
  });

  it('asks "did you mean …?" one name at a time, and checks the picked names', async () => {
    const chair = t.as('chair');
    const first = only(await chair.command('coi Riverside Youth Trst; Whitfeld Accounts'));
    expect(first.summary).toBe('Did you mean “Riverside Youth Trust”?');
    expect(mustNot(first)).toEqual([]);
    const second = only(await chair.click(button(first, 'Use “Riverside Youth Trust”')));
    expect(second.summary).toBe('Did you mean “Whitfield Accounts Ltd”?');
    const done = only(await chair.click(button(second, 'Use “Whitfield Accounts Ltd”')));
    expect(mustNot(done)).toEqual(['Priya Patel', 'Tom Whitfield', 'Sarah Whitfield']);
  });

  it('keeps a typed name when asked, and says nobody’s register mentions it', async () => {
    const asked = only(await t.as('chair').command('coi Riverside Youth Trst'));
    const kept = only(await t.as('chair').click(button(asked, 'Keep “Riverside Youth Trst”')));
    expect(mustNot(kept)).toEqual([]);
    expect(textOf(kept)).toContain(
      'Nobody’s register of interests mentions “Riverside Youth Trst” or a name I know for it',
    );
  });

  it('treats linked names as one organisation, from the check itself or from the organisations list', async () => {
    await t.db.stores.register.registerOrganisation(
      { partnershipId: t.db.partnership.id, actorId: null, at: new Date() },
      'ACME Community Café Limited',
    );
    await giveInterest(t, 'Gareth Jones', 'ACME Community Café Limited', 'employee');
    const asked = only(await t.as('chair').command('coi Acme Cafe'));
    const linked = only(await t.as('chair').click(button(asked, '“Acme Cafe” is “ACME Community Café Limited”')));
    expect(textOf(linked)).toContain('Linked: “Acme Cafe” is now another name for “ACME Community Café Limited”');
    expect(mustNot(linked)).toEqual(['Gareth Jones', 'Kwame Mensah']);
    const [alias] = await t.audit('organisation.alias');
    expect(JSON.parse(alias!.before!).aliases).toEqual([]);
    expect(JSON.parse(alias!.after!).aliases).toEqual(['Acme Cafe']);

    // A register entry under the alias now counts for the known name, without a question.
    await giveInterest(t, 'Rosa Novak', 'acme cafe', 'owner');
    const again = only(await t.as('secretary').command('coi ACME Community Café Ltd'));
    expect(mustNot(again)).toEqual(['Gareth Jones', 'Kwame Mensah', 'Rosa Novak']);

    // An officer links two names from the organisations list; the check then matches them.
    const list = only(await t.as('treasurer').command('organisations'));
    const form = formOf(only(await t.as('treasurer').click(button(list, 'Two names, one organisation'))));
    const riverside = form.fields[0]!.options!.find((o) => o.label === 'Riverside Youth Trust')!;
    const done = only(await t.as('treasurer').submit(form, { organisation: riverside.value, alias: 'RYT' }));
    expect(textOf(done)).toContain('Riverside Youth Trust (also: RYT)');
    const ryt = only(await t.as('chair').command('coi RYT'));
    expect(mustNot(ryt)).toEqual(['Priya Patel']);
    expect(textOf(ryt)).toContain('“RYT” is another name for “Riverside Youth Trust”: both are checked.');

    // Separating them again is audited, and the names no longer match.
    const separated = only(await t.as('treasurer').click(button(done, 'Separate “RYT”')));
    expect(separated.summary).toContain('Separated: “RYT”');
    expect(await t.audit('organisation.unalias')).toHaveLength(1);
    expect(mustNot(only(await t.as('chair').command('coi RYT')))).toEqual([]);
  });

  it('checks a numbered decision with its organisations and the declarations made for it', async () => {
    await addDecision(
      t,
      7,
      'Youth club grant',
      'grant',
      ['Riverside Youth Trust'],
      [
        { name: 'Kwame Mensah', outcome: 'interest', kind: 'loyalty', detail: 'coaches the youth team there' },
        { name: 'Gareth Jones', outcome: 'none' },
      ],
    );
    for (const r of [
      only(await t.as('chair').command('coi 7')),
      only(await t.as('chair').say('who can vote on decision 7?')),
    ]) {
      expect(r.summary).toBe('2 members should not take part in decision 7 (Youth club grant).');
      expect(mustNot(r)).toEqual(['Priya Patel', 'Kwame Mensah']);
      expect(details(r, 'Kwame Mensah')).toBe(
        'loyalty interest. Kwame Mensah declared a loyalty interest for this decision: coaches the youth team there.',
      );
    }
    await addDecision(
      t,
      8,
      'Room hire',
      'procurement',
      [],
      [{ name: 'Rosa Novak', outcome: 'interest', kind: 'direct-financial' }],
    );
    const eight = only(await t.as('chair').command('coi decision #8'));
    expect(mustNot(eight)).toEqual(['Rosa Novak']);
    expect(textOf(eight)).toContain(
      'Decision 8 names no organisation, so only the declarations made for it are checked.',
    );
    expect(only(await t.as('chair').command('coi 99')).summary).toContain('Northfield Big Local has no decision 99.');
  });

  it('reports a quorum shortfall and a lost resident majority', async () => {
    const settings = {
      ...t.db.partnership.settings,
      quorum: { type: 'count' as const, value: 8 },
      residentThreshold: 0.9,
    };
    await t.db.stores.rosters.updateSettings(t.db.partnership.id, settings, null);
    const r = only(await t.as('chair').command('coi Riverside Youth Trust; Northfield Community Café Ltd'));
    expect(mustNot(r)).toEqual(['Priya Patel', 'Tom Whitfield', 'Sarah Whitfield']);
    expect(textOf(r)).toContain(
      'Only 7 eligible voting members remain; the quorum (at least 8 eligible voting members) needs 8.',
    );
    expect(textOf(r)).toContain('Residents are only 6 of the 7 eligible: not the majority');
  });

  it('only the chair, vice-chair, secretary and rep may run or share it', async () => {
    const refusal = 'Only the chair, the vice-chair, the secretary or the rep can do that.';
    for (const who of ['gareth', 'treasurer', 'worker', 'linda'] as const) {
      expect(only(await t.as(who).command('coi Riverside Youth Trust')).summary, who).toBe(refusal);
      expect(only(await t.as(who, 'channel').say('who can vote on the Riverside Youth Trust grant?')).visibility).toBe(
        'private',
      );
      expect(
        only(await t.as(who).action('coi.pick', JSON.stringify({ n: ['Riverside Youth Trust'], k: [] }))).summary,
      ).toBe(refusal);
      expect(
        only(await t.as(who, 'channel').action('coi.share', JSON.stringify({ n: ['Riverside Youth Trust'], k: [] })))
          .visibility,
      ).toBe('private');
    }
    expect(only(await t.as('rep').command('coi Riverside Youth Trust')).summary).toContain(
      '1 member should not take part',
    );
    expect(only(await t.as('chair').action('coi.pick', 'not json')).summary).toContain(
      'That button is from an older message',
    );
  });

  it('shares a redacted summary with the channel: names and kinds of reason only', async () => {
    await addDecision(
      t,
      3,
      'Café contract',
      'procurement',
      ['Northfield Community Café Ltd', 'Riverside Youth Trust'],
      [{ name: 'Kwame Mensah', outcome: 'interest', kind: 'loyalty', detail: 'coaches the youth team there' }],
    );
    const asked = only(await t.as('chair', 'channel').command('coi 3'));
    expect(asked.visibility).toBe('private');
    const shared = await t.as('chair', 'channel').click(button(asked, 'Share summary'));
    const post = only(shared);
    expect(post.visibility).toBe('channel');
    expect(post.blocks.find((b) => b.kind === 'list')).toEqual({
      kind: 'list',
      items: [
        'Priya Patel: loyalty interest',
        'Tom Whitfield: indirect financial interest',
        'Sarah Whitfield: direct financial interest',
        'Kwame Mensah: loyalty interest',
      ],
    });
    expect(textOf(post)).toContain('6 voting members can take part; the quorum needs 5, so the decision can be taken.');
    expect(textOf(post)).not.toMatch(/spouse|trustee|café manager|coaches|resident|Register/i);
    expect(buttons(post)).toEqual([]);
    expect(await t.audit('coi.shared')).toHaveLength(1);
    // In a direct chat there is nothing to share into: no button, and a note saying where to run it.
    const direct = only(await t.as('chair').command('coi 3'));
    expect(buttons(direct)).toEqual([]);
    expect(textOf(direct)).toContain('To share a summary with the partnership, run the check in its channel');
  });
});
