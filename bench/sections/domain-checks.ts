// Section 3: "are we in criteria?" and the conflict-of-interest check (the core's pure domain
// code, src/domain) on generated rosters of 10 to 10,000 people: median time, and how it grows.
import { checkConflicts } from '../../src/domain/coi.ts';
import { checkCriteria } from '../../src/domain/criteria/index.ts';
import { generateRoster, organisationName } from '../lib/rosters.ts';
import { median, ms, timeRepeated } from '../lib/stats.ts';
import type { Section } from '../report.ts';

export const SIZES = [10, 100, 1_000, 10_000] as const;
export const TARGET_MS = 50;

export const domainChecks: Section = {
  id: '3',
  title: 'Criteria and conflict checks by roster size',
  async run(ctx) {
    const measured = SIZES.map((n) => {
      ctx.log(`roster of ${n}`);
      const roster = generateRoster(n);
      const question = {
        organisations: [organisationName(0), organisationName(1), organisationName(2)],
        keyDecision: true,
      };
      const criteriaRuns = timeRepeated(() => checkCriteria(roster));
      const conflictRuns = timeRepeated(() => checkConflicts(roster, question));
      const criteria = median(criteriaRuns);
      const conflicts = median(conflictRuns);
      const fastest = { criteria: Math.min(...criteriaRuns), conflicts: Math.min(...conflictRuns) };
      const report = checkCriteria(roster);
      const coi = checkConflicts(roster, question);
      return {
        n,
        relationships: roster.relationships.length,
        criteria,
        conflicts,
        fastest,
        runs: { criteria: criteriaRuns.length, conflicts: conflictRuns.length },
        failing: report.checks.filter((c) => c.status === 'fail').length,
        mustNotTakePart: coi.mustNotTakePart.length,
      };
    });
    const growth = (i: number, key: 'criteria' | 'conflicts') =>
      i === 0 ? '' : `${(measured[i]![key] / measured[i - 1]![key]).toFixed(1)}x`;
    const largest = measured[measured.length - 1]!;
    return {
      id: this.id,
      title: this.title,
      about:
        'Median of repeated runs after a warm-up, in the benchmark process. Each check builds its own relationship index (Kinship), as the bot ' +
        'does per request. "Growth" is the median against the previous size (10x the people): about 10x is linear. The fastest run ' +
        'is shown too: on a busy machine the median includes time the process waited for a CPU.',
      tables: [
        {
          columns: [
            'People',
            'Relationships',
            'Criteria check, median',
            'Growth',
            'Conflict check (3 organisations), median',
            'Growth',
            'Failing checks',
            'Must not take part',
          ],
          rows: measured.map((m, i) => [
            m.n.toLocaleString('en-GB'),
            m.relationships.toLocaleString('en-GB'),
            `${ms(m.criteria)} (fastest ${ms(m.fastest.criteria)})`,
            growth(i, 'criteria'),
            `${ms(m.conflicts)} (fastest ${ms(m.fastest.conflicts)})`,
            growth(i, 'conflicts'),
            String(m.failing),
            m.mustNotTakePart.toLocaleString('en-GB'),
          ]),
        },
      ],
      targets: [
        {
          text: `criteria check for ${largest.n.toLocaleString('en-GB')} people under ${TARGET_MS} ms (median)`,
          met: largest.criteria < TARGET_MS,
          note: ms(largest.criteria),
        },
        {
          text: `conflict check for ${largest.n.toLocaleString('en-GB')} people under ${TARGET_MS} ms (median)`,
          met: largest.conflicts < TARGET_MS,
          note: ms(largest.conflicts),
        },
      ],
      notes: [],
      data: measured,
    };
  },
};
