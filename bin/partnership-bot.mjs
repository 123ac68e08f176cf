#!/usr/bin/env node
// The `partnership-bot` command (npx partnership-bot ...). Runs the TypeScript CLI through tsx.
import { existsSync } from 'node:fs';
import { register } from 'tsx/esm/api';

if (existsSync('.env')) process.loadEnvFile('.env');
register();
const { runCli } = await import('../adapters/cli/main.ts');
process.exitCode = await runCli(process.argv.slice(2));
