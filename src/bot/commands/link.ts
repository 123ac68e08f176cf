// `/partnership link @someone Full Name`: an officer or the rep links a chat account to a person
// on the roster, for people whose chat email differs from the one on the roster.
import { can } from '../../domain/permissions.ts';
import { refusal } from '../views/refusals.ts';
import { textReply } from '../../domain/chat/reply.ts';
import type { Command } from './types.ts';

const MENTION = /^<@([A-Za-z0-9:_\-.]+)(?:\|[^>]*)?>\s+(.+)$/;

export const link: Command = {
  name: 'link',
  summary: 'Link someone’s chat account to their name on the roster (officers and rep).',
  usage: 'link @someone <name on the roster>',
  needsPartnership: true,
  async run({ request, deps, args, scope }) {
    if (!can(scope.person, 'identity.link')) return [textReply(refusal('identity.link'))];
    const m = MENTION.exec(args.trim());
    if (!m)
      return [
        textReply(
          'Mention the person and give their name as it is on the roster, for example: `/partnership link @Rosa Rosa Novak`.',
        ),
      ];
    const [, userId, rawName] = m as unknown as [string, string, string];
    const wanted = rawName.trim().toLowerCase();
    const target = scope.roster.people.find((p) => p.name.toLowerCase() === wanted);
    if (!target) {
      const close = scope.roster.people
        .filter((p) => p.name.toLowerCase().includes(wanted.split(/\s+/)[0] ?? wanted))
        .map((p) => p.name);
      return [
        textReply(
          `“${rawName.trim()}” is not on the roster.${close.length ? ` Did you mean ${close.slice(0, 3).join(' or ')}?` : ' Check the spelling with `/partnership roster`.'}`,
        ),
      ];
    }
    const { conversation } = request;
    const existing = await deps.stores.directory.findIdentity(conversation.platform, conversation.workspaceId, userId);
    if (existing && existing.personId !== target.id) {
      return [textReply('That account is already linked to someone else. Ask your rep to correct it.')];
    }
    await deps.stores.directory.linkIdentity(target.id, conversation.platform, conversation.workspaceId, userId);
    await deps.stores.audit.record({
      partnershipId: scope.partnership.id,
      actorId: scope.person?.id ?? null,
      action: 'identity.link',
      subjectType: 'person',
      subjectId: target.id,
      after: { platform: conversation.platform },
    });
    return [textReply(`Linked: that account is now ${target.name} on ${scope.partnership.name}.`)];
  },
};
