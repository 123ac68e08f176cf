// A submitted review is kept as it was sent to Local Trust, with everyone on the roster by name.
// Erasing someone (docs/privacy.md, "Erasure") puts their pseudonym there in place of their name
// and takes out their signed form's date; the figures stay as submitted. Through the real bot
// core (the rep submits and exports in chat) and a real database.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { erasePerson } from '../../adapters/persistence/privacy.ts';
import type { ReviewDocument } from '../../src/domain/review/types.ts';
import type { PartnershipRef } from '../../src/services/ports/index.ts';
import { createDemoDatabase, type TestDatabase } from '../support/db.ts';
import { FakeClock } from '../support/fake-clock.ts';
import { TimedRecordingNotifier as RecordingNotifier } from '../support/timed-notifier.ts';
import { chat, email, type Chat } from '../review/helpers.ts';

let db: TestDatabase & { partnership: PartnershipRef };
let people: Chat;
beforeEach(async () => {
  db = await createDemoDatabase();
  const clock = new FakeClock('2026-10-05T13:00:00Z');
  people = chat(db.stores, clock, new RecordingNotifier(clock));
});
afterEach(() => db.close());

const SAM = email('Sam Taylor');
const FOUR = { 'reflects-community': 'yes', 'followed-policies': 'yes', 'ethos-values': 'yes', 'coi-guidance': 'yes' };

it('a submitted review shows an erased member under their pseudonym, without their signed form; its figures stay', async () => {
  const p = db.database.db;
  const rosa = (await p.person.findFirstOrThrow({ where: { name: 'Rosa Novak' } })).id;
  await p.person.update({ where: { id: rosa }, data: { membershipFormSignedOn: new Date('2025-03-01T00:00:00Z') } });
  await people.submit(SAM, 'review.answers', FOUR, '2026');
  const [done] = await people.say(SAM, 'review submit confirm');
  expect(done?.summary).toContain('was submitted to Local Trust');
  const document = async () => JSON.parse((await p.reviewSubmission.findFirstOrThrow()).snapshot) as ReviewDocument;
  const before = await document();
  expect(before.members.find((m) => m.personId === rosa)).toMatchObject({
    name: 'Rosa Novak',
    formSignedOn: '2025-03-01',
  });

  const { pseudonym } = (await erasePerson(p, { partnershipId: db.partnership.id, name: 'Rosa Novak' }, null))!;
  const after = await document();
  expect(JSON.stringify(after)).not.toContain('Rosa Novak');
  expect(after.members.find((m) => m.personId === rosa)).toMatchObject({ name: pseudonym, formSignedOn: null });
  expect(after.criteria).toEqual(before.criteria);
  expect(after.members.filter((m) => m.personId !== rosa)).toEqual(before.members.filter((m) => m.personId !== rosa));
  // and the export of the submitted review, read from what was kept
  const file = (await people.say(SAM, 'review export md')).find((r) => r.attachment)!.attachment!.content;
  expect(file).toContain(pseudonym);
  expect(file).not.toContain('Rosa Novak');
});
