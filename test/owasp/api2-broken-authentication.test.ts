import { randomUUID } from 'node:crypto';
import { decodeJwt, generateKeyPair, SignJWT, UnsecuredJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInIndia } from '../../src/core/calendar-date.js';
import { OTP_DAILY_LIMIT } from '../../src/modules/identity/service.js';
import { freshCode, signedInStaff, StaffBrowser, totpCode } from '../api/staff/sign-in.js';
import { bearer, latestOtp, loginAs, sha256 } from '../support/citizen.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { clientAssertion, partnerToken, registerPartner, requestToken, type PartnerCredential } from './partner-client.js';

/**
 * OWASP API2:2023 Broken Authentication. The attacks: guessing a citizen's OTP, forging or
 * replaying a citizen token, spraying staff passwords and guessing TOTP codes, forging a staff
 * session, and replaying, forging or misdirecting a partner's client assertion. Each is tried for
 * real and must fail with the documented limit.
 */
let t: TestApp;
const post = (url: string, payload: object, headers: Record<string, string> = {}) => t.app.inject({ method: 'POST', url, payload, headers });
const otpFor = async (mobile: string) => (await post('/api/v2/auth/generateMobileOTP', { mobile })).json().txnId as string;
const mine = '/api/v2/appointment/beneficiaries';

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('guessing a citizen\'s OTP', () => {
  it('gets 3 guesses per OTP, after which even the right code is refused, and no session exists', async () => {
    const mobile = '9812300001';
    const txnId = await otpFor(mobile);
    const right = latestOtp(t.outbox, mobile);
    const guesses = ['000000', '123456', '999999', '555555'].filter((g) => g !== right).slice(0, 3);
    for (const guess of guesses) {
      const res = await post('/api/v2/auth/validateMobileOtp', { txnId, otp: sha256(guess) });
      expect(res.statusCode).toBe(400);
      expect(res.json().errorCode).toBe('USRAUT0014');
    }
    const late = await post('/api/v2/auth/validateMobileOtp', { txnId, otp: sha256(right) });
    expect(late.statusCode).toBe(400);
    expect(late.json()).toEqual((await post('/api/v2/auth/validateMobileOtp', { txnId, otp: sha256('424242') })).json());
    expect(await t.database.db.selectFrom('account').select('id').where('mobile_last4', '=', '0001').execute()).toEqual([]);
  });

  it(`caps the guesses at 3 × ${OTP_DAILY_LIMIT} a day per mobile: a new OTP only every 60 s, ${OTP_DAILY_LIMIT} a day`, async () => {
    const mobile = '9812300002';
    await otpFor(mobile);
    const tooSoon = await post('/api/v2/auth/generateMobileOTP', { mobile });
    expect(tooSoon.statusCode).toBe(429);
    expect(tooSoon.json().errorCode).toBe('OTP_TOO_SOON');
    expect(Number(tooSoon.headers['retry-after'])).toBeGreaterThan(0);
    for (let i = 1; i < OTP_DAILY_LIMIT; i += 1) {
      t.clock.advance(61_000);
      expect((await post('/api/v2/auth/public/generateOTP', { mobile })).statusCode).toBe(200);
    }
    t.clock.advance(61_000);
    const capped = await post('/api/v2/auth/generateMobileOTP', { mobile });
    expect(capped.statusCode).toBe(429);
    expect(capped.json().errorCode).toBe('OTP_DAILY_LIMIT');
  });

  it('refuses an OTP replayed after use, and one used after its 3 minutes', async () => {
    const mobile = '9812300003';
    const txnId = await otpFor(mobile);
    const body = { txnId, otp: sha256(latestOtp(t.outbox, mobile)) };
    expect((await post('/api/v2/auth/validateMobileOtp', body)).statusCode).toBe(200);
    expect((await post('/api/v2/auth/validateMobileOtp', body)).statusCode).toBe(400);
    t.clock.advance(61_000);
    const late = await otpFor(mobile);
    t.clock.advance(3 * 60_000 + 1);
    expect((await post('/api/v2/auth/public/confirmOTP', { txnId: late, otp: sha256(latestOtp(t.outbox, mobile)) })).statusCode).toBe(400);
  });
});

