import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayInIndia, type IsoDate } from '../../src/core/calendar-date.js';
import type { Actor } from '../../src/modules/access/schema.js';
import { signedInStaff } from '../api/staff/sign-in.js';
import { createFamily, openSession, type Family } from '../support/booking-fixtures.js';
import { bearer } from '../support/citizen.js';
import { seedInstant } from '../support/database.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { seriousViolations } from './axe.js';
import { eventually, launchChromium, type WatchedPage } from './browser-page.js';
import { horizontalOverflow, openCitizenPage, screenshot, visit } from './citizen-fixtures.js';

/** Decision 0016: "Who accessed my data" on the My data page. */
let t: TestApp;
let url: string;
let browser: Browser;
const pages: WatchedPage[] = [];
let family: Family;
let centre: { name: string; district: string };
let elsewhere: string;

/** Asha Devi is vaccinated at a centre today (roster, encounter, dose), the way the centre API does it. */
async function vaccinateFirstMember(): Promise<void> {
  const today = todayInIndia(seedInstant()) as IsoDate;
  const session = await openSession(t.database.db, today, 20);
  const facility = (await t.services.facilities.findById(session.facilityId))!;
  centre = { name: facility.name, district: t.services.geography.placeOf(facility.districtId)!.districtName };
  t.outbox.clear();
  const booking = await t.app.inject({
    method: 'POST', url: '/api/v2/appointment/schedule', headers: bearer(family.token),
    payload: { session_id: session.id, slot: session.slots[0], beneficiaries: [family.referenceIds[0]] },
  });
  expect(booking.statusCode).toBe(200);
  const code = /Security code ref \.\.\d{4}: (\d{4})/.exec(t.outbox.list()[0]!.text)![1]!;
  const admin = await signedInStaff(t, 'facility_admin', `facility:${session.facilityId}`);
  const batch = await admin.browser.post(`/api/staff/centre/facilities/${session.facilityId}/batches`, {
    vaccine: session.vaccine, batch_number: 'SEEN-001', expires_on: addDays(today, 60), quantity: 5,
  });
  const { browser: vaccinator } = await signedInStaff(t, 'vaccinator', `facility:${session.facilityId}`);
  const entry = (await vaccinator.get('/api/staff/centre/roster')).json().appointments.find((a: { name: string }) => a.name === 'Asha Devi');
  expect((await vaccinator.post('/api/staff/centre/encounters', { appointment_id: entry.appointment_id, security_code: code })).statusCode).toBe(204);
  const dose = await vaccinator.post('/api/staff/centre/doses', { appointment_id: entry.appointment_id, batch_id: batch.json().id, photo_id_last4: entry.photo_id_masked.slice(-4) });
  expect(dose.statusCode).toBe(201);
}

/** A vaccinator elsewhere tries Ravi Kumar's record again and again: more refusals than one page holds. */
async function refuseSecondMemberRepeatedly(times: number): Promise<void> {
  const row = await t.database.db.selectFrom('facility').select(['id', 'name']).orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();
  elsewhere = row.name;
  const member = await t.database.db.selectFrom('beneficiary').select('id').where('reference_id', '=', family.referenceIds[1]!).executeTakeFirstOrThrow();
  const stranger: Actor = { kind: 'staff', staffId: '00000000-0000-4000-8000-0000000000ab', role: 'vaccinator', scope: { level: 'facility', facilityId: row.id }, sessionId: 's' };
  for (let i = 0; i < times; i += 1) {
    await expect(t.services.access.authorize(stranger, { subject: { kind: 'beneficiary', id: member.id }, purpose: 'vaccinate', fields: ['photo_id'] })).rejects.toThrow();
  }
}

beforeAll(async () => {
  [t, browser] = await Promise.all([createTestApp(), launchChromium()]);
  url = await t.app.listen({ host: '127.0.0.1', port: 0 });
  family = await createFamily(t, 2);
  await vaccinateFirstMember();
  await refuseSecondMemberRepeatedly(22);
});

