import { sql } from 'kysely';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayInIndia, type IsoDate } from '../../src/core/calendar-date.js';
import { signedInStaff } from '../api/staff/sign-in.js';
import { openSession, type OpenSession } from '../support/booking-fixtures.js';
import { aadhaarFor, bearer, latestOtp, loginAs } from '../support/citizen.js';
import { seedInstant } from '../support/database.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { PAGE_WALK_TIMEOUT, seriousViolations } from './axe.js';
import { eventually } from './browser-page.js';
import { horizontalOverflow, screenshot } from './citizen-fixtures.js';
import { staffPages } from './staff-fixtures.js';

/**
 * Walk-in registration and adverse events (web/src/staff/walk-in, web/src/staff/aefi) against the
 * real app. The server's clock stands still, so an event's onset (which must fall between the dose
 * and "now") needs the clock moved on after the dose; codes texted to people are read from the
 * outbox, as the person would read them from their phone.
 */
let t: TestApp;
let url: string;
let today: IsoDate;
let session: OpenSession;
let batchId: string;
let districtId: number;
let stateId: number;
const pages = staffPages();

let nextMobile = 9_734_600_000;
let nextSeed = 77_000;
const newMobile = () => String((nextMobile += 1));

beforeAll(async () => {
  t = await createTestApp();
  url = await pages.start(t);
  today = todayInIndia(seedInstant());
  session = await openSession(t.database.db, today, 50);
  // Planning sets a session's walk-in share; the seeded sessions have none.
  await sql`UPDATE vaccination_session SET walk_in_capacity = 20, walk_ins = 0 WHERE id = ${session.id}`.execute(t.database.db);
  const admin = await signedInStaff(t, 'facility_admin', `facility:${session.facilityId}`);
  const batch = await admin.browser.post(`/api/staff/centre/facilities/${session.facilityId}/batches`, {
    vaccine: session.vaccine, batch_number: 'WALK-AEFI-1', expires_on: addDays(today, 90), quantity: 50,
  });
  if (batch.statusCode !== 201) throw new Error(`batch: ${batch.body}`);
  batchId = batch.json().id;
  districtId = (await t.services.facilities.findById(session.facilityId))!.districtId;
  stateId = t.services.geography.placeOf(districtId)!.stateId;
});

afterAll(async () => {
  await pages.close();
  await t?.close();
});

const centre = () => `facility:${session.facilityId}`;
const heading = (page: Page) => page.getByRole('heading', { level: 1 }).textContent();
const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');

/** `minutes` before the server's now, as the date and time inputs take it (India time). */
function indiaDateTime(minutesAgo: number): { date: string; time: string } {
  const ist = new Date(t.clock.now().getTime() - minutesAgo * 60_000 + 330 * 60_000).toISOString();
  return { date: ist.slice(0, 10), time: ist.slice(11, 16) };
}

/** A person booked online and vaccinated here through the API, with a minor event reported: something for the lists. */
async function reportedCaseByApi(): Promise<string> {
  const vaccinatorApi = (await signedInStaff(t, 'vaccinator', centre())).browser;
  const mobile = newMobile();
  const token = await loginAs(t.app, t.outbox, mobile);
  const aadhaar = aadhaarFor((nextSeed += 1));
  const registered = await t.app.inject({
    method: 'POST', url: '/api/v2/registration/beneficiary/new', headers: bearer(token),
    payload: { name: 'Api Person', birth_year: '1980', gender_id: 1, photo_id_type: 1, photo_id_number: aadhaar },
  });
  const referenceId = registered.json().beneficiary_reference_id as string;
  const booked = await t.app.inject({
    method: 'POST', url: '/api/v2/appointment/schedule', headers: bearer(token),
    payload: { session_id: session.id, slot: session.slots[0], beneficiaries: [referenceId] },
  });
  const code = /Security code ref \.\.\d{4}: (\d{4})/.exec(t.outbox.list().find((m) => m.to === mobile)!.text)![1]!;
  const appointment = await t.database.db.selectFrom('appointment').select('id')
    .where('booking_id', '=', booked.json().appointment_confirmation_no).executeTakeFirstOrThrow();
  await vaccinatorApi.post('/api/staff/centre/encounters', { appointment_id: appointment.id, security_code: code });
  const dose = await vaccinatorApi.post('/api/staff/centre/doses', { appointment_id: appointment.id, batch_id: batchId, photo_id_last4: aadhaar.slice(8) });
  if (dose.statusCode !== 201) throw new Error(`dose: ${dose.body}`);
  t.clock.advance(10 * 60_000);
  const report = await vaccinatorApi.post('/api/staff/aefi/reports', {
    appointment_id: appointment.id, severity: 'minor', onset_at: new Date(t.clock.now().getTime() - 5 * 60_000).toISOString(),
    symptoms: ['fever'], outcome: 'recovering',
  });
  if (report.statusCode !== 201) throw new Error(`report: ${report.body}`);
  return report.json().case_id as string;
}

