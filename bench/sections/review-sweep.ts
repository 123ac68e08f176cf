// Section 4: the review-season nudge sweep for 150, 1,000 and 10,000 partnerships (time, queries,
// memory). The sweep is issue 7's feature: until it is on the branch this section says so.
import { features } from '../lib/features.ts';
import { notMeasured, type Section } from '../report.ts';

export const SWEEP_SIZES = [150, 1_000, 10_000] as const;

export const reviewSweep: Section = {
  id: '4',
  title: 'Review-season nudge sweep by number of partnerships',
  async run() {
    const present = (await features()).reviewSweep;
    const why = present
      ? 'review-season code exists, but bench/sections/review-sweep.ts has no sweep scenario yet'
      : 'needs the review-season sweep (issue 7)';
    const columns = ['Partnerships', 'Result', 'Time', 'Queries', 'Peak memory'];
    return {
      id: this.id,
      title: this.title,
      about: 'One run of the scheduled nudge sweep over many partnerships in one database: time, SQL statements and memory.',
      tables: [{ columns, rows: SWEEP_SIZES.map((n) => notMeasured(why, columns.length, n.toLocaleString('en-GB'))) }],
      targets: [{ text: '10,000-partnership sweep under 10 s with memory flat', met: null, note: why }],
      notes: [],
      data: { measured: false, why },
    };
  },
};
