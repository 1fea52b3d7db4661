import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayInIndia, type IsoDate } from '../../../src/core/calendar-date.js';
import { seedInstant } from '../../support/database.js';
import { createFamily, openSession, type OpenSession } from '../../support/booking-fixtures.js';
import { bearer, latestOtp } from '../../support/citizen.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';
import { signedInStaff, type StaffBrowser } from './sign-in.js';

/** Adverse events following immunisation, through the real staff API. */
let t: TestApp;
let today: IsoDate;
let session: OpenSession;
let vaccinator: StaffBrowser;
let centreAdmin: StaffBrowser;
let batchId: string;
let districtId: number;
let stateId: number;

interface Vaccinated {
  appointmentId: string;
  uvci: string;
  mobile: string;
}

/** A person booked today at the session's centre, vaccinated there with their security code. */
async function vaccinatedPerson(birthYear = 1985): Promise<Vaccinated> {
  const family = await createFamily(t, 1, birthYear);
  const booking = await t.app.inject({
    method: 'POST', url: '/api/v2/appointment/schedule', headers: bearer(family.token),
    payload: { session_id: session.id, slot: session.slots[0], beneficiaries: family.referenceIds },
  });
  expect(booking.statusCode, booking.body).toBe(200);
  const sms = t.outbox.list()[0]!;
  const code = /Security code ref \.\.\d{4}: (\d{4})/.exec(sms.text)![1]!;
  const appointment = await t.database.db.selectFrom('appointment').innerJoin('beneficiary', 'beneficiary.id', 'appointment.beneficiary_id')
    .select(['appointment.id', 'beneficiary.photo_id_masked']).where('booking_id', '=', booking.json().appointment_confirmation_no).executeTakeFirstOrThrow();
  expect((await vaccinator.post('/api/staff/centre/encounters', { appointment_id: appointment.id, security_code: code })).statusCode).toBe(204);
  const dose = await vaccinator.post('/api/staff/centre/doses', {
    appointment_id: appointment.id, batch_id: batchId, photo_id_last4: appointment.photo_id_masked.slice(-4),
  });
  expect(dose.statusCode, dose.body).toBe(201);
  return { appointmentId: appointment.id, uvci: dose.json().certificate.uvci, mobile: sms.to };
}

const minutesAgo = (minutes: number) => new Date(t.clock.now().getTime() - minutes * 60_000).toISOString();
const event = (overrides: Record<string, unknown> = {}) => ({
  severity: 'minor', onset_at: minutesAgo(0), symptoms: ['fever', 'injection_site_reaction'], outcome: 'recovering', ...overrides,
});

