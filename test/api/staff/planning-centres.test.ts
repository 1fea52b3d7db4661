import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../support/test-app.js';
import { auditTypesBy, centreBody, countRows, placesOf, staffIdOf, type Places } from './planning-fixtures.js';
import { signedInStaff } from './sign-in.js';

let t: TestApp;
let places: Places;
const url = '/api/staff/planning/centres';

beforeAll(async () => {
  t = await createTestApp();
  places = await placesOf(t);
});
afterAll(() => t.close());

describe('creating a centre', () => {
  it('needs a signed-in staff member', async () => {
    const res = await t.app.inject({ method: 'POST', url, payload: centreBody(places.home, places.homePincode) });
    expect(res.statusCode).toBe(401);
  });

  it('is for national, state and district administrators only', async () => {
    for (const [role, scope] of [['facility_admin', `facility:${places.centreId}`], ['vaccinator', `facility:${places.centreId}`], ['auditor', 'nation']] as const) {
      const { browser } = await signedInStaff(t, role, scope);
      const res = await browser.post(url, centreBody(places.home, places.homePincode));
      expect(res.statusCode, role).toBe(403);
      expect(res.json().errorCode).toBe('ROLE_FORBIDDEN');
    }
  });

  it('creates a centre with a new Co-WIN style id, sets a fee above the cap to the cap and says so, and records who did it', async () => {
    const { browser, account } = await signedInStaff(t, 'district_admin', `district:${places.home.districtId}`);
    const res = await browser.post(url, centreBody(places.home, places.homePincode, { vaccines: [{ vaccine: 'covaxin', fee: 1500 }, { vaccine: 'COVISHIELD', fee: 700 }] }));
    expect(res.statusCode).toBe(201);
    const { centre, notices } = res.json();
    expect(centre.id).toBeGreaterThanOrEqual(700001);
    expect(centre).toMatchObject({
      district_id: places.home.districtId, state_id: places.home.stateId, opens_at: '09:00:00', closes_at: '17:00:00', ownership: 'Private', fee_type: 'Paid',
      vaccines: [{ vaccine: 'COVAXIN', fee: 1410 }, { vaccine: 'COVISHIELD', fee: 700 }],
    });
    expect(notices).toEqual([{ field: 'vaccines[0].fee', notice: 'COVAXIN costs at most ₹1410 a dose at private centres; the fee of ₹1500 was set to ₹1410.' }]);
    expect((await browser.get(`${url}/${centre.id}`)).json()).toEqual(centre);
    expect((await browser.get(`${url}?district_id=${places.home.districtId}`)).json().centres.map((c: { id: number }) => c.id)).toContain(centre.id);
    expect(await auditTypesBy(t, await staffIdOf(t, account.username))).toEqual(['centre.created']);

    const next = await browser.post(url, centreBody(places.home, places.homePincode, { ownership: 'Govt', fee_type: 'Free', vaccines: [{ vaccine: 'COVISHIELD' }] }));
    expect(next.statusCode).toBe(201);
    expect(next.json().centre.id).toBe(centre.id + 1);
    expect(next.json().centre.vaccines).toEqual([{ vaccine: 'COVISHIELD', fee: 0 }]);
  });

  it('answers 404 for a district outside the administrator\'s area, as for one that does not exist, and writes nothing', async () => {
    const { browser } = await signedInStaff(t, 'district_admin', `district:${places.home.districtId}`);
    const before = await countRows(t, 'facility');
    for (const districtId of [places.neighbour.districtId, 999_999]) {
      const res = await browser.post(url, centreBody(places.home, places.homePincode, { district_id: districtId }));
      expect(res.statusCode).toBe(404);
      expect(res.json()).toEqual({ errorCode: 'NOT_FOUND', error: 'No such district, or it is not yours to see.' });
    }
    const state = await signedInStaff(t, 'state_admin', `state:${places.home.stateId}`);
    expect((await state.browser.post(url, centreBody(places.elsewhere, places.homePincode))).statusCode).toBe(404);
    expect((await state.browser.get(`${url}?district_id=${places.elsewhere.districtId}`)).statusCode).toBe(404);
    expect(await countRows(t, 'facility')).toBe(before);
  });

  it('answers 400 naming the field, and writes nothing', async () => {
    const { browser } = await signedInStaff(t, 'state_admin', `state:${places.home.stateId}`);
    const before = await countRows(t, 'facility');
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ pincode: 110001 }, /^pincode 110001 is not a PIN code of /],
      [{ lat: 51.5 }, /^lat must be a latitude inside India/],
      [{ ownership: 'Govt' }, /^fee_type must be Free at a government centre/],
      [{ vaccines: [{ vaccine: 'ZYCOV-D', fee: 100 }] }, /^vaccines\[0\]\.vaccine must be one of CORBEVAX, COVAXIN, COVISHIELD/],
      [{ closes_at: '08:00' }, /^closes_at must be later than opens_at/],
      [{ pincode: 'four hundred' }, /^pincode: must be integer/],
    ];
    for (const [change, message] of cases) {
      const res = await browser.post(url, centreBody(places.home, places.homePincode, change));
      expect(res.statusCode, JSON.stringify(change)).toBe(400);
      expect(res.json().error).toMatch(message);
    }
    expect(await countRows(t, 'facility')).toBe(before);
  });
});

