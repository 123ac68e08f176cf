// "Who is on the partnership?" Names and roles for everyone on the roster; residency and email
// only privately, to officers and the rep.
import { countMembers } from '../../domain/criteria/index.ts';
import { describeRole, isMember, plural } from '../../domain/roster.ts';
import { can } from '../../domain/permissions.ts';
import { refusal } from '../views/refusals.ts';
import type { Block } from '../../domain/chat/reply.ts';
import { textReply } from '../../domain/chat/reply.ts';
import type { Command } from './types.ts';
import { intent } from './types.ts';

export const roster: Command = {
  name: 'roster',
  aliases: ['members', 'who'],
  summary: 'Who is on the partnership, with their roles.',
  usage: 'roster',
  needsPartnership: true,
  intents: [
    intent(
      /\bwho('s| is| are)? (on|in) (the |our )?(partnership|roster)\b/i,
      /\bwho are (the |our )?(partnership )?members\b/i,
      /\b(list|show)( me)? (the |our )?(members|roster|partnership)\b/i,
      /^\s*(roster|members|membership)\??\s*$/i,
    ),
  ],
  async run(ctx) {
    const { roster: r, person } = ctx.scope;
    if (!can(person, 'roster.view'))
      return [
        textReply(
          person
            ? refusal('roster.view')
            : 'I don’t know who you are yet. Ask your chair or rep to link you with `/partnership link`.',
        ),
      ];
    const details = !ctx.inChannel && can(person, 'roster.details');
    const { counted } = countMembers(r);
    const line = (p: (typeof r.people)[number]) => {
      const extra = details
        ? [p.kind === 'member' ? (p.resident ? 'resident' : 'not a resident') : '', p.email ?? 'no email'].filter(
            Boolean,
          )
        : [];
      return `${p.name}: ${describeRole(p)}${extra.length ? ` (${extra.join(', ')})` : ''}`;
    };
    const members = r.people.filter(isMember);
    const others = r.people.filter((p) => !isMember(p));
    const summary = `${r.partnership.name} has ${plural(members.length, 'member')} (${counted.length} counted towards the criteria).`;
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
    if (!details && can(person, 'roster.details'))
      blocks.push({ kind: 'note', text: 'Ask me in a direct message to see resident status and email addresses.' });
    return [{ summary, blocks, visibility: ctx.inChannel ? 'channel' : 'private' }];
  },
};
