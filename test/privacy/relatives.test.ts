// Relatives not on the roster are personal data (docs/privacy.md): a person's export lists those
// linked to them; erasing the person removes their links, and a relative linked to nobody else.
import { afterEach, describe, expect, it } from 'vitest';
import { erasePerson, exportPerson } from '../../adapters/persistence/privacy.ts';
import { formatProblems } from '../../src/domain/result.ts';
import { locateInJson, parseRosterDocument } from '../../src/services/roster-file/document.ts';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';
import { many, resident } from '../support/rosters.ts';

let db: TestDatabase | undefined;
afterEach(async () => {
  await db?.close();
  db = undefined;
});

async function partnership() {
  db = await createTestDatabase();
  const parsed = parseRosterDocument(
    {
      partnership: { name: 'Private Big Local' },
      people: [
        resident('Chris Chair', { roles: ['chair'] }),
        resident('Tess Treasurer', { roles: ['treasurer'] }),
        resident('Sarah Whitfield'),
        ...many(6, 'R'),
      ],
      relatives: [
        {
          name: 'Sam Spouse',
          links: [
            { kind: 'spouse', of: 'Chris Chair' },
            { kind: 'child', of: 'Tess Treasurer' },
          ],
        },
        {
          name: 'Tom Whitfield',
          links: [{ kind: 'spouse', of: 'Sarah Whitfield' }],
          interests: [{ organisation: 'Whitfield Accounts Ltd', kind: 'director' }],
        },
      ],
    },
    locateInJson('test roster'),
  );
  if (!parsed.ok) throw new Error(formatProblems(parsed.error));
  const { partnership } = await db.stores.rosters.importRoster('private', parsed.value.roster);
  return { db, partnershipId: partnership.id };
}

describe('relatives not on the roster and a person’s data', () => {
  it('the export lists the relatives linked to the person, with their links and financial interests', async () => {
    const { db, partnershipId } = await partnership();
    const data = (await exportPerson(db.database.db, { partnershipId, name: 'Sarah Whitfield' }))!;
    expect(data.relationships).toEqual([
      { statement: "Tom Whitfield (not on the roster) is Sarah Whitfield's spouse", recorded: expect.any(Date) },
    ]);
    expect(data.relativesNotOnRoster).toEqual([
      { name: 'Tom Whitfield', interests: [{ organisation: 'Whitfield Accounts Ltd', kind: 'director' }] },
    ]);
  });

  it('erasure removes the links to the person; a relative linked to nobody else goes with them', async () => {
    const { db, partnershipId } = await partnership();
    await erasePerson(db.database.db, { partnershipId, name: 'Sarah Whitfield' }, null);
    await erasePerson(db.database.db, { partnershipId, name: 'Chris Chair' }, null);
    const rows = await db.database.db.relative.findMany({ where: { partnershipId } });
    expect(rows.map((r) => r.name)).toEqual(['Sam Spouse']);
    const roster = await db.stores.rosters.loadRoster(partnershipId);
    const tess = roster.people.find((p) => p.name === 'Tess Treasurer')!;
    expect(roster.relatives).toEqual([
      { id: rows[0]!.id, name: 'Sam Spouse', links: [{ personId: tess.id, kind: 'child' }], interests: [] },
    ]);
  });
});
