import type { LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertProductionReady, loadConfig } from '../../src/config.js';
import { DevOutbox } from '../../src/core/sms/dev-outbox.js';
import { addStaff, signIn, StaffBrowser } from '../api/staff/sign-in.js';
import { createFamily } from '../support/booking-fixtures.js';
import { bearer } from '../support/citizen.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { acceptingGateway, createAppWith, productionConfig, type CustomApp } from './custom-app.js';

/**
 * OWASP API8:2023 Security Misconfiguration, against the app as a production operator runs it: the
 * browser's protections on every answer, no development leftovers (the SMS outbox, generated keys,
 * plain HTTP), no cross-origin access to private answers, and no error that shows a stack trace,
 * SQL or a library's internals.
 */
let prod: CustomApp;
beforeAll(async () => {
  prod = await createAppWith({ sms: acceptingGateway });
});
afterAll(() => prod.close());

const leaksInternals = /\bat \S+ \(|\.[jt]s:\d+|node_modules|SELECT |INSERT |relation "|syntax error|stack|pglite|kysely|fastify/i;

function expectHardened(res: LightMyRequestResponse): void {
  const csp = String(res.headers['content-security-policy'] ?? '');
  expect(csp).toContain("default-src 'self'");
  expect(csp).toContain("script-src 'self'");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).not.toContain('unsafe-inline');
  expect(res.headers['strict-transport-security']).toMatch(/max-age=\d{8,}/);
  expect(res.headers['x-content-type-options']).toBe('nosniff');
  expect(res.headers['x-frame-options']).toBe('DENY');
  expect(res.headers['referrer-policy']).toBe('no-referrer');
  expect(res.headers['x-powered-by']).toBeUndefined();
  expect(res.headers.server).toBeUndefined();
}

