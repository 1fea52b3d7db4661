import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../support/test-app.js';
import { bearer, latestOtp, loginAs, sha256 } from '../../support/citizen.js';

let t: TestApp;
const post = (url: string, payload?: unknown, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url, payload: payload as object, headers });

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('OTP login (Co-WIN web and public variants)', () => {
  it('sends a 6-digit OTP by SMS and returns a txnId, accepting and ignoring `secret`', async () => {
    const res = await post('/api/v2/auth/generateMobileOTP', { mobile: '9876500001', secret: 'U2FsdGVkX1+abc==' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ txnId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    expect(latestOtp(t.outbox, '9876500001')).toMatch(/^\d{6}$/);
    expect(t.outbox.list()[0]!.text).toMatch(/valid for 3 minutes/);
  });

  it('logs in with the SHA-256 of the OTP, creates the account once, and says so', async () => {
    const sent = await post('/api/v2/auth/generateMobileOTP', { mobile: '9876500002' });
    const first = await post('/api/v2/auth/validateMobileOtp', { txnId: sent.json().txnId, otp: sha256(latestOtp(t.outbox, '9876500002')) });
    expect(first.statusCode).toBe(200);
    expect(first.json().isNewAccount).toBe('Y');
    t.clock.advance(61_000);
    const again = await post('/api/v2/auth/public/generateOTP', { mobile: '9876500002' });
    const second = await post('/api/v2/auth/validateMobileOtp', { txnId: again.json().txnId, otp: sha256(latestOtp(t.outbox, '9876500002')) });
    expect(second.json().isNewAccount).toBe('N');
  });

  it('issues an HS256 JWT with integer iat, exp = iat + 900, and no personal data', async () => {
    const token = await loginAs(t.app, t.outbox, '9876500003');
    const header = JSON.parse(Buffer.from(token.split('.')[0]!, 'base64url').toString());
    expect(header).toEqual({ alg: 'HS256', typ: 'JWT' });
    const payload = decodeJwt(token);
    expect(Number.isInteger(payload.iat)).toBe(true);
    expect(payload.exp).toBe(payload.iat! + 900);
    // Opaque ids only: no mobile, nor any part of it (the random jti may contain any digits, so
    // the check is on the claims carried rather than on substrings).
    expect(JSON.stringify(payload)).not.toContain('9876500003');
    expect(Object.keys(payload).sort()).toEqual(['exp', 'iat', 'jti', 'sub', 'user_id', 'user_type']);
  });

  it('answers public confirmOTP with a token only', async () => {
    const sent = await post('/api/v2/auth/public/generateOTP', { mobile: '9876500004' });
    const res = await post('/api/v2/auth/public/confirmOTP', { txnId: sent.json().txnId, otp: sha256(latestOtp(t.outbox, '9876500004')) });
    expect(Object.keys(res.json())).toEqual(['token']);
  });

  it('refuses a raw (unhashed) OTP, a wrong one, and locks the transaction after 3 wrong tries', async () => {
    const sent = await post('/api/v2/auth/generateMobileOTP', { mobile: '9876500005' });
    const txnId = sent.json().txnId;
    const otp = latestOtp(t.outbox, '9876500005');
    expect((await post('/api/v2/auth/validateMobileOtp', { txnId, otp })).json().errorCode).toBe('USRAUT0014');
    for (let i = 0; i < 3; i += 1) {
      const wrong = await post('/api/v2/auth/validateMobileOtp', { txnId, otp: sha256('000000') === sha256(otp) ? sha256('111111') : sha256('000000') });
      expect(wrong.statusCode).toBe(400);
      expect(wrong.json().errorCode).toBe('USRAUT0014');
    }
    const right = await post('/api/v2/auth/validateMobileOtp', { txnId, otp: sha256(otp) });
    expect(right.statusCode).toBe(400);
  });

  it('makes an OTP single-use and valid for 3 minutes', async () => {
    const sent = await post('/api/v2/auth/generateMobileOTP', { mobile: '9876500006' });
    const body = { txnId: sent.json().txnId, otp: sha256(latestOtp(t.outbox, '9876500006')) };
    expect((await post('/api/v2/auth/validateMobileOtp', body)).statusCode).toBe(200);
    expect((await post('/api/v2/auth/validateMobileOtp', body)).statusCode).toBe(400);

    t.clock.advance(61_000);
    const late = await post('/api/v2/auth/generateMobileOTP', { mobile: '9876500006' });
    t.clock.advance(180_001);
    const expired = await post('/api/v2/auth/validateMobileOtp', { txnId: late.json().txnId, otp: sha256(latestOtp(t.outbox, '9876500006')) });
    expect(expired.json().errorCode).toBe('USRAUT0014');
  });

  it('sends at most one OTP per mobile per 60 s, the same way for known and unknown numbers', async () => {
    await loginAs(t.app, t.outbox, '9876500007');
    for (const mobile of ['9876500007', '9876500008']) {
      if (mobile === '9876500008') await post('/api/v2/auth/generateMobileOTP', { mobile });
      const again = await post('/api/v2/auth/generateMobileOTP', { mobile });
      expect(again.statusCode).toBe(429);
      expect(again.json().errorCode).toBe('OTP_TOO_SOON');
      expect(Number(again.headers['retry-after'])).toBeGreaterThan(0);
    }
  });

  it('stops after 50 OTPs per mobile per day', async () => {
    for (let i = 0; i < 50; i += 1) {
      expect((await post('/api/v2/auth/generateMobileOTP', { mobile: '9876500009' })).statusCode).toBe(200);
      t.clock.advance(61_000);
    }
    const over = await post('/api/v2/auth/generateMobileOTP', { mobile: '9876500009' });
    expect(over.statusCode).toBe(429);
    expect(over.json().errorCode).toBe('OTP_DAILY_LIMIT');
  });

  it.each([
    [{}, 'USRAUT0010'],
    [{ mobile: '' }, 'USRAUT0010'],
    [{ mobile: '5876543210' }, 'INVALID_INPUT'],
    [{ mobile: '98765' }, 'INVALID_INPUT'],
  ])('validates the mobile %j → %s', async (payload, code) => {
    const res = await post('/api/v2/auth/generateMobileOTP', payload);
    expect(res.statusCode).toBe(400);
    expect(res.json().errorCode).toBe(code);
  });

  it('says OTP is Required when it is missing', async () => {
    expect((await post('/api/v2/auth/validateMobileOtp', { txnId: '3fa85f64-5717-4562-b3fc-2c963f66afa6' })).json().errorCode).toBe('USRAUT0012');
  });
});

describe('tokens', () => {
  it('expire after 15 minutes and are revoked by logout', async () => {
    const token = await loginAs(t.app, t.outbox, '9876500010');
    expect((await t.app.inject({ url: '/api/v2/appointment/beneficiaries', headers: bearer(token) })).statusCode).toBe(200);
    // Some clients send the token without "Bearer".
    expect((await t.app.inject({ url: '/api/v2/appointment/beneficiaries', headers: { authorization: token } })).statusCode).toBe(200);
    const logout = await t.app.inject({ url: '/api/v2/auth/logout', headers: bearer(token) });
    expect(logout.statusCode).toBe(204);
    const after = await t.app.inject({ url: '/api/v2/appointment/beneficiaries', headers: bearer(token) });
    expect(after.statusCode).toBe(401);
    expect(after.json()).toEqual({ errorCode: 'UNAUTHENTICATED', error: 'Unauthenticated access!' });

    const other = await loginAs(t.app, t.outbox, '9876500011');
    t.clock.advance(900_000);
    expect((await t.app.inject({ url: '/api/v2/appointment/beneficiaries', headers: bearer(other) })).statusCode).toBe(401);
  });

  it('refuses a missing, forged or tampered token', async () => {
    const token = await loginAs(t.app, t.outbox, '9876500012');
    const [h, p, s] = token.split('.');
    const forgedPayload = Buffer.from(JSON.stringify({ ...decodeJwt(token), sub: '00000000-0000-4000-8000-000000000000' })).toString('base64url');
    for (const headers of [{}, bearer('nonsense'), bearer(`${h}.${forgedPayload}.${s}`), bearer(`${h}.${p}.${'A'.repeat(s!.length)}`)]) {
      expect((await t.app.inject({ url: '/api/v2/appointment/beneficiaries', headers })).statusCode).toBe(401);
    }
  });
});

describe('per-address OTP limit', () => {
  it('stops one client address asking OTPs for many numbers', async () => {
    const limited = await createTestApp({ config: { otpRequestsPerIpPerHour: 3 } });
    try {
      for (let i = 0; i < 3; i += 1) {
        const res = await limited.app.inject({ method: 'POST', url: '/api/v2/auth/generateMobileOTP', payload: { mobile: `98765100${10 + i}` } });
        expect(res.statusCode).toBe(200);
      }
      const over = await limited.app.inject({ method: 'POST', url: '/api/v2/auth/generateMobileOTP', payload: { mobile: '9876510099' } });
      expect(over.statusCode).toBe(429);
      expect(over.json().errorCode).toBe('OTP_RATE_LIMITED');
    } finally {
      await limited.close();
    }
  });
});
