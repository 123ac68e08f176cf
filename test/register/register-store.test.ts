// The register store on a real SQLite file: each change and its audit row are one transaction,
// and nothing crosses from one partnership to another.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseRosterJson } from '../../src/services/roster-file/document.ts';
import type { Change } from '../../src/services/ports/index.ts';
import { erasePerson, exportPerson } from '../../adapters/persistence/privacy.ts';
import { createDemoDatabase } from '../support/db.ts';

let db: Awaited<ReturnType<typeof createDemoDatabase>>;
let change: Change;
let personId: string;
beforeEach(async () => {
  db = await createDemoDatabase();
  change = { partnershipId: db.partnership.id, actorId: null, at: new Date('2026-05-01T09:00:00Z') };
  personId = (await db.stores.rosters.loadRoster(db.partnership.id)).people.find((p) => p.name === 'Rosa Novak')!.id;
});
afterEach(async () => {
  await db.close();
});

const count = (action: string) => db.database.db.auditEvent.count({ where: { action } });

describe('register store', () => {
  it('writes nothing when the audit row cannot be written (one transaction)', async () => {
    const broken = { ...change, partnershipId: 'no-such-partnership' };
    await expect(
      db.stores.register.addInterest(broken, personId, { organisation: 'Acme Ltd', kind: 'owner' }),
    ).rejects.toThrow();
    expect(await db.stores.register.interestsOf(personId)).toHaveLength(1);
    expect(await db.database.db.interest.count({ where: { organisation: 'Acme Ltd' } })).toBe(0);
  });

  it('adds the organisation to the known list with the entry, once', async () => {
    await db.stores.register.addInterest(
      change,
      personId,
      { organisation: 'Acme Ltd', kind: 'owner' },
      { registerOrganisation: true },
    );
    await db.stores.register.addInterest(
      change,
      personId,
      { organisation: 'ACME Limited', kind: 'member' },
      { registerOrganisation: true },
    );
    expect((await db.stores.register.organisations(db.partnership.id)).map((o) => o.name)).toEqual(['Acme Ltd']);
    expect(await count('organisation.add')).toBe(1);
    expect(await count('interest.add')).toBe(2);
  });

  it('merges two known organisations when one is named as the other’s alias', async () => {
    await db.stores.register.addAlias(change, 'Acme Ltd', 'Acme Cafe');
    await db.stores.register.registerOrganisation(change, 'Acme Catering');
    const { organisation, changed } = await db.stores.register.addAlias(change, 'acme cafe', 'Acme Catering');
    expect(changed).toBe(true);
    expect(organisation).toMatchObject({ name: 'Acme Ltd', aliases: ['Acme Cafe', 'Acme Catering'] });
    expect(await db.stores.register.organisations(db.partnership.id)).toHaveLength(1);
    const [merge] = await db.database.db.auditEvent.findMany({ where: { action: 'organisation.merge' } });
    expect(JSON.parse(merge!.before!).merged.name).toBe('Acme Catering');
    expect((await db.stores.register.addAlias(change, 'Acme Ltd', 'ACME CATERING')).changed).toBe(false);
  });

  it('never changes another partnership’s entries', async () => {
    const other = parseRosterJson(
      JSON.stringify({
        partnership: { name: 'Elsewhere' },
        people: [
          {
            name: 'Zed',
            kind: 'member',
            resident: true,
            voting: true,
            roles: [],
            interests: [{ organisation: 'Zed Co', kind: 'owner' }],
          },
        ],
      }),
      'x.json',
    );
    if (!other.ok) throw new Error('bad roster');
    const elsewhere = (await db.stores.rosters.importRoster('elsewhere', other.value.roster)).partnership;
    const zed = (await db.stores.rosters.loadRoster(elsewhere.id)).people[0]!;
    const [theirs] = await db.stores.register.interestsOf(zed.id);
    expect(
      await db.stores.register.updateInterest(change, theirs!.id, { organisation: 'Mine now', kind: 'owner' }),
    ).toEqual({ status: 'not-found' });
    expect(await db.stores.register.removeInterest(change, theirs!.id)).toEqual({ status: 'not-found' });
    const known = await db.stores.register.addAlias(
      { ...change, partnershipId: elsewhere.id },
      'Zed Co',
      'Zed Company',
    );
    expect(await db.stores.register.removeAlias(change, known.organisation.id, 'Zed Company')).toEqual({
      status: 'not-found',
    });
    const [rel] = await db.stores.register.relationships(db.partnership.id);
    expect(await db.stores.register.removeRelationship({ ...change, partnershipId: elsewhere.id }, rel!.id)).toEqual({
      status: 'not-found',
    });
    expect(await db.stores.register.relationships(db.partnership.id)).toHaveLength(3);
  });

  it('refuses a duplicate relationship in either direction', async () => {
    const [rel] = await db.stores.register.relationships(db.partnership.id);
    const inverse = { fromId: rel!.toId, toId: rel!.fromId, kind: rel!.kind };
    expect(await db.stores.register.addRelationship(change, inverse)).toEqual({ status: 'duplicate' });
    expect(await count('relationship.add')).toBe(0);
  });

  it('keeps the latest "nothing to declare" date', async () => {
    expect(await db.stores.register.lastNothingToDeclare(db.partnership.id, personId)).toBeNull();
    await db.stores.register.confirmNothingToDeclare(change, personId);
    await db.stores.register.confirmNothingToDeclare({ ...change, at: new Date('2026-09-01T09:00:00Z') }, personId);
    expect(await db.stores.register.lastNothingToDeclare(db.partnership.id, personId)).toEqual(
      new Date('2026-09-01T09:00:00Z'),
    );
  });

  it('subject access lists a person’s register changes, and erasure clears their snapshots', async () => {
    const lookup = { partnershipId: db.partnership.id, name: 'Rosa Novak' };
    await db.stores.register.addInterest({ ...change, actorId: personId }, personId, {
      organisation: 'Acme Ltd',
      kind: 'owner',
      detail: 'half share',
    });
    const exported = await exportPerson(db.database.db, lookup);
    expect((exported!.auditTrail as { action: string }[]).map((a) => a.action)).toContain('interest.add');
    await erasePerson(db.database.db, lookup, null);
    const rows = await db.database.db.auditEvent.findMany({ where: { action: 'interest.add', subjectId: personId } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ before: null, after: null });
  });
});
