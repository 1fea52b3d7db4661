import type { Browser, Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayInIndia, type IsoDate } from '../../src/core/calendar-date.js';
import { signedInStaff } from '../api/staff/sign-in.js';
import { createFamily, openSession, type Family } from '../support/booking-fixtures.js';
import { bearer } from '../support/citizen.js';
import { seedInstant } from '../support/database.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { seriousViolations } from './axe.js';
import { eventually, launchChromium, type WatchedPage } from './browser-page.js';
import { horizontalOverflow, openCitizenPage, screenshot, visit, type CitizenPageOptions } from './citizen-fixtures.js';

let t: TestApp;
let url: string;
let browser: Browser;
const pages: WatchedPage[] = [];
let vaccinated: Family;
let waiting: Family;

/** Dose 1 for the family's only member, recorded the way a centre records it: the staff API, with the code from the SMS. */
async function recordDose1(family: Family): Promise<void> {
  const today = todayInIndia(seedInstant()) as IsoDate;
  const session = await openSession(t.database.db, today, 20);
  t.outbox.clear();
  const booking = await t.app.inject({
    method: 'POST', url: '/api/v2/appointment/schedule', headers: bearer(family.token),
    payload: { session_id: session.id, slot: session.slots[0], beneficiaries: family.referenceIds },
  });
  expect(booking.statusCode).toBe(200);
  const code = /Security code ref \.\.\d{4}: (\d{4})/.exec(t.outbox.list()[0]!.text)![1]!;
  const admin = await signedInStaff(t, 'facility_admin', `facility:${session.facilityId}`);
  const batch = await admin.browser.post(`/api/staff/centre/facilities/${session.facilityId}/batches`, {
    vaccine: session.vaccine, batch_number: 'CERT-001', expires_on: addDays(today, 60), quantity: 5,
  });
  expect(batch.statusCode).toBe(201);
  const { browser: vaccinator } = await signedInStaff(t, 'vaccinator', `facility:${session.facilityId}`);
  const entry = (await vaccinator.get('/api/staff/centre/roster')).json().appointments[0];
  expect((await vaccinator.post('/api/staff/centre/encounters', { appointment_id: entry.appointment_id, security_code: code })).statusCode).toBe(204);
  const dose = await vaccinator.post('/api/staff/centre/doses', {
    appointment_id: entry.appointment_id, batch_id: batch.json().id, photo_id_last4: entry.photo_id_masked.slice(-4),
  });
  expect(dose.statusCode).toBe(201);
}

beforeAll(async () => {
  [t, browser] = await Promise.all([createTestApp(), launchChromium()]);
  url = await t.app.listen({ host: '127.0.0.1', port: 0 });
  vaccinated = await createFamily(t, 1);
  await recordDose1(vaccinated);
  waiting = await createFamily(t, 1);
});

afterAll(async () => {
  await Promise.all(pages.map((p) => p.close()));
  await browser?.close();
  await t?.close();
});

async function familyPage(options: CitizenPageOptions): Promise<Page> {
  const watched = await openCitizenPage(browser, options);
  pages.push(watched);
  await visit(watched.page, url, '/family');
  await watched.page.getByRole('article').first().waitFor();
  return watched.page;
}

async function firstBytes(download: Download): Promise<string> {
  const stream = await download.createReadStream();
  const chunk = await new Promise<Buffer>((resolve) => stream.once('data', (data: Buffer) => resolve(data)));
  stream.destroy();
  return chunk.subarray(0, 5).toString('latin1');
}

describe('certificates on the family page', () => {
  it('downloads the certificate PDF of a member with a recorded dose', async () => {
    const page = await familyPage({ token: vaccinated.token });
    const card = page.getByRole('article', { name: 'Asha Devi' });
    expect(await card.innerText()).toContain('Provisional certificate: dose 1 of 2 recorded.');
    const download = page.waitForEvent('download');
    await card.getByRole('button', { name: 'Download certificate for Asha Devi' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe(`vaccination-certificate-${vaccinated.referenceIds[0]}.pdf`);
    expect(await firstBytes(file)).toBe('%PDF-');

    // The server answers with exactly application/pdf, which the page insists on before saving.
    const direct = await t.app.inject({
      url: `/api/v2/registration/certificate/public/download?beneficiary_reference_id=${vaccinated.referenceIds[0]}`, headers: bearer(vaccinated.token),
    });
    expect(direct.headers['content-type']).toBe('application/pdf');
  });

  it('offers no certificate before the first dose', async () => {
    const page = await familyPage({ token: waiting.token });
    const card = page.getByRole('article', { name: 'Asha Devi' });
    expect(await card.innerText()).toContain('No dose recorded yet.');
    expect(await card.getByRole('button', { name: /certificate/ }).count()).toBe(0);
  });

  for (const language of ['en', 'hi'] as const) {
    it(`works by keyboard on a 360 px phone in ${language}, with nothing axe calls serious`, async () => {
      const page = await familyPage({ token: vaccinated.token, language, width: 360 });
      const label = language === 'en' ? 'Download certificate' : 'प्रमाणपत्र डाउनलोड करें';
      const button = page.getByRole('button', { name: language === 'en' ? 'Download certificate for Asha Devi' : 'Asha Devi का टीकाकरण प्रमाणपत्र डाउनलोड करें' });
      expect(await button.innerText()).toBe(label);
      if (language === 'hi') expect(await page.locator('.member-certificate').innerText()).toContain('अनंतिम प्रमाणपत्र');
      expect(await seriousViolations(page)).toEqual([]);
      expect(await horizontalOverflow(page)).toBe(0);
      await screenshot(page, `${language}-360-family-certificate`);

      // Tab until the button has focus, as someone without a mouse would, then press Enter.
      await page.locator('body').focus();
      for (let presses = 0; presses < 40; presses += 1) {
        await page.keyboard.press('Tab');
        if (await button.evaluate((element) => element === document.activeElement)) break;
      }
      await expect.poll(() => button.evaluate((element) => element === document.activeElement), eventually).toBe(true);
      const download = page.waitForEvent('download');
      await page.keyboard.press('Enter');
      expect(await firstBytes(await download)).toBe('%PDF-');
    });
  }
});
