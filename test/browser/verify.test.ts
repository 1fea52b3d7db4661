import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueHc1 } from '../../src/modules/certificates/formats/eu-dcc/issue.js';
import { qrPng } from '../../src/modules/certificates/formats/qr.js';
import { generateSigningKey } from '../../src/modules/certificates/formats/signing-key.js';
import { generateUvci } from '../../src/modules/certificates/formats/uvci.js';
import { startTestServer } from '../support/test-server.js';
import { seriousViolations } from './axe.js';
import { eventually, launchChromium, type WatchedPage } from './browser-page.js';
import { horizontalOverflow, openCitizenPage, screenshot, visit, type CitizenPageOptions } from './citizen-fixtures.js';

/**
 * The public certificate check at /verify. The test server trusts only its own signing key, which
 * this process cannot reach, so a real certificate cannot be shown valid end to end: the QR codes
 * here are well-formed certificates signed with a throwaway key (the server must say it does not
 * trust the key), or broken text; the green answer is drawn from an intercepted response.
 */
let server: Awaited<ReturnType<typeof startTestServer>>;
let browser: Browser;
let tmp: string;
let untrustedHc1: string;
const pages: WatchedPage[] = [];

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer(), launchChromium()]);
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'teeka-verify-'));
  untrustedHc1 = issueHc1({
    familyName: 'Sharma', givenName: 'Sunita', dateOfBirth: '1985', vaccine: 'COVISHIELD', doseNumber: 1, totalDoses: 2,
    date: '2026-02-20', country: 'IN', issuer: 'Ministry of Health and Family Welfare, India', uvci: generateUvci(),
    issuedAt: new Date('2026-03-01T10:00:00Z'), expiresAt: new Date('2027-03-01T10:00:00Z'),
  }, generateSigningKey()).hc1;
});

afterAll(async () => {
  await Promise.all(pages.map((p) => p.close()));
  await browser?.close();
  await server?.close();
  if (tmp) await fs.rm(tmp, { recursive: true, force: true });
});

const texts = {
  en: {
    heading: 'Verify a vaccination certificate', text: 'Text of the QR code', check: 'Check the certificate', image: 'Photo or image of the certificate',
    valid: 'Valid certificate', notValid: 'Not valid', camera: 'Start the camera',
    untrusted: 'The certificate was signed with a key Teeka does not trust.',
    unreadable: 'The QR code could not be read as a certificate.',
    notHc1: 'This is not a Teeka certificate QR code (it should start with HC1:).',
    photoId: 'Check that the name matches the person’s photo ID.',
  },
  hi: {
    heading: 'टीकाकरण प्रमाणपत्र की जाँच करें', text: 'QR कोड का टेक्स्ट', check: 'प्रमाणपत्र जाँचें', image: 'प्रमाणपत्र की फ़ोटो या इमेज',
    valid: 'मान्य प्रमाणपत्र', notValid: 'मान्य नहीं', camera: 'कैमरा चालू करें',
    untrusted: 'प्रमाणपत्र पर ऐसी कुंजी से हस्ताक्षर किए गए हैं जिस पर टीका भरोसा नहीं करता।',
    unreadable: 'QR कोड को प्रमाणपत्र के रूप में पढ़ा नहीं जा सका।',
    notHc1: 'यह टीका प्रमाणपत्र का QR कोड नहीं है (इसे HC1: से शुरू होना चाहिए)।',
    photoId: 'जाँचें कि नाम व्यक्ति के फ़ोटो पहचान पत्र से मेल खाता है।',
  },
} as const;

type Language = keyof typeof texts;

async function openVerify(options: CitizenPageOptions = {}): Promise<WatchedPage> {
  const watched = await openCitizenPage(browser, options);
  pages.push(watched);
  await visit(watched.page, server.url, '/verify');
  await watched.page.getByRole('heading', { level: 1, name: texts[options.language ?? 'en'].heading }).waitFor();
  return watched;
}

const result = (page: Page) => page.locator('.verify-result');
const verdict = (page: Page) => page.locator('#verify-result-heading').textContent();

async function paste(page: Page, language: Language, qr: string): Promise<void> {
  await page.getByLabel(texts[language].text, { exact: true }).fill(qr);
  await page.getByRole('button', { name: texts[language].check, exact: true }).click();
}

/** A certificate whose middle character is changed, as someone editing the QR text would. */
function tampered(hc1: string): string {
  const middle = Math.floor(hc1.length / 2);
  return `${hc1.slice(0, middle)}${hc1[middle] === 'A' ? 'B' : 'A'}${hc1.slice(middle + 1)}`;
}

