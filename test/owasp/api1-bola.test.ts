import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../src/core/calendar-date.js';
import { signedInStaff } from '../api/staff/sign-in.js';
import { createFamily, openSession, type Family } from '../support/booking-fixtures.js';
import { bearer, latestOtp } from '../support/citizen.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { approvedConsent, bookedToday, citizenWithMember, otherCentre, today, vaccinatedToday, type BookedToday, type Vaccinated } from './fixtures.js';
import { partnerToken, registerPartner } from './partner-client.js';

/**
 * OWASP API1:2023 Broken Object Level Authorization. Every route that takes an object's id is tried
 * with an id that belongs to someone else: another account's reference ids, bookings and
 * certificates, and, for staff, appointments and cases at another centre. Each must answer exactly
 * as for an id that does not exist (so it confirms nothing) and change nothing.
 */
let t: TestApp;
let victim: Vaccinated;
let victimBooked: BookedToday;
let attacker: Family;

beforeAll(async () => {
  t = await createTestApp();
  victim = await vaccinatedToday(t);
  victimBooked = await bookedToday(t);
  attacker = await createFamily(t, 1);
});
afterAll(() => t.close());

const NO_SUCH_REFERENCE = '12345678901234';
const NO_SUCH_UUID = '00000000-0000-4000-8000-000000000001';

describe('a citizen with another account\'s ids', () => {
  const attempts = () => [
    { what: 'certificate PDF (Co-WIN path)', method: 'GET', url: (ref: string) => `/api/v2/registration/certificate/download?beneficiary_reference_id=${ref}` },
    { what: 'certificate PDF (public Co-WIN path)', method: 'GET', url: (ref: string) => `/api/v2/registration/certificate/public/download?beneficiary_reference_id=${ref}` },
    { what: 'certificate QR texts', method: 'GET', url: (ref: string) => `/api/citizen/certificates/${ref}` },
    { what: 'delete the member', method: 'POST', url: () => '/api/v2/registration/beneficiary/delete', payload: (ref: string) => ({ beneficiary_reference_id: ref }) },
    { what: 'raise a correction', method: 'POST', url: () => '/api/citizen/corrections', payload: (ref: string) => ({ beneficiary_reference_id: ref, field: 'name', requested_value: 'Someone Else', reason: 'mine now' }) },
    { what: 'book the member', method: 'POST', url: () => '/api/v2/appointment/schedule', payload: (ref: string) => ({ session_id: victimBooked.session.id, slot: victimBooked.session.slots[1], beneficiaries: [ref] }) },
  ] as const;

  it.each(attempts().map((a) => a.what))('%s: 404 as for an unknown reference id, and nothing changes', async (what) => {
    const attempt = attempts().find((a) => a.what === what)!;
    const before = (await t.app.inject({ url: '/api/citizen/my-data', headers: bearer(victim.family.token) })).json();
    const send = (ref: string) => t.app.inject({
      method: attempt.method, url: attempt.url(ref), headers: bearer(attacker.token), ...('payload' in attempt ? { payload: attempt.payload(ref) } : {}),
    });
    const theirs = await send(victim.family.referenceIds[0]!);
    const nobodys = await send(NO_SUCH_REFERENCE);
    expect(theirs.statusCode).toBe(404);
    expect(theirs.body).toBe(nobodys.body);
    const after = (await t.app.inject({ url: '/api/citizen/my-data', headers: bearer(victim.family.token) })).json();
    expect({ ...after, exported_at: undefined, access_history: undefined }).toEqual({ ...before, exported_at: undefined, access_history: undefined });
  });

  it.each([
    ['the appointment slip', (id: string) => ({ method: 'GET' as const, url: `/api/v2/appointment/appointmentslip/download?appointment_id=${id}` })],
    ['cancel the booking', (id: string) => ({ method: 'POST' as const, url: '/api/v2/appointment/cancel', payload: { appointment_id: id } })],
    ['reschedule the booking', (id: string) => ({ method: 'POST' as const, url: '/api/v2/appointment/reschedule', payload: { appointment_id: id, session_id: victimBooked.session.id, slot: victimBooked.session.slots[1] } })],
  ])('%s of another account: 404 as for an unknown booking, and it stays booked', async (_what, request) => {
    const theirs = await t.app.inject({ ...request(victimBooked.bookingId), headers: bearer(attacker.token) });
    const nobodys = await t.app.inject({ ...request(NO_SUCH_UUID), headers: bearer(attacker.token) });
    expect(theirs.statusCode).toBe(404);
    expect(theirs.body).toBe(nobodys.body);
    const status = await t.database.db.selectFrom('appointment').select(['status', 'slot']).where('id', '=', victimBooked.appointmentId).executeTakeFirstOrThrow();
    expect(status).toEqual({ status: 'booked', slot: victimBooked.session.slots[0] });
  });

  it('sees only its own members in every list and export', async () => {
    for (const url of ['/api/v2/appointment/beneficiaries', '/api/citizen/my-data', '/api/citizen/corrections']) {
      const body = (await t.app.inject({ url, headers: bearer(attacker.token) })).body;
      for (const foreign of [victim.family.referenceIds[0]!, victimBooked.family.referenceIds[0]!, victimBooked.bookingId, victim.uvci]) {
        expect(body, url).not.toContain(foreign);
      }
    }
  });
});

