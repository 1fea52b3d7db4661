import { exportJWK, generateKeyPair } from 'jose';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SMS_BODY_TEMPLATE } from '../../src/core/sms/create-gateway.js';
import { HttpSmsGateway } from '../../src/core/sms/http-gateway.js';
import { signedInStaff, type StaffBrowser } from '../api/staff/sign-in.js';
import { bearer, sha256 } from '../support/citizen.js';
import { createAppWith, productionConfig, type CustomApp } from './custom-app.js';
import { startLocalServer, type LocalServer } from './local-server.js';
import { clientAssertion, partnerToken, registerPartner, requestToken, type PartnerCredential } from './partner-client.js';

/**
 * OWASP API7:2023 Server Side Request Forgery. No route fetches a URL a caller supplies: a partner's
 * redirect_uri and keys are data, never fetched; JWT headers that point at keys (jku, x5u) are not
 * followed; and the only outbound request Teeka makes for a caller's action is the SMS, to the
 * gateway named in its configuration. A bait server on 127.0.0.1 is put in every URL-shaped field;
 * it must never be called, and no fetch may go anywhere but the gateway.
 */
const PARTNER_IP = '203.0.113.90';
let t: CustomApp;
let bait: LocalServer;
let gateway: LocalServer;
let admin: StaffBrowser;
let partner: PartnerCredential;
const fetched: string[] = [];
const realFetch = globalThis.fetch;

beforeAll(async () => {
  bait = await startLocalServer((_request, response) => response.writeHead(200, { 'content-type': 'application/json' }).end('{"keys":[]}'));
  gateway = await startLocalServer((_request, response) => response.writeHead(202).end());
  vi.spyOn(globalThis, 'fetch').mockImplementation((input, init) => {
    fetched.push(String(input instanceof Request ? input.url : input));
    return realFetch(input, init);
  });
  const sms = new HttpSmsGateway({ url: `${gateway.url}/send`, bodyTemplate: DEFAULT_SMS_BODY_TEMPLATE, timeoutMs: 2000, maxAttempts: 1 });
  t = await createAppWith({ sms, config: productionConfig() });
  admin = (await signedInStaff(t, 'national_admin', 'nation')).browser;
  partner = await registerPartner(admin, { scopes: ['consented', 'vaccination_status'], allow: [PARTNER_IP] });
});
afterAll(async () => {
  vi.restoreAllMocks();
  await t.close();
  await bait.close();
  await gateway.close();
});

const nothingFetchedButTheGateway = () => {
  expect(bait.received).toEqual([]);
  expect(fetched.filter((url) => !url.startsWith(`${gateway.url}/send`))).toEqual([]);
};

describe('URLs a caller supplies', () => {
  it('a partner\'s redirect_uri is kept as data, never fetched, and only https (or loopback http) is taken', async () => {
    const token = await partnerToken(t.app, partner, PARTNER_IP, t.clock.now());
    const requested = await t.app.inject({
      method: 'POST', url: '/api/partner/v1/consent-requests', headers: bearer(token), remoteAddress: PARTNER_IP,
      payload: { purpose: 'Check vaccination for travel', data: ['vaccination_status'], expires_in_days: 30, redirect_uri: `${bait.url}/callback` },
    });
    expect(requested.statusCode, requested.body).toBe(201);
    for (const target of ['http://169.254.169.254/latest/meta-data/', 'file:///etc/passwd', 'gopher://127.0.0.1:6379/_INFO']) {
      const refused = await t.app.inject({
        method: 'POST', url: '/api/partner/v1/consent-requests', headers: bearer(token), remoteAddress: PARTNER_IP,
        payload: { purpose: 'Check vaccination', data: ['vaccination_status'], expires_in_days: 30, redirect_uri: target },
      });
      expect(refused.statusCode, target).toBe(400);
    }
    nothingFetchedButTheGateway();
  });

  it('partner keys are taken only as given: keys that point elsewhere (jku, x5u) and a jwks_uri are refused, never followed', async () => {
    const { publicKey } = await generateKeyPair('ES256', { extractable: true });
    const key = { ...(await exportJWK(publicKey)), kid: 'bait-key', x5u: `${bait.url}/cert.pem`, jku: `${bait.url}/jwks.json` };
    const withUri = await admin.post('/api/staff/partners', {
      name: 'Bait Partner', purpose: 'testing key URLs', scopes: ['aggregates'], ip_allowlist: [PARTNER_IP], jwks: { keys: [key] }, jwks_uri: `${bait.url}/jwks.json`,
    });
    expect(withUri.statusCode).toBe(400);
    const withMembers = await admin.post('/api/staff/partners', {
      name: 'Bait Partner', purpose: 'testing key URLs', scopes: ['aggregates'], ip_allowlist: [PARTNER_IP], jwks: { keys: [key] },
    });
    expect(withMembers.statusCode).toBe(400);
    expect(withMembers.json().error).toMatch(/x5u|jku/);
    nothingFetchedButTheGateway();
  });

  it('client assertions and citizen tokens that name a key URL in their header are refused without a fetch', async () => {
    const { privateKey } = await generateKeyPair('ES256');
    const assertion = await clientAssertion(partner, { now: t.clock.now(), key: privateKey, kid: `${bait.url}/kid` });
    expect((await requestToken(t.app, assertion, PARTNER_IP)).statusCode).toBe(401);
    const header = Buffer.from(JSON.stringify({ alg: 'RS256', jku: `${bait.url}/jwks.json`, x5u: `${bait.url}/x.pem` })).toString('base64url');
    const forged = `${header}.${Buffer.from('{"sub":"x","jti":"y"}').toString('base64url')}.c2ln`;
    expect((await t.app.inject({ url: '/api/v2/appointment/beneficiaries', headers: bearer(forged) })).statusCode).toBe(401);
    expect((await t.app.inject({ url: '/api/partner/v1/aggregates?from=2024-01-01&to=2024-01-31', headers: bearer(forged), remoteAddress: PARTNER_IP })).statusCode).toBe(401);
    nothingFetchedButTheGateway();
  });

  it('free text with URLs (names, reasons, QR codes) is data, never a destination', async () => {
    const verify = await t.app.inject({ method: 'POST', url: '/api/verify', payload: { qr: `shc:/${bait.url}` } });
    expect(verify.statusCode).toBeLessThan(500);
    const otp = await t.app.inject({ method: 'POST', url: '/api/v2/auth/generateMobileOTP', payload: { mobile: `${bait.url}/9876543210` } });
    expect(otp.statusCode).toBe(400);
    nothingFetchedButTheGateway();
  });
});

describe('the one outbound request: the SMS', () => {
  it('goes to the configured gateway only, whatever the caller sends', async () => {
    const before = gateway.received.length;
    const sent = await t.app.inject({ method: 'POST', url: '/api/v2/auth/generateMobileOTP', payload: { mobile: '9845000001', secret: `${bait.url}/steal` } });
    expect(sent.statusCode).toBe(200);
    expect(gateway.received.length).toBe(before + 1);
    expect(gateway.received.at(-1)).toMatchObject({ method: 'POST', url: '/send' });
    const otp = /\b(\d{6})\b/.exec(gateway.received.at(-1)!.body)![1]!;
    const login = await t.app.inject({ method: 'POST', url: '/api/v2/auth/validateMobileOtp', payload: { txnId: sent.json().txnId, otp: sha256(otp) } });
    expect(login.statusCode).toBe(200);
    nothingFetchedButTheGateway();
  });
});
