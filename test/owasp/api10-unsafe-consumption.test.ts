import { generateKeyPairSync } from 'node:crypto';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../src/core/calendar-date.js';
import { DEFAULT_SMS_BODY_TEMPLATE } from '../../src/core/sms/create-gateway.js';
import { HttpSmsGateway } from '../../src/core/sms/http-gateway.js';
import { signedInStaff, type StaffBrowser } from '../api/staff/sign-in.js';
import { createFamily, openSession } from '../support/booking-fixtures.js';
import { bearer } from '../support/citizen.js';
import { createAppWith, productionConfig, type CustomApp } from './custom-app.js';
import { today } from './fixtures.js';
import { startLocalServer, type LocalServer } from './local-server.js';
import { registerPartner, requestToken, type PartnerCredential } from './partner-client.js';

/**
 * OWASP API10:2023 Unsafe Consumption of APIs. Teeka consumes two things it does not control: the
 * SMS provider's answers, and the keys partners register. A provider that hangs, answers garbage,
 * fails with its internals in the body or redirects elsewhere must not break booking, hold a
 * request past its timeouts, or leak anything into Teeka's answers or logs; partner keys other than
 * public EC P-256 or RSA-2048+ signing keys are refused, and so are assertions that try to make a
 * registered public key serve as an HMAC secret.
 */
type Behaviour = 'deliver' | 'hang' | 'garbage' | 'fail' | 'redirect';
const GATEWAY_INTERNALS = 'Traceback (most recent call last): provider-db-password=hunter2';
let behaviour: Behaviour = 'deliver';
let gateway: LocalServer;
let elsewhere: LocalServer;
let t: CustomApp;
const logLines: string[] = [];

beforeAll(async () => {
  elsewhere = await startLocalServer((_request, response) => response.writeHead(200).end());
  gateway = await startLocalServer((_request, response) => {
    switch (behaviour) {
      case 'deliver': return void response.writeHead(202).end('{"status":"queued"}');
      case 'hang': return undefined;
      case 'garbage': return void response.writeHead(200, { 'content-type': 'application/json' }).end(`\u0000{"status": <<${GATEWAY_INTERNALS}`);
      case 'fail': return void response.writeHead(500, { 'content-type': 'text/html' }).end(`<pre>${GATEWAY_INTERNALS}</pre>`);
      case 'redirect': return void response.writeHead(302, { location: `${elsewhere.url}/collect` }).end();
    }
  });
  // The provider's timeout and retries, shortened so a hanging provider costs this test under a second.
  const sms = new HttpSmsGateway({ url: `${gateway.url}/send`, bodyTemplate: DEFAULT_SMS_BODY_TEMPLATE, timeoutMs: 300, maxAttempts: 2, sleep: async () => undefined });
  t = await createAppWith({ sms, config: productionConfig(), logLines });
});
afterAll(async () => {
  await t.close();
  await gateway.close();
  await elsewhere.close();
});

const expectNoLeak = (body: string) => {
  expect(body).not.toContain('Traceback');
  expect(body).not.toContain('hunter2');
  expect(body).not.toContain(gateway.url);
};

describe('an SMS provider that misbehaves', () => {
  it.each(['hang', 'fail', 'redirect'] as const)('%s: the OTP request says "try again" (503, Retry-After) within the timeouts, and leaks nothing', async (mode) => {
    behaviour = mode;
    const started = performance.now();
    const res = await t.app.inject({ method: 'POST', url: '/api/v2/auth/generateMobileOTP', payload: { mobile: '9855500001' } });
    behaviour = 'deliver';
    t.clock.advance(61_000);
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(res.statusCode).toBe(503);
    expect(res.json().errorCode).toBe('SMS_NOT_SENT');
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    expectNoLeak(res.body);
    expectNoLeak(logLines.join('\n'));
    expect(elsewhere.received).toEqual([]);
  });

  it('garbage with a 2xx status: the message counts as sent and nothing of the answer comes back', async () => {
    behaviour = 'garbage';
    const res = await t.app.inject({ method: 'POST', url: '/api/v2/auth/generateMobileOTP', payload: { mobile: '9855500002' } });
    behaviour = 'deliver';
    expect(res.statusCode).toBe(200);
    expect(Object.keys(res.json())).toEqual(['txnId']);
    expectNoLeak(res.body);
  });

  it('booking stands when the confirmation SMS cannot be sent, and the slip still gives the codes', async () => {
    const family = await createFamily(t, 1);
    const session = await openSession(t.database.db, addDays(today(t), 2), 10);
    for (const mode of ['hang', 'fail', 'garbage'] as const) {
      behaviour = mode;
      const booked = await t.app.inject({
        method: 'POST', url: '/api/v2/appointment/schedule', headers: bearer(family.token), payload: { session_id: session.id, slot: session.slots[0], beneficiaries: family.referenceIds },
      });
      behaviour = 'deliver';
      expect(booked.statusCode, `${mode}: ${booked.body}`).toBe(200);
      expectNoLeak(booked.body);
      const slip = await t.app.inject({ url: `/api/v2/appointment/appointmentslip/download?appointment_id=${booked.json().appointment_confirmation_no}`, headers: bearer(family.token) });
      expect(slip.statusCode).toBe(200);
      expect(slip.headers['content-type']).toBe('application/pdf');
      const cancelled = await t.app.inject({ method: 'POST', url: '/api/v2/appointment/cancel', headers: bearer(family.token), payload: { appointment_id: booked.json().appointment_confirmation_no } });
      expect(cancelled.statusCode).toBe(204);
    }
  });
});

