import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BeneficiariesResponse } from '../../src/api/cowin-v2/citizen-schema.js';
import { addDays, todayInIndia } from '../../src/core/calendar-date.js';
import { seedInstant } from '../support/database.js';
import { createFamily, openSession, type Family } from '../support/booking-fixtures.js';
import { bearer } from '../support/citizen.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/** OWASP API1 (broken object-level authorisation): every endpoint, tried with another account's ids. */
let t: TestApp;
let victim: Family;
let attacker: Family;
let victimBooking: string;
let session: { id: string; slots: string[] };

beforeAll(async () => {
  t = await createTestApp();
  victim = await createFamily(t, 1);
  attacker = await createFamily(t, 1);
  session = await openSession(t.database.db, addDays(todayInIndia(seedInstant()), 1), 10);
  victimBooking = (await t.app.inject({
    method: 'POST', url: '/api/v2/appointment/schedule', headers: bearer(victim.token),
    payload: { session_id: session.id, slot: session.slots[0], beneficiaries: victim.referenceIds },
  })).json().appointment_confirmation_no;
});
afterAll(() => t.close());

describe("another account's records", () => {
  const attempts = () => [
    { name: 'delete member', method: 'POST', url: '/api/v2/registration/beneficiary/delete', payload: { beneficiary_reference_id: victim.referenceIds[0] } },
    { name: 'book for member', method: 'POST', url: '/api/v2/appointment/schedule', payload: { session_id: session.id, slot: session.slots[0], beneficiaries: victim.referenceIds } },
    { name: 'reschedule booking', method: 'POST', url: '/api/v2/appointment/reschedule', payload: { appointment_id: victimBooking, session_id: session.id, slot: session.slots[1] } },
    { name: 'cancel booking', method: 'POST', url: '/api/v2/appointment/cancel', payload: { appointment_id: victimBooking } },
    { name: 'cancel member in booking', method: 'POST', url: '/api/v2/appointment/cancel', payload: { appointment_id: victimBooking, beneficiariesToCancel: victim.referenceIds } },
    { name: 'download slip', method: 'GET', url: `/api/v2/appointment/appointmentslip/download?appointment_id=${victimBooking}` },
    { name: 'raise correction', method: 'POST', url: '/api/citizen/corrections', payload: { beneficiary_reference_id: victim.referenceIds[0], field: 'name', requested_value: 'Someone Else', reason: 'mine now' } },
  ] as const;

  const names = ['delete member', 'book for member', 'reschedule booking', 'cancel booking', 'cancel member in booking', 'download slip', 'raise correction'];
  it.each(names)('%s: answers 404 and changes nothing', async (name) => {
    const attempt = attempts().find((a) => a.name === name)!;
    const before = (await t.app.inject({ url: '/api/v2/appointment/beneficiaries', headers: bearer(victim.token) })).json<BeneficiariesResponse>();
    const res = await t.app.inject({ method: attempt.method, url: attempt.url, headers: bearer(attacker.token), ...('payload' in attempt ? { payload: attempt.payload } : {}) });
    expect(res.statusCode).toBe(404);
    expect(res.json().errorCode).toBe('NOT_FOUND');
    const after = (await t.app.inject({ url: '/api/v2/appointment/beneficiaries', headers: bearer(victim.token) })).json<BeneficiariesResponse>();
    expect(after).toEqual(before);
  });

  it('never lists or exports them', async () => {
    const list = (await t.app.inject({ url: '/api/v2/appointment/beneficiaries', headers: bearer(attacker.token) })).json<BeneficiariesResponse>();
    expect(list.beneficiaries.map((b) => b.beneficiary_reference_id)).toEqual(attacker.referenceIds);
    const exported = (await t.app.inject({ url: '/api/citizen/my-data', headers: bearer(attacker.token) })).body;
    expect(exported).not.toContain(victim.referenceIds[0]);
    expect(exported).not.toContain(victimBooking);
  });

  it('gives "not yours" and "not there" the same answer', async () => {
    const notThere = await t.app.inject({
      method: 'POST', url: '/api/v2/registration/beneficiary/delete', headers: bearer(attacker.token), payload: { beneficiary_reference_id: '12345678901234' },
    });
    const notYours = await t.app.inject({
      method: 'POST', url: '/api/v2/registration/beneficiary/delete', headers: bearer(attacker.token), payload: { beneficiary_reference_id: victim.referenceIds[0] },
    });
    expect(notYours.statusCode).toBe(notThere.statusCode);
    expect(notYours.body).toBe(notThere.body);
  });
});
