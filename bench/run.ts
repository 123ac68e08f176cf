// `npm run bench`: every section of issue 9's benchmark, measured in one run on this machine,
// written to bench/results/latest.md (committed) and latest.json. Bounded: each load run stops
// after a fixed number of requests or seconds, and the whole run after BENCH_MAX_MINUTES (15).
//   npm run bench                 all sections
//   npm run bench -- --only 3,5   some sections
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { startPostgres, type PgCluster } from '../scripts/pg-cluster.mjs';
import { ROOT } from './lib/child.ts';
import { toMarkdown, type BenchContext, type SectionResult } from './report.ts';
import { SECTIONS } from './sections/index.ts';

const only = (() => {
  const i = process.argv.indexOf('--only');
  return i >= 0 ? new Set((process.argv[i + 1] ?? '').split(',').map((s) => s.trim())) : null;
})();
const maxMinutes = Number(process.env.BENCH_MAX_MINUTES ?? 15);
const started = Date.now();
const loadAtStart = loadavg()[0] ?? 0;
const log = (message: string) =>
  process.stderr.write(`[bench ${((Date.now() - started) / 1000).toFixed(1)}s] ${message}\n`);

let cluster: Promise<PgCluster | null> | null = null;
const ctx: BenchContext = {
  root: ROOT,
  log,
  postgres() {
    cluster ??= startPostgres().then(
      (c) => {
        process.once('exit', () => c.stop()); // even when the run crashes or is interrupted
        return c;
      },
      (error: Error) => {
        log(`PostgreSQL unavailable: ${error.message}`);
        return null;
      },
    );
    return cluster;
  },
};

async function stopPostgres() {
  const c = cluster ? await cluster : null;
  c?.stop();
}

const deadline = setTimeout(() => {
  log(`stopped: the run took longer than ${maxMinutes} minutes (BENCH_MAX_MINUTES)`);
  void stopPostgres().finally(() => process.exit(2));
}, maxMinutes * 60_000);
deadline.unref();
process.once('SIGINT', () => process.exit(130)); // runs the 'exit' handlers: the cluster is removed

const results: SectionResult[] = [];
let failed = false;
try {
  for (const section of SECTIONS) {
    if (only && !only.has(section.id)) continue;
    log(`section ${section.id}: ${section.title}`);
    try {
      results.push(await section.run(ctx));
    } catch (error) {
      failed = true;
      log(`section ${section.id} failed: ${(error as Error).stack ?? error}`);
      results.push({
        id: section.id,
        title: section.title,
        about: '',
        tables: [],
        targets: [],
        notes: [`**This section failed to run**: ${(error as Error).message.split('\n')[0]}`],
        data: { error: String(error) },
      });
    }
  }
} finally {
  await stopPostgres();
  clearTimeout(deadline);
}

const commit = (() => {
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
    const dirty = execFileSync(
      'git',
      ['status', '--porcelain', '--', 'src', 'adapters', 'bench', 'prisma', ':!bench/results'],
      { cwd: ROOT, encoding: 'utf8' },
    ).trim();
    return dirty ? `${head} with uncommitted changes` : head;
  } catch {
    return 'unknown';
  }
})();
const header = {
  Date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
  Commit: commit,
  Machine: `${cpus().length} x ${cpus()[0]?.model.trim() ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, ${process.platform}`,
  Node: process.version,
  'Load average at start': `${loadAtStart.toFixed(1)}${loadAtStart > cpus().length ? ' (busy machine: other work shares the CPUs, times are pessimistic)' : ''}`,
  'Run time': `${Math.round((Date.now() - started) / 1000)} s`,
};
const dir = join(ROOT, 'bench', 'results');
mkdirSync(dir, { recursive: true });
const name = only ? `partial-${[...only].join('-')}` : 'latest';
writeFileSync(join(dir, `${name}.md`), toMarkdown(header, results));
writeFileSync(
  join(dir, `${name}.json`),
  `${JSON.stringify({ header, sections: results.map((r) => ({ id: r.id, title: r.title, targets: r.targets, data: r.data })) }, null, 2)}\n`,
);
// The targets, met or missed, in the run's own output too (every ratio is in the note).
for (const r of results)
  for (const t of r.targets)
    process.stdout.write(
      `${r.id}. ${t.met === true ? 'met' : t.met === false ? 'MISSED' : 'not measured'}: ${t.text}${t.note ? ` (${t.note})` : ''}\n`,
    );
log(`wrote bench/results/${name}.md and ${name}.json`);
process.exit(failed ? 1 : 0);
