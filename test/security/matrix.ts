// The authorisation matrix, shared by the core and every surface: each permission of the one
// table (src/domain/permissions.ts) has a representative request and a mark that its answer carries
// only when the request was allowed. Each kind of actor sends each request; what they get must be
// exactly what `can()` says. A permission added to the table without a probe here fails the test
// (and the type check: PROBES must have every permission as a key).
import { expect } from 'vitest';
import { can, PERMISSIONS, type Permission } from '../../src/domain/permissions.ts';
import type { Inbound } from '../../src/domain/chat/inbound.ts';
import type { Person } from '../../src/domain/roster.ts';

/** The kinds of actor the issue names; people from the demo roster (prisma/seed/demo-partnership.json). */
export const ACTORS = {
  rep: { name: 'Sam Taylor', email: 'sam.taylor@example.org' },
  chair: { name: 'Margaret Okafor', email: 'margaret.okafor@example.org' },
  'vice-chair': { name: 'David Hughes', email: 'david.hughes@example.org' },
  secretary: { name: 'Priya Patel', email: 'priya.patel@example.org' },
  treasurer: { name: 'Tom Whitfield', email: 'tom.whitfield@example.org' },
  'voting-member': { name: 'Rosa Novak', email: 'rosa.novak@example.org' },
  'non-voting-member': { name: 'Linda Marsh', email: 'linda.marsh@example.org' },
  'paid-worker': { name: 'Jo Brooks', email: 'jo.brooks@example.org' },
  /** not on any roster */
  unknown: { name: null, email: 'pat.passer-by@example.com' },
  /**
   * In another workspace or tenant, with the chair's email address on their account: the worst
   * case, someone passing as the chair. Emails are trusted only from the partnership's own
   * workspaces, so they are a stranger here.
   */
  'other-workspace': { name: null, email: 'margaret.okafor@example.org' },
} as const;
export type ActorKind = keyof typeof ACTORS;
export const ACTOR_KINDS = Object.keys(ACTORS) as ActorKind[];

/** Where a probe is sent: a direct chat, the partnership's bound channel, or a channel bound to nothing yet. */
export type Where = 'direct' | 'channel' | 'fresh';

export interface Setting {
  decisionId: string;
  decisionNumber: number;
  /** a chat account id nobody has, unique per request, for `link` */
  newAccount: string;
  /** the review year at the server's clock */
  year: number;
}

export interface Probe {
  where: Where;
  inbound(s: Setting): Inbound;
  /** present in what the actor is shown exactly when the request was allowed */
  allowed: RegExp;
}

const command = (text: string): Inbound => ({ type: 'command', text });
const click =
  (actionId: string) =>
  (s: Setting): Inbound => ({ type: 'action', actionId, value: s.decisionId });

