// The channel privacy test's world, the same on every surface: marker words planted in every
// personal field, and every command, button, form and scheduled job that can post to a channel.
// A surface says how to send as an actor and how to read back what a channel was shown.
import { expect } from 'vitest';
import type { Inbound } from '../../src/domain/chat/inbound.ts';
import type { App } from '../../adapters/server/app.ts';
import type { ActorKind } from '../security/matrix.ts';

/** Unique strings, one per personal field; none may reach a channel. */
export const MARK = {
  /** a register entry's detail (Sarah Whitfield, owner of the café the decision is about) */
  interestDetail: 'ZZMARKINT1',
  /** a register entry's organisation nobody decides about (Rosa Novak, director) */
  interestOrganisation: 'ZZMARKORG2',
  /** that entry's detail */
  interestDetail2: 'ZZMARKINT3',
  /** a declaration's words (Rosa Novak, for the café decision) */
  declaration: 'ZZMARKDEC4',
  /** the organisation a declaration names, outside the decision's own */
  declarationOrganisation: 'ZZMARKORG5',
} as const;

export const CAFE = 'Northfield Community Café Ltd';
const DECLARED = `${MARK.declaration} my cousin chairs its board`;

/** How a relationship is told (kinds are fixed words, so they are their own markers here). */
export const BOND =
  /\b(spouse|civil partner|household member|sibling|close friend|grandparent|grandchild)\b|['’]s (partner|parent|child|relative|friend)\b|their (relative|household member|close friend)/i;
const RESIDENT = /\b(non-?)?residents?\b|lives? in the area/i;

export async function plantMarkers(app: App): Promise<void> {
  const northfield = (await app.stores.rosters.findPartnership('northfield'))!;
  const people = (await app.stores.rosters.loadRoster(northfield.id)).people;
  const id = (name: string) => people.find((p) => p.name === name)!.id;
  const change = { partnershipId: northfield.id, actorId: null, at: new Date() };
  await app.stores.register.addInterest(change, id('Sarah Whitfield'), {
    organisation: CAFE,
    kind: 'owner',
    detail: `${MARK.interestDetail} part owner since 2019`,
  });
  await app.stores.register.addInterest(change, id('Rosa Novak'), {
    organisation: `${MARK.interestOrganisation} Lettings`,
    kind: 'director',
    detail: `${MARK.interestDetail2} unpaid`,
  });
  await app.stores.register.addRelationship(change, {
    fromId: id('Rosa Novak'),
    toId: id('Aisha Rahman'),
    kind: 'household',
  });
}

export interface Surface {
  app: App;
  send(actor: ActorKind, where: 'direct' | 'channel', inbound: Inbound): Promise<void>;
  /** everything shown to a whole channel, one entry per message (or update) */
  channel(): Promise<string[]>;
  /** everything shown to one person only */
  privately(): Promise<string[]>;
}

const command = (text: string): Inbound => ({ type: 'command', text });
const text = (t: string): Inbound => ({ type: 'text', text: t });
const action = (actionId: string, value: string): Inbound => ({ type: 'action', actionId, value });
const form = (formId: string, values: Record<string, string>, context?: string): Inbound => ({
  type: 'form',
  formId,
  values,
  ...(context ? { context } : {}),
});

async function newestDecision(app: App): Promise<{ id: string; number: number }> {
  const northfield = (await app.stores.rosters.findPartnership('northfield'))!;
  const d = (await app.stores.decisions.list(northfield.id))[0]!;
  return { id: d.id, number: d.number };
}

/** Every command, button, form and job that can post to a channel, with the markers in play. */
export async function driveEverything(s: Surface): Promise<void> {
  const { app } = s;
  // Answers in the channel, from words and from commands, as officers and as members.
  for (const actor of ['chair', 'voting-member', 'paid-worker', 'rep'] as const) {
    await s.send(actor, 'channel', text('are we in criteria?'));
    await s.send(actor, 'channel', text('who is on the partnership?'));
  }
  await s.send('chair', 'channel', text('tell me something'));
  await s.send('chair', 'channel', action('criteria.details', 'details'));
  for (const c of [
    'help',
    'roster',
    'criteria',
    'privacy',
    'interests',
    'relationships',
    'organisations',
    'decisions',
    'review',
  ])
    await s.send('chair', 'channel', command(c));
  await s.send('voting-member', 'channel', command('interests'));
  await s.send('voting-member', 'channel', command('relationships mine'));
  // The conflict check, and its "Share summary".
  await s.send('chair', 'channel', command(`coi ${CAFE}`));
  await s.send('chair', 'channel', action('coi.share', JSON.stringify({ n: [CAFE], k: [] })));
  // A decision about the café: the card, declarations, a vote, the shared log, the close.
  await s.send(
    'chair',
    'channel',
    form('decision.create', {
      title: 'Café catering contract',
      kind: 'procurement',
      organisations: CAFE,
      closes: 'in 3 days',
    }),
  );
  const first = await newestDecision(app);
  await s.send(
    'voting-member',
    'direct',
    form(
      'decision.declare',
      { kind: 'loyalty', organisation: `${MARK.declarationOrganisation} Bakery`, detail: DECLARED },
      first.id,
    ),
  );
  await s.send('vice-chair', 'direct', action('decision.declare.none', first.id));
  await s.send('vice-chair', 'direct', action('decision.vote', `${first.id}:0`));
  await s.send('chair', 'channel', command(`coi ${first.number}`));
  await s.send('chair', 'channel', action('coi.share', JSON.stringify({ n: [CAFE], k: [], d: first.number })));
  await s.send('chair', 'direct', action('decision.share', first.id));
  await s.send('chair', 'channel', command(`decision ${first.number}`));
  await s.send('chair', 'channel', action('decision.view', first.id));
  await s.send('chair', 'channel', action('decision.close.confirm', first.id));
  await s.send('chair', 'direct', action('decision.share', first.id));
  // A second decision, closed by the scheduled job; then every job, in and out of review season.
  await s.send(
    'chair',
    'channel',
    form('decision.create', {
      title: 'Youth club grant',
      kind: 'grant',
      organisations: 'Riverside Youth Trust',
      closes: 'in 3 days',
    }),
  );
  await s.send('secretary', 'direct', action('decision.declare.none', (await newestDecision(app)).id));
  const later = new Date(app.clock.now().getTime() + 4 * 86_400_000);
  const openingDay = new Date(Date.UTC(later.getUTCFullYear() + 1, 8, 1, 8, 30));
  for (const at of [later, openingDay]) for (const job of app.scheduler.jobs) await app.scheduler.tick(job, at);
  await app.background.settled();
  // What the private record holds, so the test cannot pass on empty channels.
  await s.send('chair', 'direct', command(`decision ${first.number}`));
  await s.send('chair', 'direct', command('criteria'));
  await s.send('chair', 'direct', command('interests Rosa Novak'));
  await s.send('chair', 'direct', command(`coi ${CAFE}; ${MARK.interestOrganisation} Lettings`));
}

/** Nothing planted reached a channel; all of it is in the private record; the guard never had to step in. */
export async function expectChannelsClean(s: Surface, names: readonly string[]): Promise<void> {
  const channel = await s.channel();
  const all = channel.join('\n');
  expect(channel.length).toBeGreaterThan(10);
  for (const marker of Object.values(MARK)) expect(all, `${marker} reached a channel`).not.toContain(marker);
  expect(all).not.toMatch(BOND);
  for (const message of channel) {
    // resident wording next to a name, within one string of the message
    for (const piece of message.split(/"|\\n/)) {
      if (RESIDENT.test(piece))
        expect(
          names.filter((n) => piece.includes(n)),
          piece,
        ).toEqual([]);
    }
  }
  expect(all).not.toMatch(/related to a paid worker|from one family|pairs? of officers/);
  // what the channel did see: the shared log and summary by kind, the card's counts
  expect(all).toMatch(/Conflicts of interest log: Decision 1/);
  expect(all).toMatch(/Sarah Whitfield: direct financial interest/);
  expect(all).toMatch(/Tom Whitfield: indirect financial interest; (does|did) not vote/);
  expect(all).toMatch(/Rosa Novak: declared a loyalty interest/);
  expect(all).toMatch(/Relationships on the roster: some need a private look/);
  expect(all).not.toContain('I held this message back');

  const mine = (await s.privately()).join('\n');
  for (const marker of Object.values(MARK)) expect(mine, `${marker} is in the private record`).toContain(marker);
  expect(mine).toMatch(BOND);
  expect(mine).toMatch(/Counted as residents: /);
}

/** A decision whose title repeats a declaration's words: the guard holds the card back, logging a code only. */
export async function expectGuardHoldsBack(s: Surface, logged: () => Record<string, unknown>[]): Promise<void> {
  const before = await s.channel();
  await s.send('chair', 'channel', form('decision.create', { title: DECLARED, closes: 'in 3 days' }));
  const after = (await s.channel())
    .filter((m) => {
      const i = before.indexOf(m); // each earlier message once (a surface may list updates apart from posts)
      if (i >= 0) before.splice(i, 1);
      return i < 0;
    })
    .join('\n');
  expect(after).toContain('I held this message back');
  expect(after).not.toContain(MARK.declaration);
  const lines = logged().filter((l) => l.message === 'channel reply withheld');
  expect(lines.map((l) => l.code)).toContain('declaration-detail');
  expect(JSON.stringify(logged())).not.toContain(MARK.declaration);
}
