import fs from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { CalendarCenter, CalendarResponse, CalendarSession } from '../../src/api/cowin-v2/schema.js';
import { addDays, todayInIndia, toCowinDate } from '../../web/src/dates.js';
import { aadhaarFor, sha256 } from '../support/citizen.js';
import { launchChromium, openPage, type WatchedPage } from './browser-page.js';
import { MUMBAI } from './demo-calendar.js';

/** Where the web app keeps the login (web/src/citizen/session.ts): sessionStorage, never localStorage. */
export const TOKEN_KEY = 'teeka.citizen.token';

/**
 * Mobiles for one test file. Each test gets its own: the server sends one OTP a minute per number,
 * and a fresh number is a fresh account with an empty family.
 */
export function mobiles(first: number): () => string {
  let next = first;
  return () => String((next += 1));
}

/** The 6 digits of the newest SMS to `mobile` in the development outbox (newest first). */
export async function otpFromOutbox(baseUrl: string, mobile: string): Promise<string> {
  const response = await fetch(`${baseUrl}/__dev/outbox`);
  const messages = (await response.json()) as { to: string; text: string }[];
  const otp = /\b(\d{6})\b/.exec(messages.find((m) => m.to === mobile)?.text ?? '')?.[1];
  if (!otp) throw new Error(`no OTP for ${mobile} in the outbox`);
  return otp;
}

async function postJson(baseUrl: string, path: string, body: unknown, token?: string): Promise<Response> {
  return fetch(`${baseUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
}

/** Logs in through the API, for tests about what comes after the login page. */
export async function logInByApi(baseUrl: string, mobile: string): Promise<string> {
  const sent = await postJson(baseUrl, '/api/v2/auth/generateMobileOTP', { mobile });
  if (!sent.ok) throw new Error(`generateMobileOTP: ${sent.status} ${await sent.text()}`);
  const { txnId } = (await sent.json()) as { txnId: string };
  const confirmed = await postJson(baseUrl, '/api/v2/auth/validateMobileOtp', { txnId, otp: sha256(await otpFromOutbox(baseUrl, mobile)) });
  if (!confirmed.ok) throw new Error(`validateMobileOtp: ${confirmed.status} ${await confirmed.text()}`);
  return ((await confirmed.json()) as { token: string }).token;
}

export async function addMemberByApi(baseUrl: string, token: string, member: { name: string; birthYear: number; seed: number }): Promise<string> {
  const response = await postJson(baseUrl, '/api/v2/registration/beneficiary/new', {
    name: member.name, birth_year: String(member.birthYear), gender_id: 2, photo_id_type: 1,
    photo_id_number: aadhaarFor(member.seed), comorbidity_ind: 'N', consent_version: 'V1',
  }, token);
  if (!response.ok) throw new Error(`register: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { beneficiary_reference_id: string }).beneficiary_reference_id;
}

/** Mumbai's live calendar for the week from today, as the booking page asks for it. */
export async function liveMumbai(baseUrl: string, token: string): Promise<CalendarCenter[]> {
  const response = await fetch(
    `${baseUrl}/api/v2/appointment/sessions/calendarByDistrict?district_id=${MUMBAI.districtId}&date=${toCowinDate(todayInIndia())}`,
    { headers: { authorization: `Bearer ${token}` } },
  );
  if (!response.ok) throw new Error(`calendarByDistrict: ${response.status}`);
  return ((await response.json()) as CalendarResponse).centers;
}

export function cowinDayFromToday(days: number): string {
  return toCowinDate(addDays(todayInIndia(), days));
}

/**
 * The first session (in the API's order, which the page keeps) on `date` that someone born in
 * `birthYear` may take for dose 1 and that has a seat.
 */
export function firstDose1Session(centres: readonly CalendarCenter[], birthYear: number, accept: (date: string) => boolean): { centre: CalendarCenter; session: CalendarSession } {
  for (const centre of centres) {
    for (const session of centre.sessions) {
      const age = Number(session.date.slice(6)) - birthYear;
      const fits = age >= session.min_age_limit && (session.max_age_limit === undefined || age <= session.max_age_limit);
      if (accept(session.date) && fits && session.available_capacity_dose1 > 0) return { centre, session };
    }
  }
  throw new Error('no bookable dose-1 session in Mumbai');
}

