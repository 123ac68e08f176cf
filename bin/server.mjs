#!/usr/bin/env node
// `npm start`. Loads .env when present (Node's own loader), then runs the TypeScript server.
import { existsSync } from 'node:fs';
import { register } from 'tsx/esm/api';

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
register();
const { main } = await import('../adapters/server/main.ts');
await main();
