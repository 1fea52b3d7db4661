import { randomUUID } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWTPayload } from 'jose';
import type { TestApp } from '../../support/test-app.js';
import { signedInStaff, type StaffBrowser } from '../staff/sign-in.js';

export const JWT_BEARER = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

export interface TestPartner {
  id: string;
  clientId: string;
  tokenUrl: string;
  kid: string;
  privateKey: CryptoKey;
}

/** A key pair as a partner makes it: the private half stays with the test, the public JWK is registered. */
export async function partnerKey(kid = `key-${randomUUID().slice(0, 8)}`): Promise<{ kid: string; privateKey: CryptoKey; publicJwk: Record<string, unknown> }> {
  const { publicKey, privateKey } = await generateKeyPair('ES256', { extractable: true });
  return { kid, privateKey, publicJwk: { ...(await exportJWK(publicKey)), kid, use: 'sig', alg: 'ES256' } };
}

export async function nationalAdmin(t: TestApp): Promise<StaffBrowser> {
  return (await signedInStaff(t, 'national_admin', 'nation')).browser;
}

let partners = 0;

/** Registers a partner through the staff API, with every scope and the test client's address unless told otherwise. */
export async function registerPartner(t: TestApp, admin: StaffBrowser, body: Record<string, unknown> = {}): Promise<TestPartner> {
  const key = await partnerKey();
  const res = await admin.post('/api/staff/partners', {
    name: `Test Wallet ${(partners += 1)}`, purpose: 'Keeps citizens\' certificates in their phone wallet',
    scopes: ['consented', 'vaccination_status', 'certificate_pull', 'aggregates'], ip_allowlist: ['127.0.0.1'],
    jwks: { keys: [key.publicJwk] }, quotas: { requests_per_minute: 1000, requests_per_day: 100_000, subjects_per_day: 1000 }, ...body,
  });
  if (res.statusCode !== 201) throw new Error(`register partner: ${res.statusCode} ${res.body}`);
  const view = res.json();
  return { id: view.id, clientId: view.client_id, tokenUrl: view.token_url, kid: key.kid, privateKey: key.privateKey };
}

/** A client assertion (RFC 7523) signed with the partner's key, valid 2 minutes from the test clock; `claims` override. */
export async function clientAssertion(t: TestApp, partner: TestPartner, claims: JWTPayload = {}, key: { kid: string; privateKey: CryptoKey } = partner): Promise<string> {
  const now = Math.floor(t.clock.now().getTime() / 1000);
  return new SignJWT({ iss: partner.clientId, sub: partner.clientId, aud: partner.tokenUrl, iat: now, exp: now + 120, jti: randomUUID(), ...claims })
    .setProtectedHeader({ alg: 'ES256', kid: key.kid })
    .sign(key.privateKey);
}

export function tokenRequest(t: TestApp, form: Record<string, string>, remoteAddress = '127.0.0.1'): Promise<LightMyRequestResponse> {
  return t.app.inject({
    method: 'POST', url: '/api/partner/oauth/token', remoteAddress,
    headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams(form).toString(),
  });
}

export async function accessToken(t: TestApp, partner: TestPartner, scope?: string): Promise<string> {
  const res = await tokenRequest(t, {
    grant_type: 'client_credentials', client_assertion_type: JWT_BEARER, client_assertion: await clientAssertion(t, partner), ...(scope ? { scope } : {}),
  });
  if (res.statusCode !== 200) throw new Error(`token: ${res.statusCode} ${res.body}`);
  return res.json().access_token as string;
}

export const asPartner = (token: string) => ({ authorization: `Bearer ${token}` });
