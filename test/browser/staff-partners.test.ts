import { exportJWK } from 'jose';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { partnerKey } from '../api/partners/partner-fixtures.js';
import { signedInStaff } from '../api/staff/sign-in.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { seriousViolations } from './axe.js';
import { eventually } from './browser-page.js';
import { horizontalOverflow, screenshot } from './citizen-fixtures.js';
import { staffPages } from './staff-fixtures.js';

/**
 * The partners section (web/src/staff/partners) against the real app: a national administrator
 * registers a partner (the form names each mistake at its field), makes its API key, changes its
 * limits and disables it.
 */
let t: TestApp;
let url: string;
const pages = staffPages();

beforeAll(async () => {
  t = await createTestApp();
  url = await pages.start(t);
});

afterAll(async () => {
  await pages.close();
  await t?.close();
});

const heading = (page: Page) => page.getByRole('heading', { level: 1 }).textContent();
const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');
const partnerRow = (name: string) => t.database.db.selectFrom('partner').selectAll().where('name', '=', name).executeTakeFirstOrThrow();

async function expectAccessible(page: Page, state: string): Promise<void> {
  expect(await seriousViolations(page), state).toEqual([]);
  expect(await horizontalOverflow(page), state).toBe(0);
  await screenshot(page, state);
}

