import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../src/core/db.js';
import { migrate } from '../../src/core/migrate.js';
import { emptyDatabase } from '../support/database.js';

let database: DatabaseHandle | undefined;
afterEach(async () => {
  await database?.close();
  database = undefined;
});

describe('migrate', () => {
  it('applies every migration once, and nothing the second time', async () => {
    database = await emptyDatabase();
    const first = await migrate(database);
    expect(first.applied).toContain('0001_geography_facilities_sessions.sql');
    const second = await migrate(database);
    expect(second).toEqual({ applied: [], alreadyApplied: first.applied.length });
    const tables = await sql<{ table_name: string }>`
      SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name`.execute(database.db);
    expect(tables.rows.map((r) => r.table_name)).toEqual(expect.arrayContaining(['district', 'facility', 'state', 'vaccination_session']));
  });

  it('refuses a session that would oversell its capacity', async () => {
    database = await emptyDatabase();
    await migrate(database);
    await sql`INSERT INTO state VALUES (1, 'S')`.execute(database.db);
    await sql`INSERT INTO district VALUES (1, 1, 'D', 0)`.execute(database.db);
    await sql`INSERT INTO facility (id, name, address, district_id, block_name, pincode, lat, long, opens_at, closes_at, fee_type)
      VALUES (1, 'C', 'A', 1, 'B', 400001, 19, 72, '09:00:00', '17:00:00', 'Free')`.execute(database.db);
    await sql`INSERT INTO vaccination_session (id, facility_id, date, vaccine, min_age_limit, allow_all_age, capacity_dose1, capacity_dose2, slots)
      VALUES ('00000000-0000-4000-8000-000000000001', 1, '2026-01-01', 'COVAXIN', 18, true, 1, 0, '{}')`.execute(database.db);
    await expect(sql`UPDATE vaccination_session SET booked_dose1 = 2`.execute(database.db)).rejects.toThrow();
  });
});