export async function bookByApi(baseUrl: string, token: string, referenceId: string, choice: { centre: CalendarCenter; session: CalendarSession }): Promise<string> {
  const response = await postJson(baseUrl, '/api/v2/appointment/schedule', {
    dose: 1, session_id: choice.session.session_id, slot: choice.session.slots[0], beneficiaries: [referenceId], center_id: choice.centre.center_id,
  }, token);
  if (!response.ok) throw new Error(`schedule: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { appointment_confirmation_no: string }).appointment_confirmation_no;
}

export interface CitizenPageOptions {
  token?: string;
  language?: 'en' | 'hi';
  width?: number;
}

/** A page in a fresh context, already logged in when given a token, in the language asked for. */
export async function openCitizenPage(browser: Browser, options: CitizenPageOptions = {}): Promise<WatchedPage> {
  const width = options.width ?? 1280;
  const phone = width < 600 ? { isMobile: true, hasTouch: true } : {};
  // bypassCSP: axe arrives as an inline script, which the server's CSP rightly refuses.
  const watched = await openPage(browser, { viewport: { width, height: width < 600 ? 740 : 900 }, bypassCSP: true, acceptDownloads: true, ...phone });
  await watched.page.addInitScript(({ token, language, key }) => {
    localStorage.setItem('teeka.language', language);
    if (token && !sessionStorage.getItem(`${key}.seeded`)) {
      // Only once: a test that logs out must not be logged back in by the next navigation.
      sessionStorage.setItem(key, token);
      sessionStorage.setItem(`${key}.seeded`, 'y');
    }
  }, { token: options.token, language: options.language ?? 'en', key: TOKEN_KEY });
  return watched;
}

/** Chromium for one test file and the pages the file opens in it (each with openCitizenPage). */
export interface BrowserPages {
  /** Starts Chromium: in the file's beforeAll, while the app starts. */
  launch(): Promise<void>;
  open(options?: CitizenPageOptions): Promise<WatchedPage>;
  /** Every page opened, then Chromium: in the file's afterAll, before the app stops. */
  close(): Promise<void>;
}

export function browserPages(): BrowserPages {
  let browser: Browser | undefined;
  const pages: WatchedPage[] = [];
  return {
    async launch() {
      browser = await launchChromium();
    },
    async open(options = {}) {
      if (!browser) throw new Error('launch Chromium before opening a page');
      const watched = await openCitizenPage(browser, options);
      pages.push(watched);
      return watched;
    },
    async close() {
      await Promise.all(pages.map((p) => p.close()));
      await browser?.close();
    },
  };
}

/**
 * Opens an app route. The server answers only `/` with the app (it has no fallback for client
 * routes yet: a deep link such as /family is a JSON 404), so load `/` and move there the way a link
 * click would, through the History API.
 */
export async function visit(page: Page, baseUrl: string, path: string): Promise<void> {
  // Once the app is loaded, moving on costs no reload (and keeps axe, once injected, in the page).
  if (!page.url().startsWith(baseUrl)) await page.goto(`${baseUrl}/`);
  if (path === '/') return;
  await page.evaluate((to) => {
    history.pushState(null, '', to);
    dispatchEvent(new PopStateEvent('popstate'));
  }, path);
}

/** No page in the context scrolls sideways: what a 360 px phone must never do. */
export function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/** Set TEEKA_SCREENSHOTS=<dir> to keep a picture of each state a test names, for a person to look at. */
export async function screenshot(page: Page, name: string): Promise<void> {
  const dir = process.env.TEEKA_SCREENSHOTS;
  if (!dir) return;
  await fs.mkdir(dir, { recursive: true });
  const width = page.viewportSize()?.width ?? 1280;
  // The top of a long page is what needs looking at; a 40,000 px strip of calendar cannot be read.
  const height = Math.min(await page.evaluate(() => document.documentElement.scrollHeight), width < 600 ? 2200 : 1600);
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true, clip: { x: 0, y: 0, width, height } });
}
