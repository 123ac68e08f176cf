// What an import would change, by name (ignoring case), and when it ends too many memberships.
import { expect, it } from 'vitest';
import { endsTooMany, rosterChanges } from '../../src/domain/roster-changes.ts';

const people = (...names: string[]) => names.map((name) => ({ name }));

it('matches people by name, ignoring case', () => {
  const c = rosterChanges(people('Ana', 'Ben', 'Cal'), people('ana', 'Ben', 'Dee'));
  expect(c).toEqual({ added: ['Dee'], updated: ['ana', 'Ben'], ended: ['Cal'], current: 3, listed: 3 });
  expect(endsTooMany(c)).toBe(false);
});

it('an empty file, or one ending more than a third of the memberships, ends too many', () => {
  expect(endsTooMany(rosterChanges(people('Ana'), []))).toBe(true);
  expect(endsTooMany(rosterChanges([], []))).toBe(true);
  const six = people('A', 'B', 'C', 'D', 'E', 'F');
  expect(endsTooMany(rosterChanges(six, people('A', 'B', 'C', 'D')))).toBe(false); // 2 of 6: a third
  expect(endsTooMany(rosterChanges(six, people('A', 'B', 'C')))).toBe(true); // 3 of 6
  expect(endsTooMany(rosterChanges([], people('A')))).toBe(false); // a new partnership
});
