import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, formatCowinDate, todayInIndia, type IsoDate } from '../../../src/core/calendar-date.js';
import { seedInstant } from '../../support/database.js';
import { createFamily } from '../../support/booking-fixtures.js';
import { bearer } from '../../support/citizen.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';
import { auditTypesBy, centreBody, countRows, placesOf, staffIdOf, type Places } from './planning-fixtures.js';
import { signedInStaff, type StaffBrowser } from './sign-in.js';

let t: TestApp;
let places: Places;
let today: IsoDate;
let centreId: number;
let admin: { browser: StaffBrowser; account: { username: string } };

const sessionBody = (over: Record<string, unknown> = {}) => ({
  date: addDays(today, 3), vaccine: 'COVISHIELD', capacity_dose1: 40, capacity_dose2: 20, min_age_limit: 18,
  slots: ['09:00AM-11:00AM', '11:00AM-01:00PM'], walk_in_capacity: 5, ...over,
});

beforeAll(async () => {
  t = await createTestApp();
  places = await placesOf(t);
  today = todayInIndia(seedInstant());
  const national = await signedInStaff(t, 'national_admin', 'nation');
  const created = await national.browser.post('/api/staff/planning/centres', centreBody(places.home, places.homePincode, {
    centre_name: 'Urban PHC Planning Ward', ownership: 'Govt', fee_type: 'Free', vaccines: [{ vaccine: 'COVISHIELD' }, { vaccine: 'COVAXIN' }],
  }));
  centreId = created.json().centre.id;
  admin = await signedInStaff(t, 'facility_admin', `facility:${centreId}`);
});
afterAll(() => t.close());

const sessionsUrl = () => `/api/staff/planning/centres/${centreId}/sessions`;

describe('planning a session', () => {
  it('needs a signed-in staff member of an administering role', async () => {
    expect((await t.app.inject({ method: 'POST', url: sessionsUrl(), payload: sessionBody() })).statusCode).toBe(401);
    for (const [role, scope] of [['vaccinator', `facility:${centreId}`], ['auditor', 'nation']] as const) {
      const { browser } = await signedInStaff(t, role, scope);
      expect((await browser.post(sessionsUrl(), sessionBody())).statusCode, role).toBe(403);
    }
  });

  it('answers 404 at a centre outside the administrator\'s area', async () => {
    for (const [role, scope] of [['facility_admin', `facility:${places.centreId}`], ['district_admin', `district:${places.neighbour.districtId}`]] as const) {
      const { browser } = await signedInStaff(t, role, scope);
      expect((await browser.post(sessionsUrl(), sessionBody())).statusCode, role).toBe(404);
      expect((await browser.get(sessionsUrl())).statusCode, role).toBe(404);
    }
  });

  it('creates a session that the public calendar shows, and records who did it', async () => {
    const res = await admin.browser.post(sessionsUrl(), sessionBody({ vaccine: 'covaxin', min_age_limit: 15, max_age_limit: 17 }));
    expect(res.statusCode).toBe(201);
    const session = res.json();
    expect(session).toMatchObject({
      centre_id: centreId, date: addDays(today, 3), vaccine: 'COVAXIN', min_age_limit: 15, max_age_limit: 17, allow_all_age: false,
      capacity_dose1: 40, capacity_dose2: 20, booked_dose1: 0, booked_dose2: 0, walk_in_capacity: 5, walk_ins: 0,
    });
    expect((await admin.browser.get(sessionsUrl())).json().sessions).toContainEqual(session);
    expect(await auditTypesBy(t, await staffIdOf(t, admin.account.username))).toContain('session.created');

    const calendar = await t.app.inject({ url: `/api/v2/appointment/sessions/public/calendarByCenter?center_id=${centreId}&date=${formatCowinDate(today)}` });
    expect(calendar.json().centers.sessions).toContainEqual(expect.objectContaining({ session_id: session.id, vaccine: 'COVAXIN', available_capacity_dose1: 40 }));
  });

  it('answers 400 naming the field, and writes nothing', async () => {
    const before = await countRows(t, 'vaccination_session');
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ date: addDays(today, -1) }, /^date must be a day from today/],
      [{ date: addDays(today, 61) }, /^date must be a day from today/],
      [{ vaccine: 'SPUTNIK V' }, /^vaccine: this centre gives COVAXIN, COVISHIELD; add SPUTNIK V/],
      [{ min_age_limit: 12, max_age_limit: 14 }, /^min_age_limit and max_age_limit: COVISHIELD is given to ages 18 and above; 18 to 44; 45 and above/],
      [{ slots: ['08:00AM-09:00AM'] }, /^slots\[0\] must lie inside the centre's opening hours, 09:00AM to 05:00PM/],
      [{ capacity_dose1: -5 }, /^capacity_dose1 must be a whole number of doses/],
    ];
    for (const [change, message] of cases) {
      const res = await admin.browser.post(sessionsUrl(), sessionBody(change));
      expect(res.statusCode, JSON.stringify(change)).toBe(400);
      expect(res.json().error).toMatch(message);
    }
    expect(await countRows(t, 'vaccination_session')).toBe(before);
  });

  it('answers 409 naming the fields when the centre already has that session', async () => {
    const body = sessionBody({ date: addDays(today, 5), max_age_limit: null });
    expect((await admin.browser.post(sessionsUrl(), body)).statusCode).toBe(201);
    const again = await admin.browser.post(sessionsUrl(), { ...body, capacity_dose1: 10 });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toEqual({
      errorCode: 'SESSION_EXISTS',
      error: `date, vaccine, min_age_limit: this centre already has a COVISHIELD session for ages 18 and above on ${formatCowinDate(addDays(today, 5))}; edit that session instead.`,
    });
  });
});

