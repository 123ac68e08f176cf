// The PostgreSQL side of the test support (TEST_DATABASE=postgres): global-setup.ts starts a
// throwaway cluster and migrates a template database; each test gets a fresh copy of it.
import { randomUUID } from 'node:crypto';
import { inject } from 'vitest';
import { runSqlSync } from '../../scripts/pg-cluster.mjs';

export interface TestCluster {
  /** the cluster's maintenance database, for CREATE/DROP DATABASE */
  adminUrl: string;
  /** migrated with the committed PostgreSQL migrations */
  template: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    postgres: TestCluster | null;
  }
}

export type TestProvider = 'sqlite' | 'postgres';

export function testProvider(env: NodeJS.ProcessEnv = process.env): TestProvider {
  const value = (env.TEST_DATABASE ?? '').trim().toLowerCase();
  if (value === '' || value === 'sqlite') return 'sqlite';
  if (value === 'postgres' || value === 'postgresql') return 'postgres';
  throw new Error(`TEST_DATABASE must be sqlite (the default) or postgres (got "${env.TEST_DATABASE}").`);
}

export function testCluster(): TestCluster {
  const cluster = inject('postgres');
  if (!cluster) throw new Error('No PostgreSQL test cluster: run the tests with TEST_DATABASE=postgres (npm run test:postgres).');
  return cluster;
}

export const databaseUrl = (adminUrl: string, name: string): string => adminUrl.replace(/\/[^/]*$/, `/${name}`);

/** A new database in the test cluster: a copy of the migrated template, or empty. Synchronous. */
export function newPostgresDatabase(options: { empty?: boolean } = {}): { url: string; name: string; remove(): void } {
  const { adminUrl, template } = testCluster();
  const name = `t_${randomUUID().replace(/-/g, '')}`;
  runSqlSync(adminUrl, `CREATE DATABASE "${name}"${options.empty ? '' : ` TEMPLATE "${template}"`}`);
  return {
    url: databaseUrl(adminUrl, name),
    name,
    remove: () => runSqlSync(adminUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
}
