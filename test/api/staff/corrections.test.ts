import { createHash, randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayInIndia, type IsoDate } from '../../../src/core/calendar-date.js';
import type { StaffRole, StaffScope } from '../../../src/modules/access/schema.js';
import { CORRECTION_REVIEWS_PER_DAY } from '../../../src/modules/beneficiaries/correction-review-jurisdiction.js';
import { seedInstant } from '../../support/database.js';
import { createFamily, type Family } from '../../support/booking-fixtures.js';
import { aadhaarFor, bearer } from '../../support/citizen.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';
import { signedInStaff, StaffBrowser } from './sign-in.js';

/** Decision 0011: the staff side of "Raise an issue". */
let t: TestApp;
let today: IsoDate;

interface Centre {
  facilityId: number;
  districtId: number;
  stateId: number;
  sessionId: string;
  slot: string;
  vaccine: string;
}

/** Centres with an adult session today: `home`, one in another district of its state, one in another state. */
let home: Centre;
let sameState: Centre;
let otherState: Centre;

async function centresWithSessionsToday(): Promise<Centre[]> {
  const rows = await t.database.db.selectFrom('vaccination_session')
    .innerJoin('facility', 'facility.id', 'vaccination_session.facility_id')
    .innerJoin('district', 'district.id', 'facility.district_id')
    .select(['vaccination_session.id', 'vaccination_session.facility_id', 'facility.district_id', 'district.state_id', 'vaccination_session.slots', 'vaccination_session.vaccine'])
    .where('vaccination_session.date', '=', today).where('vaccination_session.min_age_limit', '=', 18).where('vaccination_session.max_age_limit', 'is', null)
    .orderBy('vaccination_session.id').execute();
  const byFacility = new Map<number, Centre>();
  for (const r of rows) {
    if (!byFacility.has(r.facility_id)) {
      byFacility.set(r.facility_id, { facilityId: r.facility_id, districtId: r.district_id, stateId: r.state_id, sessionId: r.id, slot: r.slots[0]!, vaccine: r.vaccine });
    }
  }
  return [...byFacility.values()];
}

/** Books the family's members at the centre today (seats reset first) and returns the appointment and its security code. */
async function bookToday(family: Family, centre: Centre) {
  await sql`UPDATE vaccination_session SET capacity_dose1 = 50, capacity_dose2 = 50, booked_dose1 = 0, booked_dose2 = 0 WHERE id = ${centre.sessionId}`.execute(t.database.db);
  const booking = await t.app.inject({
    method: 'POST', url: '/api/v2/appointment/schedule', headers: bearer(family.token),
    payload: { session_id: centre.sessionId, slot: centre.slot, beneficiaries: family.referenceIds },
  });
  expect(booking.statusCode).toBe(200);
  const appointment = await t.database.db.selectFrom('appointment').select(['id', 'beneficiary_id'])
    .where('booking_id', '=', booking.json().appointment_confirmation_no).executeTakeFirstOrThrow();
  const code = /Security code ref \.\.\d{4}: (\d{4})/.exec(t.outbox.list()[0]!.text)![1]!;
  return { appointmentId: appointment.id, beneficiaryId: appointment.beneficiary_id, code };
}

let staffCount = 0;
function staffActor(id: string, role: StaffRole, scope: StaffScope) {
  return { kind: 'staff' as const, staffId: id, role, scope, sessionId: 'test-session' };
}

/** Records dose 1 at the centre, as the centre's staff would: the person's certificate exists afterwards. */
async function vaccinateToday(family: Family, centre: Centre): Promise<void> {
  const { appointmentId, beneficiaryId, code } = await bookToday(family, centre);
  const scope: StaffScope = { level: 'facility', facilityId: centre.facilityId };
  const admin = await t.services.staff.addAccount({ username: `corr-admin-${(staffCount += 1)}`, role: 'facility_admin', scope });
  const vaccinator = await t.services.staff.addAccount({ username: `corr-vax-${(staffCount += 1)}`, role: 'vaccinator', scope });
  const batch = await t.services.stock.receiveBatch(staffActor(admin.id, 'facility_admin', scope), centre.facilityId, {
    vaccine: centre.vaccine, batchNumber: `CORR-${staffCount}`, expiresOn: addDays(today, 30), quantity: 5,
  });
  await t.services.encounters.openWithSecurityCode(staffActor(vaccinator.id, 'vaccinator', scope), appointmentId, code);
  const member = await t.services.beneficiaries.memberById(beneficiaryId);
  await t.services.doses.recordDose(staffActor(vaccinator.id, 'vaccinator', scope), { appointmentId, batchId: batch.id, photoIdLast4: member!.photoIdMasked.slice(-4) });
}

