// `/partnership link @someone Full Name`: an officer or the rep links a chat account to a person
// on the roster, for people whose chat email differs from the one on the roster.
import { textReply } from '../../domain/chat/reply.ts';
import { linkAccount } from '../../services/linking.ts';
import { serviceDeps } from '../context.ts';
import { linkRefusalText, linkedReply } from '../views/linking.ts';
import type { Command } from './types.ts';

const MENTION = /^<@([A-Za-z0-9:_\-.]+)(?:\|[^>]*)?>\s+(.+)$/;

export const link: Command = {
  name: 'link',
  summary: 'Link someone’s chat account to their name on the roster (officers and rep).',
  usage: 'link @someone <name on the roster>',
  needsPartnership: true,
  async run({ request, deps, args, scope }) {
    const m = MENTION.exec(args.trim());
    const { conversation } = request;
    const linked = await linkAccount(serviceDeps(deps), scope, {
      platform: conversation.platform,
      workspaceId: conversation.workspaceId,
      mention: m ? { userId: m[1]!, name: m[2]! } : null,
    });
    return [linked.ok ? linkedReply(linked.value, scope.partnership) : textReply(linkRefusalText(linked.refusal))];
  },
};
