import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';
import type { StaffBrowser } from '../staff/sign-in.js';
import {
  accessToken, asPartner, clientAssertion, JWT_BEARER, nationalAdmin, partnerKey, registerPartner, tokenRequest, type TestPartner,
} from './partner-fixtures.js';

let t: TestApp;
let admin: StaffBrowser;
let partner: TestPartner;

const grant = async (p: TestPartner, assertion?: string, extra: Record<string, string> = {}) => ({
  grant_type: 'client_credentials', client_assertion_type: JWT_BEARER, client_assertion: assertion ?? (await clientAssertion(t, p)), ...extra,
});
const eventsOf = (partnerId: string, type: string) =>
  t.database.db.selectFrom('audit_event').select(['type', 'outcome', 'ip', 'detail']).where('actor_id', '=', partnerId).where('type', '=', type).execute();
/** Any partner route: a consent request that does not exist is 404 once the caller is let in. */
const call = (token: string, remoteAddress = '127.0.0.1') =>
  t.app.inject({ url: `/api/partner/v1/consent-requests/${randomUUID()}`, headers: asPartner(token), remoteAddress });

beforeAll(async () => {
  // Alerts suspend here as in production: one test is about exactly that.
  const defaults = loadConfig({});
  t = await createTestApp({ config: { detection: { ...defaults.detection, autoSuspend: true } } });
  admin = await nationalAdmin(t);
  partner = await registerPartner(t, admin);
});
afterAll(() => t.close());

