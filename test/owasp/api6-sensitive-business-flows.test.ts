import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../src/core/calendar-date.js';
import { CENTRE_OTPS_PER_STAFF_PER_HOUR } from '../../src/modules/vaccination/walk-in-otp.js';
import { signedInStaff } from '../api/staff/sign-in.js';
import { createFamily, openSession } from '../support/booking-fixtures.js';
import { aadhaarFor, bearer, latestOtp, sha256 } from '../support/citizen.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { bookedToday, today } from './fixtures.js';

/**
 * OWASP API6:2023 Unrestricted Access to Sensitive Business Flows. The flows a bot or a bad insider
 * would automate: hoarding vaccination slots, SMS-bombing a phone, registering many people at one
 * mobile, trying a person's 4-digit security code until it opens their record, and using the
 * walk-in flow to test which ID numbers are registered. Each is driven past its limit.
 */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('slot hoarding by booking bots', () => {
  it('books a member only once at a time, and an account holds at most 4 members', async () => {
    const family = await createFamily(t, 4);
    const session = await openSession(t.database.db, addDays(today(t), 3), 50);
    const book = (slot: string) => t.app.inject({
      method: 'POST', url: '/api/v2/appointment/schedule', headers: bearer(family.token), payload: { session_id: session.id, slot, beneficiaries: family.referenceIds },
    });
    expect((await book(session.slots[0]!)).statusCode).toBe(200);
    const again = await book(session.slots[1]!);
    expect(again.statusCode).toBe(409);
    expect(again.json().errorCode).toBe('APPOINTMENT_EXISTS');
    const fifth = await t.app.inject({
      method: 'POST', url: '/api/v2/registration/beneficiary/new', headers: bearer(family.token),
      payload: { name: 'Fifth Member', birth_year: '1990', gender_id: 1, photo_id_type: 1, photo_id_number: aadhaarFor(60_001), comorbidity_ind: 'N' },
    });
    expect(fifth.statusCode).toBe(409);
    expect(fifth.json().errorCode).toBe('MEMBER_LIMIT');
    const seats = await sql<{ booked: number }>`SELECT booked_dose1 AS booked FROM vaccination_session WHERE id = ${session.id}`.execute(t.database.db);
    expect(seats.rows[0]!.booked).toBe(4);
  });

  it('asks a bot for the captcha when the switch is on, and books nothing without its answer', async () => {
    const strict = await createTestApp({ config: { captchaOnSchedule: true } });
    try {
      const family = await createFamily(strict, 1);
      const session = await openSession(strict.database.db, addDays(today(strict), 3), 5);
      const body = { session_id: session.id, slot: session.slots[0], beneficiaries: family.referenceIds };
      const schedule = (extra: object) => strict.app.inject({ method: 'POST', url: '/api/v2/appointment/schedule', headers: bearer(family.token), payload: { ...body, ...extra } });
      expect((await schedule({})).json().errorCode).toBe('APPOIN0044');
      await strict.app.inject({ method: 'POST', url: '/api/v2/auth/getRecaptcha', headers: bearer(family.token), payload: {} });
      for (const guess of ['abcde', 'ABCDE', '']) expect((await schedule({ captcha: guess })).json().errorCode).toBe('APPOIN0044');
      expect(await strict.database.db.selectFrom('appointment').select('id').where('session_id', '=', session.id).execute()).toEqual([]);
    } finally {
      await strict.close();
    }
  });
});

describe('SMS bombing one phone', () => {
  it('sends one OTP a minute to a mobile, however many addresses ask', async () => {
    const mobile = '9822200001';
    const ask = (n: number) => t.app.inject({ method: 'POST', url: '/api/v2/auth/public/generateOTP', payload: { mobile }, remoteAddress: `198.51.100.${n}` });
    expect((await ask(1)).statusCode).toBe(200);
    for (let n = 2; n < 12; n += 1) {
      const res = await ask(n);
      expect(res.statusCode).toBe(429);
      expect(res.json().errorCode).toBe('OTP_TOO_SOON');
    }
    expect(t.outbox.list().filter((m) => m.to === mobile)).toHaveLength(1);
  });
});

