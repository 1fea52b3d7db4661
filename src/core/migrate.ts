import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import type { DatabaseHandle } from './db.js';

export const migrationsDir = fileURLToPath(new URL('../../db/migrations/', import.meta.url));

const namePattern = /^\d{4}_[a-z0-9_]+\.sql$/;

export interface MigrationReport {
  applied: string[];
  alreadyApplied: number;
}

/**
 * Applies db/migrations/*.sql in name order, each in its own transaction together with its row in
 * schema_migration, so a failed migration leaves nothing half-done. The same files serve PGlite and
 * PostgreSQL. A transaction-scoped advisory lock keeps two instances starting at once from racing.
 */
export async function migrate(handle: DatabaseHandle, onApplied?: (name: string) => void): Promise<MigrationReport> {
  await sql`CREATE TABLE IF NOT EXISTS schema_migration (
    name text PRIMARY KEY,
    applied_at timestamptz NOT NULL DEFAULT now()
  )`.execute(handle.db);
  const files = (await fs.readdir(migrationsDir)).filter((name) => namePattern.test(name)).sort();
  const done = await sql<{ name: string }>`SELECT name FROM schema_migration`.execute(handle.db);
  const applied = new Set(done.rows.map((row) => row.name));
  const report: MigrationReport = { applied: [], alreadyApplied: 0 };
  for (const name of files) {
    if (applied.has(name)) {
      report.alreadyApplied += 1;
      continue;
    }
    const body = await fs.readFile(path.join(migrationsDir, name), 'utf8');
    const quotedName = name.replace(/'/g, "''");
    await handle.runScriptInTransaction(
      `SELECT pg_advisory_xact_lock(7336433);\n` +
        `DO $guard$ BEGIN IF EXISTS (SELECT 1 FROM schema_migration WHERE name = '${quotedName}') ` +
        `THEN RAISE EXCEPTION 'migration ${quotedName} was applied by another instance'; END IF; END $guard$;\n` +
        `${body}\nINSERT INTO schema_migration (name) VALUES ('${quotedName}');`,
    );
    report.applied.push(name);
    onApplied?.(name);
  }
  return report;
}
