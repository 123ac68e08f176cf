// The concern reviewer is a name on the roster, kept in the partnership's settings (which every
// member reads with `settings`) and in each settings change's audit row. Erasing that person
// (docs/privacy.md, "Erasure") sets the reviewer back to the default, the rep, and puts their
// pseudonym in the audit rows; erasing anyone else leaves the setting alone. Through the real bot
// core and a real database.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { erasePerson } from '../../adapters/persistence/privacy.ts';
import { replyText } from '../../src/domain/chat/reply.ts';
import type { PartnershipRef } from '../../src/services/ports/index.ts';
import { createDemoDatabase, type TestDatabase } from '../support/db.ts';
import { FakeClock } from '../support/fake-clock.ts';
import { TimedRecordingNotifier as RecordingNotifier } from '../support/timed-notifier.ts';
import { chat, email, type Chat } from '../review/helpers.ts';

let db: TestDatabase & { partnership: PartnershipRef };
let people: Chat;
beforeEach(async () => {
  db = await createDemoDatabase();
  const clock = new FakeClock('2026-12-05T10:00:00Z');
  people = chat(db.stores, clock, new RecordingNotifier(clock));
});
afterEach(() => db.close());

const settingsText = async () => replyText((await people.say(email('Gareth Jones'), 'settings'))[0]!);
const audits = () => db.database.db.auditEvent.findMany({ where: { action: 'settings.update' } });

it('erasing the concern reviewer takes their name out of the settings and the settings’ audit rows', async () => {
  const p = db.database.db;
  const chair = (await p.person.findFirstOrThrow({ where: { name: 'Margaret Okafor' } })).id;
  const settings = async () => (await db.stores.rosters.getPartnership(db.partnership.id))!.settings;
  await db.stores.rosters.updateSettings(
    db.partnership.id,
    { ...(await settings()), concernReviewer: 'Helen Brooks' },
    chair,
  );
  await db.stores.rosters.updateSettings(db.partnership.id, { ...(await settings()), retentionMonths: 12 }, chair);
  expect(await settingsText()).toContain('Helen Brooks');
  expect(JSON.stringify(await audits())).toContain('Helen Brooks');

  // someone else's erasure leaves the reviewer as it is
  await erasePerson(p, { partnershipId: db.partnership.id, name: 'Rosa Novak' }, null);
  expect((await settings()).concernReviewer).toBe('Helen Brooks');

  const { pseudonym } = (await erasePerson(p, { partnershipId: db.partnership.id, name: 'helen brooks' }, null))!;
  expect((await settings()).concernReviewer).toBeUndefined();
  expect((await settings()).retentionMonths).toBe(12); // the other settings as they were
  expect(await settingsText()).not.toContain('Helen Brooks');
  const rows = await audits();
  expect(rows).toHaveLength(2);
  expect(JSON.stringify(rows)).not.toContain('Helen Brooks');
  expect(rows.map((r) => JSON.parse(r.after!).concernReviewer)).toEqual([pseudonym, pseudonym]);
});
