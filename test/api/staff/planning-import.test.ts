import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayInIndia } from '../../../src/core/calendar-date.js';
import { seedInstant } from '../../support/database.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';
import { auditTypesBy, countRows, staffIdOf } from './planning-fixtures.js';
import { signedInStaff, type StaffBrowser } from './sign-in.js';

const fixture = (name: string) => fs.readFileSync(new URL(`../../fixtures/planning/${name}`, import.meta.url), 'utf8');
const centresCsv = fixture('centres.csv');
const MAHARASHTRA = 21;
const MUMBAI = 395;

let t: TestApp;
let state: { browser: StaffBrowser; account: { username: string } };

const upload = (browser: StaffBrowser, what: 'centres' | 'sessions', csv: string, contentType = 'text/csv') =>
  browser.send({ method: 'POST', url: `/api/staff/planning/${what}/import`, payload: csv, headers: { 'content-type': contentType } });

function sessionsCsv(centreId: number): string {
  const today = todayInIndia(seedInstant());
  return fixture('sessions.template.csv').replaceAll('{centre}', String(centreId))
    .replace(/\{today\+(\d+)\}/g, (_, days: string) => addDays(today, Number(days)));
}

beforeAll(async () => {
  t = await createTestApp();
  state = await signedInStaff(t, 'state_admin', `state:${MAHARASHTRA}`);
});
afterAll(() => t.close());

describe('uploading centres as CSV', () => {
  it('imports every row of a valid file, capping fees, and records one event', async () => {
    const res = await upload(state.browser, 'centres', centresCsv);
    expect(res.statusCode, res.body).toBe(200);
    const { imported, ids, notices } = res.json();
    expect(imported).toBe(3);
    expect(ids).toEqual([ids[0], ids[0] + 1, ids[0] + 2]);
    expect(notices).toEqual([{ row: 3, field: 'vaccines[1].fee', notice: 'COVAXIN costs at most ₹1410 a dose at private centres; the fee of ₹1500 was set to ₹1410.' }]);
    const andheri = (await state.browser.get(`/api/staff/planning/centres/${ids[1]}`)).json();
    expect(andheri).toMatchObject({ centre_name: 'Lifeline Hospital Andheri', district_id: MUMBAI, ownership: 'Private', fee_type: 'Paid', opens_at: '10:00:00' });
    expect(andheri.vaccines).toEqual([{ vaccine: 'COVAXIN', fee: 1410 }, { vaccine: 'COVISHIELD', fee: 780 }]);
    expect(await auditTypesBy(t, await staffIdOf(t, state.account.username))).toEqual(['centres.imported']);
  });

  it('writes nothing when any row is wrong, and reports every problem by row and field', async () => {
    const before = await countRows(t, 'facility');
    const broken = centresCsv
      .replace('400058', '110001')
      .replace('COVISHIELD;CORBEVAX', 'COVISHIELD;ZYCOV-D')
      .replace('Urban PHC Colaba,', 'X,');
    const res = await upload(state.browser, 'centres', broken);
    expect(res.statusCode).toBe(422);
    expect(res.json()).toEqual({
      errorCode: 'CSV_ROWS_INVALID',
      error: '3 rows have problems, so nothing was imported. Fix them and upload the whole file again.',
      problems: [
        { row: 2, field: 'centre_name', error: 'centre_name must be the centre\'s name, 3 to 120 characters' },
        { row: 3, field: 'pincode', error: 'pincode 110001 is not a PIN code of Mumbai; check the PIN code or the district' },
        { row: 4, field: 'vaccines[1].vaccine', error: 'vaccines[1].vaccine must be one of CORBEVAX, COVAXIN, COVISHIELD, COVOVAX, SPUTNIK V' },
      ],
    });
    expect(await countRows(t, 'facility')).toBe(before);
  });

  it('treats rows outside the uploader\'s area like unknown districts', async () => {
    const mumbai = await signedInStaff(t, 'district_admin', `district:${MUMBAI}`);
    const res = await upload(mumbai.browser, 'centres', centresCsv);
    expect(res.statusCode).toBe(422);
    expect(res.json().problems).toEqual([{ row: 4, field: 'district_id', error: 'district_id: no such district, or it is outside your area' }]);
  });

  it('reports a wrong header on row 1', async () => {
    const res = await upload(state.browser, 'centres', centresCsv.replace('block_name', 'block'));
    expect(res.statusCode).toBe(422);
    expect(res.json().problems.map((p: { row: number; field: string }) => [p.row, p.field])).toEqual([[1, 'block'], [1, 'block_name']]);
  });

  it('takes text/csv only, up to its size limit, from signed-in administrators', async () => {
    const before = await countRows(t, 'facility');
    for (const contentType of ['text/plain', 'application/json']) {
      const res = await upload(state.browser, 'centres', contentType === 'application/json' ? JSON.stringify({ csv: centresCsv }) : centresCsv, contentType);
      expect(res.statusCode, contentType).toBe(415);
    }
    expect(await countRows(t, 'facility')).toBe(before);
    expect((await upload(state.browser, 'centres', `${centresCsv}${'x'.repeat(600 * 1024)}`)).statusCode).toBe(413);
    const anonymous = await t.app.inject({ method: 'POST', url: '/api/staff/planning/centres/import', payload: centresCsv, headers: { 'content-type': 'text/csv' } });
    expect(anonymous.statusCode).toBe(401);
    for (const [role, scope] of [['facility_admin', 'facility:560001'], ['vaccinator', 'facility:560001'], ['auditor', 'nation']] as const) {
      const { browser } = await signedInStaff(t, role, scope);
      expect((await upload(browser, 'centres', centresCsv)).statusCode, role).toBe(403);
    }
  });
});

