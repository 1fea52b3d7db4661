import { sql } from 'kysely';
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
let national: { browser: StaffBrowser; account: { username: string } };
const url = '/api/staff/planning/vaccines';

const gemcovac = {
  vaccine: 'Gemcovac-19', manufacturer: 'Gennova Biopharmaceuticals', dose2_after_days: 28, precaution_after_days: 182, private_price_cap: 2292,
  eu_dcc: { vp: '1119349007', mp: 'GEMCOVAC-19', ma: 'Gennova-Biopharmaceuticals' }, age_groups: [{ min_age: 18, max_age: null, allow_all_age: true }],
};

beforeAll(async () => {
  t = await createTestApp();
  places = await placesOf(t);
  today = todayInIndia(seedInstant());
  national = await signedInStaff(t, 'national_admin', 'nation');
});
afterAll(() => t.close());

describe('the vaccine catalogue', () => {
  it('is read by any staff member, and by nobody else', async () => {
    expect((await t.app.inject({ url })).statusCode).toBe(401);
    const { browser } = await signedInStaff(t, 'vaccinator', `facility:${places.centreId}`);
    const res = await browser.get(url);
    expect(res.statusCode).toBe(200);
    expect(res.json().vaccines.map((v: { vaccine: string }) => v.vaccine)).toEqual(['CORBEVAX', 'COVAXIN', 'COVISHIELD', 'COVOVAX', 'SPUTNIK V']);
    expect(res.json().vaccines[1]).toEqual({
      vaccine: 'COVAXIN', manufacturer: 'Bharat Biotech', doses_in_series: 2, dose2_after_days: 28, precaution_after_days: 182, private_price_cap: 1410,
      eu_dcc: { vp: '1157024006', mp: 'Covaxin', ma: 'Bharat-Biotech' }, cvx_code: '502',
      age_groups: [{ min_age: 18, max_age: null, allow_all_age: true }, { min_age: 45, max_age: null, allow_all_age: false }, { min_age: 15, max_age: 17, allow_all_age: false }],
    });
  });

  it('is edited by the national administrator only', async () => {
    const roles = [
      ['state_admin', `state:${places.home.stateId}`], ['district_admin', `district:${places.home.districtId}`],
      ['facility_admin', `facility:${places.centreId}`], ['vaccinator', `facility:${places.centreId}`], ['auditor', 'nation'],
    ] as const;
    for (const [role, scope] of roles) {
      const { browser } = await signedInStaff(t, role, scope);
      expect((await browser.post(url, gemcovac)).statusCode, role).toBe(403);
      expect((await browser.send({ method: 'PATCH', url: `${url}/COVAXIN`, payload: { dose2_after_days: 1 } })).statusCode, role).toBe(403);
    }
    expect((await t.app.inject({ method: 'POST', url, payload: gemcovac })).statusCode).toBe(401);
    expect(t.services.vaccines.byName('COVAXIN')?.dose2AfterDays).toBe(28);
  });

  it('takes a new vaccine, refusing a wrong field or a second one of the same name', async () => {
    const before = await countRows(t, 'vaccine');
    const bad = await national.browser.post(url, { ...gemcovac, eu_dcc: { ...gemcovac.eu_dcc, vp: ' ' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toBe('eu_dcc.vp must be the EU DCC value-set code, 1 to 50 printable characters');
    expect((await national.browser.post(url, { ...gemcovac, doses_in_series: 3 })).json().error).toMatch(/^doses_in_series must be 2/);
    expect(await countRows(t, 'vaccine')).toBe(before);

    const created = await national.browser.post(url, gemcovac);
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ vaccine: 'GEMCOVAC-19', doses_in_series: 2, cvx_code: null });
    expect(t.services.vaccines.byName('gemcovac-19')?.manufacturer).toBe('Gennova Biopharmaceuticals');
    const again = await national.browser.post(url, gemcovac);
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toBe('vaccine: GEMCOVAC-19 is already in the catalogue; edit it instead.');
    expect(await auditTypesBy(t, await staffIdOf(t, national.account.username))).toEqual(['vaccine.created']);
  });

  it('answers 404 for an unknown vaccine and 400 naming the field', async () => {
    expect((await national.browser.send({ method: 'PATCH', url: `${url}/ZYCOV-D`, payload: { dose2_after_days: 30 } })).statusCode).toBe(404);
    const bad = await national.browser.send({ method: 'PATCH', url: `${url}/COVISHIELD`, payload: { age_groups: [{ min_age: 18, max_age: 10, allow_all_age: false }] } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatch(/^age_groups\[0\] must have min_age/);
    expect(t.services.vaccines.byName('COVISHIELD')?.ageGroups).toHaveLength(3);
  });

  it('lowers private centres\' fees above a lowered cap to the cap', async () => {
    const district = await signedInStaff(t, 'district_admin', `district:${places.home.districtId}`);
    const centre = (await district.browser.post('/api/staff/planning/centres', centreBody(places.home, places.homePincode, {
      vaccines: [{ vaccine: 'COVOVAX', fee: 900 }],
    }))).json().centre;
    const res = await national.browser.send({ method: 'PATCH', url: `${url}/covovax`, payload: { private_price_cap: 800 } });
    expect(res.statusCode).toBe(200);
    expect(res.json().vaccine.private_price_cap).toBe(800);
    expect(res.json().fees_capped).toBeGreaterThanOrEqual(1);
    expect((await district.browser.get(`/api/staff/planning/centres/${centre.id}`)).json().vaccines).toEqual([{ vaccine: 'COVOVAX', fee: 800 }]);
    const { rows } = await sql<{ n: string }>`SELECT count(*) AS n FROM facility_vaccine_fee WHERE vaccine = 'COVOVAX' AND fee > 800`.execute(t.database.db);
    expect(Number(rows[0]!.n)).toBe(0);
  });
});

describe('a catalogue edit reaches booking', () => {
  it('moves the dose-2 due date when the interval changes', async () => {
    const centre = (await national.browser.post('/api/staff/planning/centres', centreBody(places.home, places.homePincode, {
      centre_name: 'Primary Health Centre Interval', ownership: 'Govt', fee_type: 'Free', vaccines: [{ vaccine: 'COVAXIN' }],
    }))).json().centre;
    const session = (await national.browser.post(`/api/staff/planning/centres/${centre.id}/sessions`, {
      date: today, vaccine: 'COVAXIN', capacity_dose1: 10, capacity_dose2: 10, min_age_limit: 18, slots: ['09:00AM-11:00AM'],
    })).json();
    const family = await createFamily(t, 1);
    const member = await t.database.db.selectFrom('beneficiary').select('id').where('reference_id', '=', family.referenceIds[0]!).executeTakeFirstOrThrow();
    const firstDose = addDays(today, -20);
    await t.database.db.insertInto('dose_record').values({
      id: crypto.randomUUID(), beneficiary_id: member.id, dose: 1, vaccine: 'COVAXIN', administered_on: firstDose, facility_id: centre.id,
      session_id: null, recorded_at: new Date(), batch_id: null, vaccinator_id: null, administered_at: null,
    }).execute();
    const book = () => t.app.inject({
      method: 'POST', url: '/api/v2/appointment/schedule', headers: bearer(family.token),
      payload: { session_id: session.id, slot: '09:00AM-11:00AM', beneficiaries: family.referenceIds },
    });

    const early = await book();
    expect(early.statusCode).toBe(400);
    expect(early.json().error).toBe(`Dose 2 of COVAXIN is due from ${formatCowinDate(addDays(firstDose, 28))}. Please choose a session on or after that day.`);

    const changed = await national.browser.send({ method: 'PATCH', url: `${url}/COVAXIN`, payload: { dose2_after_days: 14 } });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toEqual({ vaccine: expect.objectContaining({ vaccine: 'COVAXIN', dose2_after_days: 14 }), fees_capped: 0 });
    const booked = await book();
    expect(booked.statusCode, booked.body).toBe(200);
    expect(await auditTypesBy(t, await staffIdOf(t, national.account.username))).toContain('vaccine.updated');
  });
});
