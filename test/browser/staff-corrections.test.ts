import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayInIndia, type IsoDate } from '../../src/core/calendar-date.js';
import type { StaffRole, StaffScope } from '../../src/modules/access/schema.js';
import { openSession, type OpenSession } from '../support/booking-fixtures.js';
import { aadhaarFor, bearer, loginAs } from '../support/citizen.js';
import { seedInstant } from '../support/database.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { PAGE_WALK_TIMEOUT, seriousViolations } from './axe.js';
import { eventually } from './browser-page.js';
import { horizontalOverflow, screenshot, visit, type CitizenPageOptions } from './citizen-fixtures.js';
import { staffPages, type SignedInPage } from './staff-fixtures.js';

/**
 * The correction-request queue (web/src/staff/corrections, decision 0011) against the real app: a
 * citizen asks through the API, a district administrator of the district where the person is
 * booked decides in the console, and the citizen's own correction page shows the decision.
 */
let t: TestApp;
let url: string;
let today: IsoDate;
let session: OpenSession;
let districtId: number;
const pages = staffPages();

beforeAll(async () => {
  t = await createTestApp();
  url = await pages.start(t);
  today = todayInIndia(seedInstant());
  session = await openSession(t.database.db, today, 50);
  districtId = (await t.database.db.selectFrom('facility').select('district_id').where('id', '=', session.facilityId).executeTakeFirstOrThrow()).district_id;
});

afterAll(async () => {
  await pages.close();
  await t?.close();
});

let nextMobile = 9_845_600_000;
let nextSeed = 52_000;

interface Requester {
  mobile: string;
  token: string;
  referenceId: string;
  appointmentId: string;
  securityCode: string;
  aadhaar: string;
}

/** A citizen registered as `name` and booked today at the test centre, which puts their requests in its district. */
async function bookedCitizen(name: string): Promise<Requester> {
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
  const appointment = await t.database.db.selectFrom('appointment').select('id')
    .where('booking_id', '=', booked.json().appointment_confirmation_no).executeTakeFirstOrThrow();
  const sms = t.outbox.list().find((m) => m.to === mobile && m.text.includes('Security code'));
  const securityCode = /Security code ref \.\.\d{4}: (\d{4})/.exec(sms?.text ?? '')?.[1];
  if (!securityCode) throw new Error('no security code in the outbox');
  return { mobile, token, referenceId, appointmentId: appointment.id, securityCode, aadhaar };
}

let staffCount = 0;
const actor = (staffId: string, role: StaffRole, scope: StaffScope) => ({ kind: 'staff' as const, staffId, role, scope, sessionId: 'test-session' });

/** Dose 1 recorded at the centre, as its staff would: the person has a certificate to reissue afterwards. */
async function vaccinate(citizen: Requester): Promise<void> {
  const scope: StaffScope = { level: 'facility', facilityId: session.facilityId };
  const admin = await t.services.staff.addAccount({ username: `corrections-admin-${(staffCount += 1)}`, role: 'facility_admin', scope });
  const vaccinator = await t.services.staff.addAccount({ username: `corrections-vax-${(staffCount += 1)}`, role: 'vaccinator', scope });
  const batch = await t.services.stock.receiveBatch(actor(admin.id, 'facility_admin', scope), session.facilityId, {
    vaccine: session.vaccine, batchNumber: `CORR-WEB-${staffCount}`, expiresOn: addDays(today, 30), quantity: 5,
  });
  await t.services.encounters.openWithSecurityCode(actor(vaccinator.id, 'vaccinator', scope), citizen.appointmentId, citizen.securityCode);
  await t.services.doses.recordDose(actor(vaccinator.id, 'vaccinator', scope), { appointmentId: citizen.appointmentId, batchId: batch.id, photoIdLast4: citizen.aadhaar.slice(-4) });
}