describe('keys partners register', () => {
  const PARTNER_IP = '203.0.113.95';
  let admin: StaffBrowser;
  let partner: PartnerCredential;

  beforeAll(async () => {
    admin = (await signedInStaff(t, 'national_admin', 'nation')).browser;
    partner = await registerPartner(admin, { scopes: ['aggregates'], allow: [PARTNER_IP] });
  });

  const register = async (key: Record<string, unknown>) => admin.post('/api/staff/partners', {
    name: 'Odd Keys Ltd', purpose: 'testing what keys are taken', scopes: ['aggregates'], ip_allowlist: [PARTNER_IP], jwks: { keys: [key] },
  });

  it('refuses symmetric, private, weak, wrong-curve and non-signing keys, naming the key and member', async () => {
    const ec = await exportJWK((await generateKeyPair('ES256', { extractable: true })).privateKey);
    const p384 = await exportJWK((await generateKeyPair('ES384', { extractable: true })).publicKey);
    const rsa1024 = generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({ format: 'jwk' }) as Record<string, unknown>;
    const cases: [string, Record<string, unknown>, RegExp][] = [
      ['a shared secret', { kty: 'oct', k: 'c2VjcmV0LXNlY3JldC1zZWNyZXQ' }, /jwks\.keys\[0\]/],
      ['a private key', ec, /jwks\.keys\[0\].*private/],
      ['RSA under 2048 bits', rsa1024, /jwks\.keys\[0\]\.n/],
      ['P-384', p384, /jwks\.keys\[0\]\.crv/],
      ['an encryption key', { ...(await exportJWK((await generateKeyPair('ES256', { extractable: true })).publicKey)), use: 'enc' }, /jwks\.keys\[0\]\.use/],
      ['alg "none"', { ...(await exportJWK((await generateKeyPair('ES256', { extractable: true })).publicKey)), alg: 'none' }, /jwks\.keys\[0\]\.alg/],
      ['alg HS256 on a public key', { ...(await exportJWK((await generateKeyPair('ES256', { extractable: true })).publicKey)), alg: 'HS256' }, /jwks\.keys\[0\]\.alg/],
    ];
    const before = (await admin.get('/api/staff/partners')).json().partners.length;
    for (const [what, key, naming] of cases) {
      const res = await register(key);
      expect(res.statusCode, what).toBe(400);
      expect(res.json().error, what).toMatch(naming);
    }
    expect((await admin.get('/api/staff/partners')).json().partners).toHaveLength(before);
  });

  it('refuses an assertion signed with HS256 using the registered public key as the secret (key confusion), or with none', async () => {
    const partnerView = (await admin.get(`/api/staff/partners/${partner.partnerId}`)).json();
    expect(partnerView.key_ids).toEqual([partner.kid]);
    const publicJwk = JSON.stringify(await exportJWK(partner.privateKey).then(({ d: _d, ...pub }) => pub));
    const now = Math.floor(t.clock.now().getTime() / 1000);
    const claims = { iss: partner.clientId, sub: partner.clientId, aud: partner.tokenUrl, jti: 'confused-1', iat: now, exp: now + 60 };
    const confused = await new SignJWT(claims).setProtectedHeader({ alg: 'HS256', kid: partner.kid }).sign(new TextEncoder().encode(publicJwk));
    const unsigned = `${Buffer.from(JSON.stringify({ alg: 'none', kid: partner.kid })).toString('base64url')}.${Buffer.from(JSON.stringify({ ...claims, jti: 'none-1' })).toString('base64url')}.`;
    for (const assertion of [confused, unsigned]) {
      const res = await requestToken(t.app, assertion, PARTNER_IP);
      expect(res.statusCode).toBe(401);
      expect(res.json().error).toBe('invalid_client');
    }
  });
});
