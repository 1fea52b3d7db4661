import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { addDays } from '../../src/core/calendar-date.js';
import { MAX_CSV_BYTES } from '../../src/modules/planning/csv.js';
import { signedInStaff, StaffBrowser } from '../api/staff/sign-in.js';
import { createFamily } from '../support/booking-fixtures.js';
import { bearer } from '../support/citizen.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { acceptingGateway, createAppWith, productionConfig } from './custom-app.js';
import { bookedToday, today } from './fixtures.js';
import { partnerToken, registerPartner } from './partner-client.js';

/**
 * OWASP API4:2023 Unrestricted Resource Consumption: oversized bodies and strings, floods from one
 * address, and a logged-in client searching without end are each cut off with a stated limit, a
 * status that says so (413, 400, 429, 503) and, for limits that pass, Retry-After.
 */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('request size', () => {
  it('refuses a JSON body over 64 KiB with 413 before reading it, on public, citizen and staff routes', async () => {
    const family = await createFamily(t, 0);
    const { browser } = await signedInStaff(t, 'vaccinator', 'facility:560001');
    const big = { name: 'A'.repeat(70 * 1024) };
    const answers = [
      await t.app.inject({ method: 'POST', url: '/api/v2/auth/generateMobileOTP', payload: { mobile: '9800000000', padding: 'x'.repeat(70 * 1024) } }),
      await t.app.inject({ method: 'POST', url: '/api/verify', payload: { qr: `HC1:${'A'.repeat(70 * 1024)}` } }),
      await t.app.inject({ method: 'POST', url: '/api/v2/registration/beneficiary/new', headers: bearer(family.token), payload: big }),
      await browser.post('/api/staff/centre/walk-ins/otp', { mobile: 'x'.repeat(70 * 1024) }),
    ];
    for (const res of answers) {
      expect(res.statusCode).toBe(413);
      expect(res.json().errorCode).toBe('PAYLOAD_TOO_LARGE');
    }
  });

  it('refuses a CSV upload over its own limit', async () => {
    const { browser } = await signedInStaff(t, 'district_admin', 'district:395');
    const res = await browser.send({
      method: 'POST', url: '/api/staff/planning/centres/import', headers: { 'content-type': 'text/csv' }, payload: `name\n${'x'.repeat(MAX_CSV_BYTES + 1)}`,
    });
    expect(res.statusCode).toBe(413);
  });

  it('refuses long strings at the edge, naming the field, within the body limit', async () => {
    const family = await createFamily(t, 0);
    const res = await t.app.inject({
      method: 'POST', url: '/api/citizen/corrections', headers: bearer(family.token),
      payload: { beneficiary_reference_id: '12345678901234', field: 'name', requested_value: 'A'.repeat(10_000), reason: 'B'.repeat(10_000) },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatch(/requested_value|reason/);
    const page = await (await signedInStaff(t, 'district_admin', 'district:395')).browser.get('/api/staff/aefi/districts/395/reports?per_page=100000');
    expect(page.statusCode).toBe(400);
    expect(page.json().error).toContain('per_page');
  });
});

describe('floods from one address', () => {
  it('limits public requests per address per 5 minutes, with Retry-After', async () => {
    const limited = await createTestApp({ rateLimit: 5 });
    try {
      for (let i = 0; i < 5; i += 1) expect((await limited.app.inject({ url: '/api/v2/admin/location/states', remoteAddress: '192.0.2.50' })).statusCode).toBe(200);
      const refused = await limited.app.inject({ url: '/api/v2/admin/location/states', remoteAddress: '192.0.2.50' });
      expect(refused.statusCode).toBe(429);
      expect(refused.json().errorCode).toBe('RATE_LIMITED');
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
      expect((await limited.app.inject({ url: '/api/verify', method: 'POST', payload: { qr: 'HC1:x' }, remoteAddress: '192.0.2.50' })).statusCode).toBe(429);
    } finally {
      await limited.close();
    }
  });

  it('limits OTP requests per address per hour, whatever the numbers, and staff sign-ins per address', async () => {
    const limited = await createTestApp({ config: { otpRequestsPerIpPerHour: 3, staffLoginsPerIpPerHour: 3 } });
    try {
      const otp = (n: number) => limited.app.inject({ method: 'POST', url: '/api/v2/auth/generateMobileOTP', payload: { mobile: `98765432${10 + n}` }, remoteAddress: '192.0.2.60' });
      for (let n = 0; n < 3; n += 1) expect((await otp(n)).statusCode).toBe(200);
      const refused = await otp(3);
      expect(refused.statusCode).toBe(429);
      expect(refused.json().errorCode).toBe('OTP_RATE_LIMITED');
      expect(limited.outbox.list()).toHaveLength(3);
      const browser = new StaffBrowser(limited);
      for (let n = 0; n < 3; n += 1) await browser.post('/api/staff/login', { username: `someone.${n}`, password: 'guess' });
      expect((await browser.post('/api/staff/login', { username: 'someone.4', password: 'guess' })).json().errorCode).toBe('SIGN_IN_RATE_LIMITED');
    } finally {
      await limited.close();
    }
  });

  it('sheds load with 503 and Retry-After when the process is over its memory limit', async () => {
    const pressed = await createTestApp({ config: { maxHeapUsedMb: 1 } });
    try {
      await expect.poll(async () => (await pressed.app.inject({ url: '/api/v2/admin/location/states' })).statusCode, { timeout: 5000 }).toBe(503);
      const shed = await pressed.app.inject({ url: '/api/v2/admin/location/states' });
      expect(shed.json().errorCode).toBe('SERVER_BUSY');
      expect(Number(shed.headers['retry-after'])).toBeGreaterThan(0);
    } finally {
      await pressed.close();
    }
  });
});

describe('a logged-in client that never stops', () => {
  it('gets at most the configured protected searches a day, then 429', async () => {
    const limited = await createTestApp({ config: { searchesPerAccountPerDay: 3 } });
    try {
      const family = await createFamily(limited, 0);
      const date = today(limited).split('-').reverse().join('-');
      const search = () => limited.app.inject({ url: `/api/v2/appointment/sessions/calendarByDistrict?district_id=395&date=${date}`, headers: bearer(family.token) });
      for (let i = 0; i < 3; i += 1) expect((await search()).statusCode).toBe(200);
      const refused = await search();
      expect(refused.statusCode).toBe(429);
      expect(refused.json().errorCode).toBe('SEARCH_LIMIT');
    } finally {
      await limited.close();
    }
  });
});

describe('budgets and quotas of a credential', () => {
  it('refuses a vaccinator the next person past its hourly budget of distinct people, and the alert suspends the login', async () => {
    const defaults = loadConfig({}).detection;
    const budgeted = await createAppWith({
      sms: acceptingGateway,
      config: productionConfig({ detection: { ...defaults, budgets: { ...defaults.budgets, vaccinator: { perHour: 2, perDay: 5 } } } }),
    });
    try {
      const first = await bookedToday(budgeted);
      const people = [first, await bookedToday(budgeted, first.session), await bookedToday(budgeted, first.session)];
      const centre = first.session.facilityId;
      const admin = (await signedInStaff(budgeted, 'facility_admin', `facility:${centre}`)).browser;
      const batch = (await admin.post(`/api/staff/centre/facilities/${centre}/batches`, {
        vaccine: first.session.vaccine, batch_number: 'BUDGET-1', expires_on: addDays(today(budgeted), 60), quantity: 10,
      })).json();
      const { browser } = await signedInStaff(budgeted, 'vaccinator', `facility:${centre}`);
      const answers = [];
      for (const person of people) {
        await browser.post('/api/staff/centre/encounters', { appointment_id: person.appointmentId, security_code: person.securityCode });
        const masked = (await budgeted.database.db.selectFrom('beneficiary').select('photo_id_masked').where('reference_id', '=', person.family.referenceIds[0]!).executeTakeFirstOrThrow()).photo_id_masked;
        answers.push(await browser.post('/api/staff/centre/doses', { appointment_id: person.appointmentId, batch_id: batch.id, photo_id_last4: masked.slice(-4) }));
      }
      expect(answers.map((a) => a.statusCode)).toEqual([201, 201, 429]);
      expect(answers[2]!.json().errorCode).toBe('ACCESS_BUDGET_SPENT');
      expect(Number(answers[2]!.headers['retry-after'])).toBeGreaterThan(0);
      expect((await browser.get('/api/staff/me')).statusCode).toBe(401);
    } finally {
      await budgeted.close();
    }
  });

  it('holds a partner to its requests per minute, with Retry-After', async () => {
    const ip = '203.0.113.61';
    const admin = (await signedInStaff(t, 'national_admin', 'nation')).browser;
    const partner = await registerPartner(admin, { scopes: ['aggregates'], allow: [ip], quotas: { requests_per_minute: 3, requests_per_day: 100, subjects_per_day: 10 } });
    const token = await partnerToken(t.app, partner, ip, t.clock.now());
    const day = today(t);
    const call = () => t.app.inject({ url: `/api/partner/v1/aggregates?from=${day}&to=${day}`, headers: bearer(token), remoteAddress: ip });
    // The token request was the first call of the minute: quotas count every call.
    const answers = [await call(), await call(), await call()];
    expect(answers.map((a) => a.statusCode)).toEqual([200, 200, 429]);
    expect(Number(answers[2]!.headers['retry-after'])).toBeGreaterThan(0);
  });
});
