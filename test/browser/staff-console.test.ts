import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayInIndia, type IsoDate } from '../../src/core/calendar-date.js';
import { freshCode, signedInStaff } from '../api/staff/sign-in.js';
import { openSession, type OpenSession } from '../support/booking-fixtures.js';
import { aadhaarFor, bearer, loginAs } from '../support/citizen.js';
import { seedInstant } from '../support/database.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { PAGE_WALK_TIMEOUT, seriousViolations } from './axe.js';
import { eventually } from './browser-page.js';
import { horizontalOverflow, screenshot, type CitizenPageOptions } from './citizen-fixtures.js';
import { staffPages, type SignedInPage } from './staff-fixtures.js';

/**
 * The staff console (web/src/staff) against the real app. The server's clock stands still, so a
 * TOTP code works once per 30-second step: `freshCode` moves the clock on when a secret needs a
 * second code. The test that waits out the idle timeout moves it 15 minutes, so it runs last.
 */
let t: TestApp;
let url: string;
let today: IsoDate;
let session: OpenSession;
let batchId: string;
const pages = staffPages();

beforeAll(async () => {
  t = await createTestApp();
  url = await pages.start(t);
  today = todayInIndia(seedInstant());
  session = await openSession(t.database.db, today, 50);
  // Stock comes in through the API, as a centre administrator would receive it.
  const admin = await signedInStaff(t, 'facility_admin', `facility:${session.facilityId}`);
  const batch = await admin.browser.post(`/api/staff/centre/facilities/${session.facilityId}/batches`, {
    vaccine: session.vaccine, batch_number: 'WEB-001', expires_on: addDays(today, 90), quantity: 10,
  });
  if (batch.statusCode !== 201) throw new Error(`batch: ${batch.body}`);
  batchId = batch.json().id;
});

afterAll(async () => {
  await pages.close();
  await t?.close();
});

let nextMobile = 9_834_500_000;
let nextSeed = 41_000;

interface BookedCitizen {
  mobile: string;
  token: string;
  referenceId: string;
  aadhaar: string;
  securityCode: string;
}

/** A citizen who registers `name` and books today's session at the test centre, through the API. */
async function bookedCitizen(name: string): Promise<BookedCitizen> {
  const mobile = String((nextMobile += 1));
  const token = await loginAs(t.app, t.outbox, mobile);
  const aadhaar = aadhaarFor((nextSeed += 1));
  const registered = await t.app.inject({
    method: 'POST', url: '/api/v2/registration/beneficiary/new', headers: bearer(token),
    payload: { name, birth_year: '1985', gender_id: 2, photo_id_type: 1, photo_id_number: aadhaar, comorbidity_ind: 'N' },
  });
  if (registered.statusCode !== 200) throw new Error(`register: ${registered.body}`);
  const referenceId = registered.json().beneficiary_reference_id as string;
  const booked = await t.app.inject({
    method: 'POST', url: '/api/v2/appointment/schedule', headers: bearer(token),
    payload: { session_id: session.id, slot: session.slots[0], beneficiaries: [referenceId] },
  });
  if (booked.statusCode !== 200) throw new Error(`schedule: ${booked.body}`);
  const sms = t.outbox.list().find((m) => m.to === mobile && m.text.includes('Security code'));
  const securityCode = /Security code ref \.\.\d{4}: (\d{4})/.exec(sms?.text ?? '')?.[1];
  if (!securityCode) throw new Error('no security code in the outbox');
  return { mobile, token, referenceId, aadhaar, securityCode };
}

/** A page already signed in as `role`: the session cookie the API sign-in got, as the browser would hold it. */
function openSignedIn(role: string, options: CitizenPageOptions = {}, scope = role === 'auditor' ? 'nation' : `facility:${session.facilityId}`): Promise<SignedInPage> {
  return pages.openSignedIn(role, scope, options);
}

const heading = (page: Page) => page.getByRole('heading', { level: 1 }).textContent();
const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');

/** Nothing about the session is kept where a script or the next user of the computer could read it. */
async function storedKeys(page: Page): Promise<string[]> {
  return page.evaluate(() => [...Object.keys(localStorage), ...Object.keys(sessionStorage)].filter((key) => key !== 'teeka.language'));
}