afterAll(async () => {
  await Promise.all(pages.map((p) => p.close()));
  await browser?.close();
  await t?.close();
});

const words = {
  en: {
    heading: 'Who accessed my data',
    roster: () => `Vaccinator at ${centre.name} (${centre.district}) viewed name, year of birth and gender for the day’s vaccination list`,
    dose: () => `Vaccinator at ${centre.name} (${centre.district}) recorded dose 1 of`,
    refused: () => `Vaccinator at ${elsewhere}`,
    refusedEnd: 'tried to view photo ID number for vaccination, and was refused',
    refusedBadge: 'Refused',
    older: 'Show older entries for Ravi Kumar',
    mobile: 'Your mobile number',
  },
  hi: {
    heading: 'मेरा डेटा किसने देखा',
    roster: () => `${centre.name} (${centre.district}) के टीकाकर्मी ने दिन की टीकाकरण सूची के लिए नाम, जन्म वर्ष और लिंग देखा`,
    dose: () => `${centre.name} (${centre.district}) के टीकाकर्मी ने`,
    refused: () => `${elsewhere}`,
    refusedEnd: 'ने टीकाकरण के लिए फ़ोटो पहचान पत्र का नंबर देखने की कोशिश की, पर अनुमति नहीं मिली',
    refusedBadge: 'ठुकराया गया',
    older: 'Ravi Kumar की पुरानी एंट्री दिखाएँ',
    mobile: 'आपका मोबाइल नंबर',
  },
} as const;

const entriesOf = (page: Page, title: string) => page.getByRole('region', { name: title, exact: true }).locator('li');

describe('"Who accessed my data" (axe-core clean, no sideways scrolling, keyboard)', () => {
  for (const language of ['en', 'hi'] as const) {
    it(`tells each member's accesses in sentences in ${language} on a 360 px phone`, async () => {
      const watched = await openCitizenPage(browser, { token: family.token, language, width: 360 });
      pages.push(watched);
      const { page, problems } = watched;
      const w = words[language];
      await visit(page, url, '/my-data');
      await page.getByRole('heading', { level: 2, name: w.heading }).waitFor();

      const asha = entriesOf(page, 'Asha Devi');
      await expect.poll(() => asha.count(), eventually).toBe(4);
      const told = await asha.allInnerTexts();
      expect(told[0]).toContain(w.dose());
      expect(told[3]).toContain(w.roster());
      // Times in India, machine-readable too; no event codes or purposes as the server names them.
      expect(await asha.first().locator('time').getAttribute('datetime')).toMatch(/^\d{4}-\d{2}-\d{2}T/);
      const section = await page.getByRole('region', { name: w.heading }).innerText();
      expect(section).not.toMatch(/access\.granted|dose\.recorded|vaccination-roster|facility_id|\bstaff\b/);

      const ravi = entriesOf(page, 'Ravi Kumar');
      await expect.poll(() => ravi.count(), eventually).toBe(20);
      expect(await ravi.first().innerText()).toContain(w.refused());
      expect(await ravi.first().innerText()).toContain(w.refusedEnd);
      expect(await ravi.first().innerText()).toContain(w.refusedBadge);
      await page.getByRole('region', { name: w.mobile, exact: true }).waitFor();

      expect(await page.locator('html').getAttribute('lang')).toBe(language);
      expect(await seriousViolations(page)).toEqual([]);
      expect(await horizontalOverflow(page)).toBe(0);
      await screenshot(page, `${language}-360-who-accessed`);

      // By keyboard: the older entries arrive, and focus moves to the first of them.
      const older = page.getByRole('button', { name: w.older });
      await older.focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => ravi.count(), eventually).toBe(22);
      await expect.poll(() => page.evaluate(() => Array.prototype.indexOf.call(document.activeElement?.parentElement?.children ?? [], document.activeElement)), eventually).toBe(20);
      expect(await older.count()).toBe(0);
      expect(await seriousViolations(page)).toEqual([]);
      expect(problems).toEqual([]);
    });
  }
});