describe('a national administrator manages partners', () => {
  it('registers a partner, makes its API key once, changes its limits and disables it', async () => {
    const { page, problems } = await pages.openSignedIn('national_admin', 'nation');
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: url });
    const key = await partnerKey('wallet-2026');
    const privateJwk = { ...(await exportJWK(key.privateKey)), kid: key.kid };

    await page.goto(`${url}/staff`);
    await page.getByRole('navigation', { name: 'Staff console' }).getByRole('link', { name: 'Partners' }).click();
    await expect.poll(() => heading(page), eventually).toBe('Partners');
    await page.getByRole('link', { name: 'Register a partner' }).click();
    await expect.poll(() => heading(page), eventually).toBe('Register a partner');

    // Nothing filled in: every problem at its field, the first one focused, nothing sent.
    await page.getByRole('button', { name: 'Register partner' }).click();
    await expect.poll(() => focusedId(page), eventually).toBe('partner-name');
    expect(await page.locator('#partner-name-error').textContent()).toBe('Enter the partner’s name.');
    expect(await page.locator('#partner-purpose-error').textContent()).toBe('Say what the partner uses the data for.');
    expect(await page.locator('#partner-scopes-error').textContent()).toBe('Choose at least one scope.');
    expect(await page.locator('#partner-ips-error').textContent()).toBe('Enter at least one IP address or range the partner calls from.');
    expect(await page.locator('#partner-jwks-error').textContent()).toBe('Paste the partner’s public keys.');

    await page.getByLabel('Name', { exact: true }).fill('Sahaj Wallet');
    await page.getByLabel('Purpose', { exact: true }).fill('Keeps citizens’ vaccination certificates in their phone');
    await page.getByLabel('Consent requests').check();
    await page.getByLabel('Certificate pull').check();
    await page.getByLabel('Allowed IP addresses').fill('203.0.113.7\nwallet.example');
    // A private key is named as such as soon as the field is left.
    await page.getByLabel('Public keys (JWKS)').fill(JSON.stringify({ keys: [privateJwk] }));
    await page.getByLabel('Requests a minute').focus();
    await expect.poll(() => page.locator('#partner-jwks-error').textContent(), eventually).toContain('Key 1 contains a private part ("d").');
    await page.getByLabel('Public keys (JWKS)').fill(JSON.stringify({ keys: [key.publicJwk] }, null, 2));
    await page.getByRole('status').filter({ hasText: 'Looks right: 1 public key (wallet-2026).' }).waitFor();
    await page.getByRole('button', { name: 'Register partner' }).click();
    await expect.poll(() => page.locator('#partner-ips-error').textContent(), eventually)
      .toBe('Line 2, “wallet.example”, is not an IP address or range. Write it like 203.0.113.7 or 203.0.113.0/24.');
    await expect.poll(() => focusedId(page), eventually).toBe('partner-ips');
    await page.getByLabel('Allowed IP addresses').fill('203.0.113.7\n198.51.100.0/24');
    await page.getByRole('button', { name: 'Register partner' }).click();

    await expect.poll(() => heading(page), eventually).toBe('Sahaj Wallet');
    await page.getByRole('status').filter({ hasText: 'Registered Sahaj Wallet. Create its API key on this page' }).waitFor();
    const row = await partnerRow('Sahaj Wallet');
    expect(row).toMatchObject({ scopes: ['consented', 'certificate_pull'], ip_allowlist: ['203.0.113.7/32', '198.51.100.0/24'], requests_per_minute: 60 });
    const facts = await page.locator('.panel').first().innerText();
    for (const text of [row.client_id, '/api/partner/oauth/token', '203.0.113.7/32, 198.51.100.0/24', 'wallet-2026', 'Consent requests, Certificate pull']) expect(facts).toContain(text);

    // The API key, shown once, copied with one press.
    await page.getByRole('button', { name: 'Create API key' }).click();
    const keyBox = page.getByLabel('New API key');
    await expect.poll(() => keyBox.inputValue(), eventually).toMatch(/^[A-Za-z0-9_-]{43}$/);
    await expect.poll(() => focusedId(page), eventually).toBe('partner-api-key');
    const firstKey = await keyBox.inputValue();
    await page.getByRole('button', { name: 'Copy key' }).click();
    await page.getByRole('status').filter({ hasText: 'The key has been copied.' }).waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(firstKey);
    expect((await partnerRow('Sahaj Wallet')).api_key_mac).not.toBeNull();
    // A new one replaces it, after saying the old one stops working.
    await page.getByRole('button', { name: 'Create a new API key' }).click();
    const replace = page.getByRole('dialog', { name: 'Replace the API key of Sahaj Wallet?' });
    await replace.getByRole('button', { name: 'Yes, create a new key' }).click();
    await expect.poll(() => keyBox.inputValue(), eventually).not.toBe(firstKey);

    // A limit out of range is refused at its field; a good one is saved.
    const edit = page.getByRole('region', { name: 'Change the details' });
    await edit.getByLabel('Requests a minute').fill('0');
    await edit.getByRole('button', { name: 'Save changes' }).click();
    await expect.poll(() => page.locator('#partner-requests_per_minute-error').textContent(), eventually).toBe('Enter a whole number from 1 to 1,00,000.');
    await edit.getByLabel('Requests a minute').fill('120');
    await edit.getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('status').filter({ hasText: 'Changes saved.' }).waitFor();
    await expect.poll(() => focusedId(page), eventually).toBe('partner-notice');
    expect((await partnerRow('Sahaj Wallet')).requests_per_minute).toBe(120);

    // Disabling asks first, then stops the partner at once; enabling needs no question.
    await page.getByRole('button', { name: 'Disable partner' }).click();
    const disable = page.getByRole('dialog', { name: 'Disable Sahaj Wallet?' });
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent), eventually).toBe('No, keep it active');
    await disable.getByRole('button', { name: 'Yes, disable' }).click();
    await page.getByRole('status').filter({ hasText: 'Sahaj Wallet is disabled: its calls are refused.' }).waitFor();
    expect((await partnerRow('Sahaj Wallet')).disabled_at).not.toBeNull();
    expect(await page.locator('.partner-head .badge').textContent()).toBe('Disabled');
    await page.getByRole('button', { name: 'Enable partner' }).click();
    await page.getByRole('status').filter({ hasText: 'Sahaj Wallet is enabled again.' }).waitFor();
    expect((await partnerRow('Sahaj Wallet')).disabled_at).toBeNull();

    await page.getByRole('link', { name: 'All partners' }).click();
    await expect.poll(() => heading(page), eventually).toBe('Partners');
    await page.getByRole('article', { name: 'Sahaj Wallet' }).getByRole('link', { name: 'Manage Sahaj Wallet' }).waitFor();
    expect(problems).toEqual([]);
  });

  it('is axe-clean at 360 px in English and Hindi: the list, the form with its errors, and a partner', async () => {
    for (const language of ['en', 'hi'] as const) {
      const { page, problems } = await pages.openSignedIn('national_admin', 'nation', { language, width: 360 });
      const words = language === 'en'
        ? { list: 'Partners', register: 'Register a partner', submit: 'Register partner' }
        : { list: 'पार्टनर', register: 'पार्टनर का पंजीकरण करें', submit: 'पार्टनर का पंजीकरण करें' };
      await page.goto(`${url}/staff/partners`);
      await expect.poll(() => heading(page), eventually).toBe(words.list);
      await page.locator('.partner-card').first().waitFor();
      await expectAccessible(page, `partners-${language}-360`);

      await page.getByRole('link', { name: words.register }).click();
      await page.getByRole('button', { name: words.submit }).click();
      await expect.poll(() => focusedId(page), eventually).toBe('partner-name');
      await page.locator('#partner-jwks').fill('{"keys": [');
      await page.locator('#partner-name').focus();
      await page.locator('#partner-jwks-error').waitFor();
      await expectAccessible(page, `partner-form-errors-${language}-360`);

      await page.goto(`${url}/staff/partners`);
      await page.locator('.partner-card a').first().click();
      await page.locator('#api-key-heading').waitFor();
      await expectAccessible(page, `partner-${language}-360`);
      expect(problems).toEqual([]);
    }
  });

  it('is not offered to other roles, and the server refuses them anyway', async () => {
    const { page, problems } = await pages.openSignedIn('state_admin', 'state:21');
    await page.goto(`${url}/staff`);
    await page.getByRole('navigation', { name: 'Staff console' }).waitFor();
    expect(await page.getByRole('link', { name: 'Partners' }).count()).toBe(0);
    await page.goto(`${url}/staff/partners`);
    await expect.poll(() => heading(page), eventually).toBe('Not available for your role');
    const staff = await signedInStaff(t, 'state_admin', 'state:21');
    expect((await staff.browser.get('/api/staff/partners')).statusCode).toBe(403);
    expect(problems).toEqual([]);
  });
});
