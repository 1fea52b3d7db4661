import { randomUUID } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { addDays, todayInIndia, type IsoDate } from '../../../src/core/calendar-date.js';
import { staffRoles, type StaffRole } from '../../../src/modules/access/schema.js';
import { seedInstant } from '../../support/database.js';
import { createFamily, type Family } from '../../support/booking-fixtures.js';
import { aadhaarFor, bearer } from '../../support/citizen.js';
import { registeredMethods as registered } from '../../support/registered-routes.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';
import { signedInStaff, type StaffBrowser } from './sign-in.js';

/**
 * OWASP API5 (broken function-level authorisation): each staff account acts only inside its scope
 * (nation, a state, a district or a centre) and only through the routes its role is named on.
 * Every role tries every staff endpoint on a place just outside its scope, and every endpoint its
 * role is not named on; each refusal must leave the data as it was and the audit chain must hold it
 * wherever the access module records refusals.
 */

// Every route the real app registers where the staff start-up check sees it.
vi.mock('../../../src/modules/staff/request-staff.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../../src/modules/staff/request-staff.js')>();
  const { notingRoutes } = await import('../../support/registered-routes.js');
  return { ...actual, requireStaffRoleDeclarations: notingRoutes(actual.requireStaffRoleDeclarations) };
});

let t: TestApp;
let today: IsoDate;

/** A place just outside a scope, with one of each record a staff endpoint can aim at. */
interface Target {
  facilityId: number;
  districtId: number;
  stateId: number;
  vaccine: string;
  /** An adult session there today, and one of its slots. */
  sessionId: string;
  slot: string;
  /** Booked there today. */
  appointmentId: string;
  beneficiaryId: string;
  /** Vaccine in that centre's stock. */
  batchId: string;
  /** An open correction request whose jurisdiction is that centre's district. */
  correctionId: string;
  /** An adverse-event report made at that centre. */
  caseId: string;
}

type Outside = 'facility' | 'district' | 'state';

interface Endpoint {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** As registered, with its :params. */
  route: string;
  /** The roles the route names; every other role must get 403. */
  roles: readonly StaffRole[];
  /** The request aimed at `x`, outside the caller's scope; `prepared` is what `prepare` returned. */
  request: (x: Target, prepared?: string) => { url: string; body?: object | string; contentType?: string };
  /**
   * How a request outside the scope is refused: 'not-found' (404, like a record that does not exist),
   * 'rows-refused' (a CSV upload: 422 naming the rows, nothing imported), 'own-place-only' (the
   * route takes no place and answers about the caller's own; the answer must not mention `x`), or
   * 'no-place' (the route acts on the caller, or on what is theirs by construction: roles only).
   */
  outside: 'not-found' | 'rows-refused' | 'own-place-only' | 'no-place';
  /** Whether the access module records a refusal outside the scope (it records every refusal by role). */
  recordsScopeRefusal?: boolean;
  /** Run as the caller before anything is counted, for a request that needs something of theirs first. */
  prepare?: (as: StaffBrowser) => Promise<string>;
}

const all = staffRoles;
const centre = ['vaccinator', 'facility_admin'] as const;
const stockKeepers = ['facility_admin', 'district_admin', 'state_admin', 'national_admin'] as const;
const reviewers = ['district_admin', 'state_admin', 'national_admin'] as const;
const planners = ['national_admin', 'state_admin', 'district_admin'] as const;
const centreEditors = [...planners, 'facility_admin'] as const;
const readers = [...centreEditors, 'auditor'] as const;

let walkInMobile = 9_812_300_000;
const walkInCode = async (as: StaffBrowser) => (await as.post('/api/staff/centre/walk-ins/otp', { mobile: String((walkInMobile += 1)) })).json().walk_in_token as string;
const walkIn = { otp: '000000', name: 'Ravi Kumar', birth_year: '1980', gender_id: 1, photo_id_type: 1, photo_id_number: aadhaarFor(424_242), comorbidity_ind: 'N' };
const centreCsv = (x: Target) => 'centre_name,address,district_id,block_name,pincode,lat,long,opens_at,closes_at,ownership,fee_type,vaccines\n' +
  `Scope Test Centre,Station Road,${x.districtId},Urban,110001,28.6,77.2,09:00,17:00,Govt,Free,${x.vaccine}\n`;
