import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { latestOtp, sha256 } from '../../support/citizen.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';
import type { StaffBrowser } from '../staff/sign-in.js';
import { nationalAdmin, registerPartner } from './partner-fixtures.js';

let t: TestApp;
let admin: StaffBrowser;
let apiKey: string;
let partnerId: string;

const send = (path: string, payload: object, headers: Record<string, string> = { 'x-api-key': apiKey }, remoteAddress = '127.0.0.1') =>
  t.app.inject({ method: 'POST', url: `/api/v2/auth/${path}`, payload, headers, remoteAddress });

beforeAll(async () => {
  t = await createTestApp();
  admin = await nationalAdmin(t);
  partnerId = (await registerPartner(t, admin, { name: 'Booking App' })).id;
  apiKey = (await admin.post(`/api/staff/partners/${partnerId}/api-key`)).json().api_key;
});
afterAll(() => t.close());

describe('Co-WIN protected generateOTP / confirmOTP (x-api-key)', () => {
  it('logs a citizen in like the public pair, answering isNewAccount', async () => {
    const mobile = '9812345670';
    const sent = await send('generateOTP', { mobile });
    expect(sent.statusCode).toBe(200);
    const confirmed = await send('confirmOTP', { txnId: sent.json().txnId, otp: sha256(latestOtp(t.outbox, mobile)) });
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.json()).toEqual({ token: expect.any(String), isNewAccount: 'Y' });
    t.clock.advance(61_000);
    const again = await send('generateOTP', { mobile });
    const second = await send('confirmOTP', { txnId: again.json().txnId, otp: sha256(latestOtp(t.outbox, mobile)) });
    expect(second.json().isNewAccount).toBe('N');
  });

  it('answers the same for a registered and an unknown mobile', async () => {
    t.clock.advance(61_000);
    const known = await send('generateOTP', { mobile: '9812345670' });
    const unknown = await send('generateOTP', { mobile: '9812345671' });
    expect([known.statusCode, unknown.statusCode]).toEqual([200, 200]);
    expect(Object.keys(known.json())).toEqual(Object.keys(unknown.json()));
  });

  it('answers Co-WIN\'s 401 without a valid key, and sends nothing', async () => {
    const before = t.outbox.list().length;
    for (const headers of [{}, { 'x-api-key': 'not-a-key' }, { 'x-api-key': 'A'.repeat(43) }] as Record<string, string>[]) {
      const res = await send('generateOTP', { mobile: '9812345672' }, headers);
      expect(res.statusCode).toBe(401);
      expect(res.json()).toEqual({ errorCode: 'UNAUTHENTICATED', error: 'Unauthenticated access!' });
    }
    expect((await send('confirmOTP', { txnId: '3fa85f64-5717-4562-b3fc-2c963f66afa6', otp: sha256('123456') }, {})).statusCode).toBe(401);
    expect(t.outbox.list().length).toBe(before);
  });

  it('refuses, and records, the key from outside the partner\'s allowlist', async () => {
    const res = await send('generateOTP', { mobile: '9812345673' }, { 'x-api-key': apiKey }, '198.51.100.9');
    expect(res.statusCode).toBe(403);
    const events = await t.database.db.selectFrom('audit_event').select(['type', 'ip']).where('actor_id', '=', partnerId).where('type', '=', 'partner.ip_refused').execute();
    expect(events).toEqual([{ type: 'partner.ip_refused', ip: '198.51.100.9' }]);
  });

  it('stops working when the key is replaced or the partner disabled', async () => {
    const old = apiKey;
    apiKey = (await admin.post(`/api/staff/partners/${partnerId}/api-key`)).json().api_key;
    t.clock.advance(61_000);
    expect((await send('generateOTP', { mobile: '9812345674' }, { 'x-api-key': old })).statusCode).toBe(401);
    expect((await send('generateOTP', { mobile: '9812345674' })).statusCode).toBe(200);
    await admin.send({ method: 'PATCH', url: `/api/staff/partners/${partnerId}`, payload: { disabled: true } });
    expect((await send('generateOTP', { mobile: '9812345675' })).statusCode).toBe(401);
  });
});