async function reportCount(): Promise<number> {
  const row = await t.database.db.selectFrom('aefi_report').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

beforeAll(async () => {
  t = await createTestApp();
  today = todayInIndia(seedInstant());
  session = await openSession(t.database.db, today, 200);
  centreAdmin = (await signedInStaff(t, 'facility_admin', `facility:${session.facilityId}`)).browser;
  const batch = await centreAdmin.post(`/api/staff/centre/facilities/${session.facilityId}/batches`, {
    vaccine: session.vaccine, batch_number: 'AEFI-042', expires_on: addDays(today, 90), quantity: 100,
  });
  expect(batch.statusCode).toBe(201);
  batchId = batch.json().id;
  vaccinator = (await signedInStaff(t, 'vaccinator', `facility:${session.facilityId}`)).browser;
  districtId = (await t.services.facilities.findById(session.facilityId))!.districtId;
  stateId = t.services.geography.placeOf(districtId)!.stateId;
});
afterAll(() => t.close());

describe('reporting an adverse event', () => {
  it('records one right after the dose, naming the appointment, with age and gender and no identity', async () => {
    const person = await vaccinatedPerson(1990);
    t.clock.advance(10 * 60_000);
    const res = await vaccinator.post('/api/staff/aefi/reports', {
      appointment_id: person.appointmentId, ...event({ severity: 'serious', onset_at: minutesAgo(5), symptoms: ['anaphylaxis'], outcome: 'hospitalised', notes: 'Adrenaline 0.5 mg IM given at 14:10; referred to district hospital.' }),
    });
    expect(res.statusCode, res.body).toBe(201);
    const reported = res.json();
    expect(reported).toMatchObject({
      facility_id: session.facilityId, district_id: districtId, vaccine: session.vaccine, batch_number: 'AEFI-042', dose: 1,
      age: Number(today.slice(0, 4)) - 1990, gender: 'Male', severity: 'serious', outcome: 'hospitalised', symptoms: ['anaphylaxis'],
      reported: { severity: 'serious', outcome: 'hospitalised', notes: expect.stringContaining('Adrenaline') }, follow_ups: [],
    });
    expect(res.body).not.toMatch(/Asha|Devi|reference|mobile|photo/i);
    const stored = await t.database.db.selectFrom('aefi_report').select('notes_enc').where('id', '=', reported.case_id).executeTakeFirstOrThrow();
    expect(stored.notes_enc).not.toContain('Adrenaline');
  });

  it('records one naming the certificate the person shows', async () => {
    const person = await vaccinatedPerson();
    const res = await vaccinator.post('/api/staff/aefi/reports', { certificate_uvci: person.uvci.toLowerCase(), ...event() });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ dose: 1, severity: 'minor', symptoms: ['fever', 'injection_site_reaction'] });
  });

  it('needs the person\'s record open at this centre: elsewhere, or another day, it is "not found"', async () => {
    const person = await vaccinatedPerson();
    const elsewhere = await signedInStaff(t, 'vaccinator', `facility:${session.facilityId + 1}`);
    const before = await reportCount();
    const res = await elsewhere.browser.post('/api/staff/aefi/reports', { certificate_uvci: person.uvci, ...event() });
    expect(res.statusCode).toBe(404);
    expect(res.json().error).toContain('/api/staff/aefi/identifications');
    expect((await elsewhere.browser.post('/api/staff/aefi/reports', { appointment_id: person.appointmentId, ...event() })).statusCode).toBe(404);
    expect((await vaccinator.post('/api/staff/aefi/reports', { certificate_uvci: 'URN:UVCI:01:IN:0000000000000000000000000A#A', ...event() })).statusCode).toBe(404);
    expect(await reportCount()).toBe(before);
    const denied = await t.database.db.selectFrom('audit_event').select('purpose').where('type', '=', 'access.denied').where('purpose', '=', 'aefi').execute();
    expect(denied.length).toBeGreaterThan(0);
  });

  it('refuses a booked appointment with no dose yet', async () => {
    const family = await createFamily(t, 1);
    const booking = await t.app.inject({
      method: 'POST', url: '/api/v2/appointment/schedule', headers: bearer(family.token),
      payload: { session_id: session.id, slot: session.slots[0], beneficiaries: family.referenceIds },
    });
    const appointment = await t.database.db.selectFrom('appointment').select('id').where('booking_id', '=', booking.json().appointment_confirmation_no).executeTakeFirstOrThrow();
    const res = await vaccinator.post('/api/staff/aefi/reports', { appointment_id: appointment.id, ...event() });
    expect(res.statusCode).toBe(409);
    expect(res.json().errorCode).toBe('NOT_VACCINATED');
  });

  it('refuses bad input, naming the field, and writes nothing', async () => {
    const person = await vaccinatedPerson();
    const before = await reportCount();
    const dose = { appointment_id: person.appointmentId };
    const cases: [object, RegExp][] = [
      [{ ...dose, ...event({ severity: 'mild' }) }, /^severity must be one of: minor, serious, severe/],
      [{ ...dose, ...event({ outcome: 'fine' }) }, /^outcome must be one of/],
      [{ ...dose, ...event({ symptoms: [] }) }, /^symptoms/],
      [{ ...dose, ...event({ symptoms: ['sneezing'] }) }, /^symptoms must be codes from the list/],
      [{ ...dose, ...event({ symptoms: ['fever', 'fever'] }) }, /^symptoms lists a code twice/],
      [{ ...dose, ...event({ symptoms: ['other'] }) }, /^notes must describe the "other" symptom/],
      [{ ...dose, ...event({ notes: 'Mother reachable on 98765 43210' }) }, /^notes must not hold a phone or ID number/],
      [{ ...dose, ...event({ notes: 'x'.repeat(501) }) }, /^notes/],
      [{ ...dose, ...event({ onset_at: new Date(t.clock.now().getTime() + 3_600_000).toISOString() }) }, /^onset_at cannot be in the future/],
      [{ ...dose, ...event({ onset_at: minutesAgo(24 * 60) }) }, /^onset_at is before the dose was given/],
      [{ ...dose, ...event({ onset_at: 'yesterday' }) }, /^onset_at/],
      [event(), /^Name the dose the event followed/],
      [{ ...dose, certificate_uvci: person.uvci, ...event() }, /^Name the dose the event followed/],
    ];
    for (const [body, message] of cases) {
      const res = await vaccinator.post('/api/staff/aefi/reports', body);
      expect(res.statusCode, String(message)).toBe(400);
      expect(res.json().error, String(message)).toMatch(message);
    }
    expect(await reportCount()).toBe(before);
  });
});

