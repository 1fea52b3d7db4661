import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CalendarCenter } from '../../src/api/cowin-v2/schema.js';
import { startTestServer } from '../support/test-server.js';
import { eventually, launchChromium, openPage, type WatchedPage } from './browser-page.js';
import { calendar, cowinDate, MUMBAI, mumbaiCalendar } from './demo-calendar.js';

let server: Awaited<ReturnType<typeof startTestServer>>;
let browser: Browser;
let mumbai: CalendarCenter[];
const pages: WatchedPage[] = [];

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer(), launchChromium()]);
  mumbai = await mumbaiCalendar(server.url);
});

afterAll(async () => {
  await Promise.all(pages.map((p) => p.close()));
  await browser?.close();
  await server?.close();
});

async function open(options: Parameters<typeof openPage>[1] = {}): Promise<WatchedPage> {
  const watched = await openPage(browser, options);
  pages.push(watched);
  await watched.page.goto(server.url);
  return watched;
}

const status = (page: Page) => page.getByRole('status').textContent();
const centreCards = (page: Page) => page.getByRole('article');
const centreCard = (page: Page, centre: CalendarCenter) => page.locator(`article[aria-labelledby="centre-${centre.center_id}"]`);

async function searchDistrict(page: Page, labels = { state: 'State', district: 'District', search: 'Search' }) {
  await page.getByLabel(labels.state, { exact: true }).selectOption({ label: MUMBAI.stateName });
  await page.getByLabel(labels.district, { exact: true }).selectOption({ label: MUMBAI.districtName });
  await page.locator('form', { has: page.locator('#district') }).getByRole('button', { name: labels.search }).click();
}

async function searchPin(page: Page, pincode: string) {
  await page.getByLabel('PIN code', { exact: true }).fill(pincode);
  await page.getByLabel('PIN code', { exact: true }).press('Enter');
}