describe('a walk-in at the centre, an adverse event after their dose, and the district following it', () => {
  const walkIn = { mobile: '', uvci: '' };

  it('registers with the code from their phone, records the dose, reports the event; the district sees it and follows it up', async () => {
    const mobile = newMobile();
    const aadhaar = aadhaarFor((nextSeed += 1));
    const { page, problems } = await pages.openSignedIn('vaccinator', centre());
    await page.goto(`${url}/staff`);
    await page.getByRole('navigation', { name: 'Staff console' }).getByRole('link', { name: 'Walk-in registration' }).click();
    await expect.poll(() => heading(page), eventually).toBe('Register a walk-in');

    // Step 1: the mobile; the code goes to it, and the page never shows the number again.
    await page.getByLabel('Mobile number', { exact: true }).fill('12345');
    await page.getByRole('button', { name: 'Send code to this mobile' }).click();
    await expect.poll(() => page.locator('#walk-in-mobile-error').textContent(), eventually).toContain('10-digit Indian mobile number');
    await page.getByLabel('Mobile number', { exact: true }).fill(mobile);
    await page.getByRole('button', { name: 'Send code to this mobile' }).click();
    await expect.poll(() => focusedId(page), eventually).toBe('walk-in-otp');
    expect(await page.getByRole('status').filter({ hasText: 'A code has been sent by SMS' }).count()).toBe(1);
    expect(await page.locator('main').innerText()).not.toContain(mobile);
    expect(await page.locator('main input').evaluateAll((inputs, number) => inputs.some((i) => (i as HTMLInputElement).value === number), mobile)).toBe(false);
    const otp = latestOtp(t.outbox, mobile);

    // Step 2: a wrong code counts against the code, and says so next to its field.
    await page.getByLabel('Code the person reads out').fill(otp === '000000' ? '111111' : '000000');
    await page.locator(`#walk-in-session-${session.id}`).check();
    await page.getByLabel('Full name').fill('Meena Kumari');
    await page.getByLabel('Year of birth').fill('1975');
    await page.getByLabel('Female').check();
    await page.getByLabel('Photo ID number').fill(aadhaar);
    await page.locator('#consent').check();
    await page.getByRole('button', { name: 'Register and go to the dose' }).click();
    await expect.poll(() => page.locator('#walk-in-otp-error').textContent(), eventually).toBe('That code does not match. 2 tries left; ask the person to read the SMS again.');
    await expect.poll(() => focusedId(page), eventually).toBe('walk-in-otp');
    await page.getByLabel('Code the person reads out').fill(otp);
    await page.getByRole('button', { name: 'Register and go to the dose' }).click();

    // The visit goes on at today's list, at the dose step: the code already opened the record.
    await expect.poll(() => heading(page), eventually).toBe('Vaccinate Meena Kumari');
    await expect.poll(() => focusedId(page), eventually).toBe('dose-heading');
    expect(new URL(page.url()).pathname).toMatch(/^\/staff\/day\/[0-9a-f-]{36}$/);
    await page.getByLabel('Vaccine batch').locator(`option[value="${batchId}"]`).waitFor({ state: 'attached' });
    await page.getByLabel('Last 4 characters of the photo ID').fill(aadhaar.slice(8));
    await page.getByLabel('Vaccine batch').selectOption(batchId);
    await page.getByRole('button', { name: 'Record dose 1' }).click();
    await expect.poll(() => focusedId(page), eventually).toBe('done-heading');
    Object.assign(walkIn, { mobile, uvci: (await page.locator('#certificate-id').textContent())! });
    expect(t.outbox.list().some((m) => m.to === mobile && /reference ID \d{14}/.test(m.text))).toBe(true);

    // Ten minutes later the person feels unwell (staff sessions end after 15 idle minutes): the record is still open from the visit.
    t.clock.advance(10 * 60_000);
    await page.getByRole('navigation', { name: 'Staff console' }).getByRole('link', { name: 'Adverse events (AEFI)' }).click();
    await expect.poll(() => heading(page), eventually).toBe('Adverse events after vaccination');
    await page.getByRole('link', { name: 'Report an adverse event' }).click();
    await expect.poll(() => heading(page), eventually).toBe('Report an adverse event');
    await page.getByLabel('Here, today').check();
    await page.getByLabel(`XXXX-XXXX-${aadhaar.slice(8)}`).check();
    const onset = indiaDateTime(5);
    await page.locator('#aefi-severity-serious').check();
    await page.getByLabel('Date the symptoms began').fill(onset.date);
    await page.getByLabel('Time the symptoms began').fill(onset.time);
    await page.getByLabel('Anaphylaxis').check();
    await page.getByLabel('In hospital').check();
    await page.getByLabel('Notes', { exact: true }).fill('Husband on 98765 43210');
    await page.getByRole('button', { name: 'Report the event' }).click();
    await expect.poll(() => page.locator('#aefi-notes-error').textContent(), eventually).toContain('looks like a phone or ID number');
    await expect.poll(() => focusedId(page), eventually).toBe('aefi-notes');
    await page.getByLabel('Notes', { exact: true }).fill('Adrenaline 0.5 mg IM given; referred to the district hospital.');
    await page.getByRole('button', { name: 'Report the event' }).click();

    // Back on the centre's list, which counts it among the serious cases.
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'The adverse event has been reported as case' }).count(), eventually).toBe(1);
    const notice = (await page.getByRole('status').filter({ hasText: 'reported as case' }).textContent())!;
    const label = /case ([0-9A-F]{8})/.exec(notice)![1]!;
    const card = page.getByRole('article', { name: `Case ${label}` });
    await card.waitFor();
    expect(await card.innerText()).toContain('Serious');
    expect(await card.innerText()).toContain('In hospital');
    await expect.poll(() => page.getByLabel('Serious (1)').count(), eventually).toBe(1);
    expect(await page.locator('main').innerText()).not.toContain('Meena');
    await card.getByRole('link', { name: `Open case ${label}` }).click();
    await expect.poll(() => heading(page), eventually).toBe(`Case ${label}`);
    expect(await page.locator('main').innerText()).toContain('Adrenaline 0.5 mg IM');
    expect(await page.getByRole('heading', { name: 'Record a follow-up' }).count()).toBe(0);
    expect(problems).toEqual([]);

    // The district administrator sees it in the district's list, and records how it went on.
    const district = await pages.openSignedIn('district_admin', `district:${districtId}`);
    await district.page.goto(`${url}/staff/aefi`);
    const districtCard = district.page.getByRole('article', { name: `Case ${label}` });
    await districtCard.waitFor();
    expect(await districtCard.innerText()).toContain(String(session.facilityId));
    // A click, not check(): the radio follows the URL, which a loaded machine may update after check() looks.
    await district.page.getByLabel(/^Serious \(/).click();
    await expect.poll(() => new URL(district.page.url()).searchParams.get('severity'), eventually).toBe('serious');
    await districtCard.waitFor();
    await districtCard.getByRole('link', { name: `Open case ${label}` }).click();
    await expect.poll(() => heading(district.page), eventually).toBe(`Case ${label}`);
    await district.page.getByLabel('Recovered', { exact: true }).check();
    await district.page.getByLabel('Severity now').selectOption('severe');
    await district.page.getByRole('button', { name: 'Save the follow-up' }).click();
    await expect.poll(() => district.page.getByRole('status').filter({ hasText: 'The follow-up has been saved.' }).count(), eventually).toBe(1);
    expect(await district.page.locator('.aefi-history > li').count()).toBe(2);
    expect(await district.page.locator('.aefi-history > li').last().innerText()).toContain('Recovered');
    await district.page.getByRole('link', { name: 'Back to the cases' }).click();
    await expect.poll(() => new URL(district.page.url()).searchParams.get('severity'), eventually).toBe('serious');
    await expect.poll(() => district.page.getByLabel(/^Severe \(1\)/).count(), eventually).toBe(1);
    expect(district.problems).toEqual([]);

    // A state administrator chooses the district first.
    const state = await pages.openSignedIn('state_admin', `state:${stateId}`);
    await state.page.goto(`${url}/staff/aefi`);
    await state.page.getByLabel('District').locator(`option[value="${districtId}"]`).waitFor({ state: 'attached' });
    await state.page.getByLabel('District').selectOption(String(districtId));
    await state.page.getByRole('button', { name: 'Show cases' }).click();
    await state.page.getByRole('article', { name: `Case ${label}` }).waitFor();
    expect(state.problems).toEqual([]);
  });

  it('reports an event at another centre on the person\'s return, with their certificate and a code to their mobile', async () => {
    expect(walkIn.uvci).toMatch(/^URN:UVCI:/);
    const { page, problems } = await pages.openSignedIn('facility_admin', `facility:${session.facilityId + 1}`);
    await page.goto(`${url}/staff/aefi/report`);
    await page.getByLabel('On another day, or at another centre').check();
    await page.getByLabel('Certificate ID').fill(walkIn.uvci);
    await page.getByRole('button', { name: 'Send code to their mobile' }).click();
    await expect.poll(() => focusedId(page), eventually).toBe('aefi-otp');
    expect(await page.locator('main').innerText()).not.toContain(walkIn.mobile);
    const otp = latestOtp(t.outbox, walkIn.mobile);
    expect(t.outbox.list()[0]!.text).toContain('report a reaction');
    await page.getByLabel('Code the person reads out').fill(otp);
    await page.getByRole('button', { name: 'Open record' }).click();
    await page.getByRole('status').filter({ hasText: 'Record opened.' }).waitFor();
    const onset = indiaDateTime(1);
    await page.locator('#aefi-severity-minor').check();
    await page.getByLabel('Date the symptoms began').fill(onset.date);
    await page.getByLabel('Time the symptoms began').fill(onset.time);
    await page.getByRole('checkbox', { name: 'Headache' }).check();
    await page.getByLabel('Recovering').check();
    await page.getByRole('button', { name: 'Report the event' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'reported as case' }).count(), eventually).toBe(1);
    const card = page.locator('.aefi-case').first();
    expect(await card.innerText()).toContain('Minor');
    expect(await card.innerText()).toContain('WALK-AEFI-1');
    expect(problems).toEqual([]);
  });
});

