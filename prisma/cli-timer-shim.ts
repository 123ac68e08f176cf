// CLI-only workaround: on PostgreSQL the WebAssembly schema engine arms a 10 s timer around the
// advisory lock of `migrate deploy` and never clears it, so every command kept its process (and
// the session holding the lock) alive ten seconds after finishing. Long timers are unref'd here:
// they still fire while the command is working, but no longer keep a finished process alive.
const original = globalThis.setTimeout;
const patched = (fn: (...args: unknown[]) => void, ms?: number, ...args: unknown[]) => {
  const timer = original(fn, ms, ...args);
  if ((ms ?? 0) >= 5_000) timer.unref();
  return timer;
};
globalThis.setTimeout = Object.assign(patched, original) as typeof setTimeout;