async function raise(family: Family, field: string, requestedValue: string | number, reason = 'Typed it wrong at registration'): Promise<string> {
  const res = await t.app.inject({
    method: 'POST', url: '/api/citizen/corrections', headers: bearer(family.token),
    payload: { beneficiary_reference_id: family.referenceIds[0], field, requested_value: requestedValue, reason },
  });
  expect(res.statusCode).toBe(201);
  return res.json().id as string;
}

const myData = async (family: Family) => (await t.app.inject({ url: '/api/citizen/my-data', headers: bearer(family.token) })).json();
const ownCorrections = async (family: Family) => (await t.app.inject({ url: '/api/citizen/corrections', headers: bearer(family.token) })).json().corrections;
const requestRow = (id: string) => t.database.db.selectFrom('correction_request').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const eventsOf = (subject: string, type: string) =>
  t.database.db.selectFrom('audit_event').selectAll().where('subject', '=', subject).where('type', '=', type).orderBy('seq').execute();

const districtAdmin = (centre: Centre) => signedInStaff(t, 'district_admin', `district:${centre.districtId}`);

beforeAll(async () => {
  t = await createTestApp();
  today = todayInIndia(seedInstant());
  const centres = await centresWithSessionsToday();
  home = centres[0]!;
  const inState = centres.find((c) => c.stateId === home.stateId && c.districtId !== home.districtId);
  const elsewhere = centres.find((c) => c.stateId !== home.stateId);
  if (!inState || !elsewhere) throw new Error('the demo data needs adult sessions today in two districts of a state and in another state');
  sameState = inState;
  otherState = elsewhere;
});
afterAll(() => t.close());

describe('who may use the queue', () => {
  it('needs a staff session: 401 without one', async () => {
    const anonymous = new StaffBrowser(t);
    const id = randomUUID();
    expect((await anonymous.get('/api/staff/corrections')).statusCode).toBe(401);
    expect((await anonymous.get(`/api/staff/corrections/${id}`)).statusCode).toBe(401);
    expect((await anonymous.post(`/api/staff/corrections/${id}/accept`)).statusCode).toBe(401);
    expect((await anonymous.post(`/api/staff/corrections/${id}/reject`, { reason: 'x' })).statusCode).toBe(401);
  });

  it.each([
    ['vaccinator', `facility:560001`],
    ['facility_admin', `facility:560001`],
    ['auditor', 'nation'],
  ])('refuses the role %s with 403, recorded', async (role, scope) => {
    const { browser } = await signedInStaff(t, role, scope);
    const res = await browser.get('/api/staff/corrections');
    expect(res.statusCode).toBe(403);
    expect(res.json().errorCode).toBe('ROLE_FORBIDDEN');
    const denied = await t.services.access.eventsAbout(['route:GET /api/staff/corrections']);
    expect(denied[0]).toMatchObject({ type: 'access.denied', outcome: 'denied' });
  });
});

