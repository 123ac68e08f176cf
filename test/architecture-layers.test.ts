// The inner order of the house (docs/layout.md): src/domain < src/services < src/bot < adapters.
// An import never runs back up, no files import each other in a circle, and only
// adapters/persistence talks to the database. Read from the code's own imports, type imports too.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './support/paths.ts';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'generated' || name === 'public') return [];
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
  });
}

const SOURCES = [...files(join(ROOT, 'src')), ...files(join(ROOT, 'adapters'))];
const rel = (f: string) => relative(ROOT, f);

/** Every relative import (static, dynamic, re-export, type-only) of a file, as repository paths. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const found: string[] = [];
  for (const m of text.matchAll(
    /(?:import|export)[^'";]*?from\s+['"](\.[^'"]+)['"]|import\(\s*['"](\.[^'"]+)['"]\s*\)/g,
  )) {
    const spec = m[1] ?? m[2] ?? '';
    const target = resolve(dirname(file), spec);
    if (existsSync(target)) found.push(rel(target));
  }
  return found;
}

const GRAPH = new Map(SOURCES.map((f) => [rel(f), importsOf(f)]));
const offences = (from: RegExp, to: RegExp) =>
  [...GRAPH].flatMap(([f, deps]) =>
    from.test(f) ? deps.filter((d) => to.test(d)).map((d) => `${f} imports ${d}`) : [],
  );

describe('layers', () => {
  it('src/domain imports nothing from src/services, src/bot or adapters', () => {
    expect(offences(/^src\/domain\//, /^(src\/services|src\/bot|adapters)\//)).toEqual([]);
  });

  it('src/services imports nothing from src/bot or adapters (no views, no chat wording)', () => {
    expect(offences(/^src\/services\//, /^(src\/bot|adapters)\//)).toEqual([]);
  });

  it('src has only its three layers at the top', () => {
    const top = readdirSync(join(ROOT, 'src')).sort();
    expect(top).toEqual(['bot', 'domain', 'services']);
  });

  it('no files import each other in a circle, in src or adapters', () => {
    // Tarjan's strongly connected components: any component of more than one file is a circle.
    const index = new Map<string, number>();
    const low = new Map<string, number>();
    const stack: string[] = [];
    const onStack = new Set<string>();
    const circles: string[][] = [];
    let next = 0;
    const visit = (v: string): void => {
      index.set(v, next);
      low.set(v, next++);
      stack.push(v);
      onStack.add(v);
      for (const w of GRAPH.get(v) ?? []) {
        if (!GRAPH.has(w)) continue;
        if (!index.has(w)) {
          visit(w);
          low.set(v, Math.min(low.get(v)!, low.get(w)!));
        } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
      }
      if (low.get(v) === index.get(v)) {
        const component: string[] = [];
        let w: string;
        do {
          w = stack.pop()!;
          onStack.delete(w);
          component.push(w);
        } while (w !== v);
        if (component.length > 1 || (GRAPH.get(v) ?? []).includes(v)) circles.push(component.sort());
      }
    };
    for (const v of GRAPH.keys()) if (!index.has(v)) visit(v);
    expect(circles).toEqual([]);
  });

  it('only adapters/persistence talks to the database', () => {
    const DATABASE = [
      /from\s+['"](@prisma\/|pg['"]|better-sqlite3)/,
      /\bdatabase\.db\b/,
      /\bdb\s*\.\s*\$(queryRaw|executeRaw|transaction|queryRawUnsafe|executeRawUnsafe)/,
      /\bdb\s*\.\s*[a-z]\w*\s*\.\s*(find|create|update|delete|upsert|count|aggregate|groupBy)\w*\s*\(/,
    ];
    const talking = SOURCES.filter((f) => !rel(f).startsWith('adapters/persistence/'))
      .filter((f) => DATABASE.some((re) => re.test(readFileSync(f, 'utf8'))))
      .map(rel);
    expect(talking).toEqual([]);
  });

  it('wiring is never patched with a cast through unknown', () => {
    const patched = SOURCES.filter((f) => /\bundefined as unknown as\b/.test(readFileSync(f, 'utf8'))).map(rel);
    expect(patched).toEqual([]);
  });
});
