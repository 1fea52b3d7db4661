import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { addDays, todayInIndia, type IsoDate } from '../../src/core/calendar-date.js';
import type { AccessNotifier } from '../../src/modules/access/notices.js';
import type { AccessHistoryResponse } from '../../src/modules/access/history-schema.js';
import { startAccessNotices } from '../../src/services.js';
import { openSession, type OpenSession } from '../support/booking-fixtures.js';
import { aadhaarFor, bearer, loginAs } from '../support/citizen.js';
import { seedInstant } from '../support/database.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { signedInStaff, signIn, StaffBrowser } from './staff/sign-in.js';

/** Decision 0016: an SMS when staff or a partner open a record outside a booked appointment. */
let t: TestApp;
let notices: AccessNotifier;
let today: IsoDate;
let session: OpenSession;
let district: { id: number; name: string; stateId: number };

const PUBLIC_URL = 'https://teeka.example.in';
const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

interface Household {
  mobile: string;
  token: string;
  referenceIds: string[];
}

let nextMobile = 7_600_000_000;
let nextSeed = 60_000;

/** A family booked at today's session, so a correction request about them goes to its district. */
async function bookedHousehold(members: number): Promise<Household> {
  const mobile = String((nextMobile += 1));
  const token = await loginAs(t.app, t.outbox, mobile);
  const referenceIds: string[] = [];
  for (const name of ['Asha Devi', 'Ravi Kumar'].slice(0, members)) {
    const res = await t.app.inject({
      method: 'POST', url: '/api/v2/registration/beneficiary/new', headers: bearer(token),
      payload: { name, birth_year: '1985', gender_id: 1, photo_id_type: 1, photo_id_number: aadhaarFor((nextSeed += 1)), comorbidity_ind: 'N' },
    });
    referenceIds.push(res.json().beneficiary_reference_id);
  }
  const booking = await t.app.inject({
    method: 'POST', url: '/api/v2/appointment/schedule', headers: bearer(token),
    payload: { session_id: session.id, slot: session.slots[0], beneficiaries: referenceIds },
  });
  expect(booking.statusCode).toBe(200);
  return { mobile, token, referenceIds };
}

async function raiseCorrection(household: Household, referenceId: string): Promise<string> {
  const res = await t.app.inject({
    method: 'POST', url: '/api/citizen/corrections', headers: bearer(household.token),
    payload: { beneficiary_reference_id: referenceId, field: 'name', requested_value: 'Asha Rani', reason: 'Spelt wrong at registration' },
  });
  expect(res.statusCode).toBe(201);
  return res.json().id as string;
}

/** The transparency notices this mobile has received, once every queued one has been dealt with. */
async function noticesTo(mobile: string): Promise<string[]> {
  await notices.settled();
  return t.outbox.list().filter((m) => m.to === mobile && m.text.includes('opened a record')).map((m) => m.text);
}

beforeAll(async () => {
  t = await createTestApp();
  notices = startAccessNotices(t.services, PUBLIC_URL);
  today = todayInIndia(seedInstant());
  session = await openSession(t.database.db, today, 40);
  const facility = (await t.services.facilities.findById(session.facilityId))!;
  const place = t.services.geography.placeOf(facility.districtId)!;
  district = { id: place.districtId, name: place.districtName, stateId: place.stateId };
});
afterAll(async () => {
  await notices.settled();
  await t.close();
});

