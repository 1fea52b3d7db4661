import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import type { Db, DatabaseHandle } from '../../src/core/db.js';
import { seededDatabase } from './database.js';

/**
 * One seeded database for the test file, its audit log and checkpoints emptied before each test so
 * that every test starts a chain of its own. Call it at the top level of the file; `db` is there
 * once the file's tests run.
 */
export function databaseWithEmptyAuditLog(): { readonly db: Db } {
  let database: DatabaseHandle | undefined;
  beforeAll(async () => {
    database = await seededDatabase();
  });
  beforeEach(async () => {
    await sql`DELETE FROM audit_checkpoint`.execute(database!.db);
    await sql`DELETE FROM audit_event`.execute(database!.db);
  });
  afterAll(() => database?.close());
  return {
    get db() {
      if (!database) throw new Error('databaseWithEmptyAuditLog: the database opens in beforeAll');
      return database.db;
    },
  };
}
