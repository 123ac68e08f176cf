// The PostgreSQL side of the test support (TEST_DATABASE=postgres): global-setup.ts starts a
// throwaway cluster and migrates a template database; each test gets a fresh copy of it.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { runSqlSync } from '../../scripts/pg-cluster.mjs';

export interface TestCluster {
  /** the cluster's maintenance database, for CREATE/DROP DATABASE */
  adminUrl: string;
  /** migrated with the committed PostgreSQL migrations */
  template: string;
  /** the migrated template with the demo partnership imported (seedDemo) */
  demoTemplate: string;
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
  if (!cluster)
    throw new Error('No PostgreSQL test cluster: run the tests with TEST_DATABASE=postgres (npm run test:postgres).');
  return cluster;
}

export const databaseUrl = (adminUrl: string, name: string): string => adminUrl.replace(/\/[^/]*$/, `/${name}`);

export type DatabaseKind = 'migrated' | 'demo' | 'empty';

const createSql = (name: string, kind: DatabaseKind, cluster: TestCluster) =>
  `CREATE DATABASE "${name}"${kind === 'empty' ? '' : ` TEMPLATE "${kind === 'demo' ? cluster.demoTemplate : cluster.template}"`}`;
const dropSql = (name: string) => `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`;
const newName = () => `t_${randomUUID().replace(/-/g, '')}`;

/** A new database in the test cluster (a copy of a template, or empty). Synchronous, through psql. */
export function newPostgresDatabase(options: { empty?: boolean } = {}): { url: string; name: string; remove(): void } {
  const cluster = testCluster();
  const name = newName();
  runSqlSync(cluster.adminUrl, createSql(name, options.empty ? 'empty' : 'migrated', cluster));
  return { url: databaseUrl(cluster.adminUrl, name), name, remove: () => runSqlSync(cluster.adminUrl, dropSql(name)) };
}

let admin: Promise<pg.Client> | null = null;

/** One maintenance connection per test worker: creating a database through it costs a fraction of a psql run. */
function adminClient(): Promise<pg.Client> {
  admin ??= (async () => {
    const client = new pg.Client({ connectionString: testCluster().adminUrl });
    client.on('error', () => undefined); // the cluster stops when the run ends
    await client.connect();
    return client;
  })();
  return admin;
}

/** The same, for async callers: faster, and `remove()` drops the database without waiting for it. */
export async function createPostgresDatabase(
  kind: DatabaseKind = 'migrated',
): Promise<{ url: string; name: string; remove(): void }> {
  const cluster = testCluster();
  const client = await adminClient();
  const name = newName();
  await client.query(createSql(name, kind, cluster));
  return {
    url: databaseUrl(cluster.adminUrl, name),
    name,
    // Nothing waits for the drop: the database is closed already, and the whole cluster goes at the end.
    remove: () => void client.query(dropSql(name)).catch(() => undefined),
  };
}