describe('staff with another centre\'s objects', () => {
  it('a vaccinator cannot open, vaccinate or read a person booked at another centre, even with the right code', async () => {
    const elsewhere = await openSession(t.database.db, today(t), 10, victimBooked.session.vaccine === 'COVAXIN' ? 'COVISHIELD' : 'COVAXIN');
    expect(elsewhere.facilityId).not.toBe(victimBooked.session.facilityId);
    const { browser } = await signedInStaff(t, 'vaccinator', `facility:${elsewhere.facilityId}`);
    const theirs = await browser.post('/api/staff/centre/encounters', { appointment_id: victimBooked.appointmentId, security_code: victimBooked.securityCode });
    const nobodys = await browser.post('/api/staff/centre/encounters', { appointment_id: NO_SUCH_UUID, security_code: victimBooked.securityCode });
    expect(theirs.statusCode).toBe(404);
    expect(theirs.body).toBe(nobodys.body);
    expect((await browser.post('/api/staff/centre/encounters/otp', { appointment_id: victimBooked.appointmentId })).statusCode).toBe(404);
    expect((await browser.post('/api/staff/centre/doses', {
      appointment_id: victimBooked.appointmentId, batch_id: NO_SUCH_UUID, photo_id_last4: '0000',
    })).statusCode).toBe(404);
    const roster = (await browser.get('/api/staff/centre/roster')).body;
    expect(roster).not.toContain(victimBooked.appointmentId);
    expect(await t.database.db.selectFrom('encounter_grant').select('id').where('facility_id', '=', elsewhere.facilityId).execute()).toEqual([]);
  });

  it('a facility admin cannot read or fill another centre\'s stock', async () => {
    const { browser } = await signedInStaff(t, 'facility_admin', `facility:${await otherCentre(t, victimBooked.session.facilityId)}`);
    const centre = victimBooked.session.facilityId;
    expect((await browser.get(`/api/staff/centre/facilities/${centre}/batches`)).statusCode).toBe(404);
    const received = await browser.post(`/api/staff/centre/facilities/${centre}/batches`, {
      vaccine: victimBooked.session.vaccine, batch_number: 'NOT-MINE-1', expires_on: addDays(today(t), 30), quantity: 10,
    });
    expect(received.statusCode).toBe(404);
    expect(await t.database.db.selectFrom('vaccine_batch').select('id').where('batch_number', '=', 'NOT-MINE-1').execute()).toEqual([]);
  });

  it('a vaccinator cannot report or read adverse events about a person vaccinated at another centre', async () => {
    t.clock.advance(5 * 60_000);
    const elsewhere = `facility:${await otherCentre(t, victim.session.facilityId)}`;
    const own = await victim.vaccinator.post('/api/staff/aefi/reports', {
      certificate_uvci: victim.uvci, severity: 'minor', onset_at: t.clock.now().toISOString(), symptoms: ['fever'], outcome: 'recovering',
    });
    expect(own.statusCode, own.body).toBe(201);
    const { browser } = await signedInStaff(t, 'vaccinator', elsewhere);
    expect((await browser.get(`/api/staff/aefi/centres/${victim.session.facilityId}/reports`)).statusCode).toBe(404);
    expect((await browser.get(`/api/staff/aefi/reports/${own.json().case_id}`)).statusCode).toBe(404);
    const report = await browser.post('/api/staff/aefi/reports', {
      certificate_uvci: victim.uvci, severity: 'minor', onset_at: t.clock.now().toISOString(), symptoms: ['fever'], outcome: 'recovering',
    });
    expect(report.statusCode).toBe(404);
    expect(await t.database.db.selectFrom('aefi_report').select('id').execute()).toHaveLength(1);
  });
});