const sessionCsv = (x: Target) => `centre_id,date,vaccine,capacity_dose1,capacity_dose2,min_age_limit,slots\n${x.facilityId},${addDays(today, 1)},${x.vaccine},10,10,18,${x.slot}\n`;

// ONE LINE PER STAFF ENDPOINT. A new staff route (AEFI under /api/staff/aefi, more planning under
// /api/staff/planning, more at the centre) needs its line here, or "has a line in the scope table"
// below fails. Aim the request at `x`; if it needs a kind of record `Target` lacks (an AEFI
// report), add it to `Target` and create it in `placeOutside`.
const endpoints: Endpoint[] = [
  { method: 'GET', route: '/api/staff/me', roles: all, outside: 'no-place', request: () => ({ url: '/api/staff/me' }) },
  { method: 'POST', route: '/api/staff/password', roles: all, outside: 'no-place', request: () => ({ url: '/api/staff/password', body: { current: 'x', new: 'y' } }) },
  { method: 'POST', route: '/api/staff/logout', roles: all, outside: 'no-place', request: () => ({ url: '/api/staff/logout' }) },
  { method: 'GET', route: '/api/staff/audit/chain', roles: ['auditor'], outside: 'no-place', request: () => ({ url: '/api/staff/audit/chain' }) },
  { method: 'GET', route: '/api/staff/centre/roster', roles: centre, outside: 'own-place-only', request: () => ({ url: '/api/staff/centre/roster' }) },
  { method: 'POST', route: '/api/staff/centre/encounters', roles: centre, outside: 'not-found', request: (x) => ({ url: '/api/staff/centre/encounters', body: { appointment_id: x.appointmentId, security_code: '0000' } }) },
  { method: 'POST', route: '/api/staff/centre/encounters/otp', roles: centre, outside: 'not-found', request: (x) => ({ url: '/api/staff/centre/encounters/otp', body: { appointment_id: x.appointmentId } }) },
  { method: 'POST', route: '/api/staff/centre/encounters/otp/confirm', roles: centre, outside: 'not-found', request: (x) => ({ url: '/api/staff/centre/encounters/otp/confirm', body: { appointment_id: x.appointmentId, otp: '000000' } }) },
  { method: 'POST', route: '/api/staff/centre/doses', roles: centre, outside: 'not-found', request: (x) => ({ url: '/api/staff/centre/doses', body: { appointment_id: x.appointmentId, batch_id: x.batchId, photo_id_last4: '0000' } }) },
  { method: 'GET', route: '/api/staff/centre/facilities/:facility_id/batches', roles: [...centre, 'district_admin', 'state_admin', 'national_admin'], outside: 'not-found', request: (x) => ({ url: `/api/staff/centre/facilities/${x.facilityId}/batches` }) },
  { method: 'POST', route: '/api/staff/centre/facilities/:facility_id/batches', roles: stockKeepers, outside: 'not-found', request: (x) => ({ url: `/api/staff/centre/facilities/${x.facilityId}/batches`, body: { vaccine: x.vaccine, batch_number: 'SCOPE-9', expires_on: addDays(today, 30), quantity: 5 } }) },
  { method: 'GET', route: '/api/staff/corrections', roles: reviewers, outside: 'own-place-only', request: () => ({ url: '/api/staff/corrections' }) },
  { method: 'GET', route: '/api/staff/corrections/:id', roles: reviewers, outside: 'not-found', recordsScopeRefusal: true, request: (x) => ({ url: `/api/staff/corrections/${x.correctionId}` }) },
  { method: 'POST', route: '/api/staff/corrections/:id/accept', roles: reviewers, outside: 'not-found', recordsScopeRefusal: true, request: (x) => ({ url: `/api/staff/corrections/${x.correctionId}/accept` }) },
  { method: 'POST', route: '/api/staff/corrections/:id/reject', roles: reviewers, outside: 'not-found', recordsScopeRefusal: true, request: (x) => ({ url: `/api/staff/corrections/${x.correctionId}/reject`, body: { reason: 'Outside my district' } }) },
  { method: 'GET', route: '/api/staff/centre/walk-ins/sessions', roles: centre, outside: 'own-place-only', request: () => ({ url: '/api/staff/centre/walk-ins/sessions' }) },
  { method: 'POST', route: '/api/staff/centre/walk-ins/otp', roles: centre, outside: 'no-place', request: () => ({ url: '/api/staff/centre/walk-ins/otp', body: { mobile: '9812399999' } }) },
  { method: 'POST', route: '/api/staff/centre/walk-ins', roles: centre, outside: 'not-found', prepare: walkInCode, request: (x, token) => ({ url: '/api/staff/centre/walk-ins', body: { ...walkIn, walk_in_token: token ?? 'none', session_id: x.sessionId } }) },
  { method: 'GET', route: '/api/staff/planning/vaccines', roles: all, outside: 'no-place', request: () => ({ url: '/api/staff/planning/vaccines' }) },
  { method: 'POST', route: '/api/staff/planning/vaccines', roles: ['national_admin'], outside: 'no-place', request: () => ({ url: '/api/staff/planning/vaccines', body: {} }) },
  { method: 'PATCH', route: '/api/staff/planning/vaccines/:vaccine', roles: ['national_admin'], outside: 'no-place', request: (x) => ({ url: `/api/staff/planning/vaccines/${x.vaccine}`, body: { private_price_cap: 1 } }) },
  { method: 'GET', route: '/api/staff/planning/centres', roles: [...planners, 'auditor'], outside: 'not-found', request: (x) => ({ url: `/api/staff/planning/centres?district_id=${x.districtId}` }) },
  { method: 'POST', route: '/api/staff/planning/centres', roles: planners, outside: 'not-found', request: (x) => ({ url: '/api/staff/planning/centres', body: { centre_name: 'Scope Test Centre', address: 'Station Road', district_id: x.districtId, block_name: 'Urban', pincode: 110001, lat: 28.6, long: 77.2, opens_at: '09:00', closes_at: '17:00', ownership: 'Govt', fee_type: 'Free', vaccines: [{ vaccine: x.vaccine }] } }) },
  { method: 'GET', route: '/api/staff/planning/centres/:centre_id', roles: readers, outside: 'not-found', request: (x) => ({ url: `/api/staff/planning/centres/${x.facilityId}` }) },
  { method: 'PATCH', route: '/api/staff/planning/centres/:centre_id', roles: centreEditors, outside: 'not-found', request: (x) => ({ url: `/api/staff/planning/centres/${x.facilityId}`, body: { centre_name: 'Renamed Centre' } }) },
  { method: 'GET', route: '/api/staff/planning/centres/:centre_id/sessions', roles: readers, outside: 'not-found', request: (x) => ({ url: `/api/staff/planning/centres/${x.facilityId}/sessions` }) },
  { method: 'POST', route: '/api/staff/planning/centres/:centre_id/sessions', roles: centreEditors, outside: 'not-found', request: (x) => ({ url: `/api/staff/planning/centres/${x.facilityId}/sessions`, body: { date: addDays(today, 1), vaccine: x.vaccine, capacity_dose1: 10, capacity_dose2: 10, min_age_limit: 18, slots: [x.slot] } }) },
  { method: 'PATCH', route: '/api/staff/planning/sessions/:session_id', roles: centreEditors, outside: 'not-found', request: (x) => ({ url: `/api/staff/planning/sessions/${x.sessionId}`, body: { capacity_dose1: 60 } }) },
  { method: 'DELETE', route: '/api/staff/planning/sessions/:session_id', roles: centreEditors, outside: 'not-found', request: (x) => ({ url: `/api/staff/planning/sessions/${x.sessionId}` }) },
  { method: 'POST', route: '/api/staff/planning/centres/import', roles: planners, outside: 'rows-refused', request: (x) => ({ url: '/api/staff/planning/centres/import', body: centreCsv(x), contentType: 'text/csv' }) },
  { method: 'POST', route: '/api/staff/aefi/identifications', roles: centre, outside: 'no-place', request: () => ({ url: '/api/staff/aefi/identifications', body: { certificate_uvci: 'URN:UVCI:01:IN:NOSUCH00000000000000000000#A' } }) },
  { method: 'POST', route: '/api/staff/aefi/identifications/confirm', roles: centre, outside: 'no-place', request: () => ({ url: '/api/staff/aefi/identifications/confirm', body: { identification_token: 'x', otp: '000000' } }) },
  { method: 'POST', route: '/api/staff/aefi/reports', roles: centre, outside: 'not-found', request: (x) => ({ url: '/api/staff/aefi/reports', body: { appointment_id: x.appointmentId, severity: 'minor', onset_at: seedInstant().toISOString(), symptoms: ['fever'], outcome: 'recovering' } }) },
  { method: 'GET', route: '/api/staff/aefi/reports/:case_id', roles: [...centre, 'district_admin', 'state_admin', 'national_admin'], outside: 'not-found', request: (x) => ({ url: `/api/staff/aefi/reports/${x.caseId}` }) },
  { method: 'POST', route: '/api/staff/aefi/reports/:case_id/follow-ups', roles: ['facility_admin', 'district_admin'], outside: 'not-found', request: (x) => ({ url: `/api/staff/aefi/reports/${x.caseId}/follow-ups`, body: { outcome: 'recovered' } }) },
  { method: 'GET', route: '/api/staff/aefi/centres/:facility_id/reports', roles: [...centre, 'district_admin', 'state_admin', 'national_admin'], outside: 'not-found', request: (x) => ({ url: `/api/staff/aefi/centres/${x.facilityId}/reports` }) },
  { method: 'GET', route: '/api/staff/aefi/districts/:district_id/reports', roles: ['district_admin', 'state_admin', 'national_admin'], outside: 'not-found', request: (x) => ({ url: `/api/staff/aefi/districts/${x.districtId}/reports` }) },
  { method: 'POST', route: '/api/staff/planning/sessions/import', roles: centreEditors, outside: 'rows-refused', request: (x) => ({ url: '/api/staff/planning/sessions/import', body: sessionCsv(x), contentType: 'text/csv' }) },
  { method: 'GET', route: '/api/staff/security/alerts', roles: ['auditor', 'national_admin'], outside: 'no-place', request: () => ({ url: '/api/staff/security/alerts?status=all' }) },
  { method: 'POST', route: '/api/staff/security/alerts/:id/acknowledge', roles: ['auditor', 'national_admin'], outside: 'no-place', request: () => ({ url: `/api/staff/security/alerts/${randomUUID()}/acknowledge` }) },
  { method: 'GET', route: '/api/staff/security/suspensions', roles: ['auditor', 'national_admin'], outside: 'no-place', request: () => ({ url: '/api/staff/security/suspensions' }) },
  { method: 'POST', route: '/api/staff/security/suspensions/:id/reinstate', roles: ['auditor', 'national_admin'], outside: 'no-place', request: () => ({ url: `/api/staff/security/suspensions/${randomUUID()}/reinstate`, body: { reason: 'Scope test: nothing to reinstate' } }) },
  { method: 'GET', route: '/api/staff/partners', roles: ['national_admin'], outside: 'no-place', request: () => ({ url: '/api/staff/partners' }) },
  { method: 'POST', route: '/api/staff/partners', roles: ['national_admin'], outside: 'no-place', request: () => ({ url: '/api/staff/partners', body: { name: 'Scope Test Wallet', purpose: 'Scope test', scopes: ['consented'], ip_allowlist: ['127.0.0.1'], jwks: { keys: [] } } }) },
  { method: 'GET', route: '/api/staff/partners/:id', roles: ['national_admin'], outside: 'no-place', request: () => ({ url: `/api/staff/partners/${randomUUID()}` }) },
  { method: 'PATCH', route: '/api/staff/partners/:id', roles: ['national_admin'], outside: 'no-place', request: () => ({ url: `/api/staff/partners/${randomUUID()}`, body: { disabled: true } }) },
  { method: 'POST', route: '/api/staff/partners/:id/api-key', roles: ['national_admin'], outside: 'no-place', request: () => ({ url: `/api/staff/partners/${randomUUID()}/api-key` }) },
];

