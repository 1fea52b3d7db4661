import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayInIndia, type IsoDate } from '../../src/core/calendar-date.js';
import { readCsv } from '../../src/modules/planning/csv.js';
import { centreColumns, sessionColumns } from '../../src/modules/planning/imports.js';
import { csvColumns, exampleFile } from '../../web/src/staff/planning/csv-examples.js';
import { freshCode, signedInStaff } from '../api/staff/sign-in.js';
import { createFamily } from '../support/booking-fixtures.js';
import { bearer } from '../support/citizen.js';
import { seedInstant } from '../support/database.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { PAGE_WALK_TIMEOUT, seriousViolations } from './axe.js';
import { eventually } from './browser-page.js';
import { horizontalOverflow, screenshot } from './citizen-fixtures.js';
import { staffPages } from './staff-fixtures.js';

/**
 * The planning screens (web/src/staff/planning) against the real app: a district administrator
 * plans a centre and its sessions end to end, and an upload with a bad row imports nothing.
 */
const MAHARASHTRA = 21;
const MUMBAI = 395;

let t: TestApp;
let url: string;
let today: IsoDate;
let mumbaiPin: number;
let demoCentre: number;
const pages = staffPages();

beforeAll(async () => {
  t = await createTestApp();
  url = await pages.start(t);
  today = todayInIndia(seedInstant());
  [mumbaiPin] = (await t.services.geography.pincodesOfDistrict(MUMBAI)) as [number];
  // A demo centre that lists its vaccines (some older ones list none, and must choose them before any edit).
  demoCentre = (await t.database.db.selectFrom('facility').innerJoin('facility_vaccine_fee', 'facility_vaccine_fee.facility_id', 'facility.id')
    .select('facility.id').where('facility.district_id', '=', MUMBAI).orderBy('facility.id').executeTakeFirstOrThrow()).id;
});

afterAll(async () => {
  await pages.close();
  await t?.close();
});

const heading = (page: Page) => page.getByRole('heading', { level: 1 }).textContent();
const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');
const sessionsAt = async (centreId: number) => (await t.database.db.selectFrom('vaccination_session').select('id').where('facility_id', '=', centreId).execute()).length;