export const PROBES = {
  'criteria.view': {
    where: 'direct',
    inbound: () => command('criteria'),
    allowed: /(In|Not in) criteria: \d+ members/,
  },
  'criteria.details': { where: 'direct', inbound: () => command('criteria'), allowed: /Counted as residents: / },
  'roster.view': { where: 'direct', inbound: () => command('roster'), allowed: /Who is on Northfield Big Local/ },
  'roster.details': { where: 'direct', inbound: () => command('roster'), allowed: /rosa\.novak@example\.org/ },
  'coi.check': {
    where: 'direct',
    inbound: () => command('coi Riverside Youth Trust'),
    allowed: /Conflicts of interest: Riverside Youth Trust/,
  },
  'coi.share': {
    where: 'direct',
    inbound: () => ({
      type: 'action',
      actionId: 'coi.share',
      value: JSON.stringify({ n: ['Riverside Youth Trust'], k: [] }),
    }),
    allowed: /Conflicts of interest for Riverside Youth Trust: /,
  },
  'interests.own': { where: 'direct', inbound: () => command('interests'), allowed: /Your register of interests/ },
  'interests.view': {
    where: 'direct',
    inbound: () => command('interests Gareth Jones'),
    allowed: /Gareth Jones’s register of interests/,
  },
  'relationships.own': {
    where: 'direct',
    inbound: () => command('relationships mine'),
    allowed: /Your relationships on the roster/,
  },
  /** case matters: the manager's heading, not "Your relationships on the roster" */
  'relationships.manage': {
    where: 'direct',
    inbound: () => command('relationships'),
    allowed: /Relationships on the roster/,
  },
  'organisations.alias': { where: 'direct', inbound: () => command('organisations'), allowed: /Known organisations/ },
  'channel.bind': {
    where: 'fresh',
    inbound: () => command('setup northfield'),
    allowed: /(now|already) linked to Northfield Big Local/,
  },
  'identity.link': {
    where: 'direct',
    inbound: (s) => command(`link <@${s.newAccount}> Kwame Mensah`),
    allowed: /Linked: that account is now Kwame Mensah/,
  },
  'help.view': {
    where: 'direct',
    inbound: () => command('help'),
    allowed: /governance help for your Big Local partnership/,
  },
  'settings.view': { where: 'direct', inbound: () => command('settings'), allowed: /Settings of Northfield Big Local/ },
  'settings.change': { where: 'direct', inbound: () => command('settings change'), allowed: /settings\.change/ },
  'decision.create': { where: 'channel', inbound: () => command('poll'), allowed: /decision\.create/ },
  'decision.meeting': {
    where: 'direct',
    inbound: () => command('meeting'),
    allowed: /decision\.meeting|Record a decision taken at a meeting/,
  },
  'decision.view': { where: 'direct', inbound: click('decision.view'), allowed: /Only you can see this\. Times are/ },
  'decision.record': {
    where: 'direct',
    inbound: (s) => command(`decision ${s.decisionNumber}`),
    allowed: /Declarations of interest/,
  },
  'decision.share': { where: 'direct', inbound: click('decision.share'), allowed: /conflicts (of interest )?log/i },
  'decision.manage': { where: 'direct', inbound: click('decision.close'), allowed: /Close Decision \d+/ },
  'decision.declare': {
    where: 'direct',
    inbound: click('decision.declare'),
    allowed: /do you have an interest to declare\?/,
  },
  'decision.vote': {
    where: 'direct',
    inbound: click('decision.ballot'),
    allowed: /Please declare first|Your vote: Decision/,
  },
  'review.status': { where: 'direct', inbound: () => command('review'), allowed: /Nudges to the rep/ },
  'review.answer': { where: 'direct', inbound: () => command('review answer'), allowed: /review\.answers/ },
  'review.snooze': {
    where: 'direct',
    inbound: () => command('review snooze'),
    allowed: /Review nudges for Northfield Big Local are paused/,
  },
  'review.settings': { where: 'direct', inbound: () => command('review settings'), allowed: /review\.settings/ },
  'review.export': {
    where: 'direct',
    inbound: () => command('review export md'),
    allowed: /partnership review \d{4} \(Markdown\)/,
  },
  'review.submit': {
    where: 'direct',
    inbound: () => command('review submit'),
    allowed: /Not yet: before the review is marked as submitted|Recorded: the \d{4} review/,
  },
  'policies.view': {
    where: 'direct',
    inbound: () => command('policies'),
    allowed: /Local policies of Northfield Big Local/,
  },
  'policies.manage': { where: 'direct', inbound: () => command('policies add'), allowed: /policies\.save/ },
  'concerns.raise': { where: 'direct', inbound: () => command('concern'), allowed: /concerns\.raise/ },
  /** past the permission check, only the concern's own reviewer sees it: anyone else's click is a stale button */
  'concerns.review': {
    where: 'direct',
    inbound: () => ({ type: 'action', actionId: 'concerns.outcome', value: '6f1c0c52-8f4e-4b0a-9d2e-3f5a7b9c1d2e' }),
    allowed: /That button is from an older message/,
  },
  /** past the permission check, the answer depends on the season: each of these means it was allowed */
  'review.confirm': {
    where: 'direct',
    inbound: (s) => ({ type: 'action', actionId: 'review.confirm', value: `${s.year}:resident` }),
    allowed: /confirmed on|review closed on|already submitted on|That button was for the \d{4} review/,
  },
  /** the cancel button: answered only to those who may appoint, and it changes nothing */
  'roster.appoint': {
    where: 'direct',
    inbound: () => ({ type: 'action', actionId: 'roster.appoint.cancel', value: '' }),
    allowed: /Nothing changed: the appointment was cancelled/,
  },
  'membership-form.own': {
    where: 'direct',
    inbound: () => command('forms mine'),
    allowed: /Your signed membership form/,
  },
  'membership-form.manage': {
    where: 'direct',
    inbound: () => command('forms'),
    allowed: /Members without a signed membership form/,
  },
} as const satisfies Record<Permission, Probe>;

/** Every permission of the table has a probe (a new permission fails here until one is added). */
export function expectEveryPermissionProbed(): void {
  const missing = Object.keys(PERMISSIONS).filter((p) => !Object.hasOwn(PROBES, p));
  expect(
    missing,
    `add a representative request to PROBES in test/security/matrix.ts for: ${missing.join(', ')}`,
  ).toEqual([]);
}

/** How a surface sends a probe as one actor and reads back everything that actor was shown. */
export type Send = (actor: ActorKind, where: Where, inbound: Inbound, fresh: string) => Promise<string>;

export interface Matrix {
  people: Person[];
  setting: () => Setting;
  send: Send;
  /** actors this surface refuses before the core (the playground knows only demo people) */
  refusedAtEdge?: ActorKind[];
}

export const personOf = (people: Person[], actor: ActorKind): Person | null => {
  const name = ACTORS[actor].name;
  return name ? (people.find((p) => p.name === name) ?? null) : null;
};

/** Runs every permission for every actor; returns the cells where the answer differs from the table. */
export async function runMatrix(m: Matrix): Promise<string[]> {
  const wrong: string[] = [];
  let n = 0;
  for (const permission of Object.keys(PROBES) as Permission[]) {
    const probe: Probe = PROBES[permission];
    for (const actor of ACTOR_KINDS) {
      const expected = !m.refusedAtEdge?.includes(actor) && can(personOf(m.people, actor), permission);
      const shown = await m.send(actor, probe.where, probe.inbound(m.setting()), `C0FRESH${++n}`);
      const allowed = probe.allowed.test(shown);
      if (allowed !== expected)
        wrong.push(
          `${permission} × ${actor}: expected ${expected ? 'allowed' : 'refused'}, got ${allowed ? 'allowed' : 'refused'}: ${shown.slice(0, 300)}`,
        );
      expect(shown).not.toMatch(/\n\s+at \S+ \(|TypeError|ReferenceError/);
    }
  }
  return wrong;
}