describe('editing a centre', () => {
  it('lets the centre\'s facility administrator change its details and fees, capping fees, but not its district or ownership', async () => {
    const district = await signedInStaff(t, 'district_admin', `district:${places.home.districtId}`);
    const created = (await district.browser.post(url, centreBody(places.home, places.homePincode))).json().centre;
    const { browser, account } = await signedInStaff(t, 'facility_admin', `facility:${created.id}`);

    const res = await browser.send({ method: 'PATCH', url: `${url}/${created.id}`, payload: { opens_at: '08:00', vaccines: [{ vaccine: 'COVISHIELD', fee: 900 }] } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().centre).toMatchObject({ opens_at: '08:00:00', closes_at: '17:00:00', vaccines: [{ vaccine: 'COVISHIELD', fee: 780 }] });
    expect(res.json().notices).toEqual([{ field: 'vaccines[0].fee', notice: expect.stringMatching(/set to ₹780\.$/) }]);
    expect(await auditTypesBy(t, await staffIdOf(t, account.username))).toEqual(['centre.updated']);

    for (const change of [{ district_id: places.neighbour.districtId }, { ownership: 'Govt' }]) {
      const refused = await browser.send({ method: 'PATCH', url: `${url}/${created.id}`, payload: change });
      expect(refused.statusCode).toBe(403);
      expect(refused.json().errorCode).toBe('FIELD_NOT_YOURS');
    }
    const other = await browser.send({ method: 'PATCH', url: `${url}/${places.centreId}`, payload: { centre_name: 'Not mine' } });
    expect(other.statusCode).toBe(404);
    expect((await browser.get(`${url}/${places.centreId}`)).statusCode).toBe(404);
  });

  it('lets a state administrator move a centre within the state, not out of it', async () => {
    const { browser } = await signedInStaff(t, 'state_admin', `state:${places.home.stateId}`);
    const created = (await browser.post(url, centreBody(places.home, places.homePincode))).json().centre;
    const [pin] = await t.services.geography.pincodesOfDistrict(places.neighbour.districtId);
    const moved = await browser.send({ method: 'PATCH', url: `${url}/${created.id}`, payload: { district_id: places.neighbour.districtId, pincode: pin ?? 400001 } });
    expect(moved.statusCode).toBe(200);
    expect(moved.json().centre.district_id).toBe(places.neighbour.districtId);
    const out = await browser.send({ method: 'PATCH', url: `${url}/${created.id}`, payload: { district_id: places.elsewhere.districtId } });
    expect(out.statusCode).toBe(404);
    const bad = await browser.send({ method: 'PATCH', url: `${url}/${created.id}`, payload: { fee_type: 'Free' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatch(/^vaccines\[0\]\.fee must be 0 or left out at a Free centre/);
    expect((await browser.get(`${url}/${created.id}`)).json().fee_type).toBe('Paid');
  });

  it('reads a demo centre\'s ownership from its fee type', async () => {
    const { browser } = await signedInStaff(t, 'national_admin', 'nation');
    const centre = (await browser.get(`${url}/${places.centreId}`)).json();
    expect(centre.ownership).toBe(centre.fee_type === 'Paid' ? 'Private' : 'Govt');
  });

  it('is closed to vaccinators and auditors', async () => {
    for (const [role, scope] of [['vaccinator', `facility:${places.centreId}`], ['auditor', 'nation']] as const) {
      const { browser } = await signedInStaff(t, role, scope);
      expect((await browser.send({ method: 'PATCH', url: `${url}/${places.centreId}`, payload: { centre_name: 'Renamed Centre' } })).statusCode, role).toBe(403);
    }
  });
});