describe('finding a centre in English', () => {
  it('lists the district\'s centres with capacity per dose, and filters them to Paid ones', async () => {
    const { page, problems } = await open();
    await searchDistrict(page);

    await expect.poll(() => status(page), eventually).toBe(`${mumbai.length} centres found in Mumbai.`);
    expect(await centreCards(page).count()).toBe(mumbai.length);
    const withOpenSession = mumbai.find((c) => c.sessions.some((s) => s.available_capacity_dose1 > 0 && s.available_capacity_dose2 > 0))!;
    const session = withOpenSession.sessions.find((s) => s.available_capacity_dose1 > 0 && s.available_capacity_dose2 > 0)!;
    const card = await centreCard(page, withOpenSession).innerText();
    expect(card).toContain(withOpenSession.name);
    expect(card).toContain(`PIN: ${withOpenSession.pincode}`);
    expect(card).toMatch(new RegExp(`Dose 1: ${session.available_capacity_dose1}\\s+Dose 2: ${session.available_capacity_dose2}`));
    expect(card).toContain(session.slots[0]!);
    const booked = mumbai.find((c) => c.sessions.some((s) => s.available_capacity_dose1 === 0 && s.available_capacity_dose2 === 0));
    if (booked) expect(await centreCard(page, booked).innerText()).toContain('Booked');

    await page.getByLabel('Fee', { exact: true }).selectOption('Paid');
    const paid = mumbai.filter((c) => c.fee_type === 'Paid');
    expect(paid.length).toBeGreaterThan(0);
    await expect.poll(() => centreCards(page).count(), eventually).toBe(paid.length);
    expect(await status(page)).toBe(`${paid.length} of ${mumbai.length} centres match your filters.`);
    expect(await centreCards(page).filter({ hasNot: page.getByText('Paid', { exact: true }) }).count()).toBe(0);
    const fee = paid[0]!.vaccine_fees![0]!;
    expect(await centreCard(page, paid[0]!).innerText()).toContain(`${fee.vaccine} ₹${fee.fee}`);
    expect(problems).toEqual([]);
  });

  it('moves to the next week and asks the API for it', async () => {
    const { page, problems } = await open();
    await searchDistrict(page);
    await expect.poll(() => status(page), eventually).toMatch(/centres found in Mumbai/);
    const nextWeek = await mumbaiCalendar(server.url, 1);
    const request = page.waitForRequest((r) => r.url().includes(`date=${cowinDate(1)}`));
    await page.getByRole('button', { name: 'Next week' }).click();
    await request;
    await expect.poll(() => status(page), eventually).toBe(`${nextWeek.length} centres found in Mumbai.`);
    expect(await page.getByRole('button', { name: 'Previous week' }).isEnabled()).toBe(true);
    expect(problems).toEqual([]);
  });

  it('searches by PIN code', async () => {
    const pincode = String(mumbai[0]!.pincode);
    const atPin = await calendar(server.url, `calendarByPin?pincode=${pincode}&date=${cowinDate()}`);
    const { page, problems } = await open();
    await searchPin(page, pincode);

    const found = atPin.length === 1 ? 'centre' : 'centres';
    await expect.poll(() => status(page), eventually).toBe(`${atPin.length} ${found} found for PIN ${pincode}.`);
    const cards = await centreCards(page).allInnerTexts();
    expect(cards).toHaveLength(atPin.length);
    for (const text of cards) expect(text).toContain(`PIN: ${pincode}`);
    expect(new URL(page.url()).searchParams.get('pincode')).toBe(pincode);
    expect(problems).toEqual([]);
  });

  it('names the PIN code field when the PIN is not 6 digits, without asking the server', async () => {
    const { page, problems } = await open();
    const calendarRequests: string[] = [];
    page.on('request', (r) => { if (r.url().includes('calendarBy')) calendarRequests.push(r.url()); });
    await searchPin(page, '12');

    const field = page.getByLabel('PIN code', { exact: true });
    await expect.poll(() => field.getAttribute('aria-invalid'), eventually).toBe('true');
    const error = page.locator('#pincode-error');
    expect(await error.textContent()).toBe('Enter a 6-digit PIN code, for example 400080.');
    expect(await field.getAttribute('aria-describedby')).toContain('pincode-error');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('pincode');
    expect(calendarRequests).toEqual([]);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Find a vaccination centre');
    expect(problems).toEqual([]);
  });

  it('shows the API\'s own message when it rejects a PIN', async () => {
    const response = await fetch(`${server.url}/api/v2/appointment/sessions/public/calendarByPin?pincode=012345&date=${cowinDate()}`);
    expect(response.status).toBe(400);
    const { error } = (await response.json()) as { error: string };
    const { page, problems } = await open();
    await searchPin(page, '012345');
    await expect.poll(() => status(page), eventually).toBe(`The search was not accepted: ${error}`);
    expect(problems).toEqual([]);
  });

  it('says what to do next when a PIN has no centres', async () => {
    const { page, problems } = await open();
    // The demo data covers every PIN it knows, so an empty answer has to be staged.
    await page.route('**/calendarByPin?**', (route) => route.fulfill({ json: { centers: [] } }));
    await searchPin(page, '400080');
    await expect.poll(() => status(page), eventually).toBe('No centres found for this PIN. Try a nearby PIN or search by district.');
    expect(await centreCards(page).count()).toBe(0);
    expect(problems).toEqual([]);
  });

  it('offers to try again when the server cannot be reached', async () => {
    const { page, problems } = await open();
    await page.route('**/calendarByPin?**', (route) => route.abort('connectionrefused'));
    const pincode = String(mumbai[0]!.pincode);
    await searchPin(page, pincode);
    await expect.poll(() => status(page), eventually).toBe('Could not reach the server. Check your internet connection and try again.');

    await page.unrouteAll();
    await page.getByRole('button', { name: 'Try again' }).click();
    await expect.poll(() => status(page), eventually).toMatch(new RegExp(`found for PIN ${pincode}`));
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('results-heading');
    expect(problems).toEqual([]);
  });
});

describe('finding a centre in Hindi', () => {
  it('switches to Hindi, remembers it across a reload, and still searches', async () => {
    const { page, problems } = await open();
    await page.getByRole('button', { name: 'हिन्दी' }).click();
    const expectHindi = async () => {
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('टीकाकरण केंद्र खोजें');
      expect(await page.locator('html').getAttribute('lang')).toBe('hi');
      expect(await page.getByLabel('राज्य', { exact: true }).count()).toBe(1);
      expect(await page.getByLabel('पिन कोड', { exact: true }).count()).toBe(1);
      expect(await page.getByRole('button', { name: 'हिन्दी' }).getAttribute('aria-pressed')).toBe('true');
      expect(await page.title()).toBe('टीकाकरण केंद्र खोजें · टीका');
    };
    await expectHindi();
    await page.reload();
    await expectHindi();

    await searchDistrict(page, { state: 'राज्य', district: 'ज़िला', search: 'खोजें' });
    await expect.poll(() => status(page), eventually).toBe(`Mumbai में ${mumbai.length} केंद्र मिले।`);
    expect(await centreCards(page).first().innerText()).toMatch(/खुराक 1: \d+|बुक हो चुका/);

    await page.getByRole('button', { name: 'English' }).click();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await status(page)).toBe(`${mumbai.length} centres found in Mumbai.`);
    expect(problems).toEqual([]);
  });
});

