import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../support/test-server.js';
import { seriousViolations } from './axe.js';
import { launchChromium, openPage, type WatchedPage } from './browser-page.js';
import { MUMBAI, mumbaiCalendar } from './demo-calendar.js';

let server: Awaited<ReturnType<typeof startTestServer>>;
let browser: Browser;
let pincode: string;
const pages: WatchedPage[] = [];

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer(), launchChromium()]);
  pincode = await variedPincode();
});

/**
 * axe checks each kind of element, and fifty copies of a centre card add time but no coverage; so
 * search a PIN whose few centres show the most kinds: Paid and Free, open and booked sessions.
 */
async function variedPincode(): Promise<string> {
  const centres = await mumbaiCalendar(server.url);
  const score = (pin: number) => {
    const here = centres.filter((c) => c.pincode === pin);
    const kinds = new Set(here.flatMap((c) => [
      c.fee_type,
      ...c.sessions.map((s) => (s.available_capacity_dose1 + s.available_capacity_dose2 > 0 ? 'open' : 'booked')),
    ]));
    return kinds.size;
  };
  const pins = [...new Set(centres.map((c) => c.pincode))];
  return String(pins.reduce((best, pin) => (score(pin) > score(best) ? pin : best), pins[0]!));
}

afterAll(async () => {
  await Promise.all(pages.map((p) => p.close()));
  await browser?.close();
  await server?.close();
});

async function open(language: 'en' | 'hi', width: number): Promise<Page> {
  // bypassCSP: axe arrives as an inline script, which the server's CSP rightly refuses.
  const watched = await openPage(browser, { viewport: { width, height: 900 }, bypassCSP: true });
  pages.push(watched);
  await watched.page.addInitScript((chosen) => localStorage.setItem('teeka.language', chosen), language);
  await watched.page.goto(server.url);
  await watched.page.locator('#state option', { hasText: MUMBAI.stateName }).waitFor({ state: 'attached' });
  return watched.page;
}

async function searchPin(page: Page, pin: string): Promise<void> {
  await page.locator('#pincode').fill(pin);
  await page.locator('#pincode').press('Enter');
}

describe('accessibility (axe-core: no serious or critical violations)', () => {
  for (const language of ['en', 'hi'] as const) {
    for (const width of [1280, 360]) {
      it(`holds in ${language} at ${width} px, before and after a search`, async () => {
        const page = await open(language, width);
        expect(await page.locator('html').getAttribute('lang')).toBe(language);
        expect(await seriousViolations(page)).toEqual([]);

        await searchPin(page, pincode);
        await page.getByRole('article').first().waitFor();
        expect(await seriousViolations(page)).toEqual([]);

        // Error states are drawn in colour too, so they get the same contrast check.
        await searchPin(page, '12');
        await page.locator('#pincode-error').waitFor();
        await page.locator('#filter-fee').selectOption('Paid');
        await page.locator('#filter-vaccine').selectOption('SPUTNIK V');
        await page.locator('#filter-age').selectOption('12-14');
        await page.locator('.status--empty').waitFor();
        expect(await seriousViolations(page)).toEqual([]);
      });
    }
  }
});