describe('a vaccinator\'s day, from first sign-in to a certificate the verify page accepts', () => {
  it('enrols TOTP, sets a password, opens a record with the code and records the dose', async () => {
    const citizen = await bookedCitizen('Kavita Joshi');
    const created = await t.services.staff.addAccount({ username: 'vaccinator.journey', role: 'vaccinator', scope: `facility:${session.facilityId}` });
    const oneTimePassword = created.oneTimePassword.reveal();
    const { page, problems } = await pages.open();

    // Signed out, the console opens on its sign-in page.
    await page.goto(`${url}/staff`);
    await expect.poll(() => heading(page), eventually).toBe('Staff sign-in');
    expect(new URL(page.url()).pathname).toBe('/staff/login');
    expect(await page.getByRole('link', { name: 'Log in' }).count()).toBe(0);

    await page.getByLabel('Username').fill('vaccinator.journey');
    await page.getByLabel('Password').fill(oneTimePassword);
    await page.getByRole('button', { name: 'Sign in' }).click();

    // First sign-in: the QR code, and the same secret as a key to type.
    await page.getByRole('heading', { name: 'Set up your authenticator app' }).waitFor();
    const qr = page.getByRole('img', { name: 'QR code for your authenticator app' });
    expect(await qr.getAttribute('src')).toMatch(/^data:image\/svg\+xml/);
    const secret = (await page.locator('#setup-key').textContent())!.replace(/\s+/g, '');
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    await screenshot(page, 'staff-enrol');
    await page.getByLabel('6-digit code').fill('000000');
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect.poll(() => page.locator('#totp-code-error').textContent(), eventually).toContain('Wrong code');
    await expect.poll(() => focusedId(page), eventually).toBe('totp-code');
    await page.getByLabel('6-digit code').fill(freshCode(t, secret));
    await page.getByRole('button', { name: 'Continue' }).click();

    // The one-time password must be replaced before anything else opens.
    await expect.poll(() => heading(page), eventually).toBe('Choose your own password');
    expect(new URL(page.url()).pathname).toBe('/staff/password');
    await page.getByLabel('One-time password').fill(oneTimePassword);
    await page.getByLabel('New password', { exact: true }).fill('monsoon lantern pickle 42');
    await page.getByLabel('New password again').fill('monsoon lantern pickle 42');
    await page.getByRole('button', { name: 'Save password' }).click();
    await expect.poll(() => heading(page), eventually).toBe('Staff console');
    await page.getByText('Your password has been changed.').waitFor();
    const home = await page.locator('main').innerText();
    expect(home).toContain('Vaccinator');
    expect(home).toContain('Today’s vaccinations');
    expect(home).not.toContain('Audit log check');

    // Today's list, and the person's record opened with the code on their slip.
    await page.getByRole('navigation', { name: 'Staff console' }).getByRole('link', { name: 'Today’s vaccinations' }).click();
    const card = page.getByRole('article', { name: 'Kavita Joshi' });
    await card.waitFor();
    const masked = `XXXX-XXXX-${citizen.aadhaar.slice(8)}`;
    expect(await card.innerText()).toContain(masked);
    expect(await page.locator('main').innerText()).not.toContain(citizen.aadhaar);
    await card.getByRole('link', { name: /^Open record/ }).click();
    await expect.poll(() => heading(page), eventually).toBe('Vaccinate Kavita Joshi');

    await page.getByLabel('Security code').fill(citizen.securityCode === '0000' ? '1111' : '0000');
    await page.getByRole('button', { name: 'Open record', exact: true }).click();
    await expect.poll(() => page.locator('#security-code-error').textContent(), eventually)
      .toBe('That code does not match this appointment. 2 tries left; or send an OTP to their mobile instead.');
    await expect.poll(() => focusedId(page), eventually).toBe('security-code');
    await page.getByLabel('Security code').fill(citizen.securityCode);
    await page.getByRole('button', { name: 'Open record', exact: true }).click();
    await expect.poll(() => focusedId(page), eventually).toBe('dose-heading');

    // The photo ID is checked by the server; the batch comes from this centre's stock.
    await page.getByLabel('Vaccine batch').locator(`option[value="${batchId}"]`).waitFor({ state: 'attached' });
    await page.getByLabel('Last 4 characters of the photo ID').fill(citizen.aadhaar.slice(8) === '0000' ? '1111' : '0000');
    await page.getByLabel('Vaccine batch').selectOption(batchId);
    await page.getByRole('button', { name: 'Record dose 1' }).click();
    await expect.poll(() => page.locator('#photo-last4-error').textContent(), eventually)
      .toBe('These do not match the photo ID registered for this person. Check the ID card again.');
    await expect.poll(() => focusedId(page), eventually).toBe('photo-last4');
    await page.getByLabel('Last 4 characters of the photo ID').fill(citizen.aadhaar.slice(8));
    await page.getByRole('button', { name: 'Record dose 1' }).click();
    await expect.poll(() => focusedId(page), eventually).toBe('done-heading');
    expect(await page.locator('.panel--done').innerText()).toContain('Dose 1 of');
    const uvci = (await page.locator('#certificate-id').textContent())!;
    expect(uvci).toMatch(/^URN:UVCI:/);
    await screenshot(page, 'staff-dose-recorded');

    // The list now shows them vaccinated, without their name.
    await page.getByRole('link', { name: 'Back to today’s list' }).last().click();
    await page.getByLabel('Vaccinated (1)').check();
    await page.getByRole('article', { name: 'Vaccinated person (name no longer shown)' }).waitFor();
    expect(await page.locator('main').innerText()).not.toContain('Kavita Joshi');
    expect(await storedKeys(page)).toEqual([]);

    // The citizen downloads the certificate, and the public verify page accepts its QR text.
    const pdf = await fetch(`${url}/api/v2/registration/certificate/public/download?beneficiary_reference_id=${citizen.referenceId}`, { headers: bearer(citizen.token) });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');
    const certificate = await fetch(`${url}/api/citizen/certificates/${citizen.referenceId}`, { headers: bearer(citizen.token) });
    const body = await certificate.text();
    expect(certificate.status, body).toBe(200);
    const { uvci: certificateUvci, eu_dcc: hc1 } = JSON.parse(body) as { uvci: string; eu_dcc: string };
    expect(certificateUvci).toBe(uvci);
    expect(hc1).toMatch(/^HC1:/);

    const checker = await pages.open();
    await checker.page.goto(`${url}/verify`);
    await checker.page.getByLabel('Text of the QR code', { exact: true }).fill(hc1);
    await checker.page.getByRole('button', { name: 'Check the certificate', exact: true }).click();
    await expect.poll(() => checker.page.locator('#verify-result-heading').textContent(), eventually).toContain('Valid certificate');
    expect(checker.problems).toEqual([]);

    // Signing out ends the session on the server too.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect.poll(() => heading(page), eventually).toBe('Staff sign-in');
    await page.getByText('You have signed out.').waitFor();
    const me = await page.evaluate(async () => (await fetch('/api/staff/me')).status);
    expect(me).toBe(401);
    expect(problems).toEqual([]);
  });
});