describe('consents and access history of someone else', () => {
  const PARTNER_IP = '203.0.113.31';
  const OTHER_PARTNER_IP = '203.0.113.32';

  it('a partner cannot see another partner\'s consent request, nor read by its handle', async () => {
    const admin = (await signedInStaff(t, 'national_admin', 'nation')).browser;
    const owner = await registerPartner(admin, { scopes: ['consented', 'vaccination_status'], allow: [PARTNER_IP] });
    const other = await registerPartner(admin, { scopes: ['consented', 'vaccination_status'], allow: [OTHER_PARTNER_IP] });
    const consent = await approvedConsent(t, { token: await partnerToken(t.app, owner, PARTNER_IP, t.clock.now()), ip: PARTNER_IP }, await citizenWithMember(t));
    const asOther = { headers: bearer(await partnerToken(t.app, other, OTHER_PARTNER_IP, t.clock.now())), remoteAddress: OTHER_PARTNER_IP };
    const theirs = await t.app.inject({ url: `/api/partner/v1/consent-requests/${consent.requestId}`, ...asOther });
    const nobodys = await t.app.inject({ url: `/api/partner/v1/consent-requests/${NO_SUCH_UUID}`, ...asOther });
    expect(theirs.statusCode).toBe(404);
    expect(theirs.body).toBe(nobodys.body);
    const read = await t.app.inject({ url: `/api/partner/v1/subjects/${consent.handle}/vaccination-status`, ...asOther });
    expect(read.statusCode).toBe(404);
  });

  it('a citizen cannot revoke, or approve for, another account\'s member, nor read their access history', async () => {
    const admin = (await signedInStaff(t, 'national_admin', 'nation')).browser;
    const partner = await registerPartner(admin, { scopes: ['consented', 'vaccination_status'], allow: [PARTNER_IP] });
    const partnerAccess = { token: await partnerToken(t.app, partner, PARTNER_IP, t.clock.now()), ip: PARTNER_IP };
    const owner = await citizenWithMember(t);
    const consent = await approvedConsent(t, partnerAccess, owner);
    const intruder = await citizenWithMember(t);
    const asIntruder = bearer(intruder.token);

    const revoke = await t.app.inject({ method: 'POST', url: `/api/citizen/consents/${consent.consentId}/revoke`, headers: asIntruder, payload: {} });
    const revokeNothing = await t.app.inject({ method: 'POST', url: `/api/citizen/consents/${NO_SUCH_UUID}/revoke`, headers: asIntruder, payload: {} });
    expect(revoke.statusCode).toBe(404);
    expect(revoke.body).toBe(revokeNothing.body);
    const stillLive = (await t.app.inject({ url: '/api/citizen/consents', headers: bearer(owner.token) })).json();
    expect(stillLive.find((c: { id: string }) => c.id === consent.consentId).status).toBe('approved');

    const request = (await t.app.inject({
      method: 'POST', url: '/api/partner/v1/consent-requests', headers: bearer(partnerAccess.token), remoteAddress: PARTNER_IP,
      payload: { purpose: 'Membership check', data: ['vaccination_status'], expires_in_days: 30 },
    })).json();
    t.clock.advance(61_000);
    const code = await t.app.inject({ method: 'POST', url: `/api/citizen/consent-requests/${request.id}/otp`, headers: asIntruder, payload: {} });
    const approve = await t.app.inject({
      method: 'POST', url: `/api/citizen/consent-requests/${request.id}/approve`, headers: asIntruder,
      payload: { beneficiary_reference_id: owner.referenceId, txnId: code.json().txnId, otp: latestOtp(t.outbox, intruder.mobile) },
    });
    expect(approve.statusCode).toBe(404);
    expect((await t.app.inject({ url: `/api/partner/v1/consent-requests/${request.id}`, headers: bearer(partnerAccess.token), remoteAddress: PARTNER_IP })).json().status).toBe('requested');

    const history = await t.app.inject({ url: `/api/citizen/access-history?member=${owner.referenceId}`, headers: asIntruder });
    const noHistory = await t.app.inject({ url: `/api/citizen/access-history?member=${NO_SUCH_REFERENCE}`, headers: asIntruder });
    expect(history.statusCode).toBe(404);
    expect(history.body).toBe(noHistory.body);
  });
});