describe('checking a pasted QR text', () => {
  for (const language of ['en', 'hi'] as const) {
    it(`says "not valid", with the server's reason, in ${language}`, async () => {
      const { page, problems } = await openVerify({ language });
      await paste(page, language, untrustedHc1);
      await expect.poll(() => verdict(page), eventually).toContain(texts[language].notValid);
      expect(await result(page).innerText()).toContain(texts[language].untrusted);
      expect(await result(page).innerText()).not.toContain(texts[language].photoId);
      // Focus moves to the verdict, so a screen reader reads it out at once.
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('verify-result-heading');

      await paste(page, language, `HC1:${tampered(untrustedHc1).slice(4, 60)}`);
      await expect.poll(() => result(page).innerText(), eventually).toContain(texts[language].unreadable);
      await paste(page, language, 'https://example.com/not-a-certificate');
      await expect.poll(() => result(page).innerText(), eventually).toContain(texts[language].notHc1);
      expect(problems).toEqual([]);
    });
  }

  it('rejects a tampered certificate', async () => {
    const { page, problems } = await openVerify();
    await paste(page, 'en', tampered(untrustedHc1));
    await expect.poll(() => verdict(page), eventually).toContain('Not valid');
    expect(await page.locator('.verify-reason').textContent()).toMatch(/^(The|This)/);
    expect(problems).toEqual([]);
  });

  it('asks for the text when the box is empty, without asking the server', async () => {
    const { page, problems } = await openVerify();
    let asked = false;
    page.on('request', (r) => { if (r.url().endsWith('/api/verify')) asked = true; });
    await page.getByRole('button', { name: 'Check the certificate' }).click();
    const field = page.getByLabel('Text of the QR code', { exact: true });
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#verify-text-error').textContent()).toBe('Paste the text of the QR code.');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('verify-text');
    expect(asked).toBe(false);
    expect(problems).toEqual([]);
  });

  it('switches the reason to Hindi when the reader switches language', async () => {
    const { page, problems } = await openVerify();
    await paste(page, 'en', untrustedHc1);
    await expect.poll(() => result(page).innerText(), eventually).toContain(texts.en.untrusted);
    await page.getByRole('button', { name: 'हिन्दी' }).click();
    await expect.poll(() => result(page).innerText(), eventually).toContain(texts.hi.untrusted);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(texts.hi.heading);
    expect(problems).toEqual([]);
  });
});

describe('checking an uploaded image', () => {
  it('reads the QR code in a PNG and shows the server\'s answer', async () => {
    const file = path.join(tmp, 'certificate-qr.png');
    await fs.writeFile(file, await qrPng(untrustedHc1, { mode: 'alphanumeric' }));
    const { page, problems } = await openVerify();
    const sent = page.waitForRequest((r) => r.url().endsWith('/api/verify') && r.method() === 'POST');
    await page.getByLabel(texts.en.image).setInputFiles(file);
    expect((await sent).postDataJSON()).toEqual({ qr: untrustedHc1 });
    await expect.poll(() => verdict(page), eventually).toContain('Not valid');
    expect(await result(page).innerText()).toContain(texts.en.untrusted);
    expect(problems).toEqual([]);
  });

  it('says so, and suggests a sharper photo, when the image holds no QR code', async () => {
    const { page, problems } = await openVerify({ language: 'hi' });
    // A plain grey picture, as a blurred photo of a table would be.
    const blank = Buffer.from(await page.evaluate(() => {
      const canvas = document.createElement('canvas');
      canvas.width = 300;
      canvas.height = 200;
      const context = canvas.getContext('2d')!;
      context.fillStyle = '#888';
      context.fillRect(0, 0, 300, 200);
      return canvas.toDataURL('image/png').split(',')[1]!;
    }), 'base64');
    await page.getByLabel(texts.hi.image).setInputFiles({ name: 'blank.png', mimeType: 'image/png', buffer: blank });
    await expect.poll(() => page.locator('#verify-image-error').textContent(), eventually).toContain('ज़्यादा साफ़ फ़ोटो');
    await page.getByLabel(texts.hi.image).setInputFiles({ name: 'notes.png', mimeType: 'image/png', buffer: Buffer.from('not an image') });
    await expect.poll(() => page.locator('#verify-image-error').textContent(), eventually).toContain('इमेज के रूप में नहीं खुल सकी');
    expect(await result(page).count()).toBe(0);
    expect(problems).toEqual([]);
  });
});

const validAnswer = {
  valid: true,
  certificate: { name: 'Sunita Ramachandran Iyer', age: 41, vaccine: 'COVISHIELD', dose: '1/2', date: '2026-03-14', status: 'valid' },
};

/** The server's answer for a certificate it issued, which only its own key can make. */
async function answerValid(page: Page): Promise<void> {
  await page.route('**/api/verify', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(validAnswer) }));
}