describe('without the slip', () => {
  it('opens the record with an OTP sent to the person\'s mobile, which they read out', async () => {
    const citizen = await bookedCitizen('Farhan Ali');
    const { page, problems } = await openSignedIn('vaccinator');
    await page.goto(`${url}/staff/day`);
    await page.getByRole('article', { name: 'Farhan Ali' }).getByRole('link', { name: /^Open record/ }).click();
    await expect.poll(() => heading(page), eventually).toBe('Vaccinate Farhan Ali');
    await page.getByRole('button', { name: 'Send OTP to their mobile' }).click();
    await expect.poll(() => focusedId(page), eventually).toBe('encounter-otp');
    expect(await page.getByRole('status').filter({ hasText: 'An OTP has been sent' }).count()).toBe(1);
    // The console never shows the mobile number; the code goes to the person's own phone.
    expect(await page.locator('main').innerText()).not.toContain(citizen.mobile);
    const otp = /your vaccination code is (\d{6})/.exec(t.outbox.list().find((m) => m.to === citizen.mobile)?.text ?? '')?.[1];
    expect(otp).toMatch(/^\d{6}$/);
    await page.getByLabel('OTP the person reads out').fill(otp!);
    await page.getByRole('button', { name: 'Open record with the OTP' }).click();
    await expect.poll(() => focusedId(page), eventually).toBe('dose-heading');
    expect(problems).toEqual([]);
  });
});