describe('a district administrator plans a centre and its sessions', () => {
  it('signs in, adds a centre (a fee above the cap is set to it), adds a session and sees it, and cannot delete a booked one', async () => {
    const staff = await signedInStaff(t, 'district_admin', `district:${MUMBAI}`);
    const { page, problems } = await pages.open();
    await page.goto(`${url}/staff/login`);
    await page.getByLabel('Username').fill(staff.account.username);
    await page.getByLabel('Password').fill(staff.account.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByLabel('6-digit code').fill(freshCode(t, staff.account.totpSecret!));
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect.poll(() => heading(page), eventually).toBe('Staff console');

    // The district's centres, without choosing a district: it is the administrator's own.
    await page.getByRole('navigation', { name: 'Staff console' }).getByRole('link', { name: 'Centres and sessions' }).click();
    await page.getByRole('heading', { name: 'Centres in Mumbai' }).waitFor();
    await expect.poll(() => page.locator('.planning-card').count(), eventually).toBe(20);
    await page.getByLabel('Find a centre').fill(String(demoCentre));
    await expect.poll(() => page.locator('.planning-card').count(), eventually).toBe(1);

    // Nothing filled in: the first problem gets the focus, nothing is sent.
    await page.getByRole('link', { name: 'Add a centre' }).click();
    await expect.poll(() => heading(page), eventually).toBe('Add a centre');
    expect(await page.locator('#centre-district').innerText()).toContain('Mumbai');
    await page.getByRole('button', { name: 'Save centre' }).click();
    await expect.poll(() => focusedId(page), eventually).toBe('centre-name');
    expect(await page.locator('#centre-name-error').textContent()).toBe('Enter the centre’s name.');
    expect(await page.locator('#centre-vaccines-error').textContent()).toBe('Choose at least one vaccine.');

    await page.getByLabel('Centre name').fill('Sanjeevani Hospital Dadar');
    await page.getByLabel('Street address').fill('14, Station Road, Dadar West');
    await page.getByLabel('Block').fill('Dadar');
    await page.getByLabel('PIN code').fill('110001');
    await page.getByLabel('Latitude').fill('19.0178');
    await page.getByLabel('Longitude').fill('72.8478');
    await page.getByLabel('Opens at').fill('09:00');
    await page.getByLabel('Closes at').fill('17:00');
    await page.getByLabel('Private').check();
    await page.getByLabel('Paid').check();
    await page.getByLabel('COVISHIELD').check();
    await page.getByLabel('COVAXIN', { exact: true }).check();
    await page.getByLabel('Fee for COVISHIELD, in rupees per dose').fill('700');
    await page.getByLabel('Fee for COVAXIN, in rupees per dose').fill('1500');
    // The server's refusal lands next to the field it names.
    await page.getByRole('button', { name: 'Save centre' }).click();
    await expect.poll(() => page.locator('#centre-pincode-error').textContent(), eventually).toBe('pincode 110001 is not a PIN code of Mumbai; check the PIN code or the district');
    await expect.poll(() => focusedId(page), eventually).toBe('centre-pincode');
    await page.getByLabel('PIN code').fill(String(mumbaiPin));
    await page.getByRole('button', { name: 'Save centre' }).click();

    await expect.poll(() => heading(page), eventually).toBe('Sanjeevani Hospital Dadar');
    const status = page.getByRole('status').filter({ hasText: 'Centre added' });
    expect(await status.innerText()).toContain('COVAXIN costs at most ₹1410 a dose at private centres, the national cap: the fee of ₹1500 was set to ₹1410.');
    const centreId = Number(/\/centres\/(\d+)$/.exec(page.url())![1]);
    const details = await page.locator('.planning-details').innerText();
    expect(details).toContain('COVAXIN ₹1410');
    expect(details).toContain('COVISHIELD ₹700');
    expect(await page.getByRole('link', { name: 'Vaccine stock and batches' }).getAttribute('href')).toBe(`/staff/stock?centre=${centreId}`);
    await page.getByText('No sessions planned from today on.').waitFor();

    // A session: a slot outside the opening hours is refused next to the slots.
    await page.getByRole('link', { name: 'Add a session' }).click();
    await expect.poll(() => heading(page), eventually).toBe('Add a session');
    expect(await page.getByLabel('Time slots').inputValue()).toBe('09:00AM-11:00AM\n11:00AM-01:00PM\n01:00PM-03:00PM\n03:00PM-05:00PM');
    const day = addDays(today, 3);
    await page.getByLabel('Day').fill(day);
    await page.getByLabel('Vaccine').selectOption('COVAXIN');
    await page.getByLabel('Ages').selectOption({ label: '18 and above' });
    await page.getByLabel('Dose 1 capacity (online bookings)').fill('50');
    await page.getByLabel('Dose 2 capacity (online bookings)').fill('20');
    await page.getByLabel('Kept for walk-ins').fill('5');
    await page.getByLabel('Time slots').fill('09:00AM-01:00PM\n05:00PM-07:00PM');
    await page.getByRole('button', { name: 'Save session' }).click();
    await expect.poll(() => page.locator('#session-slots-error').textContent(), eventually).toBe('slots[1] must lie inside the centre\'s opening hours, 09:00AM to 05:00PM');
    await expect.poll(() => focusedId(page), eventually).toBe('session-slots');
    await page.getByLabel('Time slots').fill('09:00AM-01:00PM\n01:00PM-05:00PM');
    await page.getByRole('button', { name: 'Save session' }).click();

    await expect.poll(() => heading(page), eventually).toBe('Sanjeevani Hospital Dadar');
    await page.getByRole('status').filter({ hasText: 'Session added: COVAXIN on' }).waitFor();
    const card = page.getByRole('article', { name: 'COVAXIN, ages 18 and above' });
    await card.waitFor();
    expect(await card.innerText()).toContain('0 of 50 booked');
    expect(await card.innerText()).toContain('09:00AM-01:00PM, 01:00PM-05:00PM');
    const [session] = (await t.database.db.selectFrom('vaccination_session').selectAll().where('facility_id', '=', centreId).execute());
    expect(session).toMatchObject({ date: day, vaccine: 'COVAXIN', min_age_limit: 18, max_age_limit: null, capacity_dose1: 50, capacity_dose2: 20, walk_in_capacity: 5 });

    // Someone books it; the administrator cannot delete it, and is told how to stop new bookings.
    const family = await createFamily(t, 1);
    const booked = await t.app.inject({
      method: 'POST', url: '/api/v2/appointment/schedule', headers: bearer(family.token),
      payload: { session_id: session!.id, slot: '09:00AM-01:00PM', beneficiaries: family.referenceIds },
    });
    expect(booked.statusCode, booked.body).toBe(200);
    await page.reload();
    await expect.poll(() => card.innerText(), eventually).toContain('1 of 50 booked');
    await card.getByRole('button', { name: /^Delete/ }).click();
    const dialog = page.getByRole('dialog');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent), eventually).toBe('Keep it');
    await dialog.getByRole('button', { name: 'Delete session' }).click();
    await expect.poll(() => page.locator('#sessions-outcome').textContent(), eventually)
      .toBe('This session has 1 booking, so it cannot be deleted: the person booked keeps their appointment. To stop new bookings, edit it and set dose 1 capacity to 1, dose 2 capacity to 0 and walk-ins to 0.');
    await expect.poll(() => focusedId(page), eventually).toBe('sessions-outcome');
    expect(await sessionsAt(centreId)).toBe(1);
    expect(problems).toEqual([]);
  });

  it('uploads sessions as CSV: a file with one bad row gets a report by row and imports nothing', async () => {
    const { page, problems } = await pages.openSignedIn('district_admin', `district:${MUMBAI}`);
    const before = await sessionsAt(demoCentre);
    await page.goto(`${url}/staff/planning/upload`);
    await expect.poll(() => heading(page), eventually).toBe('Upload centres and sessions (CSV)');
    expect(await page.locator('.planning-upload pre').first().textContent()).toBe(csvColumns.centres.join(','));
    const example = page.getByRole('link', { name: 'Download an example sessions file' });
    expect(decodeURIComponent((await example.getAttribute('href'))!.replace(/^data:text\/csv;charset=utf-8,/, ''))).toBe(exampleFile('sessions'));

    await page.getByRole('button', { name: 'Upload sessions' }).click();
    await expect.poll(() => page.locator('#upload-sessions-error').textContent(), eventually).toBe('Choose a CSV file.');
    await expect.poll(() => focusedId(page), eventually).toBe('upload-sessions');

    // A row the server would take (a vaccine the centre gives, an approved age group, a free day), and one 90 days ahead.
    const { vaccine } = await t.database.db.selectFrom('facility_vaccine_fee').select('vaccine').where('facility_id', '=', demoCentre).executeTakeFirstOrThrow();
    const ages = t.services.vaccines.byName(vaccine)!.ageGroups[0]!;
    const { opens_at: opensAt } = await t.database.db.selectFrom('facility').select('opens_at').where('id', '=', demoCentre).executeTakeFirstOrThrow();
    const taken = new Set((await t.database.db.selectFrom('vaccination_session').select('date')
      .where('facility_id', '=', demoCentre).where('vaccine', '=', vaccine).where('min_age_limit', '=', ages.minAge).execute()).map((r) => r.date));
    const freeDay = [...Array(60).keys()].map((n) => addDays(today, 60 - n)).find((d) => !taken.has(d))!;
    const hour = Number(opensAt.slice(0, 2));
    const slot = `${String(hour % 12 || 12).padStart(2, '0')}:00${hour < 12 ? 'AM' : 'PM'}-${String((hour + 1) % 12 || 12).padStart(2, '0')}:00${hour + 1 < 12 ? 'AM' : 'PM'}`;
    const row = (day: string) => `${demoCentre},${day},${vaccine},100,50,${ages.minAge},${ages.maxAge ?? ''},,${slot},10`;
    const csv = [csvColumns.sessions.join(','), row(freeDay), row(addDays(today, 90))].join('\n');
    await page.getByLabel('Sessions CSV file').setInputFiles({ name: 'sessions.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByRole('button', { name: 'Upload sessions' }).click();
    await expect.poll(() => focusedId(page), eventually).toBe('upload-sessions-result');
    expect(await page.getByRole('alert').filter({ hasText: 'Nothing was imported' }).innerText())
      .toContain('1 row has problems. Fix every problem below and upload the whole file again.');
    const report = page.getByRole('table', { name: '1 problem in the sessions file' });
    const cells = await report.locator('tbody tr').first().locator('td').allInnerTexts();
    expect(cells.slice(0, 2)).toEqual(['3', 'date']);
    expect(cells[2]).toMatch(/^date must be a day from today \(\d{2}-\d{2}-\d{4}\) to 60 days ahead/);
    expect(await report.locator('tbody tr').count()).toBe(1);
    expect(await sessionsAt(demoCentre)).toBe(before);
    await screenshot(page, 'staff-en-1280-planning-upload-report');

    // The file fixed, all of it goes in.
    const fixed = [csvColumns.sessions.join(','), row(freeDay)].join('\n');
    await page.getByLabel('Sessions CSV file').setInputFiles({ name: 'sessions.csv', mimeType: 'text/csv', buffer: Buffer.from(fixed) });
    await page.getByRole('button', { name: 'Upload sessions' }).click();
    await expect.poll(() => focusedId(page), eventually).toBe('upload-sessions-result');
    expect(await page.getByRole('status').filter({ hasText: '1 session imported.' }).count()).toBe(1);
    expect(await page.locator('.planning-report').count()).toBe(0);
    expect(await sessionsAt(demoCentre)).toBe(before + 1);
    expect(problems).toEqual([]);
  });
});

describe('the upload page\'s example files', () => {
  it('name exactly the columns the server takes, and read as CSV', () => {
    expect([...csvColumns.centres].sort()).toEqual([...centreColumns.required, ...centreColumns.optional].sort());
    expect([...csvColumns.sessions].sort()).toEqual([...sessionColumns.required, ...sessionColumns.optional].sort());
    for (const [kind, columns] of [['centres', centreColumns], ['sessions', sessionColumns]] as const) {
      const { rows, problems } = readCsv(exampleFile(kind), columns);
      expect(problems, kind).toEqual([]);
      expect(rows.length, kind).toBe(2);
    }
  });
});

const texts = {
  en: { save: 'Save centre', saveSession: 'Save session', upload: 'Upload centres', show: 'Show centres', saveVaccine: 'Save vaccine' },
  hi: { save: 'केंद्र सहेजें', saveSession: 'सेशन सहेजें', upload: 'केंद्र अपलोड करें', show: 'केंद्र दिखाएँ', saveVaccine: 'टीका सहेजें' },
} as const;

/** axe finds nothing serious, nothing scrolls sideways, and (with TEEKA_SCREENSHOTS) a picture is kept. */
async function check(page: Page, language: 'en' | 'hi', name: string): Promise<void> {
  expect(await page.locator('html').getAttribute('lang')).toBe(language);
  expect(await seriousViolations(page), `${name} (${language})`).toEqual([]);
  expect(await horizontalOverflow(page), `${name} scrolls sideways (${language})`).toBe(0);
  await screenshot(page, `staff-${language}-360-planning-${name}`);
}

describe('planning pages (axe-core: no serious or critical violations; no sideways scrolling at 360 px)', () => {
  const width = 360;
  for (const language of ['en', 'hi'] as const) {
    const words = texts[language];

    it(`hold in ${language} for a district administrator: centres, the centre form with errors, a centre, the session form with errors, the catalogue, an upload report`, async () => {
      const { page, problems } = await pages.openSignedIn('district_admin', `district:${MUMBAI}`, { language, width });
      await page.goto(`${url}/staff/planning`);
      await page.locator('.planning-card').first().waitFor();
      await check(page, language, 'centres');
      await page.goto(`${url}/staff/planning/centres/new`);
      await page.getByRole('button', { name: words.save }).click();
      await page.locator('#centre-name-error').waitFor();
      await page.locator('#centre-fee-type-Paid').check();
      await page.locator('#centre-vaccine-0').check();
      await check(page, language, 'centre-form-errors');
      await page.goto(`${url}/staff/planning/centres/${demoCentre}`);
      await page.locator('.planning-days .planning-card').first().waitFor();
      await check(page, language, 'centre');
      await page.goto(`${url}/staff/planning/centres/${demoCentre}/sessions/new`);
      await page.locator('#session-slots').waitFor();
      await page.getByRole('button', { name: words.saveSession }).click();
      await page.locator('#session-date-error').waitFor();
      await check(page, language, 'session-form-errors');
      await page.goto(`${url}/staff/planning/vaccines`);
      await page.locator('.planning-card').first().waitFor();
      await check(page, language, 'vaccines');
      await page.goto(`${url}/staff/planning/upload`);
      const wrong = `${csvColumns.centres.join(',')}\nX,"12, Colaba Causeway, Colaba",${MUMBAI},Colaba,110001,18.9067,72.8147,09:00,17:00,Govt,Free,COVISHIELD;ZYCOV-D\n`;
      await page.locator('#upload-centres').setInputFiles({ name: 'centres.csv', mimeType: 'text/csv', buffer: Buffer.from(wrong) });
      await page.getByRole('button', { name: words.upload }).click();
      await page.locator('.planning-report').waitFor();
      expect(await page.locator('.planning-report tbody tr').count()).toBe(3);
      await check(page, language, 'upload-report');
      expect(problems).toEqual([]);
    }, PAGE_WALK_TIMEOUT);

    it(`hold in ${language} for a national administrator: choosing a district, editing a vaccine with an error`, async () => {
      const { page, problems } = await pages.openSignedIn('national_admin', 'nation', { language, width });
      await page.goto(`${url}/staff/planning`);
      await page.locator('#choose-state option[value="21"]').waitFor({ state: 'attached' });
      await page.getByRole('button', { name: words.show }).click();
      await page.locator('#choose-state-error').waitFor();
      await check(page, language, 'choose-district');
      await page.locator('#choose-state').selectOption(String(MAHARASHTRA));
      await page.locator(`#choose-district option[value="${MUMBAI}"]`).waitFor({ state: 'attached' });
      await page.locator('#choose-district').selectOption(String(MUMBAI));
      await page.getByRole('button', { name: words.show }).click();
      await page.locator('.planning-card').first().waitFor();
      expect(new URL(page.url()).search).toBe(`?state=${MAHARASHTRA}&district=${MUMBAI}`);
      await page.goto(`${url}/staff/planning/vaccines/COVAXIN`);
      await page.locator('#vaccine-dose2-after-days').fill('');
      await page.getByRole('button', { name: words.saveVaccine }).click();
      await page.locator('#vaccine-dose2-after-days-error').waitFor();
      await check(page, language, 'vaccine-form-errors');
      expect(problems).toEqual([]);
    }, PAGE_WALK_TIMEOUT);
  }
});

describe('the vaccine catalogue', () => {
  it('lets the national administrator lower a cap, which lowers private fees above it, and shows others the catalogue read-only', async () => {
    const { page, problems } = await pages.openSignedIn('national_admin', 'nation');
    await page.goto(`${url}/staff/planning/vaccines`);
    await page.getByRole('link', { name: 'Edit SPUTNIK V' }).click();
    await expect.poll(() => heading(page), eventually).toBe('Edit SPUTNIK V');
    await page.getByLabel('EU DCC product (mp)').fill('');
    await page.getByRole('button', { name: 'Save vaccine' }).click();
    await expect.poll(() => focusedId(page), eventually).toBe('vaccine-eu-dcc-mp');
    await page.getByLabel('EU DCC product (mp)').fill('Sputnik-V');
    const cap = page.getByLabel('Price cap at private centres, in rupees per dose');
    await cap.fill(String(Number(await cap.inputValue()) - 1));
    await page.getByRole('button', { name: 'Save vaccine' }).click();
    await expect.poll(() => heading(page), eventually).toBe('Vaccine catalogue');
    await page.getByRole('status').filter({ hasText: 'SPUTNIK V saved.' }).waitFor();

    const reader = await pages.openSignedIn('state_admin', `state:${MAHARASHTRA}`);
    await reader.page.goto(`${url}/staff/planning/vaccines`);
    await reader.page.getByRole('heading', { name: 'SPUTNIK V' }).waitFor();
    expect(await reader.page.getByRole('link', { name: /^Edit/ }).count()).toBe(0);
    expect(await reader.page.locator('main').innerText()).toContain('Only the national administrator changes the catalogue.');
    expect([...problems, ...reader.problems]).toEqual([]);
  });
});

describe('a centre administrator', () => {
  it('goes straight to their own centre, may edit it but not who runs it, and uploads sessions only', async () => {
    const { page, problems } = await pages.openSignedIn('facility_admin', `facility:${demoCentre}`);
    await page.goto(`${url}/staff/planning`);
    await expect.poll(() => new URL(page.url()).pathname, eventually).toBe(`/staff/planning/centres/${demoCentre}`);
    await page.locator('.planning-details').waitFor();
    expect(await page.getByRole('link', { name: /^All centres in/ }).count()).toBe(0);
    await page.getByRole('link', { name: 'Edit centre details' }).click();
    await page.getByLabel('Centre name').waitFor();
    expect(await page.getByRole('radio', { name: 'Government' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Save centre' }).click();
    await expect.poll(() => page.getByRole('alert').filter({ hasText: 'Nothing has changed' }).count(), eventually).toBe(1);
    await page.getByRole('navigation', { name: 'Planning' }).getByRole('link', { name: 'Upload CSV' }).click();
    await page.getByLabel('Sessions CSV file').waitFor();
    expect(await page.getByLabel('Centres CSV file').count()).toBe(0);
    expect(problems).toEqual([]);
  });
});
