// Teams accounts for the whole demo roster (prisma/seed/demo-partnership.json), and helpers to
// read what the bot rendered: the Action.Execute buttons of a card, and a form's submit with the
// inputs filled in as Teams sends them (the inputs' values merged into the action's data).
import type { FakeBotConnector, Posted } from '../fakes/bot-connector.ts';
import { TENANT, cardOf, type TeamsUser } from './support.ts';

const user = (n: number, name: string): TeamsUser => ({
  id: `29:1${name.split(' ')[0]!.toLowerCase()}`,
  aadObjectId: `8d5c2a10-0000-4000-8000-0000000001${String(n).padStart(2, '0')}`,
  name,
  email: `${name.toLowerCase().replace(' ', '.')}@example.org`,
});

export const PEOPLE = {
  margaret: user(1, 'Margaret Okafor'),
  david: user(2, 'David Hughes'),
  priya: user(3, 'Priya Patel'),
  tom: user(4, 'Tom Whitfield'),
  sarah: user(5, 'Sarah Whitfield'),
  aisha: user(6, 'Aisha Rahman'),
  gareth: user(7, 'Gareth Jones'),
  linda: user(8, 'Linda Marsh'),
  kwame: user(9, 'Kwame Mensah'),
  helen: user(10, 'Helen Brooks'),
  rosa: user(11, 'Rosa Novak'),
  jo: user(12, 'Jo Brooks'),
  sam: user(13, 'Sam Taylor'),
} satisfies Record<string, TeamsUser>;

export function addMembers(fake: FakeBotConnector): void {
  for (const u of Object.values(PEOPLE))
    fake.members.set(u.id, { id: u.id, name: u.name, aadObjectId: u.aadObjectId, email: u.email, tenantId: TENANT });
}

export const personalChat = (u: TeamsUser): string => `a:personal-${u.id.slice(3)}`;

export interface CardAction {
  type: string;
  title: string;
  verb: string;
  data: Record<string, unknown>;
  fallback?: { type: string; data: Record<string, unknown> };
}

/** Every Action.Execute of a card, wherever it sits (action sets, form containers). */
export function actionsOf(card: unknown): CardAction[] {
  const found: CardAction[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const n = node as Record<string, unknown>;
    if (n.type === 'Action.Execute') found.push(n as unknown as CardAction);
    for (const [k, v] of Object.entries(n)) if (k !== 'fallback') walk(v);
  };
  walk(card);
  return found;
}

/** Every input id of a card. */
export function inputsOf(card: unknown): string[] {
  return (
    JSON.stringify(card)
      .match(/"id":"field\.[^"]+"/g)
      ?.map((m) => m.slice(6, -1)) ?? []
  );
}

export const button = (p: Posted | undefined, title: string): CardAction => {
  const found = actionsOf(cardOf(p)).find((a) => a.title === title);
  if (!found) throw new Error(`no button “${title}” in ${JSON.stringify(cardOf(p))?.slice(0, 400)}`);
  return found;
};

/** The posts to one conversation. */
export const postsIn = (fake: FakeBotConnector, conversationId: string): Posted[] =>
  fake.posted.filter((p) => p.conversationId === conversationId);
