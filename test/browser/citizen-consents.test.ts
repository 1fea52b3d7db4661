import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessToken, asPartner, nationalAdmin, registerPartner, type TestPartner } from '../api/partners/partner-fixtures.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { seriousViolations } from './axe.js';
import { eventually } from './browser-page.js';
import { addMemberByApi, browserPages, horizontalOverflow, logInByApi, mobiles, otpFromOutbox, screenshot } from './citizen-fixtures.js';

/**
 * A partner's consent request end to end (web/src/citizen/consents): the partner asks through its
 * API, the citizen answers on Teeka's own page with an OTP, sees the consent in My consents, and
 * withdraws it; the partner's reads follow each step.
 */
let t: TestApp;
let url: string;
let wallet: TestPartner;
const pages = browserPages();
const nextMobile = mobiles(9_823_400_000);
const WALLET = 'Sahaj Wallet';
const WALLET_PURPOSE = 'Keeps your vaccination certificates in your phone';
const ASKED_FOR = 'To show your vaccination status and certificates in the wallet app';

beforeAll(async () => {
  t = await createTestApp();
  [url] = await Promise.all([t.app.listen({ host: '127.0.0.1', port: 0 }), pages.launch()]);
  wallet = await registerPartner(t, await nationalAdmin(t), { name: WALLET, purpose: WALLET_PURPOSE });
});

afterAll(async () => {
  await pages.close();
  await t?.close();
});

/** A call by the wallet, with a fresh 5-minute token: the tests move the clock on. */
async function partnerCall(method: 'GET' | 'POST', path: string, payload?: object) {
  const token = await accessToken(t, wallet);
  return t.app.inject({ method, url: `/api/partner/v1${path}`, remoteAddress: '127.0.0.1', headers: asPartner(token), ...(payload ? { payload } : {}) });
}

/** The wallet asks for consent, as its app would before sending the citizen to approval_url. */
async function askForConsent(expiresInDays = 90): Promise<string> {
  const res = await partnerCall('POST', '/consent-requests', {
    purpose: ASKED_FOR, data: ['vaccination_status', 'certificates'], expires_in_days: expiresInDays, redirect_uri: 'https://wallet.example/teeka/done',
  });
  expect(res.statusCode, res.body).toBe(201);
  const { id, approval_url: approvalUrl } = res.json() as { id: string; approval_url: string };
  expect(new URL(approvalUrl).pathname).toBe(`/consent/${id}`);
  return id;
}

/** A fresh account with two members, logged in through the API. */
async function family(seed: number): Promise<{ mobile: string; token: string }> {
  const mobile = nextMobile();
  const token = await logInByApi(url, mobile);
  await addMemberByApi(url, token, { name: 'Asha Devi', birthYear: 1980, seed });
  await addMemberByApi(url, token, { name: 'Ravi Kumar', birthYear: 2004, seed: seed + 1 });
  // The server sends one OTP a minute per number, and the login just took this minute's.
  t.clock.advance(61_000);
  return { mobile, token };
}

const heading = (page: Page) => page.getByRole('heading', { level: 1 }).textContent();
/** Waits for the request to be drawn; a failure shows what the page says instead. */
const requestShown = (page: Page) => expect.poll(() => page.locator('main').innerText(), eventually).toContain(WALLET_PURPOSE);
const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');

async function expectAccessible(page: Page, state: string): Promise<void> {
  expect(await seriousViolations(page), state).toEqual([]);
  expect(await horizontalOverflow(page), state).toBe(0);
  await screenshot(page, state);
}