const texts = {
  en: { send: 'Send code to this mobile', register: 'Register and go to the dose', report: 'Report the event', save: 'Save the follow-up' },
  hi: { send: 'इस मोबाइल पर कोड भेजें', register: 'रजिस्टर करें और खुराक पर जाएँ', report: 'घटना दर्ज करें', save: 'आगे की जानकारी सहेजें' },
} as const;

/** axe finds nothing serious, nothing scrolls sideways, and (with TEEKA_SCREENSHOTS) a picture is kept. */
async function check(page: Page, language: 'en' | 'hi', name: string): Promise<void> {
  expect(await page.locator('html').getAttribute('lang')).toBe(language);
  expect(await seriousViolations(page), `${name} (${language})`).toEqual([]);
  expect(await horizontalOverflow(page), `${name} scrolls sideways (${language})`).toBe(0);
  await screenshot(page, `staff-${language}-360-${name}`);
}

describe('walk-in and AEFI pages (axe-core: no serious or critical violations; no sideways scrolling at 360 px)', () => {
  let caseId: string;
  beforeAll(async () => {
    caseId = await reportedCaseByApi();
  });

  for (const language of ['en', 'hi'] as const) {
    const words = texts[language];

    it(`hold in ${language}: both walk-in steps with their errors, the report form with errors, a case with its follow-up form`, async () => {
      const vaccinator = await pages.openSignedIn('vaccinator', centre(), { language, width: 360 });
      const { page } = vaccinator;
      await page.goto(`${url}/staff/walk-in`);
      await page.getByRole('button', { name: words.send }).click();
      await page.locator('#walk-in-mobile-error').waitFor();
      await expect.poll(() => focusedId(page), eventually).toBe('walk-in-mobile');
      await check(page, language, 'walk-in-mobile-error');
      await page.locator('#walk-in-mobile').fill(newMobile());
      await page.getByRole('button', { name: words.send }).click();
      await page.locator('#walk-in-otp').waitFor();
      await page.getByRole('button', { name: words.register }).click();
      await page.locator('#walk-in-otp-error').waitFor();
      await page.locator('#name-error').waitFor();
      await expect.poll(() => focusedId(page), eventually).toBe('walk-in-otp');
      await check(page, language, 'walk-in-details-errors');

      await page.goto(`${url}/staff/aefi/report`);
      await page.locator('#aefi-where-today').check();
      await page.locator('input[name="aefi-dose"]').first().check();
      await page.getByRole('button', { name: words.report }).click();
      await page.locator('#aefi-severity-error').waitFor();
      await expect.poll(() => focusedId(page), eventually).toBe('aefi-severity-minor');
      await check(page, language, 'aefi-report-errors');
      await page.locator('#aefi-where-certificate').check();
      await page.locator('#aefi-certificate').waitFor();
      await check(page, language, 'aefi-report-certificate');
      await page.goto(`${url}/staff/aefi`);
      await page.locator('.aefi-case').first().waitFor();
      await check(page, language, 'aefi-centre-list');
      expect(vaccinator.problems).toEqual([]);

      const admin = await pages.openSignedIn('facility_admin', centre(), { language, width: 360 });
      await admin.page.goto(`${url}/staff/aefi/cases/${caseId}`);
      await admin.page.getByRole('button', { name: words.save }).click();
      await admin.page.locator('#follow-up-outcome-error').waitFor();
      await check(admin.page, language, 'aefi-case-follow-up-errors');
      expect(admin.problems).toEqual([]);

      const national = await pages.openSignedIn('national_admin', 'nation', { language, width: 360 });
      await national.page.goto(`${url}/staff/aefi?state=${stateId}&district=${districtId}`);
      await national.page.locator('.aefi-case').first().waitFor();
      await check(national.page, language, 'aefi-district-list');
      expect(national.problems).toEqual([]);
    }, PAGE_WALK_TIMEOUT);
  }
});