describe('the queue', () => {
  let inHome: string;
  let inSameState: string;
  let inOtherState: string;
  let national: string;

  beforeAll(async () => {
    const a = await createFamily(t, 1);
    await bookToday(a, home);
    inHome = await raise(a, 'name', 'Asha Rani');
    const b = await createFamily(t, 1);
    await bookToday(b, sameState);
    inSameState = await raise(b, 'birth_year', '1986');
    const c = await createFamily(t, 1);
    await bookToday(c, otherState);
    inOtherState = await raise(c, 'gender', 2);
    // Never booked and never vaccinated: no district to send it to.
    const d = await createFamily(t, 1);
    national = await raise(d, 'name', 'Meena Iyer');
  });

  const idsIn = async (browser: StaffBrowser) => {
    const res = await browser.get('/api/staff/corrections');
    expect(res.statusCode).toBe(200);
    return res.json().corrections.map((c: { id: string }) => c.id) as string[];
  };

  it('shows a district admin the requests of their district only, with no personal data', async () => {
    const { browser } = await districtAdmin(home);
    const res = await browser.get('/api/staff/corrections');
    expect(res.headers['cache-control']).toBe('no-store');
    const body = res.json();
    expect(body.corrections.map((c: { id: string }) => c.id)).toContain(inHome);
    expect(body.corrections.map((c: { id: string }) => c.id)).not.toContain(inSameState);
    expect(body.corrections.map((c: { id: string }) => c.id)).not.toContain(national);
    expect(body.total).toBe(body.corrections.length);
    const entry = body.corrections.find((c: { id: string }) => c.id === inHome);
    expect(Object.keys(entry).sort()).toEqual(['centre', 'created_at', 'district', 'field', 'id']);
    expect(entry).toMatchObject({ field: 'name', centre: { id: home.facilityId }, district: { id: home.districtId, state_id: home.stateId } });
    expect(JSON.stringify(body)).not.toMatch(/Asha|Rani|Typed it wrong|(?<![\w-])\d{12}(?![\w-])/);
  });

  it('shows a state admin every district of the state, and not the national queue', async () => {
    const { browser } = await signedInStaff(t, 'state_admin', `state:${home.stateId}`);
    const ids = await idsIn(browser);
    expect(ids).toEqual(expect.arrayContaining([inHome, inSameState]));
    expect(ids).not.toContain(inOtherState);
    expect(ids).not.toContain(national);
  });

  it('shows a national admin everything, including people with no centre', async () => {
    const { browser } = await signedInStaff(t, 'national_admin', 'nation');
    const body = (await browser.get('/api/staff/corrections')).json();
    expect(body.corrections.map((c: { id: string }) => c.id)).toEqual(expect.arrayContaining([inHome, inSameState, inOtherState, national]));
    expect(body.corrections.find((c: { id: string }) => c.id === national)).toMatchObject({ centre: null, district: null });
  });

  it('answers 404 for a request outside the jurisdiction, records the attempt, and changes nothing', async () => {
    const { browser } = await districtAdmin(sameState);
    const beneficiaryId = (await requestRow(inHome)).beneficiary_id;
    for (const attempt of [
      () => browser.get(`/api/staff/corrections/${inHome}`),
      () => browser.post(`/api/staff/corrections/${inHome}/accept`),
      () => browser.post(`/api/staff/corrections/${inHome}/reject`, { reason: 'Not ours' }),
      () => browser.get(`/api/staff/corrections/${national}`),
    ]) {
      const res = await attempt();
      expect(res.statusCode).toBe(404);
      expect(res.json().errorCode).toBe('NOT_FOUND');
    }
    expect(await requestRow(inHome)).toMatchObject({ status: 'open', reviewed_by: null });
    const denied = await eventsOf(beneficiaryId, 'access.denied');
    expect(denied).toHaveLength(3);
    expect(denied[0]).toMatchObject({ purpose: 'correction-review', outcome: 'denied', actor_kind: 'staff' });
    expect(await eventsOf(beneficiaryId, 'access.granted')).toEqual([]);
  });

  it('answers 404 for a request that does not exist, and 400 naming the id for one that cannot', async () => {
    const { browser } = await districtAdmin(home);
    expect((await browser.get(`/api/staff/corrections/${randomUUID()}`)).statusCode).toBe(404);
    const bad = await browser.get('/api/staff/corrections/not-an-id');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatch(/^id:/);
  });
});