const texts = {
  en: {
    signIn: 'Sign in', continue: 'Continue', save: 'Save password', openRecord: 'Open record', record: 'Record dose 1',
    check: 'Check the audit log', receive: 'Receive batch', enrol: 'Set up your authenticator app', show: 'Show stock',
  },
  hi: {
    signIn: 'साइन इन करें', continue: 'आगे बढ़ें', save: 'पासवर्ड सहेजें', openRecord: 'रिकॉर्ड खोलें', record: 'खुराक 1 दर्ज करें',
    check: 'ऑडिट लॉग जाँचें', receive: 'बैच दर्ज करें', enrol: 'अपना ऑथेंटिकेटर ऐप सेट करें', show: 'स्टॉक दिखाएँ',
  },
} as const;

type Language = keyof typeof texts;

/** axe finds nothing serious, nothing scrolls sideways, and (with TEEKA_SCREENSHOTS) a picture is kept. */
async function check(page: Page, language: Language, name: string): Promise<void> {
  expect(await page.locator('html').getAttribute('lang')).toBe(language);
  expect(await seriousViolations(page), `${name} (${language})`).toEqual([]);
  expect(await horizontalOverflow(page), `${name} scrolls sideways (${language})`).toBe(0);
  await screenshot(page, `staff-${language}-360-${name}`);
}

