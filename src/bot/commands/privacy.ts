// `/partnership privacy`: what the bot holds about people, why, who sees it, and their rights.
import { privacyReply } from '../views/privacy.ts';
import type { Command } from './types.ts';
import { intent } from './types.ts';

export const privacy: Command = {
  name: 'privacy',
  summary: 'What I hold about you, why, and your rights.',
  usage: 'privacy',
  needsPartnership: false,
  intents: [intent(/\b(privacy|what (data|information) do you (hold|keep|have))\b/i)],
  async run() {
    return [privacyReply()];
  },
};
