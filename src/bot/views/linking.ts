// Linking chat accounts and channels, in words: `/partnership link` and `/partnership setup`.
import type { Reply } from '../../domain/chat/reply.ts';
import { textReply } from '../../domain/chat/reply.ts';
import type { Person } from '../../domain/roster.ts';
import type { LinkRefusal } from '../../services/linking.ts';
import type { PartnershipRef } from '../../services/ports/index.ts';
import type { SetupRefusal } from '../../services/setup.ts';
import { notOnRosterText } from './register.ts';
import { refusal, refusalText } from './refusals.ts';

export const linkedReply = (person: Person, partnership: PartnershipRef): Reply =>
  textReply(`Linked: that account is now ${person.name} on ${partnership.name}.`);

export function linkRefusalText(refused: LinkRefusal): string {
  switch (refused.code) {
    // someone the roster does not know is told who may link, as anyone else refused
    case 'unknown-person':
      return refusal('identity.link');
    case 'no-mention':
      return 'Mention the person and give their name as it is on the roster, for example: `/partnership link @Rosa Rosa Novak`.';
    case 'not-on-roster':
      return notOnRosterText(refused.name, refused.close);
    case 'linked-elsewhere':
      return 'That account is already linked to someone else. Ask your rep to correct it.';
    default:
      return refusalText(refused);
  }
}

export const boundReply = (partnership: PartnershipRef): Reply =>
  textReply(
    `This channel is now linked to ${partnership.name}. Ask me “are we in criteria?” or type \`/partnership help\`.`,
    'channel',
  );

export function setupRefusalText(refused: SetupRefusal): string {
  switch (refused.code) {
    case 'direct':
      return 'Run `/partnership setup <partnership>` in the channel you want to link, not in a direct message.';
    case 'unknown-partnership':
      return `I don’t know a partnership called “${refused.typed}”. Check the short name your rep imported the roster under (for example \`northfield\`).`;
    case 'which-partnership':
      return 'Which partnership? Type `/partnership setup <partnership>`, for example `/partnership setup northfield`.';
    case 'other-workspace':
      return `${refused.partnership.name} already uses channels in another workspace, so I can’t take your email address as proof of who you are here. Ask its chair or rep to link your account with \`/partnership link\` in one of its channels.`;
    case 'not-on-roster':
      return `You are not on ${refused.partnership.name}’s roster (or I can’t match your account to it). Only its chair or rep can link a channel to it.`;
    case 'already-bound':
      return `This channel is already linked to ${refused.partnership.name}.`;
    case 'bound-elsewhere':
      return 'This channel is already linked to another partnership. Its chair or rep must unlink it first (or use a new channel).';
    default:
      return refusalText(refused);
  }
}
