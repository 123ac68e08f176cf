// The review job in the real server: registered by registerAdapters, run by the scheduler with
// the app's clock, sending through app.notifier to whichever platform a person is linked on.
import { afterEach, describe, expect, it } from 'vitest';
import type { Conversation } from '../../src/domain/chat/inbound.ts';
import type { Reply } from '../../src/domain/chat/reply.ts';
import type { MessageRef, PlatformNotifier } from '../../src/services/ports/index.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { newDatabaseUrl } from '../support/db.ts';
import { FakeClock } from '../support/fake-clock.ts';

const OPENING = new Date('2026-09-01T08:05:00Z');

class RecordingPlatform implements PlatformNotifier {
  readonly sent: { userId: string; reply: Reply }[] = [];
  async sendToUser(_workspaceId: string, userId: string, reply: Reply) {
    this.sent.push({ userId, reply });
    return true;
  }
  async sendToConversation(_c: Conversation, _r: Reply): Promise<MessageRef | null> {
    return null;
  }
  async updateMessage() {
    return false;
  }
}

const apps: TestApp[] = [];
afterEach(async () => {
  for (const a of apps.splice(0).reverse()) await a.close();
});

async function start(url: string) {
  const clock = new FakeClock(OPENING);
  const t = await startTestApp({ DATABASE_URL: url, REVIEW_SEND_INTERVAL_MS: '0' }, { clock });
  apps.push(t);
  const platform = new RecordingPlatform();
  t.app.notifier.register('web', platform);
  return { app: t.app, clock, platform, job: t.app.scheduler.jobs.find((j) => j.name === 'review-season')! };
}

describe('the review job in the server', () => {
  it('runs hourly at :05 and sends to the people linked on a platform; the others are retried later', async () => {
    const db = newDatabaseUrl();
    try {
      const { app, platform, job } = await start(db.url);
      expect(job.schedule).toBe('5 * * * *');
      const northfield = (await app.stores.rosters.findPartnership('northfield'))!;
      const roster = await app.stores.rosters.loadRoster(northfield.id);
      for (const name of ['Sam Taylor', 'Margaret Okafor', 'Gareth Jones']) {
        await app.stores.directory.linkIdentity(
          roster.people.find((p) => p.name === name)!.id,
          'web',
          'local',
          `web-${name}`,
        );
      }
      expect(await app.scheduler.tick(job, OPENING)).toBe(true);
      expect(platform.sent.map((s) => `${s.userId}: ${s.reply.summary.slice(0, 40)}`).sort()).toEqual([
        'web-Gareth Jones: Please confirm that you are a member of ',
        'web-Margaret Okafor: Please confirm that you are a member of ',
        'web-Margaret Okafor: The 2026 partnership review for Northfie',
        'web-Sam Taylor: The 2026 partnership review for Northfie',
      ]);
      const failed = await app.database.db.scheduledSend.findMany({ where: { status: 'failed' } });
      expect(failed).toHaveLength(9);
      expect(failed.every((r) => r.nextAttemptAt?.toISOString() === '2026-09-01T09:05:00.000Z')).toBe(true);
    } finally {
      db.remove();
    }
  });

  it('two servers on one database: one holds the scheduler lease, and even a forced run sends nothing twice', async () => {
    const db = newDatabaseUrl();
    try {
      const a = await start(db.url);
      const b = await start(db.url);
      const northfield = (await a.app.stores.rosters.findPartnership('northfield'))!;
      const sam = (await a.app.stores.rosters.loadRoster(northfield.id)).people.find((p) => p.name === 'Sam Taylor')!;
      await a.app.stores.directory.linkIdentity(sam.id, 'web', 'local', 'web-sam');
      expect(await a.app.scheduler.tick(a.job, OPENING)).toBe(true);
      expect(await b.app.scheduler.tick(b.job, OPENING)).toBe(false); // a holds the lease
      if (b.job.kind !== 'partnerships') throw new Error('the review job is a partnership job');
      await b.job.run(OPENING, 'all', new AbortController().signal); // as if the lease had expired mid-run
      expect(a.platform.sent.map((s) => s.userId)).toEqual(['web-sam']);
      expect(b.platform.sent).toEqual([]);
    } finally {
      db.remove();
    }
  });
});
