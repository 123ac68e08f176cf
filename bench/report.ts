// The benchmark's results: one section per row of issue 9, rendered as markdown tables
// (bench/results/latest.md, committed) and JSON (bench/results/latest.json).
import type { PgCluster } from '../scripts/pg-cluster.mjs';

export interface Table {
  caption?: string;
  columns: string[];
  rows: string[][];
}

export interface Target {
  text: string;
  /** true met, false missed, null not measured (the note says why) */
  met: boolean | null;
  note?: string;
}

export interface SectionResult {
  id: string;
  title: string;
  /** what the rows mean, in a sentence or two */
  about: string;
  tables: Table[];
  targets: Target[];
  notes: string[];
  /** raw numbers for latest.json */
  data: unknown;
}

export interface Section {
  id: string;
  title: string;
  run(ctx: BenchContext): Promise<SectionResult>;
}

export interface BenchContext {
  root: string;
  /** a PostgreSQL cluster for this run, started on first use; null when the binaries are missing */
  postgres(): Promise<PgCluster | null>;
  log(message: string): void;
}

/** A row for a measurement whose feature is not on this branch yet: says so, never a number. */
export const notMeasured = (why: string, width: number, label: string): string[] => [
  label,
  `not measured yet: ${why}`,
  ...Array.from({ length: Math.max(0, width - 2) }, () => ''),
];

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function tableMarkdown(t: Table): string {
  const lines = [`| ${t.columns.map(cell).join(' | ')} |`, `|${t.columns.map(() => ' --- ').join('|')}|`];
  for (const row of t.rows) lines.push(`| ${row.map(cell).join(' | ')} |`);
  return (t.caption ? `${t.caption}\n\n` : '') + lines.join('\n');
}

const targetLine = (t: Target) =>
  `- ${t.met === true ? 'met' : t.met === false ? '**missed**' : 'not measured yet'}: ${t.text}${t.note ? ` (${t.note})` : ''}`;

export function toMarkdown(header: Record<string, string>, sections: SectionResult[]): string {
  const out = [
    '# Benchmark results (`npm run bench`)',
    '',
    ...Object.entries(header).map(([k, v]) => `- ${k}: ${v}`),
    '',
  ];
  out.push('What each row means and how to run it: [docs/benchmarks.md](../../docs/benchmarks.md).', '');
  for (const s of sections) {
    out.push(`## ${s.id}. ${s.title}`, '', s.about, '');
    for (const t of s.tables) out.push(tableMarkdown(t), '');
    if (s.targets.length) out.push('Targets:', '', ...s.targets.map(targetLine), '');
    if (s.notes.length) out.push(...s.notes.map((n) => `- ${n}`), '');
  }
  return `${out.join('\n').trim()}\n`;
}