/** The sign-in steps: public by design, since nobody is signed in yet (decision 0007). */
const signInRoutes = ['GET /api/staff/csrf', 'POST /api/staff/login', 'POST /api/staff/login/totp', 'POST /api/staff/totp/enrol'];

/** Each role at its own level, and which place just outside that level it tries to reach (none for the nation). */
const staffUnderTest: { role: StaffRole; outside: Outside | null }[] = [
  { role: 'national_admin', outside: null },
  { role: 'auditor', outside: null },
  { role: 'state_admin', outside: 'state' },
  { role: 'district_admin', outside: 'district' },
  { role: 'facility_admin', outside: 'facility' },
  { role: 'vaccinator', outside: 'facility' },
];

interface Centre {
  facilityId: number;
  districtId: number;
  stateId: number;
  sessionId: string;
  slot: string;
  vaccine: string;
}

let home: Centre;
const targets = new Map<Outside, Target>();
const signedIn = new Map<StaffRole, { browser: StaffBrowser; staffId: string }>();

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

/** A person booked at the centre today who has asked for a correction, and a batch in the centre's stock. */
async function placeOutside(place: Centre): Promise<Target> {
  const family: Family = await createFamily(t, 1);
  await sql`UPDATE vaccination_session SET capacity_dose1 = 50, capacity_dose2 = 50, booked_dose1 = 0, booked_dose2 = 0 WHERE id = ${place.sessionId}`.execute(t.database.db);
  const booking = await t.app.inject({
    method: 'POST', url: '/api/v2/appointment/schedule', headers: bearer(family.token),
    payload: { session_id: place.sessionId, slot: place.slot, beneficiaries: family.referenceIds },
  });
  expect(booking.statusCode).toBe(200);
  const appointment = await t.database.db.selectFrom('appointment').select(['id', 'beneficiary_id'])
    .where('booking_id', '=', booking.json().appointment_confirmation_no).executeTakeFirstOrThrow();
  const correction = await t.app.inject({
    method: 'POST', url: '/api/citizen/corrections', headers: bearer(family.token),
    payload: { beneficiary_reference_id: family.referenceIds[0], field: 'birth_year', requested_value: '1986', reason: 'Wrong year' },
  });
  expect(correction.statusCode).toBe(201);
  const batchId = randomUUID();
  await t.database.db.insertInto('vaccine_batch').values({
    id: batchId, facility_id: place.facilityId, vaccine: place.vaccine, batch_number: `OUT-${place.facilityId}`, expires_on: addDays(today, 60),
    quantity_received: 10, quantity_left: 10, received_at: seedInstant(),
  }).execute();
  // An earlier dose given there and an adverse event reported after it, written directly: only the
  // centre's own staff could report it through the API, and this test is about everyone else.
  const doseId = randomUUID();
  await t.database.db.insertInto('dose_record').values({
    id: doseId, beneficiary_id: appointment.beneficiary_id, dose: 1, vaccine: place.vaccine, administered_on: addDays(today, -1), facility_id: place.facilityId,
    session_id: null, recorded_at: seedInstant(), batch_id: batchId, vaccinator_id: null, administered_at: seedInstant(),
  }).execute();
  const reporter = await t.services.staff.addAccount({ username: `reporter.${place.facilityId}`, role: 'vaccinator', scope: `facility:${place.facilityId}` });
  const caseId = randomUUID();
  await t.database.db.insertInto('aefi_report').values({
    id: caseId, beneficiary_id: appointment.beneficiary_id, dose_record_id: doseId, facility_id: place.facilityId, district_id: place.districtId,
    age: 40, gender_id: 2, severity: 'minor', onset_at: seedInstant(), symptoms: ['fever'], outcome: 'recovering', notes_enc: null,
    reported_by: reporter.id, reported_at: seedInstant(), current_severity: 'minor', current_outcome: 'recovering', updated_at: seedInstant(),
  }).execute();
  return {
    facilityId: place.facilityId, districtId: place.districtId, stateId: place.stateId, vaccine: place.vaccine, sessionId: place.sessionId, slot: place.slot,
    appointmentId: appointment.id, beneficiaryId: appointment.beneficiary_id, batchId, correctionId: correction.json().id, caseId,
  };
}