describe('uploading sessions as CSV', () => {
  let centreId: number;

  beforeAll(async () => {
    const colaba = centresCsv.split('\n').slice(0, 2).join('\n');
    centreId = (await upload(state.browser, 'centres', colaba)).json().ids[0];
  });

  it('lets a facility administrator import their centre\'s sessions, all or nothing', async () => {
    const { browser } = await signedInStaff(t, 'facility_admin', `facility:${centreId}`);
    const csv = sessionsCsv(centreId);
    const before = await countRows(t, 'vaccination_session');

    const broken = csv.replace(',COVAXIN,60,40,15,17,', ',COVAXIN,60,40,12,14,').replace('09:00AM-01:00PM,5', '09:00AM-07:00PM,5');
    const refused = await upload(browser, 'sessions', broken);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().problems).toEqual([
      { row: 3, field: 'max_age_limit', error: 'min_age_limit and max_age_limit: COVAXIN is given to ages 18 and above; 45 and above; 15 to 17; choose one of those' },
      { row: 4, field: 'slots[0]', error: 'slots[0] must lie inside the centre\'s opening hours, 09:00AM to 05:00PM' },
    ]);
    expect(await countRows(t, 'vaccination_session')).toBe(before);

    const res = await upload(browser, 'sessions', csv);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().imported).toBe(3);
    const sessions = (await browser.get(`/api/staff/planning/centres/${centreId}/sessions`)).json().sessions;
    expect(sessions.map((s: { vaccine: string; min_age_limit: number; walk_in_capacity: number }) => [s.vaccine, s.min_age_limit, s.walk_in_capacity]))
      .toEqual([['COVAXIN', 15, 0], ['COVISHIELD', 18, 10], ['COVISHIELD', 45, 5]]);

    const again = await upload(browser, 'sessions', csv);
    expect(again.statusCode).toBe(422);
    expect(again.json().problems.map((p: { row: number; field: string }) => [p.row, p.field])).toEqual([
      [2, 'date, vaccine, min_age_limit'], [3, 'date, vaccine, min_age_limit'], [4, 'date, vaccine, min_age_limit'],
    ]);
    expect(await auditTypesBy(t, await staffIdOf(t, (await t.database.db.selectFrom('staff_account').select('username')
      .where('scope_facility_id', '=', centreId).executeTakeFirstOrThrow()).username))).toEqual(['sessions.imported']);
  });

  it('reports rows for centres outside the uploader\'s area, and a session planned twice in one file', async () => {
    const { browser } = await signedInStaff(t, 'facility_admin', `facility:${centreId}`);
    const csv = sessionsCsv(centreId).replace(/\{today\+\d\}/g, '');
    const rows = csv.trim().split('\n');
    const file = [rows[0], rows[1]!.replace(',COVISHIELD,100,50,18,', ',COVISHIELD,100,50,18,').replace(String(centreId), '560001'),
      rows[2]!.replace(/,\d{4}-\d{2}-\d{2},/, `,${addDays(todayInIndia(seedInstant()), 9)},`),
      rows[2]!.replace(/,\d{4}-\d{2}-\d{2},/, `,${addDays(todayInIndia(seedInstant()), 9)},`)].join('\n');
    const res = await upload(browser, 'sessions', file);
    expect(res.statusCode).toBe(422);
    expect(res.json().problems).toEqual([
      { row: 2, field: 'centre_id', error: 'centre_id: no such centre, or it is outside your area' },
      { row: 4, field: 'date, vaccine, min_age_limit', error: 'date, vaccine, min_age_limit: row 3 already plans this session.' },
    ]);
  });
});
