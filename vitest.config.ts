import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { databaseTestFiles } from './test/support/select-tests.ts';

// `npm test` runs the suite twice: on SQLite (every test file except test/postgres/), then with
// TEST_DATABASE=postgres on a throwaway PostgreSQL cluster (the files that touch the database;
// see test/support/select-tests.ts and docs/database.md).
const postgres = process.env.TEST_DATABASE === 'postgres';
const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  test: {
    include: postgres ? databaseTestFiles(root) : ['test/**/*.test.ts'],
    exclude: postgres ? [] : ['test/postgres/**', '**/node_modules/**'],
    globalSetup: ['test/support/global-setup.ts'],
    pool: 'forks',
    // Timeouts only guard against a hang, never against slowness (docs/testing.md): a test that
    // starts servers or CLI processes on two cores kept busy (other work, `stress`) can take
    // several times as long as on a quiet machine, and longer again on PostgreSQL.
    testTimeout: postgres ? 600_000 : 300_000,
    hookTimeout: postgres ? 600_000 : 300_000,
    teardownTimeout: 60_000,
    // Two cores: more workers only queue on the CPU and on SQLite's file locks.
    maxWorkers: 2,
  },
});
