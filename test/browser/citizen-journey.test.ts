import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aadhaarFor } from '../support/citizen.js';
import { startTestServer } from '../support/test-server.js';
import { eventually } from './browser-page.js';
import {
  addMemberByApi, browserPages, cowinDayFromToday, firstDose1Session, horizontalOverflow, liveMumbai, logInByApi, mobiles,
  otpFromOutbox, screenshot, TOKEN_KEY, visit,
} from './citizen-fixtures.js';
import { MUMBAI } from './demo-calendar.js';

let server: Awaited<ReturnType<typeof startTestServer>>;
const pages = browserPages();
const nextMobile = mobiles(9_812_300_000);

beforeAll(async () => {
  [server] = await Promise.all([startTestServer(), pages.launch()]);
});

afterAll(async () => {
  await pages.close();
  await server?.close();
});

const heading = (page: Page) => page.getByRole('heading', { level: 1 }).textContent();

async function streamText(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

async function logInThroughThePage(page: Page, mobile: string): Promise<void> {
  await page.getByLabel('Mobile number').fill(mobile);
  await page.getByRole('button', { name: 'Get OTP' }).click();
  await page.getByLabel('OTP', { exact: true }).waitFor();
  await page.getByLabel('OTP', { exact: true }).fill(await otpFromOutbox(server.url, mobile));
  await page.getByRole('button', { name: 'Verify and log in' }).click();
  await expect.poll(() => heading(page), eventually).toBe('My family');
}

async function searchMumbai(page: Page): Promise<void> {
  await page.getByLabel('State', { exact: true }).selectOption({ label: MUMBAI.stateName });
  await page.locator('#district option', { hasText: MUMBAI.districtName }).first().waitFor({ state: 'attached' });
  await page.getByLabel('District', { exact: true }).selectOption({ label: MUMBAI.districtName });
  await page.locator('form', { has: page.locator('#district') }).getByRole('button', { name: 'Search' }).click();
  await page.locator('.session--choice button').first().waitFor();
}

/** Picks a session on the calendar, its first slot, and confirms; returns the slot. */
async function bookOnThePage(page: Page, sessionId: string, slot: string, confirmLabel: string): Promise<void> {
  await page.locator(`.session--choice button[value="${sessionId}"]`).click();
  await page.getByRole('heading', { name: 'Choose a time slot' }).waitFor();
  await page.getByLabel(slot, { exact: true }).check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('heading', { name: 'Check and confirm' }).waitFor();
  await page.getByRole('button', { name: confirmLabel }).click();
}

describe('a citizen\'s journey', () => {
  it('logs in, adds a member, books, downloads the slip, reschedules, cancels and removes them', async () => {
    const { page, problems } = await pages.open();
    const mobile = nextMobile();
    await page.goto(server.url);
    await page.getByRole('link', { name: 'Log in' }).click();
    await expect.poll(() => heading(page), eventually).toBe('Log in');
    await logInThroughThePage(page, mobile);
    expect(new URL(page.url()).pathname).toBe('/family');
    await page.getByText('Nobody is registered yet.', { exact: false }).waitFor();
    expect(await page.getByRole('button', { name: 'Log out' }).isVisible()).toBe(true);
    // The login lives in this tab only.
    const token = await page.evaluate((key) => sessionStorage.getItem(key), TOKEN_KEY);
    expect(token).toMatch(/^ey/);
    expect(await page.evaluate((t) => Object.values(localStorage).includes(t!), token)).toBe(false);

    // Add a member.
    await page.getByRole('link', { name: 'Add a member' }).click();
    const aadhaar = aadhaarFor(501);
    await page.getByLabel('Full name').fill('Asha Devi');
    await page.getByLabel('Year of birth').fill('1980');
    await page.getByLabel('Female', { exact: true }).check();
    await page.getByLabel('Photo ID number').fill(aadhaar);
    await page.getByLabel('This person agrees', { exact: false }).check();
    await page.getByRole('button', { name: 'Add member' }).click();
    await expect.poll(() => heading(page), eventually).toBe('My family');
    const card = page.getByRole('article', { name: 'Asha Devi' });
    await card.waitFor();
    expect(await page.getByRole('status').filter({ hasText: 'Asha Devi has been added' }).count()).toBe(1);
    const cardText = await card.innerText();
    expect(cardText).toContain(`XXXX-XXXX-${aadhaar.slice(8)}`);
    expect(cardText).not.toContain(aadhaar);
    expect(cardText).toContain('Not vaccinated');

    // Raise an issue about the name: the server checks the new value like a registration.
    await card.getByRole('link', { name: 'Report a mistake' }).click();
    await expect.poll(() => heading(page), eventually).toBe('Report a mistake');
    await page.getByLabel('Year of birth', { exact: true }).check();
    await page.getByLabel('Correct value').fill('3000');
    await page.getByLabel('Why is it wrong?').fill('Typed the wrong year when registering');
    await page.getByRole('button', { name: 'Send request' }).click();
    const valueError = page.locator('#requested_value-error');
    await valueError.waitFor();
    expect(await valueError.textContent()).toMatch(/^Year of birth cannot be later than \d{4}$/);
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('requested_value');
    await page.getByLabel('Name', { exact: true }).check();
    await page.getByLabel('Correct value').fill('Asha Devi Sharma');
    await page.getByRole('button', { name: 'Send request' }).click();
    await page.getByText('Your request has been sent.', { exact: false }).waitFor();
    await page.getByRole('heading', { name: 'Earlier requests for Asha Devi' }).waitFor();
    expect(await page.locator('.data-section').innerText()).toContain('Name: Waiting to be checked');

    // My data: a summary on screen (ID masked), everything in the download.
    await page.getByRole('link', { name: 'Back to my family' }).click();
    await page.getByRole('link', { name: 'My data' }).click();
    await page.getByRole('heading', { name: 'Who accessed my data' }).waitFor();
    const summary = await page.locator('main').innerText();
    expect(summary).toContain('Asha Devi');
    expect(summary).toContain(`XXXX-XXXX-${aadhaar.slice(8)}`);
    expect(summary).not.toContain(aadhaar);
    const exported = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download my data (JSON)' }).click();
    const file = await exported;
    expect(file.suggestedFilename()).toBe('teeka-my-data.json');
    const data = JSON.parse(await streamText(await file.createReadStream())) as {
      account: { mobile: string }; members: { name: string; photo_id_number: string }[]; correction_requests: { field: string; status: string }[];
    };
    expect(data.account.mobile).toBe(mobile);
    expect(data.members.map((m) => [m.name, m.photo_id_number])).toEqual([['Asha Devi', aadhaar]]);
    expect(data.correction_requests).toMatchObject([{ field: 'name', status: 'open' }]);
    await page.getByRole('link', { name: 'Back to my family' }).click();
    await card.waitFor();

    // Book dose 1 for tomorrow's first session with a seat, in Mumbai.
    const tomorrow = cowinDayFromToday(1);
    const booked = firstDose1Session(await liveMumbai(server.url, token!), 1980, (date) => date === tomorrow);
    await card.getByRole('link', { name: 'Book dose 1' }).click();
    await expect.poll(() => heading(page), eventually).toBe('Book a vaccination');
    await searchMumbai(page);
    const slot = booked.session.slots[0]!;
    await bookOnThePage(page, booked.session.session_id, slot, 'Confirm booking');
    await page.getByRole('heading', { name: 'Appointment booked' }).waitFor();
    await screenshot(page, 'journey-booked');
    const done = await page.locator('.step').innerText();
    expect(done).toContain(booked.centre.name);
    expect(done).toContain(slot);
    expect(done).toContain('security code by SMS');
    const sms = (await (await fetch(`${server.url}/__dev/outbox`)).json()) as { to: string; text: string }[];
    expect(sms.find((m) => m.to === mobile)?.text).toMatch(/dose 1 booked .*Security code/);

    // The slip arrives as a PDF download.
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download slip' }).click();
    const slip = await download;
    expect(slip.suggestedFilename()).toBe('appointment-slip.pdf');
    const stream = await slip.createReadStream();
    const first = await new Promise<Buffer>((resolve) => stream.once('data', (chunk: Buffer) => resolve(chunk)));
    expect(first.subarray(0, 5).toString()).toBe('%PDF-');

    await page.getByRole('link', { name: 'Back to my family' }).last().click();
    const appointment = card.getByRole('region', { name: 'Appointment for dose 1' });
    await appointment.waitFor();
    expect(await appointment.innerText()).toContain(booked.centre.name);

    // Reschedule to another day.
    const moved = firstDose1Session(await liveMumbai(server.url, token!), 1980, (date) => date !== tomorrow && date !== cowinDayFromToday(0));
    await appointment.getByRole('link', { name: 'Reschedule' }).click();
    await expect.poll(() => heading(page), eventually).toBe('Reschedule an appointment');
    expect(await page.getByText('Now booked:', { exact: false }).innerText()).toContain(booked.centre.name);
    await searchMumbai(page);
    await bookOnThePage(page, moved.session.session_id, moved.session.slots.at(-1)!, 'Confirm new time');
    await page.getByRole('heading', { name: 'Appointment rescheduled' }).waitFor();
    await screenshot(page, 'journey-rescheduled');
    await page.getByRole('link', { name: 'Back to my family' }).last().click();
    await appointment.waitFor();
    expect(await appointment.innerText()).toContain(moved.centre.name);
    expect(await appointment.innerText()).toContain(moved.session.slots.at(-1)!);

    // Cancel, after confirming.
    await appointment.getByRole('button', { name: 'Cancel appointment' }).click();
    const dialog = page.getByRole('dialog', { name: 'Cancel this appointment?' });
    expect(await dialog.innerText()).toContain(moved.centre.name);
    await dialog.getByRole('button', { name: 'Yes, cancel it' }).click();
    await page.getByText('The appointment of Asha Devi has been cancelled.').waitFor();
    await card.getByRole('link', { name: 'Book dose 1' }).waitFor();
    expect(await appointment.count()).toBe(0);

    // Remove the member, after confirming.
    await card.getByRole('button', { name: 'Remove' }).click();
    const remove = page.getByRole('dialog', { name: 'Remove Asha Devi?' });
    await screenshot(page, 'journey-remove-dialog');
    expect(await remove.innerText()).toContain('This removes Asha Devi and their personal data from Teeka.');
    await remove.getByRole('button', { name: 'Yes, remove' }).click();
    await page.getByText('Asha Devi has been removed from Teeka.').waitFor();
    await expect.poll(() => card.count(), eventually).toBe(0);
    await page.getByText('Nobody is registered yet.', { exact: false }).waitFor();
    expect(problems).toEqual([]);
  });
});

describe('when booking meets an obstacle', () => {
  it('offers another session when one fills up, and asks for the picture\'s characters when the server wants them', async () => {
    const token = await logInByApi(server.url, nextMobile());
    const referenceId = await addMemberByApi(server.url, token, { name: 'Ravi Kumar', birthYear: 1970, seed: 611 });
    const choice = firstDose1Session(await liveMumbai(server.url, token), 1970, (date) => date === cowinDayFromToday(2));
    const { page, problems } = await pages.open({ token });
    // The seed has room everywhere, and the captcha is off by default: both are staged here.
    const refusals = [
      { status: 409, json: { errorCode: 'APPOIN0040', error: 'This vaccination center is completely booked for the selected date.' } },
      { status: 400, json: { errorCode: 'APPOIN0044', error: 'Please enter valid security code' } },
    ];
    const sent: unknown[] = [];
    await page.route('**/api/v2/appointment/schedule', async (route) => {
      sent.push(route.request().postDataJSON());
      const refusal = refusals.shift();
      await (refusal ? route.fulfill(refusal) : route.continue());
    });
    await visit(page, server.url, `/book/${referenceId}`);
    await searchMumbai(page);
    await bookOnThePage(page, choice.session.session_id, choice.session.slots[0]!, 'Confirm booking');

    const alert = page.locator('.step [role="alert"]');
    await expect.poll(() => alert.innerText(), eventually).toContain('This session has just filled up. Please choose another session or another day.');
    const refetched = page.waitForRequest((r) => r.url().includes('/sessions/calendarByDistrict'));
    await alert.getByRole('button', { name: 'Choose another session' }).click();
    await refetched;
    await bookOnThePage(page, choice.session.session_id, choice.session.slots[0]!, 'Confirm booking');

    const picture = page.getByRole('img', { name: 'Security check: a picture of 5 letters and digits' });
    await picture.waitFor();
    expect(await picture.getAttribute('src')).toMatch(/^data:image\/svg\+xml/);
    await expect.poll(() => page.evaluate(() => document.activeElement?.id), eventually).toBe('captcha');
    await page.getByLabel('Type the characters you see in the picture').fill('AbC12');
    await page.getByRole('button', { name: 'Confirm booking' }).click();
    await page.getByRole('heading', { name: 'Appointment booked' }).waitFor();
    expect(sent).toHaveLength(3);
    expect(sent[2]).toMatchObject({ dose: 1, session_id: choice.session.session_id, beneficiaries: [referenceId], center_id: choice.centre.center_id, captcha: 'AbC12' });
    expect(problems).toEqual([]);
  });
});

describe('asking for another OTP', () => {
  it('counts down a minute before offering it, then waits as long as the server says', async () => {
    const { page, problems } = await pages.open();
    // The page's clock runs on command; the test server's clock stands still, so it refuses any resend.
    await page.clock.install();
    await visit(page, server.url, '/login');
    await page.getByLabel('Mobile number').fill(nextMobile());
    await page.getByRole('button', { name: 'Get OTP' }).click();
    const resend = page.getByRole('button', { name: 'Resend OTP' });
    await resend.waitFor();
    expect(await resend.isDisabled()).toBe(true);
    expect(await page.getByText('You can ask for a new OTP in 60 seconds.').isVisible()).toBe(true);

    await page.clock.runFor(61_000);
    await expect.poll(() => resend.isEnabled(), eventually).toBe(true);
    const refused = page.waitForResponse((r) => r.url().endsWith('/generateMobileOTP'));
    await resend.click();
    const retryAfter = Number(await (await refused).headerValue('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    await expect.poll(() => page.getByRole('alert').innerText(), eventually)
      .toBe(`An OTP was sent to this number moments ago. You can ask for another in ${retryAfter} seconds.`);
    expect(await resend.isDisabled()).toBe(true);
    expect(problems).toEqual([]);
  });
});

describe('registration errors', () => {
  it('puts the server\'s Aadhaar error next to the field, in English and then in Hindi', async () => {
    const token = await logInByApi(server.url, nextMobile());
    const { page, problems } = await pages.open({ token });
    await visit(page, server.url, '/family/add');
    await page.getByLabel('Full name').fill('Ravi Kumar');
    await page.getByLabel('Year of birth').fill('1975');
    await page.getByLabel('Male', { exact: true }).check();
    // A valid-looking number whose Verhoeff check digit is wrong: only the server can tell.
    const good = aadhaarFor(777);
    await page.getByLabel('Photo ID number').fill(`${good.slice(0, 11)}${(Number(good[11]) + 1) % 10}`);
    await page.getByLabel('This person agrees', { exact: false }).check();
    const refused = page.waitForResponse((r) => r.url().endsWith('/beneficiary/new'));
    await page.getByRole('button', { name: 'Add member' }).click();
    expect((await refused).status()).toBe(400);

    const field = page.locator('#photo_id_number');
    const error = page.locator('#photo_id_number-error');
    await error.waitFor();
    expect(await error.textContent()).toBe('This Aadhaar number is not valid: please check the digits');
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    expect(await field.getAttribute('aria-describedby')).toContain('photo_id_number-error');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id), eventually).toBe('photo_id_number');

    await page.getByRole('button', { name: 'हिन्दी' }).click();
    await expect.poll(() => error.textContent(), eventually).toBe('यह आधार नंबर मान्य नहीं है: कृपया अंक जाँच लें');
    await expect.poll(() => heading(page), eventually).toBe('सदस्य जोड़ें');

    // The quick check before the server speaks Hindi too.
    await field.fill('23456789');
    await page.getByRole('button', { name: 'सदस्य जोड़ें' }).click();
    await expect.poll(() => error.textContent(), eventually).toBe('आधार नंबर 12 अंकों का होना चाहिए');
    expect(problems).toEqual([]);
  });
});

describe('by keyboard alone', () => {
  it('logs in with Tab, typing and Enter', async () => {
    const { page, problems } = await pages.open();
    const mobile = nextMobile();
    await page.goto(server.url);
    const focused = () => page.evaluate(() => {
      const element = document.activeElement;
      return element?.id || element?.textContent?.trim() || '';
    });

    let tabs = 0;
    while ((await focused()) !== 'Log in') {
      await page.keyboard.press('Tab');
      tabs += 1;
      expect(tabs, 'Tab presses to reach "Log in"').toBeLessThanOrEqual(4);
    }
    expect(await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle)).not.toBe('none');
    await page.keyboard.press('Enter');
    await expect.poll(() => heading(page), eventually).toBe('Log in');

    await page.keyboard.press('Tab');
    expect(await focused()).toBe('mobile');
    await page.keyboard.type(mobile);
    await page.keyboard.press('Enter');
    await expect.poll(focused, eventually).toBe('otp');
    await page.keyboard.type(await otpFromOutbox(server.url, mobile));
    await page.keyboard.press('Enter');
    await expect.poll(() => heading(page), eventually).toBe('My family');
    expect(problems).toEqual([]);
  });
});

