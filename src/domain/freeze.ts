// Values shared between requests (cached rosters, decision states, conflict checks) are frozen all
// the way down: code that tried to change a shared copy would throw, not corrupt it for others.
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value as object)) deepFreeze(v);
  }
  return value;
}
