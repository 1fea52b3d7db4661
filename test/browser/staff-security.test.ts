import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { todayInIndia } from '../../src/core/calendar-date.js';
import { nationalAdmin, registerPartner } from '../api/partners/partner-fixtures.js';
import { signedInStaff, type StaffBrowser } from '../api/staff/sign-in.js';
import { createFamily } from '../support/booking-fixtures.js';
import { bearer } from '../support/citizen.js';
import { seedInstant } from '../support/database.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { seriousViolations } from './axe.js';
import { eventually, launchChromium, type WatchedPage } from './browser-page.js';
import { horizontalOverflow, openCitizenPage, screenshot, type CitizenPageOptions } from './citizen-fixtures.js';

/**
 * The security console (web/src/staff/security, decision 0015) against the real app, with
 * detection as in production: vaccinators who name appointments at other centres are suspended
 * through the API, and an auditor reinstates one and acknowledges alerts, by keyboard, at 360 px,
 * in English and Hindi.
 */
let t: TestApp;
let url: string;
let browser: Browser;
const pages: WatchedPage[] = [];
const suspended: string[] = [];
let elsewhereAppointment: string;
let homeFacility: number;

beforeAll(async () => {
  t = await createTestApp({ config: { detection: { ...loadConfig({}).detection, autoSuspend: true } } });
  t.clock.set(`${todayInIndia(seedInstant())}T09:00:00+05:30`);
  [url, browser] = await Promise.all([t.app.listen({ host: '127.0.0.1', port: 0 }), launchChromium()]);
  const sessions = await t.database.db.selectFrom('vaccination_session').select(['id', 'facility_id', 'slots']).where('date', '=', todayInIndia(seedInstant()))
    .where('min_age_limit', '=', 18).where('max_age_limit', 'is', null).orderBy('id').execute();
  homeFacility = sessions[0]!.facility_id;
  // An appointment at another centre: all a stolen login needs to name (its id, from a leaked list).
  elsewhereAppointment = await bookAt(sessions.find((s) => s.facility_id !== homeFacility)!);
  for (let i = 0; i < 2; i += 1) {
    const { browser: vaccinator, account } = await signedInStaff(t, 'vaccinator', `facility:${homeFacility}`);
    await vaccinator.post('/api/staff/centre/encounters', { appointment_id: elsewhereAppointment, security_code: '0000' });
    suspended.push(account.username);
  }
});

afterAll(async () => {
  await Promise.all(pages.map((p) => p.close()));
  await browser?.close();
  await t?.close();
});

/** A booking at the session, through the citizen API. */
async function bookAt(session: { id: string; slots: string[] }): Promise<string> {
  // The demo seed fills some sessions, which ones depending on the day: give this one free seats.
  await t.database.db.updateTable('vaccination_session').set({ capacity_dose1: 10, booked_dose1: 0 }).where('id', '=', session.id).execute();
  const family = await createFamily(t, 1);
  const booked = await t.app.inject({
    method: 'POST', url: '/api/v2/appointment/schedule', headers: bearer(family.token),
    payload: { session_id: session.id, slot: session.slots[0], beneficiaries: family.referenceIds },
  });
  if (booked.statusCode !== 200) throw new Error(`booking at ${session.id} refused: ${booked.body}`);
  return (await t.database.db.selectFrom('appointment').select('id').where('booking_id', '=', booked.json().appointment_confirmation_no).executeTakeFirstOrThrow()).id;
}

async function openAs(role: string, scope: string, options: CitizenPageOptions = {}): Promise<WatchedPage & { api: StaffBrowser }> {
  const staff = await signedInStaff(t, role, scope);
  const watched = await openCitizenPage(browser, options);
  pages.push(watched);
  await watched.page.context().addCookies([{ name: 'teeka_staff', value: staff.browser.sessionToken!, url, httpOnly: true, sameSite: 'Strict' }]);
  return { ...watched, api: staff.browser };
}

const heading = (page: Page) => page.getByRole('heading', { level: 1 }).textContent();
const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');

async function check(page: Page, language: 'en' | 'hi', name: string): Promise<void> {
  expect(await page.locator('html').getAttribute('lang')).toBe(language);
  expect(await seriousViolations(page), `${name} (${language})`).toEqual([]);
  expect(await horizontalOverflow(page), `${name} scrolls sideways (${language})`).toBe(0);
  await screenshot(page, `staff-${language}-360-${name}`);
}