describe('opening a request', () => {
  it('shows the current and requested value of its one field, and the citizen sees the read', async () => {
    const family = await createFamily(t, 1);
    await bookToday(family, home);
    const id = await raise(family, 'name', 'Asha Rani', 'My name is Asha Rani, not Asha Devi');
    const { browser } = await districtAdmin(home);
    const res = await browser.get(`/api/staff/corrections/${id}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      id, field: 'name', created_at: expect.any(String), reason: 'My name is Asha Rani, not Asha Devi',
      centre: { id: home.facilityId, name: expect.any(String) }, district: expect.objectContaining({ id: home.districtId }),
      current_value: 'Asha Devi', requested_value: 'Asha Rani',
    });
    const history = (await myData(family)).access_history;
    expect(history).toContainEqual(expect.objectContaining({ type: 'access.granted', actor: 'staff', purpose: 'correction-review', outcome: 'allowed' }));
    const granted = await eventsOf((await requestRow(id)).beneficiary_id, 'access.granted');
    expect(granted.find((e) => e.purpose === 'correction-review')).toMatchObject({ fields: ['name'] });
  });

  it('shows gender by its label and a photo ID with its document type', async () => {
    const family = await createFamily(t, 1);
    await bookToday(family, home);
    const genderId = await raise(family, 'gender', 2);
    const { browser } = await districtAdmin(home);
    expect((await browser.get(`/api/staff/corrections/${genderId}`)).json()).toMatchObject({ current_value: 'Male', requested_value: 'Female' });
    await browser.post(`/api/staff/corrections/${genderId}/reject`, { reason: 'Please bring your ID card to the centre.' });
    const number = aadhaarFor(900_001);
    const photoId = await raise(family, 'photo_id', number);
    const opened = (await browser.get(`/api/staff/corrections/${photoId}`)).json();
    expect(opened).toMatchObject({ field: 'photo_id', photo_id_type: 'Aadhaar Card', requested_value: number });
    expect(opened.current_value).toMatch(/^\d{12}$/);
  });
});

describe('accepting', () => {
  it('corrects a name, revokes the certificate as "correction", issues a fresh one and texts the citizen', async () => {
    const family = await createFamily(t, 1);
    await vaccinateToday(family, home);
    const id = await raise(family, 'name', 'Asha Rani');
    const beneficiaryId = (await requestRow(id)).beneficiary_id;
    const before = await t.services.certificates.certificatesOf(beneficiaryId);
    expect(before).toHaveLength(1);
    const mobile = (await myData(family)).account.mobile as string;
    t.outbox.clear();

    const { browser } = await districtAdmin(home);
    const res = await browser.post(`/api/staff/corrections/${id}/accept`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ id, status: 'accepted', certificates_reissued: 1 });

    const data = await myData(family);
    expect(data.members[0].name).toBe('Asha Rani');
    expect(data.correction_requests[0]).toMatchObject({ id, status: 'accepted', decided_at: expect.any(String) });
    expect(data.correction_requests[0].rejection_reason).toBeUndefined();

    const rows = await t.database.db.selectFrom('certificate').select(['uvci', 'dose_record_id', 'revoked_at', 'revocation_reason'])
      .where('beneficiary_id', '=', beneficiaryId).execute();
    expect(rows).toHaveLength(2);
    const old = rows.find((r) => r.uvci === before[0]!.uvci)!;
    const fresh = rows.find((r) => r.uvci !== before[0]!.uvci)!;
    expect(old).toMatchObject({ revocation_reason: 'correction', revoked_at: expect.anything() });
    expect(fresh).toMatchObject({ revoked_at: null, dose_record_id: old.dose_record_id });
    const { jws } = (await t.app.inject({ url: '/api/verify/revocations' })).json();
    const revoked = JSON.parse(Buffer.from(jws.split('.')[1], 'base64url').toString()).revoked_uvci_sha256;
    expect(revoked).toContain(createHash('sha256').update(old.uvci).digest('hex'));
    expect(revoked).not.toContain(createHash('sha256').update(fresh.uvci).digest('hex'));

    const accepted = await eventsOf(beneficiaryId, 'correction.accepted');
    expect(accepted).toHaveLength(1);
    expect(accepted[0]).toMatchObject({ actor_kind: 'staff', detail: { request_id: id, field: 'name', certificates_reissued: 1 } });

    const sms = t.outbox.list().filter((m) => m.to === mobile);
    expect(sms).toHaveLength(1);
    expect(sms[0]!.text).toMatch(/correction request .* was accepted/);
    expect(sms[0]!.text).not.toMatch(/Asha|Rani|Devi/);
  });

  it('moves a photo ID: new masked form, the old number free again, the new one taken', async () => {
    const family = await createFamily(t, 1);
    await bookToday(family, home);
    const oldNumber = (await myData(family)).members[0].photo_id_number as string;
    const newNumber = aadhaarFor(900_101);
    const id = await raise(family, 'photo_id', newNumber);
    const { browser } = await districtAdmin(home);
    expect((await browser.post(`/api/staff/corrections/${id}/accept`)).json()).toMatchObject({ status: 'accepted', certificates_reissued: 0 });

    expect((await myData(family)).members[0].photo_id_number).toBe(newNumber);
    const row = await t.database.db.selectFrom('beneficiary').select(['photo_id_masked', 'photo_id_enc'])
      .where('id', '=', (await requestRow(id)).beneficiary_id).executeTakeFirstOrThrow();
    expect(row.photo_id_masked).toBe(`XXXX-XXXX-${newNumber.slice(8)}`);
    expect(row.photo_id_enc).not.toContain(newNumber);

    const register = (other: Family, number: string) => t.app.inject({
      method: 'POST', url: '/api/v2/registration/beneficiary/new', headers: bearer(other.token),
      payload: { name: 'Ravi Kumar', birth_year: '1980', gender_id: 1, photo_id_type: 1, photo_id_number: number, comorbidity_ind: 'N' },
    });
    const other = await createFamily(t, 0);
    expect((await register(other, newNumber)).json().errorCode).toBe('PHOTO_ID_TAKEN');
    expect((await register(other, oldNumber)).statusCode).toBe(200);
  });

  it('refuses an ID number registered to someone else, and changes nothing', async () => {
    const holder = await createFamily(t, 1);
    const taken = (await myData(holder)).members[0].photo_id_number as string;
    const family = await createFamily(t, 1);
    await bookToday(family, home);
    const id = await raise(family, 'photo_id', taken);
    const accountId = (await requestRow(id)).account_id;
    const maskedBefore = (await t.services.beneficiaries.listMembers(accountId))[0]!.photoIdMasked;

    const { browser } = await districtAdmin(home);
    const res = await browser.post(`/api/staff/corrections/${id}/accept`);
    expect(res.statusCode).toBe(409);
    expect(res.json().errorCode).toBe('PHOTO_ID_TAKEN');
    expect(await requestRow(id)).toMatchObject({ status: 'open', reviewed_by: null, reviewed_at: null });
    const member = (await t.services.beneficiaries.listMembers(accountId))[0]!;
    expect(member.photoIdMasked).toBe(maskedBefore);
    expect((await myData(holder)).members[0].photo_id_number).toBe(taken);
    expect(await eventsOf(member.id, 'correction.accepted')).toEqual([]);
  });

  it('corrects a year of birth and a gender in place', async () => {
    const family = await createFamily(t, 1);
    await bookToday(family, home);
    const { browser } = await districtAdmin(home);
    await browser.post(`/api/staff/corrections/${await raise(family, 'birth_year', '1984')}/accept`);
    await browser.post(`/api/staff/corrections/${await raise(family, 'gender', 3)}/accept`);
    expect((await myData(family)).members[0]).toMatchObject({ birth_year: 1984, gender: 'Others' });
  });

  it('decides once: a second decision gets 409', async () => {
    const family = await createFamily(t, 1);
    await bookToday(family, home);
    const id = await raise(family, 'birth_year', '1983');
    const { browser } = await districtAdmin(home);
    expect((await browser.post(`/api/staff/corrections/${id}/accept`)).statusCode).toBe(200);
    for (const again of [
      () => browser.post(`/api/staff/corrections/${id}/accept`),
      () => browser.post(`/api/staff/corrections/${id}/reject`, { reason: 'x' }),
      () => browser.get(`/api/staff/corrections/${id}`),
    ]) {
      const res = await again();
      expect(res.statusCode).toBe(409);
      expect(res.json().errorCode).toBe('CORRECTION_DECIDED');
    }
  });
});

describe('rejecting', () => {
  it('needs a reason: 400 naming it, and nothing written', async () => {
    const family = await createFamily(t, 1);
    await bookToday(family, home);
    const id = await raise(family, 'name', 'Ravi Kumar');
    const { browser } = await districtAdmin(home);
    for (const body of [{}, { reason: '   ' }, { reason: 'x'.repeat(501) }]) {
      const res = await browser.post(`/api/staff/corrections/${id}/reject`, body);
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ errorCode: 'REJECTION_REASON', error: expect.stringMatching(/^reason/) });
    }
    expect(await requestRow(id)).toMatchObject({ status: 'open', rejection_reason_enc: null });
    expect(await eventsOf((await requestRow(id)).beneficiary_id, 'correction.rejected')).toEqual([]);
  });

  it('closes the request unchanged with a reason the citizen reads, stored encrypted, and texts them', async () => {
    const family = await createFamily(t, 1);
    await bookToday(family, home);
    const id = await raise(family, 'name', 'Arjun Das');
    const mobile = (await myData(family)).account.mobile as string;
    t.outbox.clear();
    const { browser } = await districtAdmin(home);
    const reason = 'The name on your Aadhaar card is Asha Devi. Bring the card to the centre if it has changed.';
    const res = await browser.post(`/api/staff/corrections/${id}/reject`, { reason });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ id, status: 'rejected', certificates_reissued: 0 });

    expect(await ownCorrections(family)).toEqual([expect.objectContaining({ id, status: 'rejected', rejection_reason: reason, decided_at: expect.any(String) })]);
    expect((await myData(family)).members[0].name).toBe('Asha Devi');
    const row = await requestRow(id);
    expect(row.rejection_reason_enc).not.toContain('Aadhaar');
    expect(row.reviewed_by).toEqual(expect.any(String));
    expect(await eventsOf(row.beneficiary_id, 'correction.rejected')).toHaveLength(1);
    const sms = t.outbox.list().filter((m) => m.to === mobile);
    expect(sms).toHaveLength(1);
    expect(sms[0]!.text).toMatch(/not accepted/);
    expect(sms[0]!.text).not.toMatch(/Asha|Arjun|Aadhaar/);
  });
});

describe('the daily limit of people a reviewer may open', () => {
  it(`refuses the ${CORRECTION_REVIEWS_PER_DAY + 1}th person with 429, recorded; reopening someone already read costs nothing`, async () => {
    const first = await createFamily(t, 1);
    await bookToday(first, home);
    const firstId = await raise(first, 'birth_year', '1982');
    const second = await createFamily(t, 1);
    await bookToday(second, home);
    const secondId = await raise(second, 'birth_year', '1981');

    const { browser, account } = await districtAdmin(home);
    expect((await browser.get(`/api/staff/corrections/${firstId}`)).statusCode).toBe(200);
    // The reviewer's earlier reads today: as many other people as the limit leaves.
    const staff = await t.database.db.selectFrom('staff_account').select('id').where('username', '=', account.username).executeTakeFirstOrThrow();
    const actor = staffActor(staff.id, 'district_admin', { level: 'district', districtId: home.districtId });
    for (let i = 1; i < CORRECTION_REVIEWS_PER_DAY; i += 1) {
      await t.services.access.record({ type: 'access.granted', actor, subject: randomUUID(), purpose: 'correction-review', fields: ['birth_year'], outcome: 'allowed' });
    }

    expect((await browser.get(`/api/staff/corrections/${firstId}`)).statusCode).toBe(200);
    const refused = await browser.get(`/api/staff/corrections/${secondId}`);
    expect(refused.statusCode).toBe(429);
    expect(refused.json().errorCode).toBe('ACCESS_BUDGET_SPENT');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    const accept = await browser.post(`/api/staff/corrections/${secondId}/accept`);
    expect(accept.statusCode).toBe(429);
    expect(await requestRow(secondId)).toMatchObject({ status: 'open' });
    const denied = await eventsOf((await requestRow(secondId)).beneficiary_id, 'access.denied');
    expect(denied[0]).toMatchObject({ actor_id: staff.id, purpose: 'correction-review', detail: { reason: 'budget', limit: CORRECTION_REVIEWS_PER_DAY } });

    // Another reviewer's budget is their own.
    const { browser: colleague } = await signedInStaff(t, 'state_admin', `state:${home.stateId}`);
    expect((await colleague.get(`/api/staff/corrections/${secondId}`)).statusCode).toBe(200);
  });
});
