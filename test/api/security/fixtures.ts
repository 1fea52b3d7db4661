import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { expect } from 'vitest';
import { loadConfig, type DetectionSettings } from '../../../src/config.js';
import { todayInIndia, type IsoDate } from '../../../src/core/calendar-date.js';
import { createFamily } from '../../support/booking-fixtures.js';
import { bearer } from '../../support/citizen.js';
import { seedInstant } from '../../support/database.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';
import { signedInStaff, type StaffBrowser } from '../staff/sign-in.js';

/** The test app with detection as in production (alerts suspend), and any setting a test changes. */
export async function securityApp(detection: Partial<DetectionSettings> = {}, options: { logLines?: string[] } = {}): Promise<TestApp> {
  const defaults = loadConfig({}).detection;
  return createTestApp({ config: { detection: { ...defaults, autoSuspend: true, ...detection } }, ...options });
}

export const seedDay = (): IsoDate => todayInIndia(seedInstant());

/** A time on the seed day in India, e.g. `inIndia('09:00')`. */
export const inIndia = (time: string, day: IsoDate = seedDay()) => new Date(`${day}T${time}:00+05:30`);

export interface TodaysSession {
  id: string;
  facilityId: number;
  districtId: number;
  vaccine: string;
  slots: string[];
}

/** Adult sessions on the seed day at `count` different centres, each reset to 50 free seats per dose. */
export async function sessionsAtCentres(t: TestApp, count: number): Promise<TodaysSession[]> {
  const rows = await t.database.db.selectFrom('vaccination_session')
    .innerJoin('facility', 'facility.id', 'vaccination_session.facility_id')
    .select(['vaccination_session.id', 'vaccination_session.facility_id', 'facility.district_id', 'vaccination_session.vaccine', 'vaccination_session.slots'])
    .where('vaccination_session.date', '=', seedDay()).where('vaccination_session.min_age_limit', '=', 18).where('vaccination_session.max_age_limit', 'is', null)
    .orderBy('vaccination_session.id').execute();
  const chosen: TodaysSession[] = [];
  for (const row of rows) {
    if (chosen.length === count) break;
    if (chosen.some((c) => c.facilityId === row.facility_id || c.districtId === row.district_id)) continue;
    await sql`UPDATE vaccination_session SET capacity_dose1 = 50, capacity_dose2 = 50, booked_dose1 = 0, booked_dose2 = 0 WHERE id = ${row.id}`.execute(t.database.db);
    chosen.push({ id: row.id, facilityId: row.facility_id, districtId: row.district_id, vaccine: row.vaccine, slots: row.slots });
  }
  if (chosen.length < count) throw new Error(`the demo data needs adult sessions today in ${count} districts`);
  return chosen;
}

export interface BookedPerson {
  appointmentId: string;
  beneficiaryId: string;
  securityCode: string;
}

/** `people` people booked at the session (families of up to 4), with the codes on their slips. */
export async function bookPeople(t: TestApp, session: TodaysSession, people: number): Promise<BookedPerson[]> {
  const booked: BookedPerson[] = [];
  for (let left = people; left > 0; left -= 4) {
    const family = await createFamily(t, Math.min(4, left));
    const res = await t.app.inject({
      method: 'POST', url: '/api/v2/appointment/schedule', headers: bearer(family.token),
      payload: { session_id: session.id, slot: session.slots[0], beneficiaries: family.referenceIds },
    });
    expect(res.statusCode, res.body).toBe(200);
    const rows = await t.database.db.selectFrom('appointment').select(['id', 'beneficiary_id', 'security_code_enc'])
      .where('booking_id', '=', res.json().appointment_confirmation_no).orderBy('created_at').execute();
    for (const row of rows) {
      booked.push({
        appointmentId: row.id, beneficiaryId: row.beneficiary_id,
        securityCode: t.services.cipher.decrypt(row.security_code_enc, `appointment.security_code:${row.id}`),
      });
    }
  }
  return booked;
}

export interface SignedInStaff {
  browser: StaffBrowser;
  staffId: string;
  username: string;
  password: string;
  totpSecret: string;
}

export async function staffMember(t: TestApp, role: string, scope: string): Promise<SignedInStaff> {
  const { browser, account } = await signedInStaff(t, role, scope);
  const row = await t.database.db.selectFrom('staff_account').select('id').where('username', '=', account.username).executeTakeFirstOrThrow();
  return { browser, staffId: row.id, username: account.username, password: account.password, totpSecret: account.totpSecret! };
}

/** Lets `minutes` pass in steps short of the 15-minute idle limit, keeping the staff sessions alive. */
export async function passTime(t: TestApp, minutes: number, keepAlive: readonly StaffBrowser[]): Promise<void> {
  for (let left = minutes; left > 0; left -= 10) {
    t.clock.advance(Math.min(10, left) * 60_000);
    for (const browser of keepAlive) expect((await browser.get('/api/staff/me')).statusCode).toBe(200);
  }
}

export async function alertsOf(t: TestApp, actorId: string) {
  return t.database.db.selectFrom('security_alert').select(['rule', 'severity', 'status', 'occurrences', 'evidence'])
    .where('actor_id', '=', actorId).orderBy('raised_at').execute();
}

export async function isSuspended(t: TestApp, staffId: string): Promise<boolean> {
  return t.services.security.isSuspended('staff', staffId);
}

export async function liveSessionsOf(t: TestApp, staffId: string): Promise<number> {
  const row = await t.database.db.selectFrom('staff_session').select((eb) => eb.fn.countAll<number>().as('n'))
    .where('staff_id', '=', staffId).where('revoked_at', 'is', null).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** A batch of the session's vaccine in the centre's stock, written directly (the stock API has its own tests). */
export async function batchAt(t: TestApp, session: TodaysSession): Promise<string> {
  const id = randomUUID();
  await t.database.db.insertInto('vaccine_batch').values({
    id, facility_id: session.facilityId, vaccine: session.vaccine, batch_number: `SEC-${session.facilityId}`, expires_on: '2099-12-31',
    quantity_received: 100, quantity_left: 100, received_at: t.clock.now(),
  }).execute();
  return id;
}
