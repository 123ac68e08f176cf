// Reading what came in with a form or a button: the register's commands parse with these and hand
// the values to a service, which validates them.
import type { z } from 'zod';

/**
 * A form field's value as text (a multi-select's first choice), clipped at `max`: above the
 * field's own limit, so the service's check says it is too long rather than the text being cut.
 */
export function formValue(values: Record<string, string | string[]>, id: string, max = 2000): string {
  const v = values[id];
  return (Array.isArray(v) ? (v[0] ?? '') : (v ?? '')).slice(0, max);
}

/** Button values are JSON the core wrote; anything that does not parse is an old or forged button. */
export function parseValue<T>(value: string, schema: z.ZodType<T>): T | null {
  try {
    const parsed = schema.safeParse(JSON.parse(value));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