describe('on a 360 px wide phone', () => {
  const phone = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true };

  it('shows results without sideways scrolling, and brings them into view after a search', async () => {
    const { page, problems } = await open(phone);
    await searchDistrict(page);
    await expect.poll(() => centreCards(page).count(), eventually).toBe(mumbai.length);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    // The results start below the search forms; a tap on Search must not seem to do nothing.
    const resultsTop = () => page.locator('#results-heading').evaluate((h) => h.getBoundingClientRect().top);
    await expect.poll(resultsTop, eventually).toBeGreaterThanOrEqual(0);
    expect(await resultsTop()).toBeLessThan(740);
    // The grid becomes a list of days: each day that has sessions names itself on screen.
    expect(await centreCards(page).first().locator('.day:not(.day--empty) .day-label').first().isVisible()).toBe(true);
    expect(problems).toEqual([]);
  });

  it('fits Hindi\'s longer words too', async () => {
    const { page, problems } = await open(phone);
    await page.getByRole('button', { name: 'हिन्दी' }).click();
    await page.goto(`${server.url}/?state=${MUMBAI.stateId}&district=${MUMBAI.districtId}`);
    await expect.poll(() => centreCards(page).count(), eventually).toBe(mumbai.length);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(problems).toEqual([]);
  });
});

describe('by keyboard alone', () => {
  it('reaches the state select with Tab, picks a district by typing, and searches with Enter', async () => {
    const { page, problems } = await open();
    await page.locator('#state option', { hasText: MUMBAI.stateName }).waitFor({ state: 'attached' });

    let tabs = 0;
    while ((await page.evaluate(() => document.activeElement?.id)) !== 'state') {
      await page.keyboard.press('Tab');
      tabs += 1;
      expect(tabs, 'Tab presses to reach the state select').toBeLessThanOrEqual(8);
    }
    expect(await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle)).not.toBe('none');

    await page.keyboard.type(MUMBAI.stateName);
    expect(await page.locator('#state').inputValue()).toBe(String(MUMBAI.stateId));
    await page.keyboard.press('Tab');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('district');
    await page.locator('#district option', { hasText: MUMBAI.districtName }).first().waitFor({ state: 'attached' });
    await page.keyboard.type(MUMBAI.districtName);
    expect(await page.locator('#district').inputValue()).toBe(String(MUMBAI.districtId));
    await page.keyboard.press('Enter');

    await expect.poll(() => status(page), eventually).toBe(`${mumbai.length} centres found in Mumbai.`);
    expect(problems).toEqual([]);
  });
});

describe('when the server limits searches', () => {
  let limited: Awaited<ReturnType<typeof startTestServer>>;
  beforeAll(async () => {
    limited = await startTestServer({ rateLimit: 2 });
  });
  afterAll(async () => {
    await limited?.close();
  });

  it('asks the citizen to wait as long as Retry-After says', async () => {
    const watched = await openPage(browser);
    pages.push(watched);
    const { page, problems } = watched;
    const searches: number[] = [];
    page.on('response', (r) => { if (r.url().includes('calendarByPin')) searches.push(r.status()); });
    await page.goto(limited.url);
    await page.locator('#state option', { hasText: MUMBAI.stateName }).waitFor({ state: 'attached' });
    // The states list took the first of two requests; this search takes the second.
    await searchPin(page, String(mumbai[0]!.pincode));
    await expect.poll(() => status(page), eventually).toMatch(/found for PIN/);

    const refused = page.waitForResponse((r) => r.url().includes('calendarByPin') && r.status() === 429, { timeout: 10_000 });
    // Another PIN: the same one again could come from the browser's cache (the API allows a few seconds).
    const otherPin = mumbai.map((c) => String(c.pincode)).find((pin) => pin !== String(mumbai[0]!.pincode))!;
    await searchPin(page, otherPin);
    const retryAfter = Number(await (await refused).headerValue('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    await expect.poll(() => status(page), eventually)
      .toBe(`Too many searches from your network. Please wait ${retryAfter} seconds and search again.`);
    // One request per search: a search that fetched twice would spend the network's limit twice as fast.
    expect(searches).toEqual([200, 429]);
    expect(problems).toEqual([]);
  });
});
