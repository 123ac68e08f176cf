// A roster file replaces only what it lists: members keep their register of interests current in
// chat, and officers record relationships there, so a file without them must not wipe them.
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseRosterCsv } from '../../src/services/roster-file/csv.ts';
import { parseRosterJson, type ParsedRoster } from '../../src/services/roster-file/document.ts';
import { rosterToCsv } from '../../src/services/roster-file/export.ts';
import type { Result } from '../../src/domain/result.ts';
import { createDemoDatabase } from '../support/db.ts';
import { DEMO_ROSTER } from '../support/paths.ts';

const value = (r: Result<ParsedRoster>): ParsedRoster => {
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
};

describe('importing a roster over one kept current in chat', () => {
  let db: Awaited<ReturnType<typeof createDemoDatabase>>;
  beforeEach(async () => {
    db = await createDemoDatabase();
  });
  afterEach(async () => {
    await db.close();
  });

  const interestsOf = async (name: string) => {
    const roster = await db.stores.rosters.loadRoster(db.partnership.id);
    return roster.people
      .find((p) => p.name === name)!
      .interests.map((i) => i.organisation)
      .sort();
  };
  const relationshipCount = async () => (await db.stores.rosters.loadRoster(db.partnership.id)).relationships.length;

  async function addedInChat() {
    const rosa = await db.database.db.person.findFirstOrThrow({ where: { name: 'Rosa Novak' } });
    await db.database.db.interest.create({
      data: {
        personId: rosa.id,
        organisation: 'Riverside Allotments',
        organisationKey: 'riverside allotments',
        kind: 'member',
      },
    });
    const gareth = await db.database.db.person.findFirstOrThrow({ where: { name: 'Gareth Jones' } });
    await db.database.db.relationship.create({
      data: { partnershipId: db.partnership.id, fromId: rosa.id, toId: gareth.id, kind: 'household' },
    });
  }

  it('a JSON file without interests or relationships keeps them', async () => {
    await addedInChat();
    const doc = JSON.parse(readFileSync(DEMO_ROSTER, 'utf8'));
    delete doc.relationships;
    for (const p of doc.people) delete p.interests;
    doc.people.find((p: { name: string }) => p.name === 'Gareth Jones').roles = ['treasurer'];
    const parsed = value(parseRosterJson(JSON.stringify(doc), 'roster.json'));
    await db.stores.rosters.importRoster('northfield', parsed.roster, null, parsed.scope);
    expect(await interestsOf('Rosa Novak')).toEqual(['Northfield Food Bank', 'Riverside Allotments']);
    expect(await relationshipCount()).toBe(4);
    const gareth = (await db.stores.rosters.loadRoster(db.partnership.id)).people.find(
      (p) => p.name === 'Gareth Jones',
    )!;
    expect(gareth.roles).toEqual(['treasurer']);
  });

  it('a JSON file that lists them replaces them, person by person', async () => {
    await addedInChat();
    const doc = JSON.parse(readFileSync(DEMO_ROSTER, 'utf8'));
    for (const p of doc.people) if (p.name !== 'Rosa Novak') delete p.interests;
    const parsed = value(parseRosterJson(JSON.stringify(doc), 'roster.json'));
    await db.stores.rosters.importRoster('northfield', parsed.roster, null, parsed.scope);
    expect(await interestsOf('Rosa Novak')).toEqual(['Northfield Food Bank']);
    expect(await interestsOf('Sarah Whitfield')).toEqual(['Northfield Community Café Ltd']);
    expect(await relationshipCount()).toBe(3);
  });

  it('CSV: interests and relationships are replaced only when their files are given', async () => {
    await addedInChat();
    const csv = rosterToCsv(await db.stores.rosters.loadRoster(db.partnership.id));
    const peopleOnly = value(
      parseRosterCsv({ partnershipName: 'Northfield Big Local', people: { file: 'people.csv', text: csv.people } }),
    );
    await db.stores.rosters.importRoster('northfield', peopleOnly.roster, null, peopleOnly.scope);
    expect(await interestsOf('Rosa Novak')).toEqual(['Northfield Food Bank', 'Riverside Allotments']);
    expect(await relationshipCount()).toBe(4);

    const emptyRelationships = value(
      parseRosterCsv({
        partnershipName: 'Northfield Big Local',
        people: { file: 'people.csv', text: csv.people },
        relationships: { file: 'relationships.csv', text: 'person_a,kind,person_b\n' },
        interests: {
          file: 'interests.csv',
          text: 'name,organisation,kind,detail\nRosa Novak,Northfield Food Bank,volunteer,\n',
        },
      }),
    );
    await db.stores.rosters.importRoster('northfield', emptyRelationships.roster, null, emptyRelationships.scope);
    expect(await interestsOf('Rosa Novak')).toEqual(['Northfield Food Bank']);
    expect(await interestsOf('Sarah Whitfield')).toEqual([]);
    expect(await relationshipCount()).toBe(0);
  });
});
