// Slack accounts for the whole demo roster (prisma/seed/demo-partnership.json), and helpers to read
// the buttons the bot rendered and to fill in the creation modal as Slack reports it.
import type { Call, FakeUser } from '../fakes/slack-api.ts';
import { TEAM } from './support.ts';

const user = (id: string, name: string): FakeUser => ({
  id,
  teamId: TEAM,
  name,
  email: `${name.toLowerCase().replace(' ', '.')}@example.org`,
});

export const ROSTER_USERS = {
  margaret: user('UMARGARET', 'Margaret Okafor'),
  david: user('UDAVID', 'David Hughes'),
  priya: user('UPRIYA', 'Priya Patel'),
  tom: user('UTOM', 'Tom Whitfield'),
  sarah: user('USARAH', 'Sarah Whitfield'),
  aisha: user('UAISHA', 'Aisha Rahman'),
  gareth: user('UGARETH', 'Gareth Jones'),
  linda: user('ULINDA', 'Linda Marsh'),
  kwame: user('UKWAME', 'Kwame Mensah'),
  helen: user('UHELEN', 'Helen Brooks'),
  rosa: user('UROSA', 'Rosa Novak'),
  jo: user('UJO', 'Jo Brooks'),
  sam: user('USAM', 'Sam Taylor'),
} satisfies Record<string, FakeUser>;

export interface RenderedButton {
  action_id: string;
  value: string;
  text: string;
}

/** Every button of a posted or updated message, as Slack would show it. */
export function buttonsIn(call: Call | undefined): RenderedButton[] {
  const blocks = (call?.args.blocks ?? []) as {
    type: string;
    elements?: { type: string; action_id: string; value: string; text: { text: string } }[];
  }[];
  return blocks
    .filter((b) => b.type === 'actions')
    .flatMap((b) => b.elements ?? [])
    .filter((e) => e.type === 'button')
    .map((e) => ({ action_id: e.action_id, value: e.value, text: e.text.text }));
}

const SELECTS = new Set(['kind', 'ballot', 'visibility']);

/** view.state.values for the decision.create modal (block id and action id are the field id). */
export function modalValues(values: Record<string, string>): Record<string, Record<string, unknown>> {
  const out: Record<string, Record<string, unknown>> = {};
  for (const [id, value] of Object.entries(values)) {
    out[id] = {
      [id]: SELECTS.has(id)
        ? { type: 'static_select', selected_option: { value } }
        : { type: 'plain_text_input', value },
    };
  }
  return out;
}
