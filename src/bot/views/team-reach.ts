// Reaching a whole Teams team: the line a member gets when the bot opens a private chat with them,
// and the chair's private note on who cannot be reached and what to ask their Teams admin.
import { textReply, type Reply } from '../../domain/chat/reply.ts';
import type { PartnershipRef } from '../../services/ports/index.ts';

export const privateChatOpenedReply = (partnership: PartnershipRef): Reply =>
  textReply(
    `Hello, I’m partnership-bot for ${partnership.name}. I’ll send you the partnership’s declaration and vote prompts here, privately. Type \`help\` to see what else I can do.`,
  );

export interface ReachReport {
  partnership: PartnershipRef;
  /** the command to run again in the channel, e.g. `@partnership-bot setup northfield` */
  again: string;
  reached: number;
  /** Teams refused to open a private chat with them */
  refused: string[];
  /** on the roster, but not found in the team (or not matched by email) */
  notInTeam: string[];
  /** in the team, but not on the roster */
  notOnRoster: string[];
  /** the team's member list could not be read at all */
  membersUnreadable?: boolean;
}

const list = (names: string[]) => names.join(', ');

/** Private: names of people go to the chair only. */
export function reachReportReply(r: ReachReport): Reply {
  const lines: string[] = [];
  if (r.membersUnreadable) {
    lines.push(
      `${r.partnership.name}: Teams would not give me this team’s member list, so I could not open private chats with its members. Ask your Teams admin to check that partnership-bot is allowed in your organisation (Teams admin center, Teams apps > Manage apps) and installed in the team.`,
    );
  } else {
    lines.push(
      `${r.partnership.name}: ${r.reached} ${r.reached === 1 ? 'person' : 'people'} on the roster can get their declaration and vote prompts from me in a private chat.`,
    );
  }
  if (r.refused.length) {
    lines.push(
      `Teams would not let me open a private chat with: ${list(r.refused)}. The app is not installed for them, and your organisation does not let apps be installed for people automatically.`,
      'Ask your Teams admin to do one of these in the Teams admin center:',
      '• Teams apps > Setup policies: add partnership-bot under *Installed apps* in the policy these people have (or the Global policy), so it is installed for them;',
      '• Teams apps > Manage apps: check partnership-bot is *Allowed*, and that the permission policy these people have allows it.',
      'Until then, each of them can open a chat with me: select my name in the channel, then Chat.',
    );
  }
  if (r.notInTeam.length)
    lines.push(
      `On the roster but not found in this team: ${list(r.notInTeam)}. Add them to the team; if they are in it under another email address, link them in the channel: \`@partnership-bot link @Their Name Name on the roster\`.`,
    );
  if (r.notOnRoster.length)
    lines.push(
      `In this team but not on the roster: ${list(r.notOnRoster)}. That is fine for people who are not members; anyone who is should be linked as above.`,
    );
  if (r.refused.length || r.notInTeam.length || r.membersUnreadable)
    lines.push(`When that is done, type \`${r.again}\` in the channel again and I’ll try again.`);
  return textReply(lines.join('\n'));
}
