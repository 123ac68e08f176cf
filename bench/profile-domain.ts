import { checkConflicts } from '../src/domain/coi.ts';
import { checkCriteria } from '../src/domain/criteria/index.ts';
import { generateRoster, organisationName } from './lib/rosters.ts';
const roster = generateRoster(Number(process.argv[2] ?? 10_000));
const q = { organisations: [organisationName(0), organisationName(1), organisationName(2)], keyDecision: true };
const a: number[] = [];
const b: number[] = [];
for (let i = 0; i < 30; i++) {
  let t = performance.now();
  checkCriteria(roster);
  a.push(performance.now() - t);
  t = performance.now();
  checkConflicts(roster, q);
  b.push(performance.now() - t);
}
a.sort((x, y) => x - y);
b.sort((x, y) => x - y);
console.log(
  'criteria min',
  a[0]!.toFixed(1),
  'median',
  a[15]!.toFixed(1),
  '| coi min',
  b[0]!.toFixed(1),
  'median',
  b[15]!.toFixed(1),
);
