import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BeneficiariesResponse } from '../../../src/api/cowin-v2/citizen-schema.js';
import { addDays, todayInIndia } from '../../../src/core/calendar-date.js';
import { seedInstant } from '../../support/database.js';
import { createFamily, openSession, type Family } from '../../support/booking-fixtures.js';
import { bearer } from '../../support/citizen.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';

let t: TestApp;
let today: string;
const post = (url: string, token: string, payload: object) => t.app.inject({ method: 'POST', url, payload, headers: bearer(token) });
const seatsBooked = async (sessionId: string) =>
  (await sql<{ n: number }>`SELECT booked_dose1 AS n FROM vaccination_session WHERE id = ${sessionId}`.execute(t.database.db)).rows[0]!.n;
const familyList = async (family: Family) =>
  (await t.app.inject({ url: '/api/v2/appointment/beneficiaries', headers: bearer(family.token) })).json<BeneficiariesResponse>().beneficiaries;

beforeAll(async () => {
  t = await createTestApp();
  today = todayInIndia(seedInstant());
});
afterAll(() => t.close());

describe('schedule', () => {
  it('books a slot, returns a confirmation number, takes a seat and sends the security code by SMS', async () => {
    const family = await createFamily(t, 2);
    const session = await openSession(t.database.db, addDays(today as never, 1), 5);
    const res = await post('/api/v2/appointment/schedule', family.token, {
      dose: 1, session_id: session.id, slot: session.slots[0], beneficiaries: family.referenceIds, center_id: session.facilityId, captcha: 'ignored',
    });
    expect(res.statusCode).toBe(200);
    const confirmation = res.json().appointment_confirmation_no;
    expect(confirmation).toMatch(/^[0-9a-f-]{36}$/);
    expect(await seatsBooked(session.id)).toBe(2);
    const list = await familyList(family);
    expect(list.every((m) => m.appointments.length === 1 && m.appointments[0]!.appointment_id === confirmation)).toBe(true);
    expect(Object.keys(list[0]!.appointments[0]!)).toEqual(['appointment_id', 'center_id', 'name', 'state_name', 'district_name', 'block_name', 'from', 'to', 'dose', 'session_id', 'date', 'slot']);
    expect(t.outbox.list()[0]!.text).toMatch(/security code/i);
  });

  it('downloads the slip as application/pdf, exactly', async () => {
    const family = await createFamily(t, 1);
    const session = await openSession(t.database.db, addDays(today as never, 2), 5);
    const booking = (await post('/api/v2/appointment/schedule', family.token, { session_id: session.id, slot: session.slots[1], beneficiaries: family.referenceIds })).json();
    const slip = await t.app.inject({ url: `/api/v2/appointment/appointmentslip/download?appointment_id=${booking.appointment_confirmation_no}`, headers: bearer(family.token) });
    expect(slip.statusCode).toBe(200);
    expect(slip.headers['content-type']).toBe('application/pdf');
    expect(slip.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it.each([
    ['a slot the session does not have', () => ({ slot: '11:11PM-11:59PM' }), 400, 'APPOIN0015'],
    ['dose 2 before dose 1', () => ({ dose: 2 }), 400, 'NOT_ELIGIBLE'],
    ['an unknown session', () => ({ session_id: '00000000-0000-4000-8000-000000000000' }), 400, 'INVALID_SESSION'],
    ['no beneficiaries', () => ({ beneficiaries: [] }), 400, 'USRRES0001'],
  ])('refuses %s and takes no seat', async (_label, change, status, code) => {
    const family = await createFamily(t, 1);
    const session = await openSession(t.database.db, addDays(today as never, 3), 5);
    const res = await post('/api/v2/appointment/schedule', family.token, {
      session_id: session.id, slot: session.slots[0], beneficiaries: family.referenceIds, ...change(),
    });
    expect(res.statusCode).toBe(status);
    expect(res.json().errorCode).toBe(code);
    expect(await seatsBooked(session.id)).toBe(0);
  });

  it('refuses a member too young for the session', async () => {
    const family = await createFamily(t, 1, Number(today.slice(0, 4)) - 16);
    const session = await openSession(t.database.db, addDays(today as never, 4), 5);
    const res = await post('/api/v2/appointment/schedule', family.token, { session_id: session.id, slot: session.slots[0], beneficiaries: family.referenceIds });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatch(/ages 18 and above/);
  });

  it('refuses a past date', async () => {
    const family = await createFamily(t, 1);
    const session = await openSession(t.database.db, today, 5);
    await sql`UPDATE vaccination_session SET date = ${addDays(today as never, -1)} WHERE id = ${session.id}`.execute(t.database.db);
    const res = await post('/api/v2/appointment/schedule', family.token, { session_id: session.id, slot: session.slots[0], beneficiaries: family.referenceIds });
    expect(res.json().errorCode).toBe('SESSION_CLOSED');
  });

  it('allows one live appointment per member', async () => {
    const family = await createFamily(t, 1);
    const session = await openSession(t.database.db, addDays(today as never, 5), 5);
    const body = { session_id: session.id, slot: session.slots[0], beneficiaries: family.referenceIds };
    expect((await post('/api/v2/appointment/schedule', family.token, body)).statusCode).toBe(200);
    const again = await post('/api/v2/appointment/schedule', family.token, body);
    expect(again.statusCode).toBe(409);
    expect(again.json().errorCode).toBe('APPOINTMENT_EXISTS');
    expect(await seatsBooked(session.id)).toBe(1);
  });

  it('answers a full session with APPOIN0040 and Co-WIN\'s message', async () => {
    const family = await createFamily(t, 2);
    const session = await openSession(t.database.db, addDays(today as never, 6), 1);
    const res = await post('/api/v2/appointment/schedule', family.token, { session_id: session.id, slot: session.slots[0], beneficiaries: family.referenceIds });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toEqual({
      errorCode: 'APPOIN0040',
      error: 'This vaccination center is completely booked for the selected date. Please try another date or vaccination center.',
    });
  });
});

describe('reschedule and cancel', () => {
  it('moves a booking to another session, seats following, then cancels one member', async () => {
    const family = await createFamily(t, 2);
    const first = await openSession(t.database.db, addDays(today as never, 7), 5);
    const second = await openSession(t.database.db, addDays(today as never, 8), 5);
    const booking = (await post('/api/v2/appointment/schedule', family.token, { session_id: first.id, slot: first.slots[0], beneficiaries: family.referenceIds })).json();
    const moved = await post('/api/v2/appointment/reschedule', family.token, { appointment_id: booking.appointment_confirmation_no, session_id: second.id, slot: second.slots[2] });
    expect(moved.statusCode).toBe(204);
    expect(await seatsBooked(first.id)).toBe(0);
    expect(await seatsBooked(second.id)).toBe(2);
    expect((await familyList(family))[0]!.appointments[0]!.slot).toBe(second.slots[2]);

    const cancelled = await post('/api/v2/appointment/cancel', family.token, { appointment_id: booking.appointment_confirmation_no, beneficiariesToCancel: [family.referenceIds[0]] });
    expect(cancelled.statusCode).toBe(204);
    expect(await seatsBooked(second.id)).toBe(1);
    const list = await familyList(family);
    expect(list.find((m) => m.beneficiary_reference_id === family.referenceIds[0])!.appointments).toEqual([]);
    expect(list.find((m) => m.beneficiary_reference_id === family.referenceIds[1])!.appointments).toHaveLength(1);
  });

  it('gives removing a member with a booking its seat back', async () => {
    const family = await createFamily(t, 1);
    const session = await openSession(t.database.db, addDays(today as never, 9), 5);
    await post('/api/v2/appointment/schedule', family.token, { session_id: session.id, slot: session.slots[0], beneficiaries: family.referenceIds });
    expect(await seatsBooked(session.id)).toBe(1);
    expect((await post('/api/v2/registration/beneficiary/delete', family.token, { beneficiary_reference_id: family.referenceIds[0] })).statusCode).toBe(204);
    expect(await seatsBooked(session.id)).toBe(0);
  });
});

describe('captcha on schedule (switchable)', () => {
  it('requires the answer of this login\'s latest captcha when switched on, and each captcha works once', async () => {
    const strict = await createTestApp({ config: { captchaOnSchedule: true } });
    try {
      const family = await createFamily(strict, 1);
      const session = await openSession(strict.database.db, addDays(today as never, 10), 5);
      const body = { session_id: session.id, slot: session.slots[0], beneficiaries: family.referenceIds };
      const svg = (await strict.app.inject({ method: 'POST', url: '/api/v2/auth/getRecaptcha', headers: { ...bearer(family.token), 'content-type': 'application/json' }, payload: '' })).json().captcha;
      expect(svg).toMatch(/^<svg/);
      expect(svg).toMatch(/<path d="[^"]*" stroke="#[0-9a-f]+" fill="none"\/>/);
      const wrong = await strict.app.inject({ method: 'POST', url: '/api/v2/appointment/schedule', headers: bearer(family.token), payload: { ...body, captcha: 'zzzzz' } });
      expect(wrong.json()).toEqual({ errorCode: 'APPOIN0044', error: 'Please enter valid security code' });
    } finally {
      await strict.close();
    }
  });
});

describe('concurrency', () => {
  it('never overbooks: 200 simultaneous bookings for 10 seats give exactly 10 appointments', async () => {
    const families: Family[] = [];
    for (let i = 0; i < 50; i += 1) families.push(await createFamily(t, 4));
    const session = await openSession(t.database.db, addDays(today as never, 11), 10);
    const attempts = families.flatMap((family) => family.referenceIds.map((referenceId) =>
      post('/api/v2/appointment/schedule', family.token, { dose: 1, session_id: session.id, slot: session.slots[0], beneficiaries: [referenceId] })));
    const results = await Promise.all(attempts);
    expect(results).toHaveLength(200);
    expect(results.filter((r) => r.statusCode === 200)).toHaveLength(10);
    expect(results.filter((r) => r.statusCode === 409 && r.json().errorCode === 'APPOIN0040')).toHaveLength(190);
    expect(await seatsBooked(session.id)).toBe(10);
    const live = await sql<{ n: number }>`SELECT count(*)::int AS n FROM appointment WHERE session_id = ${session.id} AND status = 'booked'`.execute(t.database.db);
    expect(live.rows[0]!.n).toBe(10);
  }, 120_000);
});