describe('changing and deleting a session', () => {
  it('keeps what booked citizens were promised', async () => {
    const session = (await admin.browser.post(sessionsUrl(), sessionBody({ date: today, capacity_dose1: 5 }))).json();
    const family = await createFamily(t, 2);
    const booking = await t.app.inject({
      method: 'POST', url: '/api/v2/appointment/schedule', headers: bearer(family.token),
      payload: { session_id: session.id, slot: session.slots[0], beneficiaries: family.referenceIds },
    });
    expect(booking.statusCode, booking.body).toBe(200);
    const patch = (payload: object) => admin.browser.send({ method: 'PATCH', url: `/api/staff/planning/sessions/${session.id}`, payload });

    const lower = await patch({ capacity_dose1: 1 });
    expect(lower.statusCode).toBe(409);
    expect(lower.json()).toEqual({ errorCode: 'CAPACITY_BELOW_BOOKED', error: 'capacity_dose1 cannot go below the 2 doses already booked.' });
    const moved = await patch({ date: addDays(today, 1) });
    expect(moved.statusCode).toBe(409);
    expect(moved.json().error).toMatch(/^date: 2 people have booked this session/);
    expect((await patch({ slots: ['11:00AM-01:00PM'] })).json().error).toMatch(/^slots: people have booked this session, so slot 09:00AM-11:00AM stays/);

    const closed = await patch({ capacity_dose1: 2, slots: [...session.slots, '01:00PM-03:00PM'] });
    expect(closed.statusCode).toBe(200);
    expect(closed.json()).toMatchObject({ capacity_dose1: 2, booked_dose1: 2, slots: ['09:00AM-11:00AM', '11:00AM-01:00PM', '01:00PM-03:00PM'] });

    const deleted = await admin.browser.send({ method: 'DELETE', url: `/api/staff/planning/sessions/${session.id}` });
    expect(deleted.statusCode).toBe(409);
    expect(deleted.json()).toEqual({
      errorCode: 'SESSION_HAS_BOOKINGS',
      error: 'This session has 2 bookings, so it cannot be deleted. To stop new bookings, set capacity_dose1 to 2, capacity_dose2 to 0 and walk_in_capacity to 0; the people booked keep their appointments.',
    });
  });

  it('deletes a session nobody booked, and records who did it', async () => {
    const session = (await admin.browser.post(sessionsUrl(), sessionBody({ date: addDays(today, 7) }))).json();
    const district = await signedInStaff(t, 'district_admin', `district:${places.home.districtId}`);
    const res = await district.browser.send({ method: 'DELETE', url: `/api/staff/planning/sessions/${session.id}` });
    expect(res.statusCode).toBe(204);
    expect((await admin.browser.get(sessionsUrl())).json().sessions.map((s: { id: string }) => s.id)).not.toContain(session.id);
    expect(await auditTypesBy(t, await staffIdOf(t, district.account.username))).toEqual(['session.deleted']);
    expect((await district.browser.send({ method: 'DELETE', url: `/api/staff/planning/sessions/${session.id}` })).statusCode).toBe(404);
  });

  it('answers 404 for a session outside the administrator\'s area, and 403 to other roles', async () => {
    const session = (await admin.browser.post(sessionsUrl(), sessionBody({ date: addDays(today, 8) }))).json();
    const elsewhere = await signedInStaff(t, 'state_admin', `state:${places.elsewhere.stateId}`);
    expect((await elsewhere.browser.send({ method: 'PATCH', url: `/api/staff/planning/sessions/${session.id}`, payload: { capacity_dose1: 1 } })).statusCode).toBe(404);
    expect((await elsewhere.browser.send({ method: 'DELETE', url: `/api/staff/planning/sessions/${session.id}` })).statusCode).toBe(404);
    const vaccinator = await signedInStaff(t, 'vaccinator', `facility:${centreId}`);
    expect((await vaccinator.browser.send({ method: 'DELETE', url: `/api/staff/planning/sessions/${session.id}` })).statusCode).toBe(403);
    const bad = await admin.browser.send({ method: 'PATCH', url: `/api/staff/planning/sessions/${session.id}`, payload: { walk_in_capacity: -1 } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatch(/^walk_in_capacity must be/);
  });
});