function scopeOf(role: StaffRole): string {
  switch (role) {
    case 'national_admin': case 'auditor': return 'nation';
    case 'state_admin': return `state:${home.stateId}`;
    case 'district_admin': return `district:${home.districtId}`;
    case 'facility_admin': case 'vaccinator': return `facility:${home.facilityId}`;
  }
}

/** Everything a refused staff request could have written, besides the audit chain and the session's last-seen time. */
async function footprint(x: Target): Promise<Record<string, number | string>> {
  // The place aimed at is compared in full; elsewhere counts suffice (and keep the query short).
  const { rows } = await sql<Record<string, number | string>>`SELECT
    (SELECT count(*)::int FROM facility) AS centres,
    (SELECT concat_ws('|', name, address, district_id, opens_at, closes_at, fee_type) FROM facility WHERE id = ${x.facilityId}) AS centre_there,
    (SELECT count(*)::int FROM vaccination_session) AS sessions,
    (SELECT concat_ws('|', date, vaccine, capacity_dose1, capacity_dose2, walk_in_capacity, slots) FROM vaccination_session WHERE id = ${x.sessionId}) AS session_there,
    (SELECT string_agg(concat_ws('|', name, private_price_cap, dose2_after_days, precaution_after_days), ',' ORDER BY name) FROM vaccine) AS vaccines,
    (SELECT count(*)::int FROM beneficiary) AS people,
    (SELECT count(*)::int FROM appointment) AS appointments,
    (SELECT count(*)::int FROM vaccine_batch) AS batches,
    (SELECT coalesce(sum(quantity_left), 0)::int FROM vaccine_batch) AS doses_in_stock,
    (SELECT count(*)::int FROM encounter_grant) AS encounter_grants,
    (SELECT coalesce(sum(failed_attempts), 0)::int FROM encounter_attempt) AS failed_codes,
    (SELECT count(*)::int FROM encounter_attempt WHERE otp_mac IS NOT NULL) AS otps,
    (SELECT count(*)::int FROM dose_record) AS doses,
    (SELECT count(*)::int FROM certificate) AS certificates,
    (SELECT count(*)::int FROM appointment WHERE status <> 'booked') AS appointments_closed,
    (SELECT count(*)::int FROM correction_request WHERE status <> 'open') AS corrections_decided,
    (SELECT count(*)::int FROM aefi_report) AS aefi_reports,
    (SELECT count(*)::int FROM aefi_follow_up) AS aefi_follow_ups,
    (SELECT count(*)::int FROM staff_session WHERE revoked_at IS NOT NULL) AS sessions_ended`.execute(t.database.db);
  return { ...rows[0]!, sms: t.outbox.list().length };
}

