import fs from 'node:fs/promises';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import pg from 'pg';
import type { Database } from './db-tables.js';

export type Db = Kysely<Database>;

export interface DatabaseHandle {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** Runs a multi-statement SQL script in one transaction (migrations). */
  runScriptInTransaction(script: string): Promise<void>;
  close(): Promise<void>;
}

// Columns of type date/timestamp arrive as text where we store text; keep int8 as a JS number
// because counts in this schema stay far below 2^53.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

export async function openPostgres(connectionString: string, maxConnections = 10): Promise<DatabaseHandle> {
  const pool = new pg.Pool({ connectionString, max: maxConnections });
  // An idle connection can die under us (a server restart, a failover, a terminated backend). The
  // pool drops it and the next query opens a new one; without a listener the error would end the process.
  pool.on('error', () => {});
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    kind: 'postgres',
    async runScriptInTransaction(script) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        await client.query(script);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => db.destroy(),
  };
}

/** The embedded database: a directory on disk, or memory when `dataDir` is undefined. */
export async function openPglite(dataDir: string | undefined, snapshot?: Blob): Promise<DatabaseHandle> {
  if (dataDir) await fs.mkdir(path.dirname(dataDir), { recursive: true });
  return wrapPglite(await PGlite.create({ dataDir, loadDataDir: snapshot }));
}

export function wrapPglite(pglite: PGlite): DatabaseHandle {
  const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
  return {
    db,
    kind: 'pglite',
    async runScriptInTransaction(script) {
      await pglite.transaction(async (tx) => {
        await tx.exec(script);
      });
    },
    async close() {
      await db.destroy();
      if (!pglite.closed) await pglite.close();
    },
  };
}

export async function openDatabase(options: { databaseUrl?: string; dataDir: string }): Promise<DatabaseHandle> {
  return options.databaseUrl
    ? openPostgres(options.databaseUrl)
    : openPglite(path.join(options.dataDir, 'pgdata'));
}

/** PostgreSQL's unique_violation, from node-postgres and PGlite alike. */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23505';
}
