// Roster export: the JSON format, or CSV files in the same columns the importer reads.
import { stringify } from 'csv-stringify/sync';
import type { Roster } from '../../domain/roster.ts';
import { toRosterDocument } from './document.ts';
import { settingsToCsv } from './settings-csv.ts';

export const rosterToJson = (roster: Roster): string => `${JSON.stringify(toRosterDocument(roster), null, 2)}\n`;

const yn = (b: boolean | undefined): string => (b ? 'yes' : 'no');

export function rosterToCsv(roster: Roster): {
  people: string;
  relationships: string;
  interests: string;
  settings: string;
} {
  const doc = toRosterDocument(roster);
  return {
    people: stringify([
      [
        'name',
        'kind',
        'resident',
        'voting',
        'roles',
        'lto_representative',
        'councillor',
        'email',
        'membership_form_signed',
        'membership_form_reference',
      ],
      ...doc.people.map((p) => [
        p.name,
        p.kind,
        yn(p.resident),
        yn(p.voting),
        p.roles.join(';'),
        yn(p.ltoRepresentative),
        yn(p.councillor),
        p.email ?? '',
        p.membershipForm?.signed ?? '',
        p.membershipForm?.reference ?? '',
      ]),
    ]),
    relationships: stringify([
      ['person_a', 'kind', 'person_b'],
      ...(doc.relationships ?? []).map((r) => [r.between[0], r.kind, r.between[1]]),
    ]),
    interests: stringify([
      ['name', 'organisation', 'kind', 'detail'],
      ...doc.people.flatMap((p) => (p.interests ?? []).map((i) => [p.name, i.organisation, i.kind, i.detail ?? ''])),
    ]),
    settings: settingsToCsv(roster.partnership.settings),
  };
}
