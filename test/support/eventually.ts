// Waiting for something the test cannot await directly (a row another process writes, a socket a
// library opens): check, yield, check again. The limit only guards against a hang, so it is far
// longer than the wait ever is on a quiet machine; a test never asserts how soon it happened.
// See docs/testing.md ("under load").

/** How long a wait may take before the test calls it a hang: a busy two-core machine included. */
export const HANG_GUARD_MS = 20_000;

/** Resolves once `check` holds; fails saying `what` did not happen if it still does not after `limitMs`. */
export async function eventually(
  check: () => boolean | Promise<boolean>,
  what: string,
  limitMs = HANG_GUARD_MS,
): Promise<void> {
  const until = Date.now() + limitMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`${what} did not happen within ${limitMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