const lastSeq = async () => Number((await sql<{ seq: number }>`SELECT coalesce(max(seq), 0)::int AS seq FROM audit_event`.execute(t.database.db)).rows[0]!.seq);
const eventsOfSince = (staffId: string, seq: number) =>
  t.database.db.selectFrom('audit_event').select(['type', 'subject', 'purpose', 'outcome']).where('actor_id', '=', staffId).where('seq', '>', seq).orderBy('seq').execute();

async function send(as: StaffBrowser, endpoint: Endpoint, x: Target, prepared?: string): Promise<LightMyRequestResponse> {
  const { url, body, contentType } = endpoint.request(x, prepared);
  return as.send({
    method: endpoint.method, url, ...(body === undefined ? {} : { payload: body }), ...(contentType ? { headers: { 'content-type': contentType } } : {}),
  });
}

beforeAll(async () => {
  t = await createTestApp();
  today = todayInIndia(seedInstant());
  const centres = await centresWithSessionsToday();
  const inDistrict = (c: Centre) => centres.filter((o) => o.districtId === c.districtId && o.facilityId !== c.facilityId);
  const found = centres.find((c) => inDistrict(c).length > 0 && centres.some((o) => o.stateId === c.stateId && o.districtId !== c.districtId));
  if (!found) throw new Error('the demo data needs adult sessions today at two centres of a district and in another district of its state');
  home = found;
  const elsewhereInState = centres.find((o) => o.stateId === home.stateId && o.districtId !== home.districtId)!;
  const otherState = centres.find((o) => o.stateId !== home.stateId);
  if (!otherState) throw new Error('the demo data needs adult sessions today in a second state');
  targets.set('facility', await placeOutside(inDistrict(home)[0]!));
  targets.set('district', await placeOutside(elsewhereInState));
  targets.set('state', await placeOutside(otherState));
  for (const { role } of staffUnderTest) {
    const { browser, account } = await signedInStaff(t, role, scopeOf(role));
    const row = await t.database.db.selectFrom('staff_account').select('id').where('username', '=', account.username).executeTakeFirstOrThrow();
    signedIn.set(role, { browser, staffId: row.id });
  }
});
afterAll(() => t.close());