describe('a person back on another day', () => {
  it('opens their record at any centre with their certificate and a code to their own mobile', async () => {
    const person = await vaccinatedPerson();
    const other = await signedInStaff(t, 'facility_admin', `facility:${session.facilityId + 1}`);
    t.clock.advance(61_000);
    const sent = await other.browser.post('/api/staff/aefi/identifications', { certificate_uvci: person.uvci });
    expect(sent.statusCode, sent.body).toBe(202);
    expect(Object.keys(sent.json())).toEqual(['identification_token']);
    expect(t.outbox.list()[0]!.text).toContain('report a reaction');
    const otp = latestOtp(t.outbox, person.mobile);
    const token = sent.json().identification_token;
    expect((await vaccinator.post('/api/staff/aefi/identifications/confirm', { identification_token: token, otp })).statusCode).toBe(404);
    expect((await other.browser.post('/api/staff/aefi/identifications/confirm', { identification_token: token, otp })).statusCode).toBe(204);
    const res = await other.browser.post('/api/staff/aefi/reports', { certificate_uvci: person.uvci, ...event({ symptoms: ['myocarditis'], severity: 'serious' }) });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ facility_id: session.facilityId + 1, vaccine: session.vaccine, batch_number: 'AEFI-042' });
  });

  it('locks the code after 3 wrong tries, and knows no certificate it was not given', async () => {
    const person = await vaccinatedPerson();
    t.clock.advance(61_000);
    const sent = await vaccinator.post('/api/staff/aefi/identifications', { certificate_uvci: person.uvci });
    const otp = latestOtp(t.outbox, person.mobile);
    const wrong = otp === '000000' ? '111111' : '000000';
    const confirm = (code: string) => vaccinator.post('/api/staff/aefi/identifications/confirm', { identification_token: sent.json().identification_token, otp: code });
    expect((await confirm(wrong)).json().errorCode).toBe('WRONG_CODE');
    expect((await confirm(wrong)).json().errorCode).toBe('WRONG_CODE');
    expect((await confirm(wrong)).statusCode).toBe(429);
    expect((await confirm(otp)).statusCode).toBe(429);
    expect((await vaccinator.post('/api/staff/aefi/identifications', { certificate_uvci: 'URN:UVCI:01:IN:NOSUCHCERTIFICATE000000000#A' })).statusCode).toBe(404);
  });
});