describe('transparency SMS', () => {
  it('sends nothing for the vaccination of someone booked at that centre today', async () => {
    const household = await bookedHousehold(1);
    const code = /Security code ref \.\.\d{4}: (\d{4})/.exec(t.outbox.list().find((m) => m.to === household.mobile)!.text)![1]!;
    const admin = await signedInStaff(t, 'facility_admin', `facility:${session.facilityId}`);
    const batch = await admin.browser.post(`/api/staff/centre/facilities/${session.facilityId}/batches`, {
      vaccine: session.vaccine, batch_number: 'NOTE-001', expires_on: addDays(today, 60), quantity: 5,
    });
    const { browser } = await signedInStaff(t, 'vaccinator', `facility:${session.facilityId}`);
    const entry = (await browser.get('/api/staff/centre/roster')).json().appointments.find((a: { name: string }) => a.name === 'Asha Devi');
    expect((await browser.post('/api/staff/centre/encounters', { appointment_id: entry.appointment_id, security_code: code })).statusCode).toBe(204);
    // Recording the dose completes the appointment, before or after the notifier looks: still the appointment.
    const dose = await browser.post('/api/staff/centre/doses', { appointment_id: entry.appointment_id, batch_id: batch.json().id, photo_id_last4: entry.photo_id_masked.slice(-4) });
    expect(dose.statusCode).toBe(201);
    expect(await noticesTo(household.mobile)).toEqual([]);
  });

  it('shows the citizen that Teeka read their mobile to text them', async () => {
    const household = await bookedHousehold(1);
    const request = await raiseCorrection(household, household.referenceIds[0]!);
    const reviewer = await signedInStaff(t, 'district_admin', `district:${district.id}`);
    expect((await reviewer.browser.get(`/api/staff/corrections/${request}`)).statusCode).toBe(200);
    expect(await noticesTo(household.mobile)).toHaveLength(1);
    const answer = (await t.app.inject({ url: '/api/citizen/access-history?member=account', headers: bearer(household.token) })).json() as AccessHistoryResponse;
    expect(answer.groups[0]!.entries).toContainEqual(expect.objectContaining({
      type: 'access.granted', actor: 'system', who: { kind: 'system', service: 'access-notices' }, purpose: 'notification', fields: ['mobile'],
    }));
  });
  it('sends nothing for a read whose transaction rolled back', async () => {
    const household = await bookedHousehold(1);
    await raiseCorrection(household, household.referenceIds[0]!);
    const { db } = t.database;
    const person = await db.selectFrom('beneficiary').select('id').where('reference_id', '=', household.referenceIds[0]!).executeTakeFirstOrThrow();
    const created = await t.services.staff.addAccount({ username: 'rolled.back', role: 'district_admin', scope: `district:${district.id}` });
    const reviewer = { kind: 'staff', staffId: created.id, role: created.role, scope: created.scope, sessionId: 'test-session', ip: '203.0.113.9' } as const;
    const read = { subject: { kind: 'beneficiary', id: person.id }, purpose: 'correction-review', fields: ['name'] } as const;

    const failed = db.transaction().execute(async (trx) => {
      await t.services.access.authorize(reviewer, read, trx);
      throw new Error('the request failed after the read');
    });
    await expect(failed).rejects.toThrow('the request failed after the read');
    expect(await noticesTo(household.mobile)).toEqual([]);

    // The same read committed is news.
    await t.services.access.authorize(reviewer, read);
    expect(await noticesTo(household.mobile)).toHaveLength(1);
  });

  it('texts once per reviewer per day for a correction review, with no name or number of anyone', async () => {
    const household = await bookedHousehold(2);
    const [first, second] = [await raiseCorrection(household, household.referenceIds[0]!), await raiseCorrection(household, household.referenceIds[1]!)];
    const reviewer = await signedInStaff(t, 'district_admin', `district:${district.id}`);
    expect((await reviewer.browser.get(`/api/staff/corrections/${first}`)).statusCode).toBe(200);

    const [text, ...more] = await noticesTo(household.mobile);
    expect(more).toEqual([]);
    expect(text).toMatch(new RegExp(
      `^Teeka: A district administrator of ${escaped(district.name)} district opened a record on your account on \\d{1,2} \\w{3} \\d{4}, \\d{2}:\\d{2} `
      + `for checking a correction request\\. See who accessed your data: ${escaped(PUBLIC_URL)}/my-data$`,
    ));
    expect(text).not.toMatch(/\d{5,}/);
    expect(text).not.toMatch(/Asha|Ravi/);

    // The same reviewer again, and on the other member of the account: the day's notice is spent.
    expect((await reviewer.browser.get(`/api/staff/corrections/${first}`)).statusCode).toBe(200);
    expect((await reviewer.browser.get(`/api/staff/corrections/${second}`)).statusCode).toBe(200);
    expect(await noticesTo(household.mobile)).toHaveLength(1);

    // Another officer is another notice.
    const stateAdmin = await signedInStaff(t, 'state_admin', `state:${district.stateId}`);
    expect((await stateAdmin.browser.get(`/api/staff/corrections/${second}`)).statusCode).toBe(200);
    const both = await noticesTo(household.mobile);
    expect(both).toHaveLength(2);
    expect(both[0]).toContain('A state administrator of ');

    // The next day, the first reviewer's reads are news again.
    t.clock.advance(24 * 60 * 60 * 1000);
    const nextDay = new StaffBrowser(t);
    expect((await signIn(t, nextDay, reviewer.account)).statusCode).toBe(200);
    expect((await nextDay.get(`/api/staff/corrections/${first}`)).statusCode).toBe(200);
    expect(await noticesTo(household.mobile)).toHaveLength(3);
  });

});

describe('TEEKA_ACCESS_SMS', () => {
  it('is on by default in development and can be turned off', () => {
    expect(loadConfig({}).accessSms).toBe(true);
    expect(loadConfig({ TEEKA_ACCESS_SMS: 'false' }).accessSms).toBe(false);
    expect(() => loadConfig({ TEEKA_ACCESS_SMS: 'sometimes' })).toThrow(/TEEKA_ACCESS_SMS must be true or false/);
  });
});
