// "Who is on the partnership?" as a reply: names and roles for everyone; residency and email
// only when the answer says so (privately, to officers and the rep).
import type { Block, Reply } from '../../domain/chat/reply.ts';
import { describeRole, isMember, plural, type Person } from '../../domain/roster.ts';
import type { RosterAnswer } from '../../services/roster.ts';

export const ROSTER_UNKNOWN_PERSON =
  'I don’t know who you are yet. Ask your chair or rep to link you with `/partnership link`.';

export function rosterReply(a: RosterAnswer, visibility: Reply['visibility']): Reply {
  const r = a.roster;
  const line = (p: Person) => {
    const extra = a.details
      ? [p.kind === 'member' ? (p.resident ? 'resident' : 'not a resident') : '', p.email ?? 'no email'].filter(Boolean)
      : [];
    return `${p.name}: ${describeRole(p)}${extra.length ? ` (${extra.join(', ')})` : ''}`;
  };
  const members = r.people.filter(isMember);
  const others = r.people.filter((p) => !isMember(p));
  const summary = `${r.partnership.name} has ${plural(members.length, 'member')} (${a.counted} counted towards the criteria).`;
  const blocks: Block[] = [
    { kind: 'heading', text: `Who is on ${r.partnership.name}` },
    { kind: 'text', text: summary },
    { kind: 'list', items: members.map(line) },
  ];
  if (others.length)
    blocks.push(
      { kind: 'heading', text: 'Supporting the partnership (not members)' },
      { kind: 'list', items: others.map(line) },
    );
  if (!a.details && a.mayDetailPrivately)
    blocks.push({ kind: 'note', text: 'Ask me in a direct message to see resident status and email addresses.' });
  return { summary, blocks, visibility };
}