describe.each(staffUnderTest)('a $role', ({ role, outside }) => {
  const forbidden = endpoints.filter((e) => !e.roles.includes(role));
  const aimed = outside === null ? [] : endpoints.filter((e) => e.roles.includes(role) && e.outside !== 'no-place');

  if (forbidden.length > 0) {
    it.each(forbidden)('gets 403 from $method $route, recorded, nothing written', async (endpoint) => {
      const { browser, staffId } = signedIn.get(role)!;
      const x = targets.get(outside ?? 'state')!;
      const before = await footprint(x);
      const seq = await lastSeq();
      const res = await send(browser, endpoint, x);
      expect(res.statusCode).toBe(403);
      expect(res.json().errorCode).toBe('ROLE_FORBIDDEN');
      expect(await footprint(x)).toEqual(before);
      expect(await eventsOfSince(staffId, seq)).toEqual([
        { type: 'access.denied', subject: `route:${endpoint.method} ${endpoint.route}`, purpose: null, outcome: 'denied' },
      ]);
    });
  }

  if (aimed.length > 0) {
    it.each(aimed)(`cannot reach a ${outside} outside its own through $method $route; nothing written`, async (endpoint) => {
      const { browser, staffId } = signedIn.get(role)!;
      const x = targets.get(outside!)!;
      const prepared = await endpoint.prepare?.(browser);
      const before = await footprint(x);
      const seq = await lastSeq();
      const res = await send(browser, endpoint, x, prepared);
      if (endpoint.outside === 'not-found') {
        expect(res.statusCode).toBe(404);
        expect(res.json().errorCode).toBe('NOT_FOUND');
      } else if (endpoint.outside === 'rows-refused') {
        expect(res.statusCode).toBe(422);
        expect(res.json().problems).toContainEqual(expect.objectContaining({ row: 2 }));
      } else {
        expect(res.statusCode).toBe(200);
        for (const id of [x.appointmentId, x.correctionId, x.sessionId]) expect(res.body).not.toContain(id);
      }
      expect(await footprint(x)).toEqual(before);
      const events = await eventsOfSince(staffId, seq);
      // Nothing in the chain says this account did or read anything there...
      const aboutThere = endpoint.outside === 'own-place-only' ? events.filter((e) => e.subject === x.beneficiaryId) : events;
      expect(aboutThere.filter((e) => e.outcome !== 'denied')).toEqual([]);
      // ...and where the access module decides, the refusal itself is in the chain, against the person.
      if (endpoint.recordsScopeRefusal) {
        expect(events).toContainEqual({ type: 'access.denied', subject: x.beneficiaryId, purpose: 'correction-review', outcome: 'denied' });
      }
    });
  }
});

