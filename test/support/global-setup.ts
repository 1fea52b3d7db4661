import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { fixedClock } from '../../src/core/clock.js';
import { openPostgres, wrapPglite, type DatabaseHandle } from '../../src/core/db.js';
import { migrate } from '../../src/core/migrate.js';
import { testServices } from './test-services.js';
import { adminUrl, databaseUrlFor } from './postgres-url.js';

declare module 'vitest' {
  export interface ProvidedContext {
    seedInstant: string;
    pgliteSnapshotPath: string;
    postgresTemplate: string;
  }
}

async function seed(handle: DatabaseHandle, at: Date): Promise<void> {
  await migrate(handle);
  await testServices(handle.db, fixedClock(at)).demo.seed();
}

/**
 * Seeds one database per test run (about 10 s) and hands each test file a copy: a PGlite data
 * directory snapshot, or a PostgreSQL template database when TEST_DATABASE_URL is set.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const seedInstant = new Date();
  project.provide('seedInstant', seedInstant.toISOString());
  const testDatabaseUrl = process.env.TEST_DATABASE_URL;
  if (testDatabaseUrl) {
    const template = `teeka_template_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: adminUrl(testDatabaseUrl) });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${template}`);
    const handle = await openPostgres(databaseUrlFor(testDatabaseUrl, template), 2);
    await seed(handle, seedInstant);
    await handle.close();
    project.provide('postgresTemplate', template);
    project.provide('pgliteSnapshotPath', '');
    return async () => {
      await admin.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
      await admin.end();
    };
  }
  const pglite = await PGlite.create();
  await seed(wrapPglite(pglite), seedInstant);
  const snapshot = await pglite.dumpDataDir('gzip');
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'teeka-test-'));
  const snapshotPath = path.join(dir, 'seeded.tar.gz');
  await fs.writeFile(snapshotPath, Buffer.from(await snapshot.arrayBuffer()));
  await pglite.close();
  project.provide('pgliteSnapshotPath', snapshotPath);
  project.provide('postgresTemplate', '');
  return async () => {
    await fs.rm(dir, { recursive: true, force: true });
  };
}