describe('lists and follow-ups', () => {
  let caseId: string;

  beforeAll(async () => {
    const person = await vaccinatedPerson(1960);
    const res = await vaccinator.post('/api/staff/aefi/reports', { appointment_id: person.appointmentId, ...event({ severity: 'minor', symptoms: ['headache'] }) });
    caseId = res.json().case_id;
  });

  it('shows a centre its cases, newest first, by severity, with counts, page by page, and nothing that identifies anyone', async () => {
    const res = await vaccinator.get(`/api/staff/aefi/centres/${session.facilityId}/reports`);
    expect(res.statusCode).toBe(200);
    const list = res.json();
    expect(list.reports[0].case_id).toBe(caseId);
    expect(Object.keys(list.reports[0]).sort()).toEqual(
      ['age', 'batch_number', 'case_id', 'dose', 'facility_id', 'gender', 'onset_at', 'outcome', 'reported_at', 'severity', 'vaccine'],
    );
    expect(list.counts.serious).toBeGreaterThanOrEqual(1);
    expect(list.total).toBe(list.counts.minor + list.counts.serious + list.counts.severe);
    const serious = (await vaccinator.get(`/api/staff/aefi/centres/${session.facilityId}/reports?severity=serious`)).json();
    expect(serious.reports.every((r: { severity: string }) => r.severity === 'serious')).toBe(true);
    expect(serious.total).toBe(list.counts.serious);
    expect(serious.counts).toEqual(list.counts);
    const second = (await vaccinator.get(`/api/staff/aefi/centres/${session.facilityId}/reports?per_page=1&page=2`)).json();
    expect(second.reports).toHaveLength(1);
    expect(second.reports[0].case_id).toBe(list.reports[1].case_id);
    expect((await vaccinator.get(`/api/staff/aefi/centres/${session.facilityId}/reports?severity=bad`)).statusCode).toBe(400);
    expect((await vaccinator.get(`/api/staff/aefi/centres/${session.facilityId}/reports?per_page=1000`)).statusCode).toBe(400);
  });

  it('shows a district its cases, and a state or national admin a district they choose in their scope', async () => {
    for (const [role, scope] of [['district_admin', `district:${districtId}`], ['state_admin', `state:${stateId}`], ['national_admin', 'nation']]) {
      const { browser } = await signedInStaff(t, role!, scope!);
      const res = await browser.get(`/api/staff/aefi/districts/${districtId}/reports`);
      expect(res.statusCode, role).toBe(200);
      expect(res.json().reports.some((r: { case_id: string }) => r.case_id === caseId), role).toBe(true);
      expect((await browser.get(`/api/staff/aefi/reports/${caseId}`)).statusCode, role).toBe(200);
    }
  });

  it('hides cases outside the caller\'s scope as "not found"', async () => {
    const otherDistrict = t.services.geography.listDistricts(stateId).find((d) => d.id !== districtId)!.id;
    const otherState = t.services.geography.listStates().find((s) => s.id !== stateId)!.id;
    const district = await signedInStaff(t, 'district_admin', `district:${otherDistrict}`);
    expect((await district.browser.get(`/api/staff/aefi/districts/${districtId}/reports`)).statusCode).toBe(404);
    expect((await district.browser.get(`/api/staff/aefi/centres/${session.facilityId}/reports`)).statusCode).toBe(404);
    expect((await district.browser.get(`/api/staff/aefi/reports/${caseId}`)).statusCode).toBe(404);
    expect((await district.browser.post(`/api/staff/aefi/reports/${caseId}/follow-ups`, { outcome: 'recovered' })).statusCode).toBe(404);
    const state = await signedInStaff(t, 'state_admin', `state:${otherState}`);
    expect((await state.browser.get(`/api/staff/aefi/districts/${districtId}/reports`)).statusCode).toBe(404);
    const elsewhere = await signedInStaff(t, 'facility_admin', `facility:${session.facilityId + 1}`);
    expect((await elsewhere.browser.get(`/api/staff/aefi/centres/${session.facilityId}/reports`)).statusCode).toBe(404);
    expect((await elsewhere.browser.get(`/api/staff/aefi/reports/${caseId}`)).statusCode).toBe(404);
    expect((await elsewhere.browser.post(`/api/staff/aefi/reports/${caseId}/follow-ups`, { outcome: 'recovered' })).statusCode).toBe(404);
    expect((await vaccinator.get('/api/staff/aefi/reports/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
  });

  it('lets the centre\'s facility admin and the district admin follow a case up; the history only grows', async () => {
    const escalated = await centreAdmin.post(`/api/staff/aefi/reports/${caseId}/follow-ups`, { outcome: 'hospitalised', severity: 'severe', notes: 'Admitted for observation.' });
    expect(escalated.statusCode, escalated.body).toBe(201);
    expect(escalated.json()).toMatchObject({ severity: 'severe', outcome: 'hospitalised', reported: { severity: 'minor', outcome: 'recovering' } });
    const district = await signedInStaff(t, 'district_admin', `district:${districtId}`);
    const recovered = await district.browser.post(`/api/staff/aefi/reports/${caseId}/follow-ups`, { outcome: 'recovered' });
    expect(recovered.statusCode).toBe(201);
    expect(recovered.json()).toMatchObject({ severity: 'severe', outcome: 'recovered' });
    expect(recovered.json().follow_ups.map((f: { outcome: string; notes: string | null }) => [f.outcome, f.notes])).toEqual([
      ['hospitalised', 'Admitted for observation.'], ['recovered', null],
    ]);
    const list = (await district.browser.get(`/api/staff/aefi/districts/${districtId}/reports?severity=severe`)).json();
    expect(list.reports.map((r: { case_id: string }) => r.case_id)).toContain(caseId);
    expect(list.counts.severe).toBeGreaterThanOrEqual(1);
    const audit = await t.database.db.selectFrom('audit_event').select('type').where('type', '=', 'aefi.followed_up').execute();
    expect(audit).toHaveLength(2);
  });

  it('refuses a bad follow-up, naming the field, and writes nothing', async () => {
    const followUps = async () => Number((await t.database.db.selectFrom('aefi_follow_up').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    const before = await followUps();
    const bad = await centreAdmin.post(`/api/staff/aefi/reports/${caseId}/follow-ups`, { outcome: 'better' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatch(/^outcome must be one of/);
    expect((await centreAdmin.post(`/api/staff/aefi/reports/${caseId}/follow-ups`, { outcome: 'recovered', severity: 'mild' })).json().error).toMatch(/^severity/);
    expect((await centreAdmin.post(`/api/staff/aefi/reports/${caseId}/follow-ups`, { severity: 'minor' })).json().error).toMatch(/^outcome/);
    expect(await followUps()).toBe(before);
  });

  it('keeps reports and follow-ups as they were written, even against SQL', async () => {
    await expect(sql`UPDATE aefi_follow_up SET outcome = 'died'`.execute(t.database.db)).rejects.toThrow(/append-only/);
    await expect(sql`DELETE FROM aefi_report WHERE id = ${caseId}`.execute(t.database.db)).rejects.toThrow(/append-only/);
    await expect(sql`UPDATE aefi_report SET severity = 'minor' WHERE id = ${caseId}`.execute(t.database.db)).rejects.toThrow(/append-only/);
  });
});

describe('who may do what', () => {
  it('needs a staff session for every route', async () => {
    const id = '00000000-0000-4000-8000-000000000000';
    for (const [method, url] of [
      ['POST', '/identifications'], ['POST', '/identifications/confirm'], ['POST', '/reports'], ['GET', `/reports/${id}`],
      ['POST', `/reports/${id}/follow-ups`], ['GET', '/centres/560001/reports'], ['GET', '/districts/395/reports'],
    ] as const) {
      const res = await t.app.inject({ method, url: `/api/staff/aefi${url}`, payload: method === 'POST' ? {} : undefined });
      expect(res.statusCode, url).toBe(401);
    }
    const citizen = await createFamily(t, 0);
    expect((await t.app.inject({ url: '/api/staff/aefi/centres/560001/reports', headers: bearer(citizen.token) })).statusCode).toBe(401);
  });

  it('answers 403 to roles a route is not for', async () => {
    const auditor = await signedInStaff(t, 'auditor', 'nation');
    expect((await auditor.browser.get(`/api/staff/aefi/districts/${districtId}/reports`)).statusCode).toBe(403);
    expect((await vaccinator.get(`/api/staff/aefi/districts/${districtId}/reports`)).statusCode).toBe(403);
    expect((await vaccinator.post('/api/staff/aefi/reports/00000000-0000-4000-8000-000000000000/follow-ups', { outcome: 'recovered' })).statusCode).toBe(403);
    const district = await signedInStaff(t, 'district_admin', `district:${districtId}`);
    expect((await district.browser.post('/api/staff/aefi/reports', event())).statusCode).toBe(403);
    expect((await district.browser.post('/api/staff/aefi/identifications', { certificate_uvci: 'x' })).statusCode).toBe(403);
    expect((await vaccinator.post('/api/staff/aefi/reports', event(), 'not-the-csrf-token')).statusCode).toBe(403);
  });
});
