import { sql } from 'kysely';
import type { Db } from '../../src/core/db.js';
import { aadhaarFor, bearer, loginAs } from './citizen.js';
import type { TestApp } from './test-app.js';

export interface Family {
  token: string;
  referenceIds: string[];
}

let nextMobile = 7_000_000_000;
let nextSeed = 10_000;

/** A logged-in account with `members` family members born in `birthYear`. */
export async function createFamily(t: TestApp, members: number, birthYear = 1985): Promise<Family> {
  const token = await loginAs(t.app, t.outbox, String((nextMobile += 1)));
  const referenceIds: string[] = [];
  for (let i = 0; i < members; i += 1) {
    const res = await t.app.inject({
      method: 'POST', url: '/api/v2/registration/beneficiary/new', headers: bearer(token),
      payload: { name: ['Asha Devi', 'Ravi Kumar', 'Meena Iyer', 'Arjun Das'][i % 4], birth_year: String(birthYear), gender_id: 1, photo_id_type: 1, photo_id_number: aadhaarFor((nextSeed += 1)), comorbidity_ind: 'N' },
    });
    if (res.statusCode !== 200) throw new Error(`register: ${res.body}`);
    referenceIds.push(res.json().beneficiary_reference_id);
  }
  return { token, referenceIds };
}

export interface OpenSession {
  id: string;
  facilityId: number;
  slots: string[];
  vaccine: string;
}

/**
 * A session from the seeded demo data, open to adults of any age, on `date`, reset to
 * `seats` free seats per dose (and nothing booked) so a test knows exactly what is left.
 */
export async function openSession(db: Db, date: string, seats: number, vaccine?: string): Promise<OpenSession> {
  const row = await db
    .selectFrom('vaccination_session')
    .select(['id', 'facility_id', 'slots', 'vaccine'])
    .where('date', '=', date)
    .where('min_age_limit', '=', 18)
    .where('max_age_limit', 'is', null)
    .$if(vaccine !== undefined, (q) => q.where('vaccine', '=', vaccine!))
    .orderBy('id')
    .limit(1)
    .executeTakeFirstOrThrow();
  await sql`UPDATE vaccination_session SET capacity_dose1 = ${seats}, capacity_dose2 = ${seats}, booked_dose1 = 0, booked_dose2 = 0 WHERE id = ${row.id}`.execute(db);
  return { id: row.id, facilityId: row.facility_id, slots: row.slots, vaccine: row.vaccine };
}
