#!/usr/bin/env node
// `npm start`. Loads .env when present (Node's own loader), then runs the server: compiled (build/,
// made by `npm install` or `npm run build`), or the TypeScript through tsx when a source is newer.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadEntry } from './compiled.mjs';

if (existsSync('.env')) {
  try {
    process.loadEnvFile('.env');
  } catch (error) {
    // The same one-line report as every other start-up problem (adapters/startup-problem.ts).
    process.stderr.write(
      `.env: the file cannot be read (${error?.code ?? 'unreadable'}). Make .env a readable text file of NAME=value lines, or remove it.\n`,
    );
    process.exit(78);
  }
}
const root = fileURLToPath(new URL('..', import.meta.url));
const { main } = await loadEntry(root, 'adapters/server/main.ts');
await main();
