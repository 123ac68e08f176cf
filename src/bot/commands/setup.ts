// `/partnership setup <partnership>`: the chair or the rep links a channel to their partnership.
import type { Person } from '../../domain/roster.ts';
import { findTrustedIdentity, workspaceTrusted } from '../context.ts';
import { can } from '../../domain/permissions.ts';
import { refusal } from '../views/refusals.ts';
import { textReply } from '../../domain/chat/reply.ts';
import type { Command } from './types.ts';

export const setup: Command = {
  name: 'setup',
  summary: 'Link this channel to your partnership (chair or rep).',
  usage: 'setup <partnership>',
  needsPartnership: false,
  async run({ request, deps, args }) {
    const { conversation, speaker } = request;
    const { directory, rosters, audit } = deps.stores;
    if (conversation.kind === 'direct') {
      return [
        textReply('Run `/partnership setup <partnership>` in the channel you want to link, not in a direct message.'),
      ];
    }
    const slug = args.trim().toLowerCase();
    const linked = await findTrustedIdentity(directory, conversation.platform, speaker.workspaceId, speaker.userId);
    const partnership = slug
      ? await rosters.findPartnership(slug)
      : linked
        ? await rosters.getPartnership(linked.partnershipId)
        : null;
    if (!partnership) {
      return [
        textReply(
          slug
            ? `I don’t know a partnership called “${args.trim()}”. Check the short name your rep imported the roster under (for example \`northfield\`).`
            : 'Which partnership? Type `/partnership setup <partnership>`, for example `/partnership setup northfield`.',
        ),
      ];
    }
    let personId = linked?.partnershipId === partnership.id ? linked.personId : null;
    if (!personId && speaker.email) {
      const match = (await directory.findByEmail(speaker.email)).find((m) => m.partnershipId === partnership.id);
      if (match && !(await workspaceTrusted(directory, conversation.platform, speaker.workspaceId, partnership.id))) {
        return [
          textReply(
            `${partnership.name} already uses channels in another workspace, so I can’t take your email address as proof of who you are here. Ask its chair or rep to link your account with \`/partnership link\` in one of its channels.`,
          ),
        ];
      }
      if (match) {
        personId = match.personId;
        await directory.linkIdentity(match.personId, conversation.platform, speaker.workspaceId, speaker.userId);
      }
    }
    const roster = await rosters.loadRoster(partnership.id);
    const person: Person | null = roster.people.find((p) => p.id === personId) ?? null;
    if (!person)
      return [
        textReply(
          `You are not on ${partnership.name}’s roster (or I can’t match your account to it). Only its chair or rep can link a channel to it.`,
        ),
      ];
    if (!can(person, 'channel.bind')) return [textReply(refusal('channel.bind'))];

    const existing = await directory.findBinding(
      conversation.platform,
      conversation.workspaceId,
      conversation.channelId,
    );
    if (existing?.partnershipId === partnership.id)
      return [textReply(`This channel is already linked to ${partnership.name}.`)];
    if (existing)
      return [
        textReply(
          'This channel is already linked to another partnership. Its chair or rep must unlink it first (or use a new channel).',
        ),
      ];
    await directory.bindChannel(
      {
        partnershipId: partnership.id,
        platform: conversation.platform,
        workspaceId: conversation.workspaceId,
        channelId: conversation.channelId,
      },
      person.id,
    );
    await audit.record({
      partnershipId: partnership.id,
      actorId: person.id,
      action: 'channel.bind',
      subjectType: 'channel',
      subjectId: conversation.channelId,
    });
    return [
      textReply(
        `This channel is now linked to ${partnership.name}. Ask me “are we in criteria?” or type \`/partnership help\`.`,
        'channel',
      ),
    ];
  },
};