describe('the walk-in flow, abused by a vaccinator', () => {
  it(`sends at most ${CENTRE_OTPS_PER_STAFF_PER_HOUR} codes an hour for one login, to any numbers`, async () => {
    const { browser } = await signedInStaff(t, 'vaccinator', 'facility:560001');
    for (let n = 0; n < CENTRE_OTPS_PER_STAFF_PER_HOUR; n += 1) {
      expect((await browser.post('/api/staff/centre/walk-ins/otp', { mobile: `97${String(n).padStart(8, '0')}` })).statusCode).toBe(202);
    }
    const capped = await browser.post('/api/staff/centre/walk-ins/otp', { mobile: '9799999999' });
    expect(capped.statusCode).toBe(429);
    expect(capped.json().errorCode).toBe('STAFF_OTP_LIMIT');
  });

  it('ends a walk-in at the first registered ID number, so one code cannot test which IDs are registered', async () => {
    const knownAadhaar = aadhaarFor(60_100);
    const owner = await createFamily(t, 0);
    const registration = await t.app.inject({
      method: 'POST', url: '/api/v2/registration/beneficiary/new', headers: bearer(owner.token),
      payload: { name: 'Already Here', birth_year: '1970', gender_id: 2, photo_id_type: 1, photo_id_number: knownAadhaar, comorbidity_ind: 'N' },
    });
    expect(registration.statusCode).toBe(200);
    const session = await openSession(t.database.db, today(t), 10);
    await sql`UPDATE vaccination_session SET walk_in_capacity = 5 WHERE id = ${session.id}`.execute(t.database.db);
    const { browser } = await signedInStaff(t, 'vaccinator', `facility:${session.facilityId}`);
    const mobile = '9833300001';
    const token = (await browser.post('/api/staff/centre/walk-ins/otp', { mobile })).json().walk_in_token;
    const person = { walk_in_token: token, otp: latestOtp(t.outbox, mobile), session_id: session.id, name: 'Curious Walker', birth_year: 1980, gender_id: 1, photo_id_type: 1 };
    const first = await browser.post('/api/staff/centre/walk-ins', { ...person, photo_id_number: knownAadhaar });
    expect(first.statusCode).toBe(409);
    expect(first.json().errorCode).toBe('ALREADY_REGISTERED');
    const next = await browser.post('/api/staff/centre/walk-ins', { ...person, photo_id_number: aadhaarFor(60_123) });
    expect(next.statusCode).not.toBe(201);
    expect(await t.database.db.selectFrom('appointment').select('id').where('session_id', '=', session.id).where('walk_in', '=', true).execute()).toEqual([]);
  });

  it('a code read out at a centre never logs anyone in', async () => {
    const { browser } = await signedInStaff(t, 'vaccinator', 'facility:560001');
    const mobile = '9833300002';
    await browser.post('/api/staff/centre/walk-ins/otp', { mobile });
    const txn = await t.database.db.selectFrom('otp_transaction').select('id').where('mobile_bidx', '=', t.services.cipher.blindIndex('mobile', mobile)).executeTakeFirstOrThrow();
    const login = await t.app.inject({ method: 'POST', url: '/api/v2/auth/validateMobileOtp', payload: { txnId: txn.id, otp: sha256(latestOtp(t.outbox, mobile)) } });
    expect(login.statusCode).toBe(400);
    expect(login.json().errorCode).toBe('USRAUT0014');
  });
});

describe('guessing a person\'s security code at the centre', () => {
  it('locks the appointment after 3 wrong codes, so the right one no longer opens it', async () => {
    const booked = await bookedToday(t);
    const { browser } = await signedInStaff(t, 'vaccinator', `facility:${booked.session.facilityId}`);
    const wrong = ['0000', '1111', '2222', '3333'].filter((c) => c !== booked.securityCode).slice(0, 3);
    for (const code of wrong) {
      expect((await browser.post('/api/staff/centre/encounters', { appointment_id: booked.appointmentId, security_code: code })).statusCode).toBeGreaterThanOrEqual(400);
    }
    const right = await browser.post('/api/staff/centre/encounters', { appointment_id: booked.appointmentId, security_code: booked.securityCode });
    expect(right.statusCode).toBe(429);
    expect(right.json().errorCode).toBe('ENCOUNTER_LOCKED');
    expect(await t.database.db.selectFrom('encounter_grant').select('id').where('appointment_id', '=', booked.appointmentId).execute()).toEqual([]);
  });
});
