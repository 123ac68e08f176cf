// A person's own page (Slack's App Home tab; any platform's personal tab): their role, whether the
// partnership is in criteria, the decisions open now, and buttons for the common questions. Private
// to the person, but it still shows only what the person may see.
import { checkCriteria } from '../domain/criteria/index.ts';
import { describeRole, plural } from '../domain/roster.ts';
import type { Actor } from '../services/actor.ts';
import { listOpen } from '../services/decisions/record.ts';
import { EXPLAIN, resolve, type BotDeps } from './context.ts';
import type { Request } from '../domain/chat/inbound.ts';
import { can } from '../domain/permissions.ts';
import type { Block, Button, Reply } from '../domain/chat/reply.ts';
import { criteriaHeadline, criteriaItems } from './views/criteria.ts';
import { positionText } from './views/decision-words.ts';
import { formatWhen } from './views/text.ts';
import { EventBus } from '../services/events.ts';

const HELP_BUTTON: Button = { actionId: 'run.help', label: 'What can you do?', value: 'help' };

export async function homeReply(request: Request, deps: BotDeps): Promise<Reply> {
  const r = await resolve({ ...request, conversation: { ...request.conversation, kind: 'direct' } }, deps);
  if (r.status !== 'ok' || !r.person) {
    const why = r.status === 'ok' ? EXPLAIN['unknown-person'] : EXPLAIN[r.status];
    return {
      summary: 'I don’t know who you are yet.',
      visibility: 'private',
      blocks: [
        { kind: 'heading', text: 'partnership-bot' },
        { kind: 'text', text: why },
        {
          kind: 'text',
          text: 'An officer or the rep can link you in a channel of your partnership with `/partnership link @you Your Name`, or add the email address of this chat account to the roster.',
        },
        { kind: 'actions', buttons: [HELP_BUTTON] },
      ],
    };
  }
  const { partnership, roster, person } = r;
  const blocks: Block[] = [
    { kind: 'heading', text: partnership.name },
    {
      kind: 'facts',
      facts: [
        { label: 'You', value: person.name },
        { label: 'Your role', value: describeRole(person) },
      ],
    },
  ];
  const buttons: Button[] = [];
  if (can(person, 'criteria.view')) {
    const report = checkCriteria(roster);
    blocks.push(
      { kind: 'divider' },
      { kind: 'heading', text: report.inCriteria ? '✅ In criteria' : '❌ Not in criteria' },
      { kind: 'text', text: criteriaHeadline(report) },
      { kind: 'checklist', items: criteriaItems(report, false).filter((i) => i.tone !== 'pass') },
    );
    buttons.push({ actionId: 'run.criteria', label: 'Are we in criteria?', value: 'criteria', style: 'primary' });
    if (can(person, 'criteria.details'))
      buttons.push({ actionId: 'criteria.details', label: 'Criteria details', value: 'details' });
  }
  const decisions = await openDecisions(deps, { partnership, roster, person });
  blocks.push({ kind: 'divider' }, { kind: 'heading', text: 'Open decisions' });
  blocks.push(
    decisions.items.length
      ? { kind: 'list', items: decisions.items }
      : { kind: 'text', text: 'No decisions are open at the moment.' },
  );
  if (decisions.buttons.length) blocks.push({ kind: 'actions', buttons: decisions.buttons });
  if (can(person, 'roster.view'))
    buttons.push({ actionId: 'run.roster', label: 'Who is on the partnership?', value: 'roster' });
  buttons.push(HELP_BUTTON);
  blocks.push({ kind: 'divider' }, { kind: 'actions', buttons }, { kind: 'note', text: 'Only you can see this page.' });
  const summary = `${partnership.name}: you are ${describeRole(person)}; ${plural(decisions.items.length, 'open decision')}.`;
  return { summary, blocks, visibility: 'private' };
}

/** The open decisions, soonest closing first, with where the person stands on each and a button for what they can do next. */
async function openDecisions(deps: BotDeps, actor: Actor): Promise<{ items: string[]; buttons: Button[] }> {
  const items: string[] = [];
  const buttons: Button[] = [];
  // Only reads: the Home tab is drawn outside createBot, with no events to announce anything through.
  const { stores, clock, logger } = deps;
  const events = deps.events ?? new EventBus();
  const open = await listOpen({ stores, clock, logger, events }, actor, { soonestFirst: true });
  for (const { decision: d, position } of open.ok ? open.value.shown : []) {
    items.push(
      `Decision ${d.number}: ${d.title} (closes ${formatWhen(d.closesAt, d.rules.timeZone)}). ${positionText(position)}`,
    );
    if (position.kind === 'undeclared')
      buttons.push({ actionId: 'decision.declare', label: `Declare: Decision ${d.number}`, value: d.id });
    if (position.kind === 'declared')
      buttons.push({ actionId: 'decision.ballot', label: `Vote: Decision ${d.number}`, value: d.id, style: 'primary' });
  }
  return { items, buttons: buttons.slice(0, 10) };
}
