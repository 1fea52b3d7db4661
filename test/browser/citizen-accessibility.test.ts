import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CalendarCenter, CalendarSession } from '../../src/api/cowin-v2/schema.js';
import { startTestServer } from '../support/test-server.js';
import { PAGE_WALK_TIMEOUT, seriousViolations } from './axe.js';
import { eventually, launchChromium, type WatchedPage } from './browser-page.js';
import {
  addMemberByApi, bookByApi, cowinDayFromToday, firstDose1Session, horizontalOverflow, liveMumbai, logInByApi, mobiles,
  openCitizenPage, screenshot, visit,
} from './citizen-fixtures.js';

let server: Awaited<ReturnType<typeof startTestServer>>;
let browser: Browser;
const pages: WatchedPage[] = [];
const nextMobile = mobiles(9_823_400_000);
let token: string;
let booked: string;
let waiting: string;
let appointmentId: string;
let pincode: string;

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer(), launchChromium()]);
  // One family with every kind of member card: one with an appointment, one still to book.
  token = await logInByApi(server.url, nextMobile());
  booked = await addMemberByApi(server.url, token, { name: 'Sunita Ramachandran Iyer', birthYear: 1978, seed: 301 });
  waiting = await addMemberByApi(server.url, token, { name: 'Arjun Das', birthYear: 1979, seed: 302 });
  const tomorrow = cowinDayFromToday(1);
  const mumbai = await liveMumbai(server.url, token);
  appointmentId = await bookByApi(server.url, token, booked, firstDose1Session(mumbai, 1978, (d) => d === tomorrow));
  pincode = variedPincode(mumbai);
});

afterAll(async () => {
  await Promise.all(pages.map((p) => p.close()));
  await browser?.close();
  await server?.close();
});

const texts = {
  en: { pin: 'PIN code', continue: 'Continue', getOtp: 'Get OTP', verify: 'Verify and log in', add: 'Add member', send: 'Send request', cancel: 'Cancel appointment' },
  hi: { pin: 'पिन कोड', continue: 'आगे बढ़ें', getOtp: 'OTP पाएँ', verify: 'जाँचें और लॉग इन करें', add: 'सदस्य जोड़ें', send: 'अनुरोध भेजें', cancel: 'अपॉइंटमेंट रद्द करें' },
} as const;

type Language = keyof typeof texts;

/** axe finds nothing serious, nothing scrolls sideways, and (with TEEKA_SCREENSHOTS) a picture is kept. */
async function check(page: Page, language: Language, width: number, name: string): Promise<void> {
  expect(await page.locator('html').getAttribute('lang')).toBe(language);
  expect(await seriousViolations(page), `${name} (${language}, ${width} px)`).toEqual([]);
  expect(await horizontalOverflow(page), `${name} scrolls sideways (${language}, ${width} px)`).toBe(0);
  await screenshot(page, `${language}-${width}-${name}`);
}

/**
 * axe checks each kind of element, and fifty centre cards add seconds but no coverage; so search a
 * PIN whose few centres show the most kinds (Paid and Free, sessions to choose and full ones) and
 * have a session both members may book.
 */
function variedPincode(centres: readonly CalendarCenter[]): string {
  const suits = (s: CalendarSession) => Number(s.date.slice(6)) - 1979 >= s.min_age_limit && s.max_age_limit === undefined;
  const score = (pin: number) => {
    const here = centres.filter((c) => c.pincode === pin);
    if (!here.some((c) => c.sessions.some((s) => suits(s) && s.available_capacity_dose1 > 0))) return -1;
    const kinds = new Set(here.flatMap((c) => [c.fee_type, ...c.sessions.map((s) => (s.available_capacity_dose1 > 0 ? 'open' : 'full'))]));
    return kinds.size * 10 - here.length;
  };
  const pins = [...new Set(centres.map((c) => c.pincode))];
  return String(pins.reduce((best, pin) => (score(pin) > score(best) ? pin : best), pins[0]!));
}

async function searchPin(page: Page, language: Language): Promise<void> {
  await page.getByLabel(texts[language].pin, { exact: true }).fill(pincode);
  await page.getByLabel(texts[language].pin, { exact: true }).press('Enter');
  await page.locator('.session--choice button').first().waitFor();
}

