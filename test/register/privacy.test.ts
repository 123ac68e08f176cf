// Privacy and authorisation across every register feature: people of each kind type everything
// in the partnership's channel and press every button they are given (two levels deep), and
// submit every form. Only the redacted conflict summary may ever be channel-visible.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Form, Reply } from '../../src/domain/chat/reply.ts';
import { addDecision, giveInterest } from './fixtures.ts';
import { buttons, channelSafe, demo, only, textOf, type Demo, type Who } from './support.ts';

let t: Demo;
beforeEach(async () => {
  t = await demo();
  await giveInterest(t, 'Gareth Jones', 'Acme Ltd', 'employee', 'secret detail text');
  await addDecision(
    t,
    3,
    'Café contract',
    'procurement',
    ['Northfield Community Café Ltd', 'Acme Ltd'],
    [{ name: 'Rosa Novak', outcome: 'interest', kind: 'loyalty', detail: 'coaches the youth team there' }],
  );
});
afterEach(async () => {
  await t.close();
});

const TYPED = [
  'interests',
  'interests Priya Patel',
  'relationships',
  'relationships mine',
  'organisations',
  'coi Riverside Youth Trust; Acme Ltd',
  'coi 3',
  'coi Riverside Youth Trst',
];
const SAID = [
  'my interests',
  'my relationships',
  'who can vote on the Acme Ltd contract?',
  'coi check for Northfield Community Café Ltd',
  'show Gareth Jones’s interests',
];

const formValues = (form: Form): Record<string, string> =>
  Object.fromEntries(
    form.fields.map((f, i) => [
      f.id,
      f.options?.length
        ? f.options[i % f.options.length]!.value
        : f.type === 'textarea'
          ? 'secret detail text'
          : 'Acme Cafe',
    ]),
  );

async function explore(who: Who): Promise<Reply[]> {
  const as = t.as(who, 'channel');
  const seen: Reply[] = [];
  let frontier: Reply[] = [];
  for (const text of TYPED) frontier.push(...(await as.command(text)));
  for (const text of SAID) frontier.push(...(await as.say(text)));
  for (let depth = 0; depth < 2; depth++) {
    seen.push(...frontier);
    const next: Reply[] = [];
    for (const r of frontier) {
      for (const b of buttons(r).slice(0, 6)) next.push(...(await as.click(b)));
      for (const block of r.blocks)
        if (block.kind === 'form') next.push(...(await as.submit(block.form, formValues(block.form))));
    }
    frontier = next;
  }
  return [...seen, ...frontier];
}

describe('privacy', () => {
  it('nothing sensitive ever reaches the channel, whoever asks and whatever they press', async () => {
    for (const who of ['chair', 'secretary', 'gareth', 'worker', 'rep'] as const) {
      const replies = await explore(who);
      expect(replies.length, who).toBeGreaterThan(TYPED.length);
      expect(channelSafe(replies), who).toEqual([]);
      const inChannel = replies.filter((r) => r.visibility === 'channel');
      expect(
        inChannel.every((r) => r.summary.startsWith('Conflicts of interest for ')),
        who,
      ).toBe(true);
      expect(inChannel.map(textOf).join('\n')).not.toMatch(/secret detail text|coaches/);
      if (who === 'chair') expect(inChannel.length).toBeGreaterThan(0);
      else if (who !== 'secretary' && who !== 'rep') expect(inChannel, who).toEqual([]);
    }
  });
});

describe('authorisation', () => {
  const allowed = async (who: Who, text: string): Promise<boolean> =>
    !/^Only |You can see only your own/.test(only(await t.as(who).command(text)).summary);

  it.each([
    ['interests', ['chair', 'gareth', 'linda', 'worker', 'rep'], []],
    ['interests Gareth Jones', ['chair', 'vice', 'secretary', 'treasurer', 'rep'], ['kwame', 'linda', 'worker']],
    ['relationships', ['chair', 'treasurer', 'gareth', 'worker', 'rep'], []],
    ['organisations', ['chair', 'vice', 'secretary', 'treasurer', 'rep'], ['gareth', 'linda', 'worker']],
    ['coi Acme Ltd', ['chair', 'vice', 'secretary', 'rep'], ['treasurer', 'gareth', 'linda', 'worker']],
  ] as [string, Who[], Who[]][])('%s: allowed for %j, refused for %j', async (text, yes, no) => {
    for (const who of yes) expect(await allowed(who, text), `${who}: ${text}`).toBe(true);
    for (const who of no) expect(await allowed(who, text), `${who}: ${text}`).toBe(false);
  });

  it('members see only their own relationships; officers and the rep see all', async () => {
    expect(textOf(only(await t.as('gareth').command('relationships')))).not.toMatch(/Whitfield|Helen|Jo Brooks/);
    expect(textOf(only(await t.as('rep').command('relationships')))).toMatch(
      /Whitfield[\s\S]*Helen Brooks[\s\S]*Kwame/,
    );
  });

  it('members cannot link organisation names, even with a forged button', async () => {
    const value = JSON.stringify({ q: { n: ['Acme'], k: [] }, i: 0, o: 'Acme Ltd' });
    expect(only(await t.as('gareth').action('coi.link', value)).summary).toMatch(/^Only /);
    expect(only(await t.as('treasurer').action('coi.link', value)).summary).toMatch(/^Only /); // may link, may not run the check
    expect(only(await t.as('gareth').action('organisations.alias', 'new')).summary).toMatch(/^Only /);
    expect(await t.audit('organisation.alias')).toEqual([]);
  });
});
