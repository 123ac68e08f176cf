// Which partnerships a scheduled run covers (PartnershipScope), as a Prisma filter. A partnership
// is the playground's sandbox while it is marked so (seeded for the playground) and no Slack or
// Teams channel is bound to it: binding one clears the mark (directory-store.ts), and the second
// condition holds even for a binding written some other way.
import type { PartnershipScope } from '../../src/services/ports/index.ts';

/** The chat platforms real people use: a partnership bound on one of them is never the playground's. */
export const LIVE_PLATFORMS = ['slack', 'teams'];

const SANDBOX = { sandbox: true, bindings: { none: { platform: { in: LIVE_PLATFORMS } } } };

export function partnershipsIn(scope: PartnershipScope): Record<string, unknown> {
  if (scope === 'sandbox') return SANDBOX;
  if (scope === 'live') return { NOT: SANDBOX };
  return {};
}