describe('the production app', () => {
  it('sends the security headers (HSTS included: TLS ends at the trusted proxy) on public, citizen, staff and error answers', async () => {
    const family = await createFamily(prod, 0);
    expectHardened(await prod.app.inject({ url: '/api/v2/admin/location/states' }));
    expectHardened(await prod.app.inject({ url: '/api/v2/appointment/beneficiaries', headers: bearer(family.token) }));
    expectHardened(await prod.app.inject({ url: '/api/staff/me' }));
    expectHardened(await prod.app.inject({ url: '/api/nowhere' }));
  });

  it('has no development outbox, and refuses to start with development settings, naming each', async () => {
    expect((await prod.app.inject({ url: '/__dev/outbox' })).statusCode).toBe(404);
    expect(() => assertProductionReady(productionConfig())).not.toThrow();
    const developmentLeftovers = { ...productionConfig(), sms: 'outbox', keyringPath: undefined, trustProxy: false };
    // One refusal names every leftover, each with its fix.
    const refusal = (() => {
      try {
        assertProductionReady(developmentLeftovers);
      } catch (error) {
        return (error as Error).message;
      }
      throw new Error('a production server started with development settings');
    })();
    for (const setting of ['TEEKA_SMS=outbox', 'TEEKA_KEYRING', 'TEEKA_TLS_CERT']) expect(refusal).toContain(setting);
    expect(() => loadConfig({ TEEKA_ENV: 'production' })).toThrow(/DATABASE_URL/);
  });

  it('marks the staff session and CSRF cookies Secure, HttpOnly and SameSite=Strict', async () => {
    const browser = new StaffBrowser(prod);
    const csrf = await browser.send({ method: 'GET', url: '/api/staff/csrf', csrf: false });
    const signedIn = await signIn(prod, browser, await addStaff(prod, 'cookie.check', 'auditor', 'nation'));
    expect(signedIn.statusCode).toBe(200);
    const cookies = [...csrf.cookies, ...signedIn.cookies] as { name: string; secure?: boolean; httpOnly?: boolean; sameSite?: string }[];
    expect(cookies.map((c) => c.name)).toEqual(expect.arrayContaining(['teeka_staff', 'teeka_staff_csrf']));
    for (const cookie of cookies) expect(cookie, cookie.name).toMatchObject({ secure: true, httpOnly: true, sameSite: 'Strict' });
  });

  it('gives private answers to no other origin: no CORS grant on citizen, staff or partner routes', async () => {
    const family = await createFamily(prod, 0);
    const origin = { origin: 'https://evil.example' };
    for (const res of [
      await prod.app.inject({ url: '/api/citizen/my-data', headers: { ...bearer(family.token), ...origin } }),
      await prod.app.inject({ method: 'OPTIONS', url: '/api/citizen/my-data', headers: { ...origin, 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' } }),
      await prod.app.inject({ url: '/api/staff/me', headers: origin }),
      await prod.app.inject({ url: '/api/partner/v1/aggregates?from=2024-01-01&to=2024-01-02', headers: origin }),
    ]) {
      expect(res.headers['access-control-allow-origin']).toBeUndefined();
      expect(res.headers['access-control-allow-credentials']).toBeUndefined();
    }
  });

  it('serves its API documentation under a policy that still forbids inline script, listing no development route', async () => {
    const page = await prod.app.inject({ url: '/api/docs/' });
    expect(page.statusCode).toBe(200);
    const csp = String(page.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe/);
    const paths = Object.keys((await prod.app.inject({ url: '/api/docs/json' })).json().paths);
    expect(paths.filter((p) => /__dev|debug/.test(p))).toEqual([]);
  });

  it('answers TRACE and other unknown methods without echoing the request', async () => {
    for (const method of ['TRACE', 'PROPFIND', 'MKCOL'] as const) {
      const res = await prod.app.inject({ method: method as 'GET', url: '/api/v2/admin/location/states', headers: { cookie: 'teeka_staff=secret-session' } });
      expect(res.statusCode).toBeGreaterThanOrEqual(400);
      expect(res.body).not.toContain('secret-session');
    }
  });
});

describe('errors', () => {
  it('say what to fix and nothing about the server, for malformed bodies, types, methods and parameters', async () => {
    const family = await createFamily(prod, 0);
    const answers = [
      await prod.app.inject({ method: 'POST', url: '/api/v2/auth/generateMobileOTP', headers: { 'content-type': 'application/json' }, payload: '{"mobile": "98' }),
      await prod.app.inject({ method: 'POST', url: '/api/v2/auth/generateMobileOTP', headers: { 'content-type': 'application/xml' }, payload: '<mobile>9800000000</mobile>' }),
      await prod.app.inject({ method: 'DELETE', url: '/api/v2/admin/location/states' }),
      await prod.app.inject({ url: '/api/v2/admin/location/districts/not-a-number' }),
      await prod.app.inject({ url: '/api/v2/appointment/sessions/public/findByPin?pincode=%E0%A4%A' }),
      await prod.app.inject({ method: 'POST', url: '/api/v2/registration/beneficiary/new', headers: bearer(family.token), payload: { name: ['array'], birth_year: { $gt: 1 } } }),
    ];
    for (const res of answers) {
      expect(res.statusCode).toBeGreaterThanOrEqual(400);
      expect(res.statusCode).toBeLessThan(500);
      expect(Object.keys(res.json()).sort()).toEqual(['error', 'errorCode']);
      expect(res.body).not.toMatch(leaksInternals);
    }
  });

  it('hide a failure inside the server behind a 500 that quotes only the request id', async () => {
    const broken = await createAppWith({ sms: acceptingGateway });
    try {
      const family = await createFamily(broken, 1);
      await sql`ALTER TABLE beneficiary RENAME TO beneficiary_gone`.execute(broken.database.db);
      const res = await broken.app.inject({ url: '/api/v2/appointment/beneficiaries', headers: bearer(family.token) });
      expect(res.statusCode).toBe(500);
      expect(res.json()).toEqual({ errorCode: 'GERR001', error: expect.stringMatching(/quote request [0-9a-f-]{36}/) });
      expect(res.body).not.toMatch(leaksInternals);
    } finally {
      await broken.close();
    }
  });
});

describe('development mode, for contrast', () => {
  let dev: TestApp;
  beforeAll(async () => {
    dev = await createTestApp();
  });
  afterAll(() => dev.close());

  it('is the only place the outbox exists, because only there the gateway is the outbox', async () => {
    expect(dev.services.sms).toBeInstanceOf(DevOutbox);
    expect((await dev.app.inject({ url: '/__dev/outbox' })).statusCode).toBe(200);
    expect(prod.services.sms).not.toBeInstanceOf(DevOutbox);
    expect((await prod.app.inject({ url: '/__dev/outbox' })).statusCode).toBe(404);
  });
});
