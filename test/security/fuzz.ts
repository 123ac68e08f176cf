// Shared by the endpoint fuzz tests: hostile values, and the database as it stands (every table's
// row count in one query, and every table's full contents), to show that a request wrote nothing.
import fc from 'fast-check';
import { expect } from 'vitest';
import type { App } from '../../adapters/server/app.ts';

export const RUNS = 1_000;
/** fixed, so a failure is reproducible; fast-check prints the counterexample and its path */
export const SEED = 20_261_204;

/** Strings that have broken parsers before: control and direction marks, lone surrogates, markup, huge. */
export const hostileString = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    '\ud800',
    'a\udfffb',
    '\ud83d',
    '\u202e\u200b',
    '<at>x</at>',
    '<@U1>',
    '<!channel>',
    '${process.exit(1)}',
    '../../etc/passwd',
    '\'; DROP TABLE "Person"; --',
    '__proto__',
    'constructor',
    'toString',
    'NaN',
    '-1',
    '1e309',
    'x'.repeat(5_000),
    'é'.repeat(3_000),
    'javascript:alert(1)',
    'http://127.0.0.1:1/',
    'https://evil.example/',
  ),
);

/** Any JSON-ish value, including the types no field expects and numbers JSON cannot hold exactly. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { depthSize: 'small' },
  hostileString,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom(1e308, -0, Number.MAX_SAFE_INTEGER + 2, 0.1),
  fc.array(fc.oneof(hostileString, fc.integer()), { maxLength: 3 }),
  fc.dictionary(hostileString, fc.oneof(hostileString, fc.integer()), { maxKeys: 3 }),
);

/** JSON text that JSON.stringify would not produce: prototype keys, deep nesting, huge numbers, broken syntax. */
export const hostileJsonText = fc.oneof(
  fc.constantFrom(
    '{"__proto__":{"admin":true}}',
    '{"constructor":{"prototype":{"x":1}}}',
    '{"a":1e400}',
    '{"a":-1e-400}',
    '['.repeat(5_000) + ']'.repeat(5_000),
    '{"a":'.repeat(2_000) + '1' + '}'.repeat(2_000),
    '{"a":"\\ud800"}',
    '{"\\udc00":1}',
    '{"a":1,"a":2}',
    '{',
    '',
    'null',
    '[]',
    '"x"',
    '0',
    'true',
    '{"a":"\\u0000"}',
    '\ufeff{}',
    '{"a":NaN}',
  ),
  fc.json({ maxDepth: 3 }),
  fc.string({ maxLength: 60 }),
);

/** Puts `value` at `key` of a copy of `object`; a "__proto__" key becomes an own property, as JSON.parse makes it. */
export function withField(object: Record<string, unknown>, key: string, value: unknown): Record<string, unknown> {
  const copy: Record<string, unknown> = { ...object };
  Object.defineProperty(copy, key, { value, enumerable: true, writable: true, configurable: true });
  return copy;
}

async function tableNames(app: App): Promise<string[]> {
  const { db, provider } = app.database;
  const rows =
    provider === 'sqlite'
      ? await db.$queryRawUnsafe<{ name: string }[]>(
          "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '_prisma_migrations'",
        )
      : await db.$queryRawUnsafe<{ name: string }[]>(
          "SELECT tablename::text AS name FROM pg_tables WHERE schemaname = current_schema() AND tablename <> '_prisma_migrations'",
        );
  return rows.map((r) => r.name).sort();
}

/** Every table's row count, in one query (cheap enough to take around each request). */
export async function rowCounts(app: App): Promise<Record<string, number>> {
  const names = await tableNames(app);
  const select = names.map((n, i) => `(SELECT COUNT(*) FROM "${n}") AS c${i}`).join(', ');
  const [row] = await app.database.db.$queryRawUnsafe<Record<string, unknown>[]>(`SELECT ${select}`);
  return Object.fromEntries(names.map((n, i) => [n, Number(row?.[`c${i}`])]));
}

const json = (value: unknown) => JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));

/** Every row of every table, order-independent, except the tables named. */
export async function contents(app: App, except: string[] = []): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const name of await tableNames(app)) {
    if (except.includes(name)) continue;
    const rows = await app.database.db.$queryRawUnsafe<unknown[]>(`SELECT * FROM "${name}"`);
    out[name] = rows.map(json).sort();
  }
  return out;
}

/** The server is still up and answering (the process did not exit or wedge). */
export async function stillServing(url: string): Promise<void> {
  const res = await fetch(`${url}/healthz`);
  expect(res.status).toBe(200);
  expect(((await res.json()) as { status: string }).status).toBe('ok');
}

/** What every answer must be: never a 5xx other than 503, never a stack trace or internal error text. */
export function checkAnswer(status: number, text: string, where: string): void {
  expect(status === 503 || status < 500, `${where}: ${status} ${text.slice(0, 300)}`).toBe(true);
  expect(text, where).not.toMatch(
    /\n\s+at \S+|TypeError|ReferenceError|RangeError|SyntaxError: |node_modules|ECONNREFUSED|ENOTFOUND|Prisma/,
  );
}
