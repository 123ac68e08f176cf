// One JSON line per event. Never logs tokens, secrets, message text, payloads or personal data:
// fields are ids and codes, and anything that looks sensitive is dropped by name.
import type { Logger } from '../src/services/ports/index.ts';

const LEVELS = { debug: 10, info: 20, warn: 30, error: 40 } as const;
export type Level = keyof typeof LEVELS;

const SENSITIVE =
  /token|secret|password|authori[sz]ation|cookie|signature|payload|body|text|email|name|interest|relationship|residen|detail|option|choice/i;
const ALLOWED = new Set([
  'requestId',
  'personId',
  'partnershipId',
  'decisionId',
  'platform',
  'route',
  'status',
  'code',
  'ms',
  'method',
  'path',
  'count',
  'port',
  'url',
  'provider',
  'kind',
  'attempt',
  'key',
]);

/** Fields inside fields are fields too: redacted the same way, a few levels down, then left out. */
const DEPTH = 4;

/**
 * An error's message says what went wrong, but some quote what they were given: Prisma's
 * validation errors print the call's arguments (a name, an email) over many lines. So an error
 * is logged as its name, code and the first line of its message, with anything in quotation marks
 * left out (code in backquotes, such as `prisma.person.create()`, is kept).
 */
function errorFields(error: Error): Record<string, unknown> {
  const first = error.message.split('\n').find((line) => line.trim()) ?? '';
  const message = first.replace(/(["“‘'])[^"”’']*(["”’'])/g, '$1…$2').slice(0, 300);
  return { name: error.name, code: (error as { code?: unknown }).code, message };
}

function clean(value: unknown, depth: number): unknown {
  if (value instanceof Error) return errorFields(value);
  if (typeof value === 'string') return value.slice(0, 300);
  if (value === null || typeof value !== 'object') return value;
  if (depth >= DEPTH) return '[nested]';
  if (Array.isArray(value)) return value.map((v) => clean(v, depth + 1));
  return redactAt(value as Record<string, unknown>, depth + 1);
}

function redactAt(fields: Record<string, unknown>, depth: number): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) {
    if (SENSITIVE.test(key) && !ALLOWED.has(key)) continue;
    out[key] = clean(value, depth);
  }
  return out;
}

export function redact(fields: Record<string, unknown> = {}): Record<string, unknown> {
  return redactAt(fields, 0);
}

export function createLogger(
  level: Level = 'info',
  write: (line: string) => void = (l) => process.stdout.write(`${l}\n`),
): Logger & {
  child(fields: Record<string, unknown>): Logger;
  debug(message: string, fields?: Record<string, unknown>): void;
} {
  const make = (bound: Record<string, unknown>) => {
    const emit = (lvl: Level, message: string, fields?: Record<string, unknown>) => {
      if (LEVELS[lvl] < LEVELS[level]) return;
      write(JSON.stringify({ time: new Date().toISOString(), level: lvl, message, ...bound, ...redact(fields) }));
    };
    return {
      debug: (m: string, f?: Record<string, unknown>) => emit('debug', m, f),
      info: (m: string, f?: Record<string, unknown>) => emit('info', m, f),
      warn: (m: string, f?: Record<string, unknown>) => emit('warn', m, f),
      error: (m: string, f?: Record<string, unknown>) => emit('error', m, f),
      child: (f: Record<string, unknown>) => make({ ...bound, ...redact(f) }),
    };
  };
  return make({});
}

export const silentLogger: Logger = { info() {}, warn() {}, error() {} };