describe('when the session ends', () => {
  it('sends the citizen to the login page with a message on the next request that gets a 401', async () => {
    const mobile = nextMobile();
    const token = await logInByApi(server.url, mobile);
    await addMemberByApi(server.url, token, { name: 'Meena Iyer', birthYear: 1990, seed: 901 });
    const { page } = await pages.open({ token });
    await visit(page, server.url, '/family');
    await page.getByRole('article', { name: 'Meena Iyer' }).waitFor();

    // The 15 minutes cannot be waited out here; revoking the token is the same to the server.
    const stored = await page.evaluate((key) => sessionStorage.getItem(key), TOKEN_KEY);
    const revoked = await fetch(`${server.url}/api/v2/auth/logout`, { headers: { authorization: `Bearer ${stored}` } });
    expect(revoked.status).toBe(204);

    await page.getByRole('link', { name: 'Book dose 1' }).click();
    await expect.poll(() => heading(page), eventually).toBe('Log in');
    expect(new URL(page.url()).pathname).toBe('/login');
    expect(await page.getByText('Your session has ended. Please log in again.').isVisible()).toBe(true);
    expect(await page.evaluate((key) => sessionStorage.getItem(key), TOKEN_KEY)).toBeNull();
    expect(await page.getByRole('link', { name: 'Log in' }).isVisible()).toBe(true);
  });

  it('logs out from the header', async () => {
    const token = await logInByApi(server.url, nextMobile());
    const { page, problems } = await pages.open({ token, width: 360 });
    await visit(page, server.url, '/family');
    await expect.poll(() => heading(page), eventually).toBe('My family');
    const revoked = page.waitForRequest((r) => r.url().endsWith('/api/v2/auth/logout'));
    await page.getByRole('button', { name: 'Log out' }).click();
    expect((await revoked).headers().authorization).toBe(`Bearer ${token}`);
    await expect.poll(() => heading(page), eventually).toBe('Log in');
    expect(await page.getByText('You have logged out.').isVisible()).toBe(true);
    expect(await page.evaluate((key) => sessionStorage.getItem(key), TOKEN_KEY)).toBeNull();
    expect(await horizontalOverflow(page)).toBe(0);
    expect(problems).toEqual([]);
  });
});