describe('forging a citizen token', () => {
  let token: string;
  let accountId: string;

  beforeAll(async () => {
    token = await loginAs(t.app, t.outbox, '9812300010');
    accountId = decodeJwt(token).sub!;
  });

  const refused = async (forged: string) => {
    const res = await t.app.inject({ url: mine, headers: bearer(forged) });
    expect(res.statusCode).toBe(401);
    expect(res.json().errorCode).toBe('UNAUTHENTICATED');
  };

  it('refuses "alg": "none", with or without a signature', async () => {
    const claims = decodeJwt(token);
    const unsigned = new UnsecuredJWT({ ...claims }).encode();
    await refused(unsigned);
    await refused(`${unsigned}${token.split('.')[2]}`);
  });

  it('refuses HS256 tokens signed with guessed keys, and the real token with its payload changed', async () => {
    const claims = decodeJwt(token);
    for (const key of ['secret', '', 'teeka', accountId]) {
      const forged = await new SignJWT({ ...claims }).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).sign(new TextEncoder().encode(key || ' '));
      await refused(forged);
    }
    const [header, , signature] = token.split('.');
    const otherAccount = Buffer.from(JSON.stringify({ ...claims, sub: randomUUID(), user_id: randomUUID() })).toString('base64url');
    await refused(`${header}.${otherAccount}.${signature}`);
  });

  it('refuses another algorithm named in the header, and a header that points at a key', async () => {
    const [, payload, signature] = token.split('.');
    for (const header of [{ alg: 'HS512', typ: 'JWT' }, { alg: 'RS256', typ: 'JWT' }, { alg: 'HS256', typ: 'JWT', kid: '../../../dev/null' }, { alg: 'HS256', jku: 'http://169.254.169.254/keys' }]) {
      await refused(`${Buffer.from(JSON.stringify(header)).toString('base64url')}.${payload}.${signature}`);
    }
  });

  it('refuses a token 15 minutes old, and one whose session was logged out', async () => {
    const other = await loginAs(t.app, t.outbox, '9812300011');
    expect((await t.app.inject({ url: mine, headers: bearer(other) })).statusCode).toBe(200);
    expect((await t.app.inject({ url: '/api/v2/auth/logout', headers: bearer(other) })).statusCode).toBe(204);
    await refused(other);
    expect((await t.app.inject({ url: mine, headers: bearer(token) })).statusCode).toBe(200);
    t.clock.advance(15 * 60_000);
    await refused(token);
  });
});

describe('attacking staff sign-in', () => {
  it('locks an account after 5 wrong passwords, so spraying stops at 5 guesses per 15 minutes, right password included', async () => {
    const { account } = await signedInStaff(t, 'vaccinator', 'facility:560001');
    const guess = (password: string) => new StaffBrowser(t).post('/api/staff/login', { username: account.username, password });
    for (const password of ['Password@123', 'Welcome@2024', 'India@1947', 'Teeka@123', 'Covid@2021']) {
      expect((await guess(password)).json().errorCode).toBe('STAFF_LOGIN_FAILED');
    }
    const locked = await guess(account.password);
    expect(locked.statusCode).toBe(429);
    expect(locked.json().errorCode).toBe('STAFF_LOCKED');
  });

  it('counts wrong TOTP codes against the same lock, and refuses a code already used', async () => {
    const { account } = await signedInStaff(t, 'facility_admin', 'facility:560001');
    const challenge = async () => (await new StaffBrowser(t).post('/api/staff/login', { username: account.username, password: account.password })).json().challenge_token as string;
    const used = freshCode(t, account.totpSecret!);
    const first = await new StaffBrowser(t).post('/api/staff/login/totp', { challenge_token: await challenge(), code: used });
    expect(first.statusCode).toBe(200);
    const replay = await new StaffBrowser(t).post('/api/staff/login/totp', { challenge_token: await challenge(), code: used });
    expect(replay.json().errorCode).toBe('TOTP_INVALID');
    const right = totpCode(account.totpSecret!, t.clock.now());
    for (const code of ['000000', '111111', '222222', '333333', '444444'].filter((c) => c !== right).slice(0, 4)) {
      await new StaffBrowser(t).post('/api/staff/login/totp', { challenge_token: await challenge(), code });
    }
    const locked = await new StaffBrowser(t).post('/api/staff/login', { username: account.username, password: account.password });
    expect(locked.json().errorCode).toBe('STAFF_LOCKED');
  });

  it('refuses a made-up or malformed session cookie', async () => {
    for (const cookie of ['A'.repeat(43), 'x', `${'B'.repeat(42)}=`, "' OR 1=1 --"]) {
      const res = await t.app.inject({ url: '/api/staff/me', headers: { cookie: `teeka_staff=${encodeURIComponent(cookie)}` } });
      expect(res.statusCode).toBe(401);
    }
  });
});

