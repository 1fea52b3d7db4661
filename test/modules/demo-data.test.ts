import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayInIndia } from '../../src/core/calendar-date.js';
import { fixedClock } from '../../src/core/clock.js';
import type { DatabaseHandle } from '../../src/core/db.js';
import { distanceKm } from '../../src/modules/facilities/service.js';
import { readReferenceGeography } from '../../src/modules/geography/reference-data.js';
import { testServices } from '../support/test-services.js';
import { seedInstant, seededDatabase } from '../support/database.js';

let database: DatabaseHandle;
beforeAll(async () => {
  database = await seededDatabase();
});
afterAll(() => database.close());

interface CentreRow { id: number; district_id: number; pincode: number; lat: number; long: number; fee_type: string; block_name: string }

describe('demo data', () => {
  it('has every district with at least 3 centres, and a few cities with 40 or more', async () => {
    const rows = await sql<{ district_id: number; n: number }>`
      SELECT d.id AS district_id, count(f.id)::int AS n FROM district d LEFT JOIN facility f ON f.district_id = d.id GROUP BY d.id`.execute(database.db);
    expect(rows.rows).toHaveLength(756);
    expect(Math.min(...rows.rows.map((r) => r.n))).toBeGreaterThanOrEqual(3);
    expect(rows.rows.find((r) => r.district_id === 395)!.n).toBeGreaterThanOrEqual(40);
  });

  it('puts centres on real PIN codes of their district, inside India, near each other', async () => {
    const { pincodes } = await readReferenceGeography();
    const pinsOf = new Map(pincodes.districts.map((d) => [d.district_id, new Set(d.pincodes)]));
    const centres = (await sql<CentreRow>`SELECT id, district_id, pincode, lat, long, fee_type, block_name FROM facility`.execute(database.db)).rows;
    const byDistrict = new Map<number, CentreRow[]>();
    for (const centre of centres) {
      const own = pinsOf.get(centre.district_id);
      if (own && own.size > 0) expect(own.has(centre.pincode), `centre ${centre.id} pincode`).toBe(true);
      expect(centre.lat).toBeGreaterThan(6.5);
      expect(centre.lat).toBeLessThan(37.1);
      expect(centre.long).toBeGreaterThan(68.1);
      expect(centre.long).toBeLessThan(97.4);
      byDistrict.set(centre.district_id, [...(byDistrict.get(centre.district_id) ?? []), centre]);
    }
    for (const [districtId, list] of byDistrict) {
      const widest = Math.max(...list.flatMap((a) => list.map((b) => distanceKm(a, b))));
      expect(widest, `district ${districtId} spread`).toBeLessThan(40);
    }
  });

  it('mixes government and private centres, free and paid, with block names', async () => {
    const kinds = (await sql<{ fee_type: string; n: number; fees: number }>`
      SELECT f.fee_type, count(DISTINCT f.id)::int AS n, count(v.facility_id)::int AS fees
      FROM facility f LEFT JOIN facility_vaccine_fee v ON v.facility_id = f.id GROUP BY f.fee_type`.execute(database.db)).rows;
    const paid = kinds.find((k) => k.fee_type === 'Paid')!;
    const free = kinds.find((k) => k.fee_type === 'Free')!;
    expect(paid.n).toBeGreaterThan(500);
    expect(paid.fees).toBeGreaterThanOrEqual(paid.n);
    expect(free.fees).toBe(0);
  });

  it('has sessions from the seed day for 14 days and no others', async () => {
    const today = todayInIndia(seedInstant());
    const dates = (await sql<{ date: string }>`SELECT DISTINCT date FROM vaccination_session ORDER BY date`.execute(database.db)).rows.map((r) => r.date);
    expect(dates).toEqual(Array.from({ length: 14 }, (_, i) => addDays(today, i)));
  });

  it('tops up the next days when time passes, and only them', async () => {
    const services = testServices(database.db, fixedClock(new Date(seedInstant().getTime() + 2 * 86_400_000)));
    await services.geography.load();
    const before = (await sql<{ n: number }>`SELECT count(*)::int AS n FROM vaccination_session`.execute(database.db)).rows[0]!.n;
    const created = await services.demo.ensureSessions();
    const after = (await sql<{ n: number }>`SELECT count(*)::int AS n FROM vaccination_session`.execute(database.db)).rows[0]!.n;
    expect(created).toBeGreaterThan(0);
    expect(after - before).toBe(created);
    expect(await services.demo.ensureSessions()).toBe(0);
  });
});
