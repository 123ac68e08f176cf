// How a validator names the values it accepts: each exactly as it must be typed (a CLI flag, a
// CSV cell, a roster file), quoted, in a sentence: `"a", "b" or "c"`.

/** `["a", "b", "c"]` → `a, b or c`. */
export function joinOr(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`;
}

/** `["a", "b", "c"]` → `"a", "b" or "c"`. */
export const oneOf = (values: readonly string[]): string => joinOr(values.map((v) => JSON.stringify(v)));

/** The message under a field whose value is not one of `values`. */
export const chooseOneOf = (values: readonly string[]): string => `choose one of ${oneOf(values)}`;
