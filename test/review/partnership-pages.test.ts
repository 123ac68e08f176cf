// The sweep reads partnerships a page at a time, in id order, only those of its scope: the
// scheduler's live ones, the playground's sandbox (marked so and bound to no Slack or Teams
// channel), or all. Run on SQLite and, with TEST_DATABASE=postgres, on PostgreSQL (plain SQL).
import { afterEach, expect, it } from 'vitest';
import type { PartnershipScope } from '../../src/services/ports/index.ts';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';

let t: TestDatabase | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

it('pages through the partnerships of a scope, one page after another, each once', async () => {
  t = await createTestDatabase();
  const db = t.database.db;
  const sandbox = await db.partnership.create({ data: { slug: 'sandbox', name: 'Sandbox', sandbox: true } });
  const bound = await db.partnership.create({ data: { slug: 'bound', name: 'Bound', sandbox: true } });
  await db.partnership.create({ data: { slug: 'real', name: 'Real', settings: '{"timeZone":"Europe/Paris"}' } });
  await db.channelBinding.create({
    data: { platform: 'slack', workspaceId: 'T1', channelId: 'C1', partnershipId: bound.id },
  });
  await db.channelBinding.create({
    data: { platform: 'web', workspaceId: 'web', channelId: 'C2', partnershipId: sandbox.id },
  });
  const pages = async (scope: PartnershipScope) => {
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page = await t!.stores.reviews.listPartnerships(after, 1, scope);
      if (!page.length) return seen.sort();
      seen.push(...page.map((p) => `${p.slug} ${p.settings.timeZone}`));
      after = page[page.length - 1]!.id;
    }
  };
  expect(await pages('sandbox')).toEqual(['sandbox Europe/London']);
  expect(await pages('live')).toEqual(['bound Europe/London', 'real Europe/Paris']);
  expect(await pages('all')).toEqual(['bound Europe/London', 'real Europe/Paris', 'sandbox Europe/London']);
});