describe('staff pages (axe-core: no serious or critical violations; no sideways scrolling at 360 px)', () => {
  const width = 360;
  for (const language of ['en', 'hi'] as const) {
    const words = texts[language];

    it(`hold in ${language}: sign-in with a wrong password, enrolment, the password page with errors`, async () => {
      const created = await t.services.staff.addAccount({ username: `vaccinator.axe-${language}`, role: 'vaccinator', scope: `facility:${session.facilityId}` });
      const { page, problems } = await pages.open({ language, width });
      await page.goto(`${url}/staff/login`);
      await page.locator('#staff-username').fill(`vaccinator.axe-${language}`);
      await page.locator('#staff-password').fill('not the password');
      await page.getByRole('button', { name: words.signIn }).click();
      await page.locator('#staff-password-error').waitFor();
      await expect.poll(() => focusedId(page), eventually).toBe('staff-password');
      await check(page, language, 'sign-in-error');
      await page.locator('#staff-password').fill(created.oneTimePassword.reveal());
      await page.getByRole('button', { name: words.signIn }).click();
      await page.getByRole('heading', { name: words.enrol }).waitFor();
      await check(page, language, 'enrol');
      const secret = (await page.locator('#setup-key').textContent())!.replace(/\s+/g, '');
      await page.locator('#totp-code').fill(freshCode(t, secret));
      await page.getByRole('button', { name: words.continue }).click();
      await page.locator('#new-password').waitFor();
      await page.getByRole('button', { name: words.save }).click();
      await page.locator('#current-password-error').waitFor();
      await check(page, language, 'password-errors');
      expect(problems).toEqual([]);
    }, PAGE_WALK_TIMEOUT);

    it(`hold in ${language}: a vaccinator's home, day, visit with a wrong code, dose form with errors, stock`, async () => {
      const name = `Axe Person ${language.toUpperCase()}`;
      const citizen = await bookedCitizen(name);
      const { page, problems } = await openSignedIn('vaccinator', { language, width });
      await page.goto(`${url}/staff`);
      await page.locator('.staff-sections').waitFor();
      await check(page, language, 'home');
      await page.goto(`${url}/staff/day`);
      await page.locator('.roster-card').first().waitFor();
      await check(page, language, 'day');
      await page.goto(`${url}/staff/day/${await appointmentIdOf(page, name)}`);
      await page.locator('#security-code').fill(citizen.securityCode === '0000' ? '1111' : '0000');
      await page.getByRole('button', { name: words.openRecord, exact: true }).click();
      await page.locator('#security-code-error').waitFor();
      await check(page, language, 'visit-wrong-code');
      await page.locator('#security-code').fill(citizen.securityCode);
      await page.getByRole('button', { name: words.openRecord, exact: true }).click();
      await page.locator(`#batch option[value="${batchId}"]`).waitFor({ state: 'attached' });
      await page.getByRole('button', { name: words.record }).click();
      await page.locator('#photo-last4-error').waitFor();
      await check(page, language, 'dose-errors');
      await page.goto(`${url}/staff/stock`);
      await page.locator('.batch').first().waitFor();
      await check(page, language, 'stock');
      expect(problems).toEqual([]);
    }, PAGE_WALK_TIMEOUT);

    it(`hold in ${language}: receiving a batch with every field empty, and the auditor's check`, async () => {
      const admin = await openSignedIn('facility_admin', { language, width });
      await admin.page.goto(`${url}/staff/stock`);
      await admin.page.getByRole('button', { name: words.receive }).click();
      await admin.page.locator('#new-vaccine-error').waitFor();
      await expect.poll(() => focusedId(admin.page), eventually).toBe('new-vaccine');
      await check(admin.page, language, 'receive-errors');
      await admin.page.locator('#new-vaccine').selectOption(session.vaccine);
      await admin.page.locator('#new-batch').fill(`axe-${language}-01`);
      await admin.page.locator('#new-expires').fill(addDays(today, 120));
      await admin.page.locator('#new-quantity').fill('25');
      await admin.page.getByRole('button', { name: words.receive }).click();
      await admin.page.locator('.batch', { hasText: `AXE-${language.toUpperCase()}-01` }).waitFor();
      expect(await admin.page.getByRole('status').filter({ hasText: `AXE-${language.toUpperCase()}-01` }).count()).toBe(1);
      const auditor = await openSignedIn('auditor', { language, width });
      await auditor.page.goto(`${url}/staff/audit`);
      await auditor.page.getByRole('button', { name: words.check }).click();
      await auditor.page.locator('.notice--done').waitFor();
      await check(auditor.page, language, 'audit');
      expect([...admin.problems, ...auditor.problems]).toEqual([]);
    }, PAGE_WALK_TIMEOUT);

    it(`hold in ${language}: a district administrator chooses the centre by name, and the receive form offers the catalogue`, async () => {
      const centre = await centreOfSession();
      const admin = await openSignedIn('district_admin', { language, width }, `district:${centre.districtId}`);
      await admin.page.goto(`${url}/staff/stock`);
      await admin.page.locator(`#choose-centre option[value="${session.facilityId}"]`).waitFor({ state: 'attached' });
      await admin.page.getByRole('button', { name: words.show }).click();
      await admin.page.locator('#choose-centre-error').waitFor();
      await expect.poll(() => focusedId(admin.page), eventually).toBe('choose-centre');
      await check(admin.page, language, 'stock-choose-centre');
      await admin.page.locator('#choose-centre').selectOption(String(session.facilityId));
      await admin.page.getByRole('button', { name: words.show }).click();
      await admin.page.locator('.batch', { hasText: 'WEB-001' }).waitFor();
      expect(new URL(admin.page.url()).search).toBe(`?centre=${session.facilityId}`);
      await expect.poll(() => admin.page.locator('#batches-heading').textContent(), eventually).toContain(centre.name);
      await admin.page.locator('#new-vaccine option').nth(1).waitFor({ state: 'attached' });
      const offered = await admin.page.locator('#new-vaccine option').evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
      expect(offered).toEqual(t.services.vaccines.list().map((v) => v.name));
      await check(admin.page, language, 'stock-chosen-centre');
      expect(admin.problems).toEqual([]);
    }, PAGE_WALK_TIMEOUT);
  }
});

/** The test centre's name, district and state, as the stock page's chooser needs them. */
async function centreOfSession(): Promise<{ name: string; districtId: number; stateId: number }> {
  const row = await t.database.db.selectFrom('facility').innerJoin('district', 'district.id', 'facility.district_id')
    .select(['facility.name', 'facility.district_id', 'district.state_id']).where('facility.id', '=', session.facilityId).executeTakeFirstOrThrow();
  return { name: row.name, districtId: row.district_id, stateId: row.state_id };
}

