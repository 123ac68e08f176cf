// `/partnership setup <partnership>`: the chair or the rep links a channel to their partnership.
import { textReply } from '../../domain/chat/reply.ts';
import { bindChannel } from '../../services/setup.ts';
import { serviceDeps } from '../context.ts';
import { boundReply, setupRefusalText } from '../views/linking.ts';
import type { Command } from './types.ts';

export const setup: Command = {
  name: 'setup',
  summary: 'Link this channel to your partnership (chair or rep).',
  usage: 'setup <partnership>',
  needsPartnership: false,
  async run({ request, deps, args }) {
    const { conversation, speaker } = request;
    const bound = await bindChannel(serviceDeps(deps), { conversation, speaker, slug: args });
    return [bound.ok ? boundReply(bound.value) : textReply(setupRefusalText(bound.refusal))];
  },
};
