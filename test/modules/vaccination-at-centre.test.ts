import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StaffScope } from '../../src/modules/access/schema.js';
import { addDays, todayInIndia } from '../../src/core/calendar-date.js';
import { seedInstant } from '../support/database.js';
import { createFamily, openSession, type Family } from '../support/booking-fixtures.js';
import { bearer } from '../support/citizen.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let today: string;

let staffCount = 0;
async function vaccinatorAt(facilityId: number, role: 'vaccinator' | 'facility_admin' = 'vaccinator') {
  const scope: StaffScope = { level: 'facility', facilityId };
  const account = await t.services.staff.addAccount({ username: `staff${(staffCount += 1)}at${facilityId}`, role, scope });
  return { kind: 'staff' as const, staffId: account.id, role, scope, sessionId: 'test-session' };
}

async function bookedToday(family: Family) {
  const session = await openSession(t.database.db, today, 20);
  const booking = await t.app.inject({
    method: 'POST', url: '/api/v2/appointment/schedule', headers: bearer(family.token),
    payload: { session_id: session.id, slot: session.slots[0], beneficiaries: family.referenceIds },
  });
  expect(booking.statusCode).toBe(200);
  const appointmentId = (await t.database.db.selectFrom('appointment').select('id')
    .where('booking_id', '=', booking.json().appointment_confirmation_no).executeTakeFirstOrThrow()).id;
  const code = /Security code ref \.\.\d{4}: (\d{4})/.exec(t.outbox.list()[0]!.text)![1]!;
  return { session, appointmentId, code };
}

beforeAll(async () => {
  t = await createTestApp();
  today = todayInIndia(seedInstant());
});
afterAll(() => t.close());

describe('a vaccinator at the centre', () => {
  it('sees today\'s booked people with name, age, gender and masked ID, nothing more', async () => {
    const family = await createFamily(t, 1);
    const { session } = await bookedToday(family);
    const staff = await vaccinatorAt(session.facilityId);
    const roster = await t.services.centreDay.roster(staff);
    const entry = roster.find((e) => e.name === 'Asha Devi')!;
    expect(entry).toMatchObject({ status: 'booked', age: Number(today.slice(0, 4)) - 1985, gender: 'Male' });
    expect(entry.photoIdMasked).toMatch(/^XXXX-XXXX-\d{4}$/);
    expect(JSON.stringify(roster)).not.toMatch(/(?<![\w-])\d{12}(?![\w-])/);
  });

  it('opens an encounter only with the citizen\'s security code, and locks after 3 wrong ones', async () => {
    const family = await createFamily(t, 1);
    const { session, appointmentId, code } = await bookedToday(family);
    const staff = await vaccinatorAt(session.facilityId);
    const wrong = code === '0000' ? '1111' : '0000';
    await expect(t.services.encounters.openWithSecurityCode(staff, appointmentId, wrong)).rejects.toMatchObject({ code: 'WRONG_CODE' });
    await expect(t.services.encounters.openWithSecurityCode(staff, appointmentId, wrong)).rejects.toMatchObject({ code: 'WRONG_CODE' });
    await expect(t.services.encounters.openWithSecurityCode(staff, appointmentId, wrong)).rejects.toMatchObject({ code: 'ENCOUNTER_LOCKED' });
    await expect(t.services.encounters.openWithSecurityCode(staff, appointmentId, code)).rejects.toMatchObject({ code: 'ENCOUNTER_LOCKED' });
  });

  it('cannot touch an appointment at another centre', async () => {
    const family = await createFamily(t, 1);
    const { session, appointmentId, code } = await bookedToday(family);
    const elsewhere = await vaccinatorAt(session.facilityId + 1);
    await expect(t.services.encounters.openWithSecurityCode(elsewhere, appointmentId, code)).rejects.toMatchObject({ statusCode: 404 });
  });

  it('records a dose after the encounter: stock drops by one, the appointment completes, a certificate is issued', async () => {
    const family = await createFamily(t, 1);
    const { session, appointmentId, code } = await bookedToday(family);
    const staff = await vaccinatorAt(session.facilityId);
    const admin = await vaccinatorAt(session.facilityId, 'facility_admin');
    const batch = await t.services.stock.receiveBatch(admin, session.facilityId, { vaccine: session.vaccine, batchNumber: 'B123-45', expiresOn: addDays(today as never, 90), quantity: 10 });
    const member = (await t.services.beneficiaries.listMembers((await t.database.db.selectFrom('appointment').select('account_id').where('id', '=', appointmentId).executeTakeFirstOrThrow()).account_id))[0]!;
    const last4 = member.photoIdMasked.slice(-4);

    // Without an encounter the dose cannot be recorded.
    await expect(t.services.doses.recordDose(staff, { appointmentId, batchId: batch.id, photoIdLast4: last4 })).rejects.toMatchObject({ statusCode: 404 });
    await t.services.encounters.openWithSecurityCode(staff, appointmentId, code);
    await expect(t.services.doses.recordDose(staff, { appointmentId, batchId: batch.id, photoIdLast4: '0000' === last4 ? '1111' : '0000' })).rejects.toMatchObject({ code: 'PHOTO_ID_MISMATCH' });
    const recorded = await t.services.doses.recordDose(staff, { appointmentId, batchId: batch.id, photoIdLast4: last4 });
    expect(recorded).toMatchObject({ dose: 1, vaccine: session.vaccine, batchNumber: 'B123-45', certificate: { kind: 'provisional' } });
    expect(recorded.certificate.uvci).toMatch(/^URN:UVCI:01:IN:/);
    expect((await t.services.stock.batchesAt(admin, session.facilityId))[0]!.quantityLeft).toBe(9);
    const list = (await t.app.inject({ url: '/api/v2/appointment/beneficiaries', headers: bearer(family.token) })).json().beneficiaries[0];
    expect(list).toMatchObject({ vaccination_status: 'Partially Vaccinated', vaccine: session.vaccine, appointments: [] });
    await expect(t.services.doses.recordDose(staff, { appointmentId, batchId: batch.id, photoIdLast4: last4 })).rejects.toMatchObject({ code: 'ALREADY_VACCINATED' });
  });

  it('opens an encounter with an OTP sent to the citizen\'s mobile, which the vaccinator never sees', async () => {
    const family = await createFamily(t, 1);
    const { session, appointmentId } = await bookedToday(family);
    const staff = await vaccinatorAt(session.facilityId);
    await t.services.encounters.sendOtp(staff, appointmentId);
    const otp = /code is (\d{6})/.exec(t.outbox.list()[0]!.text)![1]!;
    await t.services.encounters.openWithOtp(staff, appointmentId, otp);
    const events = await t.services.access.eventsAbout([(await t.database.db.selectFrom('appointment').select('beneficiary_id').where('id', '=', appointmentId).executeTakeFirstOrThrow()).beneficiary_id]);
    expect(events.some((e) => e.type === 'encounter.opened' && e.detail.method === 'otp')).toBe(true);
  });

  it('refuses an expired batch into stock', async () => {
    const admin = await vaccinatorAt(560001, 'facility_admin');
    await expect(t.services.stock.receiveBatch(admin, 560001, { vaccine: 'COVAXIN', batchNumber: 'OLD-1', expiresOn: addDays(today as never, -1), quantity: 5 }))
      .rejects.toMatchObject({ statusCode: 400, field: 'expires_on' });
  });
});