describe('attacking the partner token endpoint', () => {
  const PARTNER_IP = '203.0.113.41';
  let partner: PartnerCredential;

  beforeAll(async () => {
    const admin = (await signedInStaff(t, 'national_admin', 'nation')).browser;
    partner = await registerPartner(admin, { scopes: ['aggregates'], allow: [PARTNER_IP] });
  });

  const refused = async (assertion: string, ip = PARTNER_IP) => {
    const res = await requestToken(t.app, assertion, ip);
    expect(res.statusCode, res.body).toBeGreaterThanOrEqual(401);
    expect(res.statusCode).toBeLessThanOrEqual(403);
    expect(res.json().error).toBe('invalid_client');
    expect(res.json()).not.toHaveProperty('access_token');
    return res;
  };

  it('takes an assertion once: a replay is refused, even seconds later', async () => {
    const assertion = await clientAssertion(partner, { now: t.clock.now() });
    expect((await requestToken(t.app, assertion, PARTNER_IP)).statusCode).toBe(200);
    t.clock.advance(5_000);
    expect((await refused(assertion)).json().error_description).toMatch(/already used/);
  });

  it('refuses assertions that expired, live too long, name another audience, or are signed with another key', async () => {
    const now = t.clock.now();
    await refused(await clientAssertion(partner, { now, issuedAt: new Date(now.getTime() - 10 * 60_000), expiresIn: 120 }));
    await refused(await clientAssertion(partner, { now, expiresIn: 3_600 }));
    await refused(await clientAssertion(partner, { now, aud: 'https://teeka.example.in/api/partner/oauth/token-elsewhere' }));
    const { privateKey } = await generateKeyPair('ES256');
    await refused(await clientAssertion(partner, { now, key: privateKey }));
  });

  it('refuses a valid assertion from an address off the allowlist, and records it', async () => {
    const res = await refused(await clientAssertion(partner, { now: t.clock.now() }), '198.51.100.200');
    expect(res.statusCode).toBe(403);
    const recorded = await t.database.db.selectFrom('audit_event').select('type').where('actor_id', '=', partner.partnerId).where('type', '=', 'partner.ip_refused').execute();
    expect(recorded.length).toBeGreaterThan(0);
  });

  it('refuses a made-up access token, and a real one 5 minutes old', async () => {
    const url = `/api/partner/v1/aggregates?from=${todayInIndia(t.clock.now())}&to=${todayInIndia(t.clock.now())}`;
    const made = await t.app.inject({ url, headers: bearer('A'.repeat(43)), remoteAddress: PARTNER_IP });
    expect(made.statusCode).toBe(401);
    const token = await partnerToken(t.app, partner, PARTNER_IP, t.clock.now());
    expect((await t.app.inject({ url, headers: bearer(token), remoteAddress: PARTNER_IP })).statusCode).toBe(200);
    t.clock.advance(5 * 60_000);
    expect((await t.app.inject({ url, headers: bearer(token), remoteAddress: PARTNER_IP })).statusCode).toBe(401);
  });
});
