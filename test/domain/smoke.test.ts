import { describe, expect, it } from 'vitest';
import { createBot } from '../../src/bot/bot.ts';
import { silentLogger } from '../../adapters/log.ts';
import { systemClock } from '../../src/services/ports/index.ts';
import { createDemoDatabase, TEST_PROVIDER } from '../support/db.ts';
import { startTestApp } from '../support/app.ts';

describe('foundation wiring', () => {
  it('answers "are we in criteria?" in a direct message for a person linked by email', async () => {
    const db = await createDemoDatabase();
    try {
      const bot = createBot({ stores: db.stores, clock: systemClock, logger: silentLogger });
      const [r] = await bot.handle({
        conversation: { platform: 'web', workspaceId: 'local', channelId: 'dm-1', kind: 'direct' },
        speaker: { userId: 'u1', workspaceId: 'local', email: 'margaret.okafor@example.org' },
        inbound: { type: 'text', text: 'Are we in criteria?' },
      });
      expect(r?.summary).toContain('In criteria: 11 members, 8 residents');
    } finally {
      await db.close();
    }
  });

  it('serves /healthz from the real server', async () => {
    const t = await startTestApp();
    try {
      const res = await fetch(`${t.url}/healthz`);
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ status: 'ok', database: TEST_PROVIDER });
    } finally {
      await t.close();
    }
  });
});
