// A live (not playground) copy of the demo roster, for tests that use Slack or Teams and the
// playground side by side: binding the playground's own demo partnership to Slack or Teams makes
// it real, and the playground then leaves it alone (docs/playground.md).
import { readFileSync } from 'node:fs';
import { DEMO_FILE } from '../../adapters/persistence/seed.ts';
import type { App } from '../../adapters/server/app.ts';
import { parseRosterJson } from '../../src/services/roster-file/document.ts';

export const LIVE_SLUG = 'northfield-live';

export async function importLiveDemo(app: App, slug = LIVE_SLUG): Promise<void> {
  const parsed = parseRosterJson(readFileSync(DEMO_FILE, 'utf8'), DEMO_FILE);
  if (!parsed.ok) throw new Error('the demo roster is invalid');
  await app.stores.rosters.importRoster(slug, parsed.value.roster);
}
