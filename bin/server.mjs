#!/usr/bin/env node
// `npm start`. Loads .env when present (Node's own loader), then runs the TypeScript server.
import { existsSync } from 'node:fs';
import { register } from 'tsx/esm/api';

if (existsSync('.env')) process.loadEnvFile('.env');
register();
const { main } = await import('../adapters/server/main.ts');
await main();
