import { addDays, todayInIndia, type IsoDate } from '../../src/core/calendar-date.js';
import { signedInStaff, type StaffBrowser } from '../api/staff/sign-in.js';
import { createFamily, openSession, type Family, type OpenSession } from '../support/booking-fixtures.js';
import { aadhaarFor, bearer, loginAs } from '../support/citizen.js';
import type { TestApp } from '../support/test-app.js';

/** Shared set-ups of the OWASP API Top 10 files: people booked and vaccinated through the real API. */

export const today = (t: TestApp): IsoDate => todayInIndia(t.clock.now());

export interface BookedToday {
  family: Family;
  session: OpenSession;
  bookingId: string;
  appointmentId: string;
  securityCode: string;
}

/** A new family of one, booked today at a centre with free seats; the code comes from their SMS. */
export async function bookedToday(t: TestApp, session?: OpenSession): Promise<BookedToday> {
  const family = await createFamily(t, 1);
  const at = session ?? (await openSession(t.database.db, today(t), 50));
  const booking = await t.app.inject({
    method: 'POST', url: '/api/v2/appointment/schedule', headers: bearer(family.token),
    payload: { session_id: at.id, slot: at.slots[0], beneficiaries: family.referenceIds },
  });
  if (booking.statusCode !== 200) throw new Error(`booking: ${booking.statusCode} ${booking.body}`);
  const bookingId = booking.json().appointment_confirmation_no as string;
  const code = /Security code ref \.\.\d{4}: (\d{4})/.exec(t.outbox.list()[0]!.text)?.[1];
  if (!code) throw new Error('no security code in the booking SMS');
  const appointment = await t.database.db.selectFrom('appointment').select('id').where('booking_id', '=', bookingId).executeTakeFirstOrThrow();
  return { family, session: at, bookingId, appointmentId: appointment.id, securityCode: code };
}

export interface Vaccinated extends BookedToday {
  uvci: string;
  vaccinator: StaffBrowser;
}

/** Booked today, then at the centre: the code shown, a batch received, dose 1 recorded (the certificate issued). */
export async function vaccinatedToday(t: TestApp): Promise<Vaccinated> {
  const booked = await bookedToday(t);
  const { session } = booked;
  const admin = await signedInStaff(t, 'facility_admin', `facility:${session.facilityId}`);
  const batch = await admin.browser.post(`/api/staff/centre/facilities/${session.facilityId}/batches`, {
    vaccine: session.vaccine, batch_number: `OWASP-${booked.family.referenceIds[0]!.slice(-6)}`, expires_on: addDays(today(t), 60), quantity: 5,
  });
  if (batch.statusCode !== 201) throw new Error(`batch: ${batch.statusCode} ${batch.body}`);
  const { browser } = await signedInStaff(t, 'vaccinator', `facility:${session.facilityId}`);
  const opened = await browser.post('/api/staff/centre/encounters', { appointment_id: booked.appointmentId, security_code: booked.securityCode });
  if (opened.statusCode !== 204) throw new Error(`encounter: ${opened.statusCode} ${opened.body}`);
  const member = await t.database.db.selectFrom('beneficiary').select('photo_id_masked').where('reference_id', '=', booked.family.referenceIds[0]!).executeTakeFirstOrThrow();
  const dose = await browser.post('/api/staff/centre/doses', {
    appointment_id: booked.appointmentId, batch_id: batch.json().id, photo_id_last4: member.photo_id_masked.slice(-4),
  });
  if (dose.statusCode !== 201) throw new Error(`dose: ${dose.statusCode} ${dose.body}`);
  return { ...booked, uvci: dose.json().certificate.uvci, vaccinator: browser };
}

/** A centre other than `facilityId`, from the seeded demo centres. */
export async function otherCentre(t: TestApp, facilityId: number): Promise<number> {
  const row = await t.database.db.selectFrom('facility').select('id').where('id', '<>', facilityId).orderBy('id').limit(1).executeTakeFirstOrThrow();
  return row.id;
}

export interface Citizen {
  token: string;
  mobile: string;
  referenceId: string;
}

let nextMobile = 9_400_000_000;

/** A citizen on a mobile of their own (its SMS land in the outbox) with one registered member. */
export async function citizenWithMember(t: TestApp): Promise<Citizen> {
  const mobile = String((nextMobile += 1));
  const token = await loginAs(t.app, t.outbox, mobile);
  const res = await t.app.inject({
    method: 'POST', url: '/api/v2/registration/beneficiary/new', headers: bearer(token),
    payload: { name: 'Consenting Member', birth_year: '1982', gender_id: 2, photo_id_type: 1, photo_id_number: aadhaarFor(nextMobile % 100_000 + 200_000), comorbidity_ind: 'N' },
  });
  if (res.statusCode !== 200) throw new Error(`register: ${res.statusCode} ${res.body}`);
  return { token, mobile, referenceId: res.json().beneficiary_reference_id };
}

/**
 * A partner's consent request, approved by `citizen` for their member through Teeka's consent
 * screens with the code texted to their mobile. Returns the request, the consent and the partner's
 * handle for the person.
 */
export async function approvedConsent(
  t: TestApp, partner: { token: string; ip: string }, citizen: Citizen, data: string[] = ['vaccination_status'],
): Promise<{ requestId: string; consentId: string; handle: string }> {
  const asPartner = { headers: bearer(partner.token), remoteAddress: partner.ip };
  const request = await t.app.inject({ method: 'POST', url: '/api/partner/v1/consent-requests', ...asPartner, payload: { purpose: 'Membership check', data, expires_in_days: 30 } });
  if (request.statusCode !== 201) throw new Error(`consent request: ${request.statusCode} ${request.body}`);
  const requestId = request.json().id as string;
  t.clock.advance(61_000);
  const otp = await t.app.inject({ method: 'POST', url: `/api/citizen/consent-requests/${requestId}/otp`, headers: bearer(citizen.token), payload: {} });
  if (otp.statusCode !== 200) throw new Error(`consent code: ${otp.statusCode} ${otp.body}`);
  const code = /\b(\d{6})\b/.exec(t.outbox.list().find((m) => m.to === citizen.mobile)!.text)![1]!;
  const approved = await t.app.inject({
    method: 'POST', url: `/api/citizen/consent-requests/${requestId}/approve`, headers: bearer(citizen.token),
    payload: { beneficiary_reference_id: citizen.referenceId, txnId: otp.json().txnId, otp: code },
  });
  if (approved.statusCode !== 200) throw new Error(`approval: ${approved.statusCode} ${approved.body}`);
  const status = await t.app.inject({ url: `/api/partner/v1/consent-requests/${requestId}`, ...asPartner });
  return { requestId, consentId: approved.json().id, handle: status.json().subject };
}
