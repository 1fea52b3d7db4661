import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import pg from 'pg';
import { inject } from 'vitest';
import { openPglite, openPostgres, type DatabaseHandle } from '../../src/core/db.js';
import { adminUrl, databaseUrlFor } from './postgres-url.js';

export const usingPostgres = Boolean(process.env.TEST_DATABASE_URL);

async function withAdmin<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl(process.env.TEST_DATABASE_URL!) });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

async function freshPostgres(template: string | undefined): Promise<DatabaseHandle> {
  const name = `teeka_test_${randomBytes(6).toString('hex')}`;
  await withAdmin((admin) => admin.query(`CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ''}`));
  const handle = await openPostgres(databaseUrlFor(process.env.TEST_DATABASE_URL!, name), 4);
  return {
    ...handle,
    async close() {
      await handle.close();
      await withAdmin((admin) => admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}

/** A database of its own for one test file, already migrated and seeded with the run's demo data. */
export async function seededDatabase(): Promise<DatabaseHandle> {
  if (usingPostgres) return freshPostgres(inject('postgresTemplate'));
  const snapshot = await fs.readFile(inject('pgliteSnapshotPath'));
  return openPglite(undefined, new Blob([snapshot]));
}

/** A database with nothing in it, not even migrations. */
export async function emptyDatabase(): Promise<DatabaseHandle> {
  return usingPostgres ? freshPostgres(undefined) : openPglite(undefined);
}

/** The instant the shared demo data was seeded at; its sessions run from that day for 14 days. */
export function seedInstant(): Date {
  return new Date(inject('seedInstant'));
}