describe('a partner\'s consent request', () => {
  it('sends the citizen through login and back, is approved with an OTP, shows in My consents and is withdrawn', async () => {
    const id = await askForConsent();
    const mobile = nextMobile();
    const { page, problems } = await pages.open();

    // The partner's link, before logging in: the login page, then back to the request.
    await page.goto(`${url}/consent/${id}`);
    await expect.poll(() => heading(page), eventually).toBe('Log in');
    await page.getByLabel('Mobile number').fill(mobile);
    await page.getByRole('button', { name: 'Get OTP' }).click();
    await page.getByLabel('OTP', { exact: true }).fill(await otpFromOutbox(url, mobile));
    await page.getByRole('button', { name: 'Verify and log in' }).click();
    await expect.poll(() => heading(page), eventually).toBe('A service asks to see your data');
    expect(new URL(page.url()).pathname).toBe(`/consent/${id}`);
    // A new account has nobody to share: it is told to add someone first.
    await page.getByText('Nobody is registered with your mobile number yet', { exact: false }).waitFor();
    expect(await page.getByRole('button', { name: 'Approve' }).count()).toBe(0);
    const token = await page.evaluate(() => sessionStorage.getItem('teeka.citizen.token'));
    await addMemberByApi(url, token!, { name: 'Asha Devi', birthYear: 1980, seed: 801 });
    await addMemberByApi(url, token!, { name: 'Ravi Kumar', birthYear: 2004, seed: 802 });
    await page.reload();
    await requestShown(page);
    const shown = await page.locator('.consent-request').innerText();
    for (const text of [WALLET, WALLET_PURPOSE, ASKED_FOR, 'Vaccination status', 'Vaccination certificates', 'unless you withdraw it earlier']) expect(shown).toContain(text);

    // Approving without choosing a person: told so, at the choice.
    await page.getByRole('button', { name: 'Approve' }).click();
    await expect.poll(() => page.locator('#consent-member-error').textContent(), eventually).toBe('Choose whose data the service may see.');
    // Focus moves in an effect after the error is drawn: wait for it rather than race it.
    await expect.poll(() => focusedId(page), eventually).toMatch(/^consent-member-\d{14}$/);

    // The login took this minute's OTP: the page says when another can be sent.
    await page.getByLabel('Asha Devi').check();
    await page.getByRole('button', { name: 'Approve' }).click();
    await page.getByRole('alert').filter({ hasText: 'An OTP was sent to this number moments ago.' }).waitFor();
    t.clock.advance(61_000);
    await page.getByRole('button', { name: 'Approve' }).click();
    await page.getByRole('heading', { name: 'Confirm with the OTP' }).waitFor();
    expect(await page.getByText(`${WALLET} would see the data of Asha Devi.`).count()).toBe(1);
    await expect.poll(() => focusedId(page), eventually).toBe('approval-otp');
    const otp = await otpFromOutbox(url, mobile);
    expect(t.outbox.list().find((m) => m.to === mobile)?.text).toContain(WALLET);

    // A wrong OTP is refused and counted; the right one approves.
    await page.getByLabel('OTP', { exact: true }).fill(otp === '000000' ? '111111' : '000000');
    await page.getByRole('button', { name: 'Confirm and share' }).click();
    await expect.poll(() => page.locator('#approval-otp-error').textContent(), eventually).toContain('This OTP is not correct');
    await page.getByLabel('OTP', { exact: true }).fill(otp);
    await page.getByRole('button', { name: 'Confirm and share' }).click();
    await page.getByRole('heading', { name: 'Consent given' }).waitFor();
    await expect.poll(() => focusedId(page), eventually).toBe('consent-outcome');
    expect(await page.locator('.consent-outcome').innerText()).toContain(`${WALLET} may now see the data of Asha Devi named above, until`);
    expect(await page.getByRole('link', { name: `Go back to ${WALLET}` }).getAttribute('href')).toBe('https://wallet.example/teeka/done');

    // The partner now reads what the consent names, and nothing before it was given.
    const asked = await partnerCall('GET', `/consent-requests/${id}`);
    expect(asked.json()).toMatchObject({ status: 'approved' });
    const handle = (asked.json() as { subject: string }).subject;
    expect((await partnerCall('GET', `/subjects/${handle}/vaccination-status`)).statusCode).toBe(200);

    // My consents: by member, with when it was last used, and a way to withdraw it.
    await page.getByRole('link', { name: 'See My consents' }).click();
    await expect.poll(() => heading(page), eventually).toBe('My consents');
    const asha = page.getByRole('region', { name: 'Asha Devi' });
    const card = asha.getByRole('article', { name: WALLET });
    await card.waitFor();
    const cardText = await card.innerText();
    for (const text of ['Active', ASKED_FOR, 'Vaccination status, Vaccination certificates', 'Given on', 'Until', 'Last used']) expect(cardText).toContain(text);
    expect(cardText).not.toContain('Not used yet');
    expect(await page.getByRole('region', { name: 'Ravi Kumar' }).count()).toBe(0);

    await card.getByRole('button', { name: `Withdraw consent given to ${WALLET} for Asha Devi` }).click();
    const dialog = page.getByRole('dialog', { name: 'Withdraw this consent?' });
    await dialog.waitFor();
    // The safe choice has the focus, so a stray Enter keeps the consent.
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent), eventually).toBe('No, keep it');
    expect(await dialog.innerText()).toContain(`${WALLET} will no longer be able to see the data of Asha Devi.`);
    await dialog.getByRole('button', { name: 'Yes, withdraw' }).click();
    await page.getByRole('status').filter({ hasText: `Consent withdrawn: ${WALLET} can no longer see the data of Asha Devi.` }).waitFor();
    await expect.poll(() => focusedId(page), eventually).toBe('consents-notice');
    await expect.poll(() => card.innerText(), eventually).toContain('Withdrawn');
    expect(await card.getByRole('button').count()).toBe(0);
    expect((await partnerCall('GET', `/subjects/${handle}/vaccination-status`)).statusCode).toBe(404);

    // The partner's link, opened again, says what became of it.
    await page.goto(`${url}/consent/${id}`);
    await page.getByText('This request was approved and the consent later withdrawn', { exact: false }).waitFor();
    expect(problems).toEqual([]);
  });

  it('is declined in Hindi on a 360 px phone, every step axe-clean and without sideways scrolling', async () => {
    const { token } = await family(811);
    const id = await askForConsent();
    const { page, problems } = await pages.open({ token, language: 'hi', width: 360 });
    await page.goto(`${url}/consent/${id}`);
    await expect.poll(() => heading(page), eventually).toBe('एक सेवा आपका डेटा देखना चाहती है');
    await requestShown(page);
    await expectAccessible(page, 'consent-request-hi-360');

    await page.getByRole('button', { name: 'मंज़ूरी दें' }).click();
    await expect.poll(() => page.locator('#consent-member-error').textContent(), eventually).toBe('चुनें कि सेवा किसका डेटा देख सकती है।');
    await expectAccessible(page, 'consent-request-error-hi-360');

    await page.getByRole('button', { name: 'मना करें' }).click();
    await page.getByRole('heading', { name: 'अनुरोध मना कर दिया गया' }).waitFor();
    expect(await page.locator('.consent-outcome').innerText()).toContain(`${WALLET} को आपका कोई भी डेटा नहीं दिया गया है।`);
    await expectAccessible(page, 'consent-declined-hi-360');
    expect((await partnerCall('GET', `/consent-requests/${id}`)).json()).toMatchObject({ status: 'declined' });

    await page.reload();
    await page.getByText('इस अनुरोध को मना कर दिया गया था', { exact: false }).waitFor();
    expect(await page.getByRole('button', { name: 'मंज़ूरी दें' }).count()).toBe(0);
    expect(problems).toEqual([]);
  });

  it('passes axe at 360 px in English and Hindi through the OTP step, the outcome and My consents', async () => {
    for (const language of ['en', 'hi'] as const) {
      const { token, mobile } = await family(language === 'en' ? 821 : 831);
      const id = await askForConsent();
      const { page, problems } = await pages.open({ token, language, width: 360 });
      const words = language === 'en'
        ? { approve: 'Approve', confirm: 'Confirm and share', withdraw: 'Withdraw consent', keep: 'No, keep it', list: 'My consents' }
        : { approve: 'मंज़ूरी दें', confirm: 'पुष्टि करें और साझा करें', withdraw: 'सहमति वापस लें', keep: 'नहीं, रहने दें', list: 'मेरी सहमतियाँ' };
      await page.goto(`${url}/consent/${id}`);
      await requestShown(page);
      await page.getByLabel('Ravi Kumar').check();
      await page.getByRole('button', { name: words.approve }).click();
      await page.locator('#approval-otp').waitFor();
      await expectAccessible(page, `consent-otp-${language}-360`);
      await page.locator('#approval-otp').fill(await otpFromOutbox(url, mobile));
      await page.getByRole('button', { name: words.confirm }).click();
      await page.locator('#consent-outcome').waitFor();
      await expectAccessible(page, `consent-approved-${language}-360`);

      // From the family page, where the other account pages are linked.
      await page.goto(`${url}/family`);
      await page.getByRole('link', { name: words.list }).click();
      await expect.poll(() => heading(page), eventually).toBe(words.list);
      const card = page.getByRole('article', { name: WALLET });
      await card.waitFor();
      expect(await card.getByRole('button').innerText()).toBe(words.withdraw);
      await expectAccessible(page, `my-consents-${language}-360`);
      await card.getByRole('button').click();
      await page.getByRole('dialog').waitFor();
      expect(await seriousViolations(page), `withdraw dialog ${language}`).toEqual([]);
      await page.getByRole('button', { name: words.keep }).click();
      expect(await page.getByRole('dialog').count()).toBe(0);
      expect(problems).toEqual([]);
    }
  });

  it('says plainly when a request is not there or has lapsed', async () => {
    const { token } = await family(841);
    const { page, problems } = await pages.open({ token });
    await page.goto(`${url}/consent/6f1c2d3e-4b5a-4c6d-8e7f-90a1b2c3d4e5`);
    await page.getByRole('alert').filter({ hasText: 'This request was not found.' }).waitFor();
    await page.goto(`${url}/consent/not-a-request`);
    await page.getByRole('alert').filter({ hasText: 'This request was not found.' }).waitFor();

    // A week passes without an answer (the request's own window); the citizen logs in again.
    const id = await askForConsent();
    t.clock.advance(8 * 24 * 60 * 60 * 1000);
    const later = await pages.open({ token: await logInByApi(url, nextMobile()) });
    await later.page.goto(`${url}/consent/${id}`);
    await later.page.getByText('This request has expired. If you still want to share, ask', { exact: false }).waitFor();
    expect(await later.page.getByRole('button', { name: 'Approve' }).count()).toBe(0);
    expect([...problems, ...later.problems]).toEqual([]);
  });
});
