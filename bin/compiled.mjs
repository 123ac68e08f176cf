// Runs the compiled JavaScript in build/ (scripts/build.mjs) when it is as new as every source,
// and otherwise the TypeScript itself through tsx, so an edited checkout never runs stale code.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Folders compiled to build/ (the same paths below it). */
export const SOURCE_DIRS = ['src', 'adapters'];
/** Written last by a build: its time is the build's. */
export const BUILT_STAMP = '.built';

function newestSource(dir, newest = 0) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = newestSource(path, newest);
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

/** Whether build/ was built after the last change to any source file. */
export function isFresh(root) {
  let built;
  try {
    built = statSync(join(root, 'build', BUILT_STAMP)).mtimeMs;
  } catch {
    return false;
  }
  return SOURCE_DIRS.every((dir) => newestSource(join(root, dir)) <= built);
}

/** Imports `path` (relative to the root, a .ts file): its compiled twin when fresh, else the source. */
export async function loadEntry(root, path) {
  if (process.env.PARTNERSHIP_BOT_FROM_SOURCE !== '1' && isFresh(root)) {
    return import(pathToFileURL(join(root, 'build', path.replace(/\.ts$/, '.js'))).href);
  }
  const { register } = await import('tsx/esm/api');
  register();
  return import(pathToFileURL(join(root, path)).href);
}