describe('token endpoint (client credentials, private_key_jwt)', () => {
  it('issues a 5-minute bearer token for a well-signed assertion, and records it', async () => {
    const res = await tokenRequest(t, await grant(partner));
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const body = res.json();
    expect(body).toEqual({ access_token: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/), token_type: 'Bearer', expires_in: 300, scope: 'consented vaccination_status certificate_pull aggregates' });
    expect((await call(body.access_token)).statusCode).toBe(404);
    expect(await eventsOf(partner.id, 'partner.token_issued')).toHaveLength(1);
    const stored = await t.database.db.selectFrom('partner_access_token').select('token_mac').execute();
    expect(JSON.stringify(stored)).not.toContain(body.access_token);
  });

  it('lets the token lapse after 5 minutes', async () => {
    const token = await accessToken(t, partner);
    t.clock.advance(301_000);
    const res = await call(token);
    expect(res.statusCode).toBe(401);
    expect(res.json().errorCode).toBe('UNAUTHENTICATED');
  });

  it('narrows to the scopes asked for, and refuses calls outside them', async () => {
    const res = await tokenRequest(t, await grant(partner, undefined, { scope: 'consented' }));
    expect(res.json().scope).toBe('consented');
    const aggregates = await t.app.inject({ url: '/api/partner/v1/aggregates?from=2021-01-01&to=2021-01-31', headers: asPartner(res.json().access_token) });
    expect(aggregates.statusCode).toBe(403);
    expect(aggregates.json().errorCode).toBe('SCOPE_NOT_GRANTED');
  });

  it('refuses a scope the partner is not registered for', async () => {
    const narrow = await registerPartner(t, admin, { scopes: ['consented'] });
    const res = await tokenRequest(t, await grant(narrow, undefined, { scope: 'consented aggregates' }));
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({ error: 'invalid_scope', error_description: expect.stringContaining('consented') });
  });

  it('refuses an assertion signed with a key that is not registered', async () => {
    const other = await partnerKey(partner.kid);
    const res = await tokenRequest(t, await grant(partner, await clientAssertion(t, partner, {}, other)));
    expect(res.statusCode).toBe(401);
    expect(res.json()).toEqual({ error: 'invalid_client', error_description: expect.stringMatching(/signature/) });
    expect((await eventsOf(partner.id, 'partner.token_refused')).at(-1)).toMatchObject({ outcome: 'denied' });
  });

  it('refuses an expired assertion', async () => {
    const now = Math.floor(t.clock.now().getTime() / 1000);
    const res = await tokenRequest(t, await grant(partner, await clientAssertion(t, partner, { iat: now - 300, exp: now - 60 })));
    expect(res.statusCode).toBe(401);
    expect(res.json().error_description).toMatch(/expired/);
  });

  it('refuses an assertion that lives more than 5 minutes', async () => {
    const now = Math.floor(t.clock.now().getTime() / 1000);
    const res = await tokenRequest(t, await grant(partner, await clientAssertion(t, partner, { exp: now + 3600 })));
    expect(res.statusCode).toBe(401);
    expect(res.json().error_description).toMatch(/at most 5 minutes/);
  });

  it('refuses an assertion for another audience', async () => {
    const res = await tokenRequest(t, await grant(partner, await clientAssertion(t, partner, { aud: 'https://other.example/token' })));
    expect(res.statusCode).toBe(401);
    expect(res.json().error_description).toBe(`The client assertion's aud must be ${partner.tokenUrl}.`);
  });

  it('refuses a replayed assertion (same jti)', async () => {
    const assertion = await clientAssertion(t, partner);
    expect((await tokenRequest(t, await grant(partner, assertion))).statusCode).toBe(200);
    const replay = await tokenRequest(t, await grant(partner, assertion));
    expect(replay.statusCode).toBe(401);
    expect(replay.json()).toEqual({ error: 'invalid_client', error_description: expect.stringMatching(/already used/) });
  });

  it('refuses, and records, a token request from outside the allowlist', async () => {
    const res = await tokenRequest(t, await grant(partner), '198.51.100.7');
    expect(res.statusCode).toBe(403);
    expect(res.json().error).toBe('invalid_client');
    expect(await eventsOf(partner.id, 'partner.ip_refused')).toContainEqual(expect.objectContaining({ outcome: 'denied', ip: '198.51.100.7', detail: { call: 'token' } }));
  });

  it('refuses, and records, an API call with a good token from outside the allowlist', async () => {
    const token = await accessToken(t, partner);
    const res = await call(token, '198.51.100.8');
    expect(res.statusCode).toBe(403);
    expect(res.json().errorCode).toBe('IP_NOT_ALLOWED');
    expect(await eventsOf(partner.id, 'partner.ip_refused')).toContainEqual(expect.objectContaining({ ip: '198.51.100.8' }));
  });

  it('admits an address inside a registered CIDR block', async () => {
    const office = await registerPartner(t, admin, { ip_allowlist: ['10.20.0.0/16'] });
    const res = await tokenRequest(t, await grant(office), '10.20.3.4');
    expect(res.statusCode).toBe(200);
    expect((await call(res.json().access_token, '10.20.200.1')).statusCode).toBe(404);
    expect((await call(res.json().access_token, '10.21.0.1')).statusCode).toBe(403);
  });

  it('stops a disabled partner: no new token, and its live tokens stop at once', async () => {
    const doomed = await registerPartner(t, admin);
    const token = await accessToken(t, doomed);
    await admin.send({ method: 'PATCH', url: `/api/staff/partners/${doomed.id}`, payload: { disabled: true } });
    expect((await call(token)).statusCode).toBe(401);
    const res = await tokenRequest(t, await grant(doomed));
    expect(res.statusCode).toBe(401);
    expect(res.json()).toEqual({ error: 'invalid_client', error_description: 'This client is disabled or suspended.' });
  });

  it('answers RFC 6749 errors for a malformed request', async () => {
    expect((await tokenRequest(t, { ...(await grant(partner)), grant_type: 'password' })).json().error).toBe('unsupported_grant_type');
    expect((await tokenRequest(t, { grant_type: 'client_credentials' })).json().error).toBe('invalid_request');
    expect((await tokenRequest(t, { ...(await grant(partner)), client_assertion_type: 'bearer' })).json().error).toBe('invalid_request');
    const unknown = await tokenRequest(t, await grant({ ...partner, clientId: 'nobody-at-all-here' }));
    expect(unknown.statusCode).toBe(401);
    expect(unknown.json().error).toBe('invalid_client');
    const asJson = await t.app.inject({ method: 'POST', url: '/api/partner/oauth/token', payload: await grant(partner) });
    expect(asJson.statusCode).toBe(400);
    expect(asJson.json().error).toBe('invalid_request');
  });

  it('enforces the per-minute quota with 429 and Retry-After', async () => {
    const small = await registerPartner(t, admin, { quotas: { requests_per_minute: 3, requests_per_day: 100, subjects_per_day: 10 } });
    const token = await accessToken(t, small);
    expect((await call(token)).statusCode).toBe(404);
    expect((await call(token)).statusCode).toBe(404);
    const over = await call(token);
    expect(over.statusCode).toBe(429);
    expect(over.json().errorCode).toBe('PARTNER_QUOTA');
    expect(Number(over.headers['retry-after'])).toBeGreaterThan(0);
    t.clock.advance(60_000);
    expect((await call(token)).statusCode).toBe(404);
  });

  it('is suspended by the security rules after many refusals: no token, and its live token stops', async () => {
    const guessed = await registerPartner(t, admin);
    const token = await accessToken(t, guessed);
    for (let i = 0; i < 10; i += 1) {
      expect((await tokenRequest(t, await grant(guessed, await clientAssertion(t, guessed, { aud: 'https://elsewhere.example/token' })))).statusCode).toBe(401);
    }
    const suspension = await t.database.db.selectFrom('actor_suspension').select('actor_kind').where('actor_id', '=', guessed.id).execute();
    expect(suspension).toEqual([{ actor_kind: 'partner' }]);
    expect((await call(token)).statusCode).toBe(403);
    const res = await tokenRequest(t, await grant(guessed));
    expect(res.statusCode).toBe(401);
    expect(res.json().error_description).toBe('This client is disabled or suspended.');
  });
});
