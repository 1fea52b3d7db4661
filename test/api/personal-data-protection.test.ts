import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayInIndia } from '../../src/core/calendar-date.js';
import { seedInstant } from '../support/database.js';
import { openSession } from '../support/booking-fixtures.js';
import { aadhaarFor, bearer, latestOtp, loginAs } from '../support/citizen.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { signedInStaff } from './staff/sign-in.js';

/**
 * DESIGN.md §1 and §5: a database dump reveals no mobile, ID number or name, and no log line
 * carries one (nor an OTP or a token). Everything a citizen does goes through the real API here.
 */
const MOBILE = '9898012345';
const AADHAAR = aadhaarFor(777);
const PAN = 'BQRPK4821M';
const NAME = 'Kamala Venkataraman';
const HINDI_NAME = 'सुनीता शर्मा';
// A walk-in registered at a centre by a vaccinator (decision 0010).
const WALK_IN_MOBILE = '9797012345';
const WALK_IN_NAME = 'Parvathi Subramaniam';
const WALK_IN_AADHAAR = aadhaarFor(778);

let t: TestApp;
const logLines: string[] = [];
let token: string;
let otp: string;
const walkInTokens: string[] = [];

beforeAll(async () => {
  t = await createTestApp({ logLines });
  await t.app.inject({ method: 'POST', url: '/api/v2/auth/generateMobileOTP', payload: { mobile: MOBILE } });
  otp = latestOtp(t.outbox, MOBILE);
  t.clock.advance(61_000);
  token = await loginAs(t.app, t.outbox, MOBILE);
  const register = (payload: object) => t.app.inject({ method: 'POST', url: '/api/v2/registration/beneficiary/new', headers: bearer(token), payload });
  const first = await register({ name: NAME, birth_year: '1980', gender_id: 2, photo_id_type: 1, photo_id_number: AADHAAR, comorbidity_ind: 'Y' });
  await register({ name: HINDI_NAME, birth_year: '1990', gender_id: 2, photo_id_type: 6, photo_id_number: PAN, comorbidity_ind: 'N' });
  // A refused registration too: its input must not surface in logs either.
  await register({ name: NAME, birth_year: '1980', gender_id: 2, photo_id_type: 1, photo_id_number: AADHAAR });
  const session = await openSession(t.database.db, addDays(todayInIndia(seedInstant()), 1), 5);
  const booking = await t.app.inject({
    method: 'POST', url: '/api/v2/appointment/schedule', headers: bearer(token),
    payload: { session_id: session.id, slot: session.slots[0], beneficiaries: [first.json().beneficiary_reference_id] },
  });
  await t.app.inject({ url: `/api/v2/appointment/appointmentslip/download?appointment_id=${booking.json().appointment_confirmation_no}`, headers: bearer(token) });
  await t.app.inject({ url: '/api/citizen/my-data', headers: bearer(token) });
  await t.app.inject({
    method: 'POST', url: '/api/citizen/corrections', headers: bearer(token),
    payload: { beneficiary_reference_id: first.json().beneficiary_reference_id, field: 'name', requested_value: `${NAME} Iyer`, reason: `Surname missing: I am ${NAME}, Aadhaar ${AADHAAR}` },
  });

  const centre = await openSession(t.database.db, todayInIndia(seedInstant()), 5);
  await sql`UPDATE vaccination_session SET walk_in_capacity = 5 WHERE id = ${centre.id}`.execute(t.database.db);
  const { browser } = await signedInStaff(t, 'vaccinator', `facility:${centre.facilityId}`);
  const walkIn = async (person: object) => {
    const sent = await browser.post('/api/staff/centre/walk-ins/otp', { mobile: `+91 ${WALK_IN_MOBILE}` });
    walkInTokens.push(sent.json().walk_in_token);
    const code = { walk_in_token: walkInTokens.at(-1), otp: latestOtp(t.outbox, WALK_IN_MOBILE), session_id: centre.id, birth_year: 1975, gender_id: 2, photo_id_type: 1 };
    // A refused try first (a digit in the name): its input must not surface either.
    await browser.post('/api/staff/centre/walk-ins', { ...code, ...person, name: `${WALK_IN_NAME} 2` });
    return browser.post('/api/staff/centre/walk-ins', { ...code, ...person });
  };
  expect((await walkIn({ name: WALK_IN_NAME, photo_id_number: WALK_IN_AADHAAR })).statusCode).toBe(201);
  t.clock.advance(61_000);
  // Someone else's registered ID number, refused at the centre.
  expect((await walkIn({ name: WALK_IN_NAME, photo_id_number: AADHAAR })).statusCode).toBe(409);
});
afterAll(() => t.close());

const secrets = () => [
  MOBILE, AADHAAR, PAN, NAME, HINDI_NAME, 'Venkataraman', otp, token, token.split('.')[2]!, WALK_IN_MOBILE, WALK_IN_NAME, 'Subramaniam', WALK_IN_AADHAAR, ...walkInTokens,
];

describe('a database dump', () => {
  it('contains no mobile, ID number or name in any table', async () => {
    const tables = await sql<{ table_name: string }>`
      SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`.execute(t.database.db);
    expect(tables.rows.length).toBeGreaterThan(10);
    for (const { table_name } of tables.rows) {
      const rows = await sql.raw(`SELECT * FROM ${table_name}`).execute(t.database.db);
      const dump = JSON.stringify(rows.rows);
      for (const secret of [MOBILE, AADHAAR, PAN, NAME, HINDI_NAME, 'Venkataraman', `${NAME} Iyer`, WALK_IN_MOBILE, WALK_IN_NAME, 'Subramaniam', WALK_IN_AADHAAR, ...walkInTokens]) {
        expect(dump.includes(secret), `${table_name} contains "${secret}"`).toBe(false);
      }
    }
  });

  it('still holds the data, encrypted, for its owner', async () => {
    const data = (await t.app.inject({ url: '/api/citizen/my-data', headers: bearer(token) })).json();
    expect(data.account.mobile).toBe(MOBILE);
    expect(data.members.map((m: { name: string }) => m.name).sort()).toEqual([NAME, HINDI_NAME].sort());
    expect(data.members.map((m: { photo_id_number: string }) => m.photo_id_number).sort()).toEqual([AADHAAR, PAN].sort());
  });
});

describe('the logs', () => {
  it('were written, at debug level, for every request', () => {
    expect(logLines.length).toBeGreaterThan(20);
  });

  it('carry no mobile, OTP, token, ID number or name', () => {
    const text = logLines.join('\n');
    for (const secret of secrets()) expect(text.includes(secret), `logs contain "${secret.slice(0, 12)}…"`).toBe(false);
  });
});