describe('a valid certificate (intercepted answer)', () => {
  it('shows a green verdict with the details and the photo ID reminder, in English', async () => {
    const { page, problems } = await openVerify();
    await answerValid(page);
    await paste(page, 'en', untrustedHc1);
    await expect.poll(() => verdict(page), eventually).toContain('Valid certificate');
    expect(await result(page).getAttribute('class')).toContain('verify-result--valid');
    const shown = await result(page).innerText();
    expect(shown).toMatch(/Name\s+Sunita Ramachandran Iyer/);
    expect(shown).toMatch(/Age\s+41 years/);
    expect(shown).toMatch(/Vaccine\s+COVISHIELD/);
    expect(shown).toMatch(/Dose\s+1 of 2/);
    expect(shown).toMatch(/Date of vaccination\s+14 March 2026/);
    expect(shown).toContain(texts.en.photoId);
    const background = await result(page).evaluate((element) => getComputedStyle(element).backgroundColor);
    expect(background).toBe('rgb(238, 248, 241)');

    await page.getByRole('button', { name: 'Check another certificate' }).click();
    expect(await result(page).count()).toBe(0);
    // Focus moves in an effect after the re-render; under load that is a frame or two later.
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('verify-camera-heading');
    expect(problems).toEqual([]);
  });

  it('shows the same in Hindi', async () => {
    const { page, problems } = await openVerify({ language: 'hi' });
    await answerValid(page);
    await paste(page, 'hi', untrustedHc1);
    await expect.poll(() => verdict(page), eventually).toContain(texts.hi.valid);
    const shown = await result(page).innerText();
    expect(shown).toMatch(/आयु\s+41 वर्ष/);
    expect(shown).toMatch(/खुराक\s+2 में से 1/);
    expect(shown).toContain('14 मार्च 2026');
    expect(shown).toContain(texts.hi.photoId);
    expect(problems).toEqual([]);
  });

  it('explains a server it cannot reach', async () => {
    const { page, problems } = await openVerify();
    await page.route('**/api/verify', (route) => route.fulfill({ status: 503, body: '{"statusCode":503}' }));
    await paste(page, 'en', untrustedHc1);
    await expect.poll(() => page.getByRole('alert').filter({ hasText: 'Could not reach the server' }).count(), eventually).toBe(1);
    expect(await result(page).count()).toBe(0);
    expect(problems).toEqual([]);
  });
});

describe('getting there, and without a camera', () => {
  it('is linked from the footer of every page, and loads its code only when opened', async () => {
    const watched = await openCitizenPage(browser);
    pages.push(watched);
    const { page, problems } = watched;
    const scripts: string[] = [];
    page.on('response', (r) => { if (r.url().endsWith('.js')) scripts.push(r.url()); });
    await page.goto(server.url);
    await page.getByRole('heading', { level: 1, name: 'Find a vaccination centre' }).waitFor();
    expect(scripts.some((s) => s.includes('verify-page'))).toBe(false);
    await page.getByRole('contentinfo').getByRole('link', { name: 'Verify a certificate' }).click();
    await page.getByRole('heading', { level: 1, name: texts.en.heading }).waitFor();
    expect(scripts.some((s) => s.includes('verify-page'))).toBe(true);
    expect(await page.title()).toBe('Verify a certificate · Teeka');
    expect(problems).toEqual([]);
  });

  it('explains, without breaking, when there is no camera to start', async () => {
    const { page, problems } = await openVerify();
    await page.getByRole('button', { name: texts.en.camera }).click();
    const camera = page.locator('section[aria-labelledby="verify-camera-heading"]');
    await expect.poll(() => camera.getByRole('alert').innerText(), eventually).toMatch(/camera/i);
    expect(await camera.getByRole('button', { name: texts.en.camera }).isVisible()).toBe(true);
    // The other ways still work.
    await paste(page, 'en', untrustedHc1);
    await expect.poll(() => verdict(page), eventually).toContain('Not valid');
    expect(problems).toEqual([]);
  });
});

describe('accessibility (axe-core: no serious or critical violations; no sideways scrolling)', () => {
  for (const language of ['en', 'hi'] as const) {
    for (const width of [360, 1280]) {
      it(`holds in ${language} at ${width} px, with each verdict and the errors`, async () => {
        const { page, problems } = await openVerify({ language, width });
        const check = async (name: string) => {
          expect(await seriousViolations(page), `${name} (${language}, ${width} px)`).toEqual([]);
          expect(await horizontalOverflow(page), `${name} scrolls sideways (${language}, ${width} px)`).toBe(0);
          await screenshot(page, `verify-${language}-${width}-${name}`);
        };
        await check('empty');

        await page.getByRole('button', { name: texts[language].check, exact: true }).click();
        await page.locator('#verify-text-error').waitFor();
        await check('field-error');

        await paste(page, language, untrustedHc1);
        await expect.poll(() => verdict(page), eventually).toContain(texts[language].notValid);
        await check('not-valid');

        await answerValid(page);
        await paste(page, language, untrustedHc1);
        await expect.poll(() => verdict(page), eventually).toContain(texts[language].valid);
        await check('valid');
        expect(problems).toEqual([]);
      });
    }
  }
});