async function raise(citizen: Requester, field: string, requestedValue: string | number, reason: string): Promise<string> {
  const res = await t.app.inject({
    method: 'POST', url: '/api/citizen/corrections', headers: bearer(citizen.token),
    payload: { beneficiary_reference_id: citizen.referenceId, field, requested_value: requestedValue, reason },
  });
  if (res.statusCode !== 201) throw new Error(`correction: ${res.body}`);
  return res.json().id as string;
}

/** A console page signed in as a district administrator of the test centre's district. */
function openAsReviewer(options: CitizenPageOptions = {}): Promise<SignedInPage> {
  return pages.openSignedIn('district_admin', `district:${districtId}`, options);
}

const heading = (page: Page) => page.getByRole('heading', { level: 1 }).textContent();
const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');
const cardOf = (page: Page, requestId: string) => page.getByRole('article').filter({ hasText: requestId });
const accessHistory = async (citizen: Requester) =>
  (await t.app.inject({ url: '/api/citizen/my-data', headers: bearer(citizen.token) })).json().access_history as { purpose: string | null; actor: string; type: string }[];

describe('a district administrator decides a correction request', () => {
  it('rejects one with a reason, which the citizen then reads on their correction page', async () => {
    const citizen = await bookedCitizen('Asha Devi');
    const requestId = await raise(citizen, 'name', 'Asha Rani', 'My name is Asha Rani, as on my Aadhaar card');
    const { page, problems } = await openAsReviewer();

    await page.goto(`${url}/staff`);
    await page.getByRole('navigation', { name: 'Staff console' }).getByRole('link', { name: 'Correction requests' }).click();
    await expect.poll(() => heading(page), eventually).toBe('Correction requests');
    const card = cardOf(page, requestId);
    await card.waitFor();
    // The queue says what and where, never who, and warns before the recorded read.
    expect(await card.getByRole('heading', { level: 2 }).textContent()).toBe('Name');
    expect(await card.innerText()).toContain('Opening this request is recorded and shown to the citizen.');
    expect(await page.locator('main').innerText()).not.toMatch(/Asha|Aadhaar/);
    expect((await accessHistory(citizen)).some((e) => e.purpose === 'correction-review')).toBe(false);

    await card.getByRole('link', { name: /^Open request/ }).click();
    await expect.poll(() => heading(page), eventually).toBe('Correction request: Name');
    expect(await page.locator('#current-value').textContent()).toBe('Asha Devi');
    expect(await page.locator('#requested-value').textContent()).toBe('Asha Rani');
    expect(await page.locator('main').innerText()).toContain('My name is Asha Rani, as on my Aadhaar card');
    expect(await accessHistory(citizen)).toContainEqual(expect.objectContaining({ type: 'access.granted', actor: 'staff', purpose: 'correction-review' }));

    // A rejection needs a reason the citizen will read.
    await page.getByRole('button', { name: 'Reject', exact: true }).click();
    await expect.poll(() => page.locator('#reject-reason-error').textContent(), eventually).toBe('Write the reason the citizen will read.');
    await expect.poll(() => focusedId(page), eventually).toBe('reject-reason');
    const reason = 'Your Aadhaar card says Asha Devi. Bring the card to the centre if your name has changed.';
    await page.getByLabel('Reason for rejecting').fill(reason);
    await page.getByRole('button', { name: 'Reject', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Reject this request?' });
    await dialog.waitFor();
    expect(await dialog.innerText()).toContain(reason);
    // Focus starts on the safe choice.
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('No, go back');
    await dialog.getByRole('button', { name: 'Yes, reject' }).click();

    await expect.poll(() => heading(page), eventually).toBe('Correction requests');
    expect(new URL(page.url()).pathname).toBe('/staff/corrections');
    await page.getByRole('status').filter({ hasText: 'Request rejected (Name).' }).waitFor();
    await page.locator('.correction-queue, .empty-state').first().waitFor();
    expect(await cardOf(page, requestId).count()).toBe(0);
    expect(problems).toEqual([]);

    const own = await pages.open({ token: citizen.token });
    await visit(own.page, url, `/family/${citizen.referenceId}/correction`);
    const earlier = own.page.locator(`#correction-${requestId}`);
    await earlier.waitFor();
    const shown = await earlier.innerText();
    expect(shown).toContain('Name: Not accepted');
    expect(shown).toContain('Decided on');
    expect(shown).toContain('The officer’s reason:');
    expect(await earlier.locator('blockquote').textContent()).toBe(reason);
    expect(own.problems).toEqual([]);
  });

  it('approves one, which reissues the certificate, and the citizen sees it corrected', async () => {
    const citizen = await bookedCitizen('Ravi Kumar');
    await vaccinate(citizen);
    const requestId = await raise(citizen, 'birth_year', '1984', 'Typed 1985 by mistake');
    const { page, problems } = await openAsReviewer();

    await page.goto(`${url}/staff/corrections`);
    await cardOf(page, requestId).getByRole('link', { name: /^Open request/ }).click();
    await expect.poll(() => heading(page), eventually).toBe('Correction request: Year of birth');
    expect(await page.locator('#current-value').textContent()).toBe('1985');

    // Escape keeps things as they are.
    await page.getByRole('button', { name: 'Approve', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Approve this correction?' });
    await dialog.waitFor();
    expect(await dialog.innerText()).toContain('Year of birth: “1985” becomes “1984”.');
    expect(await dialog.innerText()).toContain('Every certificate of this person is revoked and issued again');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => focusedId(page), eventually).toBe('approve-request');
    expect((await t.database.db.selectFrom('correction_request').select('status').where('id', '=', requestId).executeTakeFirstOrThrow()).status).toBe('open');

    await page.getByRole('button', { name: 'Approve', exact: true }).click();
    await dialog.getByRole('button', { name: 'Yes, approve' }).click();
    await expect.poll(() => heading(page), eventually).toBe('Correction requests');
    await page.getByRole('status').filter({ hasText: 'Request approved (Year of birth): the record is corrected and 1 certificate was issued again.' }).waitFor();
    expect(problems).toEqual([]);

    const own = await pages.open({ token: citizen.token });
    await visit(own.page, url, `/family/${citizen.referenceId}/correction`);
    const earlier = own.page.locator(`#correction-${requestId}`);
    await earlier.waitFor();
    expect(await earlier.innerText()).toContain('Year of birth: Corrected');
    expect(await earlier.innerText()).toContain('it has been issued again with the correction');
    const myData = (await t.app.inject({ url: '/api/citizen/my-data', headers: bearer(citizen.token) })).json();
    expect(myData.members[0].birth_year).toBe(1984);
    expect(own.problems).toEqual([]);
  });

  it('asks first when a request is reached by its address rather than from the queue', async () => {
    const citizen = await bookedCitizen('Meena Iyer');
    const requestId = await raise(citizen, 'gender', 1, 'I am not female');
    const { page, problems } = await openAsReviewer();
    await page.goto(`${url}/staff/corrections/${requestId}`);
    await expect.poll(() => heading(page), eventually).toBe('Open this request?');
    expect(await page.locator('main').innerText()).toContain('Opening this request is recorded and shown to the citizen.');
    expect((await accessHistory(citizen)).some((e) => e.purpose === 'correction-review')).toBe(false);
    await page.getByRole('button', { name: 'Open request' }).click();
    await expect.poll(() => heading(page), eventually).toBe('Correction request: Gender');
    expect(await page.locator('#current-value').textContent()).toBe('Female');
    expect(await page.locator('#requested-value').textContent()).toBe('Male');

    // One outside the reviewer's area, or none at all, reads as absent.
    await page.goto(`${url}/staff/corrections/00000000-0000-4000-8000-000000000000`);
    await page.getByRole('button', { name: 'Open request' }).click();
    await page.getByRole('alert').filter({ hasText: 'There is no open request with this number in your area.' }).waitFor();
    expect(problems).toEqual([]);
  });
});

const words = {
  en: { open: /^Open request/, reject: 'Reject', approve: 'Approve', heading: 'Correction requests', ask: 'Open request' },
  hi: { open: /^अनुरोध खोलें/, reject: 'अस्वीकार करें', approve: 'स्वीकार करें', heading: 'सुधार के अनुरोध', ask: 'अनुरोध खोलें' },
} as const;

/** axe finds nothing serious, nothing scrolls sideways, and (with TEEKA_SCREENSHOTS) a picture is kept. */
async function check(page: Page, language: 'en' | 'hi', name: string): Promise<void> {
  expect(await page.locator('html').getAttribute('lang')).toBe(language);
  expect(await seriousViolations(page), `${name} (${language})`).toEqual([]);
  expect(await horizontalOverflow(page), `${name} scrolls sideways (${language})`).toBe(0);
  await screenshot(page, `staff-${language}-360-${name}`);
}

describe('the correction pages (axe-core: no serious or critical violations; no sideways scrolling at 360 px)', () => {
  for (const language of ['en', 'hi'] as const) {
    it(`hold in ${language}: queue, the question before opening, a request with an error, both dialogs, the citizen's decided request`, async () => {
      const w = words[language];
      const citizen = await bookedCitizen(`Sunita Ramachandran Iyer ${language.toUpperCase()}`);
      const photoId = await raise(citizen, 'photo_id', aadhaarFor((nextSeed += 1)), 'The last digits were typed in the wrong order when I registered at the centre');
      const { page, problems, api } = await openAsReviewer({ language, width: 360 });

      await page.goto(`${url}/staff/corrections`);
      await expect.poll(() => heading(page), eventually).toBe(w.heading);
      await cardOf(page, photoId).waitFor();
      await check(page, language, 'corrections-queue');

      await page.goto(`${url}/staff/corrections/${photoId}`);
      await page.getByRole('button', { name: w.ask }).waitFor();
      await check(page, language, 'corrections-ask');
      await page.getByRole('button', { name: w.ask }).click();
      await page.locator('#requested-value').waitFor();
      await page.getByRole('button', { name: w.reject, exact: true }).click();
      await page.locator('#reject-reason-error').waitFor();
      await check(page, language, 'corrections-review-error');

      await page.getByRole('button', { name: w.approve, exact: true }).click();
      await page.getByRole('dialog').waitFor();
      await check(page, language, 'corrections-approve-dialog');
      await page.keyboard.press('Escape');
      await page.getByRole('dialog').waitFor({ state: 'detached' });
      await page.locator('#reject-reason').fill('Please bring the Aadhaar card to the centre.');
      await page.getByRole('button', { name: w.reject, exact: true }).click();
      await page.getByRole('dialog').waitFor();
      await check(page, language, 'corrections-reject-dialog');
      expect(problems).toEqual([]);

      // Decided through the API; the citizen's page shows the decision and the reason.
      const other = await raise(citizen, 'name', 'Sunita R. Iyer', 'Short form');
      const rejected = await api.post(`/api/staff/corrections/${other}/reject`, { reason: 'कृपया केंद्र पर अपना आधार कार्ड लाएँ।' });
      expect(rejected.statusCode).toBe(200);
      const own = await pages.open({ token: citizen.token, language, width: 360 });
      await visit(own.page, url, `/family/${citizen.referenceId}/correction`);
      await own.page.locator(`#correction-${other} blockquote`).waitFor();
      await check(own.page, language, 'citizen-correction-decided');
      // "My data" shows the same decision, with the officer's words.
      await visit(own.page, url, '/my-data');
      const decided = own.page.locator('section[aria-labelledby="corrections-heading"] blockquote');
      await expect.poll(() => decided.allTextContents(), eventually).toEqual(['कृपया केंद्र पर अपना आधार कार्ड लाएँ।']);
      await check(own.page, language, 'citizen-my-data-decided');
      expect(own.problems).toEqual([]);
    }, PAGE_WALK_TIMEOUT);
  }
});
