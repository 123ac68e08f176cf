// Section 8 (issue 20): how long the command line takes to answer, as a person typing it waits:
// a new Node process each run, from the compiled JavaScript in build/ (scripts/build.mjs, run by
// npm install) and, for comparison, from the TypeScript through tsx. Median of several runs.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { median, ms } from '../lib/stats.ts';
import type { Section } from '../report.ts';

const RUNS = 7;
const TARGETS = { help: 1_000, criteria: 1_500 };

interface Timed {
  label: string;
  compiled: number;
  source: number;
}

export const cliStart: Section = {
  id: '8',
  title: 'Command line: time to answer',
  async run(ctx) {
    execFileSync(process.execPath, [join(ctx.root, 'scripts', 'build.mjs'), '--if-stale'], { cwd: ctx.root });
    const bin = join(ctx.root, 'bin', 'partnership-bot.mjs');
    const roster = join(ctx.root, 'prisma', 'seed', 'demo-partnership.json');
    const time = (args: string[], fromSource: boolean) => {
      const runs: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const t = performance.now();
        execFileSync(process.execPath, [bin, ...args], {
          cwd: ctx.root,
          env: {
            PATH: process.env.PATH ?? '',
            HOME: process.env.HOME ?? '',
            PARTNERSHIP_BOT_FROM_SOURCE: fromSource ? '1' : '0',
          },
          stdio: ['ignore', 'ignore', 'ignore'],
        });
        runs.push(performance.now() - t);
      }
      return median(runs);
    };
    const measure = (label: string, args: string[]): Timed => {
      ctx.log(`cli: ${label}`);
      return { label, compiled: time(args, false), source: time(args, true) };
    };
    const help = measure('partnership-bot --help', ['--help']);
    const criteria = measure('partnership-bot criteria --roster (13 people)', ['criteria', '--roster', roster]);
    return {
      id: this.id,
      title: this.title,
      about:
        `Wall time of a new process until it exits, median of ${RUNS} runs each: the compiled JavaScript (build/, what npm install ` +
        'leaves) against the TypeScript compiled on the fly by tsx (what an edited checkout runs until `npm run build`). ' +
        'The roster is prisma/seed/demo-partnership.json (13 people), checked offline.',
      tables: [
        {
          columns: ['Command', 'Compiled (build/)', 'From TypeScript (tsx)'],
          rows: [help, criteria].map((t) => [t.label, ms(t.compiled), ms(t.source)]),
        },
      ],
      targets: [
        {
          text: `\`partnership-bot --help\` under ${TARGETS.help / 1000} s`,
          met: help.compiled < TARGETS.help,
          note: ms(help.compiled),
        },
        {
          text: `\`partnership-bot criteria --roster\` on a 13-person file under ${TARGETS.criteria / 1000} s`,
          met: criteria.compiled < TARGETS.criteria,
          note: ms(criteria.compiled),
        },
      ],
      notes: [],
      data: { help, criteria },
    };
  },
};
