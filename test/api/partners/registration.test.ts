import { generateKeyPairSync } from 'node:crypto';
import { exportJWK, generateKeyPair } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFamily } from '../../support/booking-fixtures.js';
import { bearer } from '../../support/citizen.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';
import { signedInStaff, type StaffBrowser } from '../staff/sign-in.js';
import { nationalAdmin, partnerKey } from './partner-fixtures.js';

let t: TestApp;
let admin: StaffBrowser;
let publicJwk: Record<string, unknown>;

const partnerBody = (changes: Record<string, unknown> = {}) => ({
  name: 'DigiWallet India', purpose: 'Keeps citizens\' vaccination certificates in their document wallet',
  scopes: ['consented', 'certificate_pull'], ip_allowlist: ['203.0.113.0/24', '2001:db8::1'], jwks: { keys: [publicJwk] }, ...changes,
});
const partnerCount = async () => (await t.database.db.selectFrom('partner').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n;

beforeAll(async () => {
  t = await createTestApp();
  admin = await nationalAdmin(t);
  publicJwk = (await partnerKey('wallet-2024')).publicJwk;
});
afterAll(() => t.close());

describe('partner registration (staff, national admin)', () => {
  it('registers a partner and answers what was registered, with a client id and no secret', async () => {
    const res = await admin.post('/api/staff/partners', partnerBody());
    expect(res.statusCode).toBe(201);
    const view = res.json();
    expect(view).toMatchObject({
      name: 'DigiWallet India', scopes: ['consented', 'certificate_pull'], ip_allowlist: ['203.0.113.0/24', '2001:db8::1/128'],
      key_ids: ['wallet-2024'], quotas: { requests_per_minute: 60, requests_per_day: 10_000, subjects_per_day: 1_000 },
      disabled: false, api_key_created_at: null, token_url: 'http://localhost:3000/api/partner/oauth/token',
    });
    expect(view.client_id).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect((await admin.get(`/api/staff/partners/${view.id}`)).json()).toEqual(view);
    expect((await admin.get('/api/staff/partners')).json().partners).toContainEqual(view);
    const events = await t.database.db.selectFrom('audit_event').select(['type', 'actor_kind']).where('subject', '=', `partner:${view.id}`).execute();
    expect(events).toEqual([{ type: 'partner.registered', actor_kind: 'staff' }]);
  });

  it.each([
    ['private key material', async () => ({ jwks: { keys: [{ ...(await exportJWK((await generateKeyPair('ES256', { extractable: true })).privateKey)), kid: 'leaked' }] } }), /jwks\.keys\[0\]: holds private key material \("d"\)/],
    ['a symmetric key', async () => ({ jwks: { keys: [{ kty: 'oct', k: 'c2VjcmV0' }] } }), /jwks\.keys\[0\]: holds private key material \("k"\)/],
    ['a key that is not P-256', async () => ({ jwks: { keys: [{ kty: 'EC', crv: 'P-384', x: 'AA', y: 'AA' }] } }), /jwks\.keys\[0\]\.crv/],
    ['a key that does not parse', async () => ({ jwks: { keys: [{ kty: 'EC', crv: 'P-256', x: 'AAAA', y: 'AAAA' }] } }), /jwks\.keys\[0\]: is not a valid public key/],
    ['a short RSA key', async () => ({ jwks: { keys: [generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({ format: 'jwk' })] } }), /jwks\.keys\[0\]\.n: an RSA key must have at least 2048 bits/],
    ['an empty key set', async () => ({ jwks: { keys: [] } }), /jwks\.keys/],
    ['a bad CIDR block', async () => ({ ip_allowlist: ['127.0.0.1', '10.0.0.0/33'] }), /ip_allowlist\[1\]: "10\.0\.0\.0\/33" is not an IPv4 or IPv6 address or CIDR block/],
    ['a host name instead of an address', async () => ({ ip_allowlist: ['partner.example'] }), /ip_allowlist\[0\]/],
    ['an unknown scope', async () => ({ scopes: ['everything'] }), /scopes/],
    ['an unknown field', async () => ({ mobile: '9876543210' }), /mobile|additional/],
  ])('refuses %s with 400 naming the field, and writes nothing', async (_what, changes, message) => {
    const before = await partnerCount();
    const res = await admin.post('/api/staff/partners', partnerBody(await changes()));
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatch(message);
    expect(await partnerCount()).toBe(before);
  });

  it('accepts an RSA key and gives a key without kid its thumbprint', async () => {
    const rsa = await exportJWK((await generateKeyPair('RS256', { modulusLength: 2048, extractable: true })).publicKey);
    const res = await admin.post('/api/staff/partners', partnerBody({ name: 'Research Council', scopes: ['aggregates'], jwks: { keys: [rsa] } }));
    expect(res.statusCode).toBe(201);
    expect(res.json().key_ids).toEqual([expect.stringMatching(/^[A-Za-z0-9_-]{43}$/)]);
  });

  it('changes a partner, disables it, and records each change', async () => {
    const { id } = (await admin.post('/api/staff/partners', partnerBody({ name: 'Health App' }))).json();
    const changed = await admin.send({ method: 'PATCH', url: `/api/staff/partners/${id}`, payload: { scopes: ['consented'], quotas: { requests_per_minute: 5, requests_per_day: 50, subjects_per_day: 5 } } });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ scopes: ['consented'], quotas: { requests_per_minute: 5, requests_per_day: 50, subjects_per_day: 5 }, disabled: false });
    const disabled = await admin.send({ method: 'PATCH', url: `/api/staff/partners/${id}`, payload: { disabled: true } });
    expect(disabled.json().disabled).toBe(true);
    const badCidr = await admin.send({ method: 'PATCH', url: `/api/staff/partners/${id}`, payload: { ip_allowlist: ['300.1.1.1'] } });
    expect(badCidr.statusCode).toBe(400);
    expect(badCidr.json().error).toMatch(/^ip_allowlist\[0\]:/);
    const events = await t.database.db.selectFrom('audit_event').select(['type', 'detail']).where('subject', '=', `partner:${id}`).orderBy('seq').execute();
    expect(events.map((e) => e.type)).toEqual(['partner.registered', 'partner.updated', 'partner.disabled']);
    expect((await admin.send({ method: 'PATCH', url: '/api/staff/partners/00000000-0000-4000-8000-000000000000', payload: { disabled: true } })).statusCode).toBe(404);
  });

  it('issues an x-api-key once, keeping only its MAC', async () => {
    const { id } = (await admin.post('/api/staff/partners', partnerBody({ name: 'Key Holder' }))).json();
    const res = await admin.post(`/api/staff/partners/${id}/api-key`);
    expect(res.statusCode).toBe(200);
    const apiKey = res.json().api_key as string;
    expect(apiKey).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect((await admin.get(`/api/staff/partners/${id}`)).json().api_key_created_at).toBe(t.clock.now().toISOString());
    const row = await t.database.db.selectFrom('partner').select('api_key_mac').where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.api_key_mac).not.toContain(apiKey);
    expect(JSON.stringify(await t.database.db.selectFrom('audit_event').selectAll().execute())).not.toContain(apiKey);
  });

  it('is for national admins only, and needs a staff session', async () => {
    const { browser } = await signedInStaff(t, 'state_admin', 'state:21');
    expect((await browser.get('/api/staff/partners')).statusCode).toBe(403);
    expect((await browser.post('/api/staff/partners', partnerBody())).statusCode).toBe(403);
    expect((await t.app.inject({ url: '/api/staff/partners' })).statusCode).toBe(401);
    const family = await createFamily(t, 0);
    expect((await t.app.inject({ url: '/api/staff/partners', headers: bearer(family.token) })).statusCode).toBe(401);
  });
});
