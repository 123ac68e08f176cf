#!/usr/bin/env node
// The `partnership-bot` command (npx partnership-bot ...). Runs the compiled CLI (build/, made by
// `npm install` or `npm run build`), or the TypeScript through tsx when a source is newer.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadEntry } from './compiled.mjs';

if (existsSync('.env')) process.loadEnvFile('.env');
const root = fileURLToPath(new URL('..', import.meta.url));
const { runCli } = await loadEntry(root, 'adapters/cli/main.ts');
process.exitCode = await runCli(process.argv.slice(2));