describe('the stock page for administrators above a centre', () => {
  it('opens the centre the planning page links to, with the district chosen, and nothing outside the area', async () => {
    const centre = await centreOfSession();
    const national = await openSignedIn('national_admin', {}, 'nation');
    await national.page.goto(`${url}/staff/stock?centre=${session.facilityId}`);
    await national.page.locator('.batch', { hasText: 'WEB-001' }).waitFor();
    await expect.poll(() => national.page.locator('#choose-district').inputValue(), eventually).toBe(String(centre.districtId));
    expect(await national.page.locator('#choose-state').inputValue()).toBe(String(centre.stateId));
    await expect.poll(() => national.page.locator('#choose-centre').inputValue(), eventually).toBe(String(session.facilityId));
    expect(await national.page.locator('.intro p').textContent()).toContain(centre.name);

    const elsewhere = await t.database.db.selectFrom('district').select('id').where('id', '!=', centre.districtId).orderBy('id').executeTakeFirstOrThrow();
    const outsider = await openSignedIn('district_admin', {}, `district:${elsewhere.id}`);
    await outsider.page.goto(`${url}/staff/stock?centre=${session.facilityId}`);
    await outsider.page.getByText('There is no centre with this ID in your area.').waitFor();
    expect(await outsider.page.locator('.batch').count()).toBe(0);
    expect(await outsider.page.getByRole('button', { name: 'Receive batch' }).count()).toBe(0);
    expect([...national.problems, ...outsider.problems]).toEqual([]);
  });
});

/** The appointment behind a roster card, from the link the card offers. */
async function appointmentIdOf(page: Page, name: string): Promise<string> {
  const href = await page.getByRole('article', { name }).getByRole('link').getAttribute('href');
  return href!.split('/').at(-1)!;
}

describe('by keyboard alone', () => {
  it('signs in with Tab, typing and Enter', async () => {
    const staff = await signedInStaff(t, 'vaccinator', `facility:${session.facilityId}`);
    const { page, problems } = await pages.open();
    await page.goto(`${url}/staff/login`);
    await expect.poll(() => heading(page), eventually).toBe('Staff sign-in');
    let tabs = 0;
    while ((await focusedId(page)) !== 'staff-username') {
      await page.keyboard.press('Tab');
      tabs += 1;
      expect(tabs, 'Tab presses to reach the username').toBeLessThanOrEqual(5);
    }
    expect(await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle)).not.toBe('none');
    await page.keyboard.type(staff.account.username);
    await page.keyboard.press('Tab');
    expect(await focusedId(page)).toBe('staff-password');
    await page.keyboard.type(staff.account.password);
    await page.keyboard.press('Enter');
    await expect.poll(() => focusedId(page), eventually).toBe('totp-code');
    await page.keyboard.type(freshCode(t, staff.account.totpSecret!));
    await page.keyboard.press('Enter');
    await expect.poll(() => heading(page), eventually).toBe('Staff console');
    expect(problems).toEqual([]);
  });
});

// Last: it moves the server's clock 15 minutes on.
describe('after 15 minutes without activity', () => {
  it('returns to sign-in with a message on the next request, and back to the page after signing in', async () => {
    const { page, problems, account } = await openSignedIn('vaccinator');
    await page.goto(`${url}/staff/day`);
    await expect.poll(() => heading(page), eventually).toBe('Today’s vaccinations');
    await page.locator('.roster-card').first().waitFor();

    t.clock.advance(15 * 60 * 1000);
    await page.getByRole('button', { name: 'Refresh the list' }).click();
    await expect.poll(() => heading(page), eventually).toBe('Staff sign-in');
    expect(new URL(page.url()).pathname).toBe('/staff/login');
    expect(await page.getByRole('alert').filter({ hasText: 'Your session has ended' }).count()).toBe(1);

    await page.getByLabel('Username').fill(account.username);
    await page.getByLabel('Password').fill(account.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByLabel('6-digit code').fill(freshCode(t, account.totpSecret!));
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect.poll(() => heading(page), eventually).toBe('Today’s vaccinations');
    expect(problems).toEqual([]);
  });
});
