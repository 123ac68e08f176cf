// Compiles the TypeScript the server and the CLI run (src/ and adapters/) to JavaScript in build/,
// so `npm start` and `partnership-bot` start without compiling on every run (postinstall runs this;
// so does `npm run build`). One file per source file, same folders; relative imports are rewritten
// from .ts to .js. Written to a temporary folder and swapped in whole, so a reader never sees half.
//   node scripts/build.mjs            build
//   node scripts/build.mjs --if-stale build only when a source is newer than the last build
import { mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { isFresh, BUILT_STAMP, SOURCE_DIRS } from '../bin/compiled.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = join(root, 'build');

if (process.argv.includes('--if-stale') && isFresh(root)) process.exit(0);

const sources = [];
const walk = (dir) => {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path);
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) sources.push(path);
  }
};
for (const dir of SOURCE_DIRS) walk(join(root, dir));

const started = performance.now();
const temp = join(root, `build.tmp-${process.pid}`);
rmSync(temp, { recursive: true, force: true });
const result = await build({
  entryPoints: sources,
  outdir: temp,
  outbase: root,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  bundle: false,
  sourcemap: 'linked',
  sourcesContent: false,
  logLevel: 'error',
  write: false,
});
// A relative import of a .ts file names its compiled .js twin.
const rewrite = (code) =>
  code.replace(/((?:from|import)\s*\(?\s*["'])(\.{1,2}\/[^"']+)\.ts(["'])/g, (_, a, path, b) => `${a}${path}.js${b}`);
for (const file of result.outputFiles) {
  const text = file.path.endsWith('.js') ? rewrite(file.text) : file.text;
  mkdirSync(dirname(file.path), { recursive: true });
  writeFileSync(file.path, text);
}
writeFileSync(join(temp, BUILT_STAMP), `${new Date().toISOString()}\n`);
rmSync(out, { recursive: true, force: true });
renameSync(temp, out);
const took = Math.round(performance.now() - started);
console.log(`partnership-bot: compiled ${sources.length} files to ${relative(root, out)}/ in ${took} ms.`);
