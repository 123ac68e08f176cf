// Once per test run: a migrated template database that each test copies (fast, and exactly the
// committed migrations, applied by Prisma's own `migrate deploy`). With TEST_DATABASE=postgres,
// also a throwaway PostgreSQL cluster with a migrated template database, stopped and removed at
// the end. Missing PostgreSQL binaries fail the run with how to install them.
import { mkdirSync, rmSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../../adapters/persistence/database.ts';
import { createStores } from '../../adapters/persistence/index.ts';
import { deployMigrations } from '../../adapters/persistence/migrate.ts';
import { seedDemo } from '../../adapters/persistence/seed.ts';
import { startPostgres } from '../../scripts/pg-cluster.mjs';
import { TEMPLATE_DB, TMP_DIR } from './paths.ts';
import { testProvider } from './postgres.ts';

const PG_TEMPLATE = 'pb_template';
const PG_DEMO = 'pb_demo';

export default async function setup(project: TestProject) {
  const provider = testProvider();
  rmSync(TMP_DIR, { recursive: true, force: true });
  mkdirSync(TMP_DIR, { recursive: true });
  await deployMigrations(`file:${TEMPLATE_DB}`, 'sqlite');
  if (provider === 'sqlite') {
    project.provide('postgres', null);
    return () => rmSync(TMP_DIR, { recursive: true, force: true });
  }
  let cluster: Awaited<ReturnType<typeof startPostgres>>;
  try {
    cluster = await startPostgres();
  } catch (error) {
    throw new Error(
      `The PostgreSQL test pass (TEST_DATABASE=postgres, part of npm test) could not start: ${(error as Error).message}`,
    );
  }
  const stop = () => cluster.stop();
  process.once('exit', stop); // an interrupted run still stops the server and removes its folder
  try {
    await deployMigrations(await cluster.createDatabase(PG_TEMPLATE), 'postgres');
    // A second template with the demo partnership imported: createDemoDatabase and startTestApp
    // copy it instead of importing the demo roster again for every test.
    const demo = await openDatabase(await cluster.createDatabase(PG_DEMO, PG_TEMPLATE));
    await seedDemo(createStores(demo), demo.db);
    await demo.close();
  } catch (error) {
    stop();
    throw error;
  }
  project.provide('postgres', { adminUrl: cluster.url('postgres'), template: PG_TEMPLATE, demoTemplate: PG_DEMO });
  return () => {
    stop();
    process.off('exit', stop);
    rmSync(TMP_DIR, { recursive: true, force: true });
  };
}
