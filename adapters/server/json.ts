// JSON from outside, read once at the edge of every endpoint. Besides the syntax, it refuses what
// no endpoint accepts and what would otherwise fail deep inside (a 500 instead of a 400):
// nesting deeper than MAX_DEPTH (a recursive reader would overflow its stack), strings or keys
// that are not well-formed Unicode (a lone surrogate such as "\ud800": the database driver
// cannot store it) and the keys __proto__, constructor and prototype (copying such an object
// with Object.assign would change its prototype).
import { HttpError } from './http.ts';

export const MAX_DEPTH = 64;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

const shown = (path: string): string => (path.length > 80 ? `${path.slice(0, 80)}…` : path);

/** Where a value sits; its path is spelt out only when it is reported (every request is checked). */
interface Place {
  parent: Place | null;
  key: string;
  inArray: boolean;
}

function pathOf(place: Place | null): string {
  const keys: string[] = [];
  for (let p = place; p; p = p.parent) keys.push(p.inArray ? `[${p.key}]` : `.${p.key}`);
  return `body${keys.reverse().join('')}`;
}

/** A lone surrogate (such as "\ud800") is not a character; a surrogate pair is. */
// String.prototype.isWellFormed is in Node 20; TypeScript's ES2023 library does not list it yet.
const wellFormed = (text: string): boolean => (text as string & { isWellFormed(): boolean }).isWellFormed();

/** Null when the parsed value is acceptable; else one sentence saying what is wrong and where. */
export function jsonProblem(value: unknown): string | null {
  // An explicit stack, not recursion: the check itself must survive any depth.
  const stack: { value: unknown; depth: number; place: Place | null }[] = [{ value, depth: 0, place: null }];
  while (stack.length > 0) {
    const { value: v, depth, place } = stack.pop()!;
    if (typeof v === 'string') {
      if (!wellFormed(v))
        return `${shown(pathOf(place))} contains a lone UTF-16 surrogate (such as \\ud800), which is not a character. Send well-formed Unicode text.`;
      continue;
    }
    if (typeof v !== 'object' || v === null) continue;
    if (depth >= MAX_DEPTH)
      return `The JSON is nested more than ${MAX_DEPTH} levels deep (at ${shown(pathOf(place))}); no request here needs that.`;
    const inArray = Array.isArray(v);
    for (const key in v) {
      if (!Object.hasOwn(v, key)) continue;
      if (!wellFormed(key))
        return `A key in ${shown(pathOf(place))} contains a lone UTF-16 surrogate (such as \\ud800). Send well-formed Unicode text.`;
      if (FORBIDDEN_KEYS.has(key)) return `${shown(pathOf(place))} has the key “${key}”, which is not accepted.`;
      const child = (v as Record<string, unknown>)[key];
      // only objects and strings are looked into; numbers, booleans and null need no place
      if (typeof child === 'string' || (typeof child === 'object' && child !== null))
        stack.push({ value: child, depth: depth + 1, place: { parent: place, key, inArray } });
    }
  }
  return null;
}

/**
 * Parses a request body as JSON, or throws HttpError 400 saying what is wrong. `what` names the
 * body in the message ("The request body", "The Slack payload").
 */
export function parseJson(text: string, what = 'The request body'): unknown {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof SyntaxError ? error.message : 'it could not be read';
    throw new HttpError(400, `${what} is not JSON that can be read (${reason.slice(0, 120)}).`, 'bad_json');
  }
  const problem = jsonProblem(value);
  if (problem) throw new HttpError(400, `${what} is not accepted: ${problem}`, 'bad_json');
  return value;
}