describe('an auditor in the security console', () => {
  it('finds it in the menu, reinstates a suspended vaccinator with a reason and acknowledges the alert, by keyboard', async () => {
    const { page, problems } = await openAs('auditor', 'nation', { width: 360 });
    await page.goto(`${url}/staff`);
    await page.getByRole('navigation', { name: 'Staff console' }).getByRole('link', { name: 'Security alerts' }).click();
    await expect.poll(() => heading(page), eventually).toBe('Security alerts');
    await page.getByText('2 open alerts.').waitFor();
    await page.getByText('2 credentials are suspended.').waitFor();
    await check(page, 'en', 'security');

    const card = page.getByRole('article').filter({ has: page.getByRole('heading', { name: new RegExp(`^${suspended[0]!} `) }) });
    const reason = card.getByLabel('Why may it act again?');
    await reason.focus();
    await page.keyboard.type('typo');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await card.getByText('Write at least 10 characters: say what your review found.').waitFor();
    const reasonId = await reason.getAttribute('id');
    await expect.poll(() => focusedId(page)).toBe(reasonId);
    await check(page, 'en', 'security-reason-error');

    await page.keyboard.type(' in the appointment id, checked with the centre in charge');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.getByRole('status').getByText(`${suspended[0]!} (Vaccinator) is reinstated and may sign in again.`).waitFor();
    await page.getByText('1 credential is suspended.').waitFor();

    const acknowledge = page.getByRole('button', { name: new RegExp(`^Acknowledge the alert “Outside jurisdiction” about ${suspended[0]!} `) });
    await acknowledge.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('status').getByText('Alert acknowledged.').waitFor();
    await page.getByText('1 open alert.').waitFor();

    // The acknowledged alert is still there under "All alerts".
    await page.getByRole('radio', { name: 'All alerts' }).focus();
    await page.keyboard.press('Space');
    await expect.poll(() => page.getByRole('article').filter({ hasText: 'Acknowledged' }).count(), eventually).toBe(1);
    await check(page, 'en', 'security-all');
    expect(problems).toEqual([]);
  });

  it('reads in Hindi', async () => {
    const { page, problems } = await openAs('auditor', 'nation', { width: 360, language: 'hi' });
    await page.goto(`${url}/staff/security`);
    await expect.poll(() => heading(page), eventually).toBe('सुरक्षा अलर्ट');
    await page.getByText('1 खाता निलंबित है।').waitFor();
    await page.getByText('देख लिया', { exact: true }).first().waitFor();
    await check(page, 'hi', 'security');
    expect(problems).toEqual([]);
  });

  it('names a suspended partner by its registered name', async () => {
    const partner = await registerPartner(t, await nationalAdmin(t), { name: 'Sehat Wallet' });
    const { beneficiary_id: person } = await t.database.db.selectFrom('appointment').select('beneficiary_id').where('id', '=', elsewhereAppointment).executeTakeFirstOrThrow();
    // Reads without a consent until the denials rule suspends the partner.
    for (let i = 0; i < 10; i += 1) {
      await t.services.access.authorize({ kind: 'partner', partnerId: partner.id, tokenId: 'stolen' }, { subject: { kind: 'beneficiary', id: person }, purpose: 'partner-consent', fields: ['vaccination_status'] })
        .catch(() => undefined);
    }
    const { page, problems } = await openAs('auditor', 'nation', { width: 360 });
    await page.goto(`${url}/staff/security`);
    await page.getByRole('heading', { level: 3, name: 'Sehat Wallet (partner)' }).waitFor();
    await page.getByRole('button', { name: /^Acknowledge the alert “Many refused requests” about Sehat Wallet \(partner\)$/ }).waitFor();
    expect(problems).toEqual([]);
  });
});

describe('anyone else', () => {
  it('has no such section: a vaccinator is told it is not for their role', async () => {
    const { page } = await openAs('vaccinator', `facility:${homeFacility}`);
    await page.goto(`${url}/staff`);
    await page.getByRole('navigation', { name: 'Staff console' }).waitFor();
    expect(await page.getByRole('link', { name: 'Security alerts' }).count()).toBe(0);
    await page.goto(`${url}/staff/security`);
    await expect.poll(() => heading(page), eventually).toBe('Not available for your role');
  });
});