describe('every staff route', () => {
  const staffRoutes = () => registered.filter((r) => r.url.startsWith('/api/staff'));

  it('declares access "staff" and the roles that may call it, except the sign-in steps', () => {
    expect(staffRoutes().length).toBeGreaterThan(signInRoutes.length);
    for (const route of staffRoutes()) {
      const name = `${route.method} ${route.url}`;
      if (signInRoutes.includes(name)) {
        expect({ name, access: route.access }).toEqual({ name, access: 'public' });
      } else {
        expect({ name, access: route.access }).toEqual({ name, access: 'staff' });
        expect(route.staffRoles?.length ?? 0, name).toBeGreaterThan(0);
      }
    }
  });

  it('passed the start-up checks: none is registered where they do not run', async () => {
    const doc = (await t.app.inject({ url: '/api/docs/json' })).json() as { paths: Record<string, Record<string, unknown>> };
    const checked = new Set(staffRoutes().map((r) => `${r.method} ${r.url}`));
    const documented = Object.entries(doc.paths)
      .filter(([path]) => path.startsWith('/api/staff'))
      .flatMap(([path, operations]) => Object.keys(operations).map((method) => `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`));
    expect(documented.length).toBeGreaterThan(0);
    expect(documented.filter((route) => !checked.has(route))).toEqual([]);
  });

  it('answers 401 without a staff session, before anything else', async () => {
    for (const route of staffRoutes().filter((r) => r.access === 'staff')) {
      const res = await t.app.inject({ method: route.method as 'GET' | 'POST', url: route.url.replace(/:\w+/g, '1'), payload: route.method === 'GET' ? undefined : {} });
      expect({ route: `${route.method} ${route.url}`, status: res.statusCode }).toEqual({ route: `${route.method} ${route.url}`, status: 401 });
    }
  });

  it('has a line in the scope table above, with the roles it declares', () => {
    const table = new Map(endpoints.map((e) => [`${e.method} ${e.route}`, [...e.roles].sort()]));
    const missing: string[] = [];
    for (const route of staffRoutes().filter((r) => r.access === 'staff')) {
      const name = `${route.method} ${route.url}`;
      if (!table.has(name)) missing.push(name);
      else expect({ name, roles: [...(route.staffRoles ?? [])].sort() }).toEqual({ name, roles: table.get(name) });
    }
    expect(missing).toEqual([]);
  });
});