describe('citizen pages (axe-core: no serious or critical violations; no sideways scrolling)', () => {
  for (const language of ['en', 'hi'] as const) {
    it(`hold in ${language} on a 360 px phone, error states included`, async () => {
      const words = texts[language];
      const width = 360;

      // Login, and a wrong OTP.
      const anonymous = await openCitizenPage(browser, { language, width });
      pages.push(anonymous);
      const login = anonymous.page;
      await visit(login, server.url, '/login');
      await login.locator('#mobile').waitFor();
      await check(login, language, width, 'login');
      await login.locator('#mobile').fill(nextMobile());
      await login.getByRole('button', { name: words.getOtp }).click();
      await login.locator('#otp').fill('000000');
      await login.getByRole('button', { name: words.verify }).click();
      await login.locator('#otp-error').waitFor();
      await check(login, language, width, 'login-otp-error');

      const citizen = await openCitizenPage(browser, { token, language, width });
      pages.push(citizen);
      const { page, problems } = citizen;

      // The family, and the question before cancelling.
      await visit(page, server.url, '/family');
      await page.locator(`#appointment-${booked}`).waitFor();
      await check(page, language, width, 'family');
      await page.locator(`article[aria-labelledby="member-${booked}"]`).getByRole('button', { name: words.cancel }).click();
      await page.getByRole('dialog').waitFor();
      await check(page, language, width, 'family-cancel-dialog');
      await page.keyboard.press('Escape');
      await expect.poll(() => page.getByRole('dialog').count(), eventually).toBe(0);

      // Adding a member, with every field wrong.
      await visit(page, server.url, '/family/add');
      await page.locator('#photo_id_type option').nth(2).waitFor({ state: 'attached' });
      await page.getByRole('button', { name: words.add }).click();
      await page.locator('#name-error').waitFor();
      await check(page, language, width, 'add-member-errors');

      // Booking: the calendar, a slot (first forgetting to choose one), the last look.
      await visit(page, server.url, `/book/${waiting}`);
      await searchPin(page, language);
      await check(page, language, width, 'book-calendar');
      await page.locator('.session--choice button').first().click();
      await page.locator('#step-heading').waitFor();
      await page.getByRole('button', { name: words.continue }).click();
      await page.locator('#slot-error').waitFor();
      await check(page, language, width, 'book-slot');
      await page.locator('input[name="slot"]').first().check();
      await page.getByRole('button', { name: words.continue }).click();
      await page.locator('.step dl').waitFor();
      await check(page, language, width, 'book-confirm');

      // Rescheduling is the booking page again, with the current appointment on top.
      await visit(page, server.url, `/book/${booked}?reschedule=${appointmentId}`);
      await searchPin(page, language);
      expect(await horizontalOverflow(page)).toBe(0);

      // My data, and a correction request sent empty.
      await visit(page, server.url, '/my-data');
      await page.locator('#access-heading').waitFor();
      await check(page, language, width, 'my-data');
      await visit(page, server.url, `/family/${waiting}/correction`);
      await page.locator('#field-name').waitFor();
      await page.getByRole('button', { name: words.send }).click();
      await page.locator('#field-error').waitFor();
      await check(page, language, width, 'correction');
      expect(problems).toEqual([]);
    }, PAGE_WALK_TIMEOUT);

    // Forms and steps are one column at any width; the wide layout changes the family, the calendar and My data.
    it(`hold in ${language} on a 1280 px screen`, async () => {
      const width = 1280;
      const citizen = await openCitizenPage(browser, { token, language, width });
      pages.push(citizen);
      const { page, problems } = citizen;
      await visit(page, server.url, '/family');
      await page.locator(`#appointment-${booked}`).waitFor();
      await check(page, language, width, 'family');
      await visit(page, server.url, `/book/${waiting}`);
      await searchPin(page, language);
      await check(page, language, width, 'book-calendar');
      await visit(page, server.url, '/my-data');
      await page.locator('#access-heading').waitFor();
      await check(page, language, width, 'my-data');
      expect(problems).toEqual([]);
    }, PAGE_WALK_TIMEOUT);
  }
});
