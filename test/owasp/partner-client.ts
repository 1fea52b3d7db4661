import { randomUUID } from 'node:crypto';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey } from 'jose';
import type { StaffBrowser } from '../api/staff/sign-in.js';

/**
 * A partner as it would run against Teeka: its own ES256 key pair (the public half registered by a
 * national admin), client assertions it signs (RFC 7523) and the token it gets for them. What a
 * thief takes is exactly `clientId` and `privateKey`.
 */
export interface PartnerCredential {
  partnerId: string;
  clientId: string;
  kid: string;
  privateKey: CryptoKey;
  tokenUrl: string;
}

export const TOKEN_PATH = '/api/partner/oauth/token';
export const JWT_BEARER = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

let registered = 0;

/** Registers a partner through the staff API as `admin` (a national admin) and returns its credential. */
export async function registerPartner(
  admin: StaffBrowser, options: { scopes: string[]; allow: string[]; name?: string; quotas?: { requests_per_minute: number; requests_per_day: number; subjects_per_day: number } },
): Promise<PartnerCredential> {
  const { publicKey, privateKey } = await generateKeyPair('ES256', { extractable: true });
  const kid = `key-${(registered += 1)}`;
  const res = await admin.post('/api/staff/partners', {
    name: options.name ?? `Partner ${registered}`, purpose: 'Checks vaccination status for its members, with their consent',
    scopes: options.scopes, ip_allowlist: options.allow, jwks: { keys: [{ ...(await exportJWK(publicKey)), kid, alg: 'ES256', use: 'sig' }] },
    ...(options.quotas ? { quotas: options.quotas } : {}),
  });
  if (res.statusCode !== 201) throw new Error(`partner registration: ${res.statusCode} ${res.body}`);
  const view = res.json();
  return { partnerId: view.id, clientId: view.client_id, kid, privateKey, tokenUrl: view.token_url };
}

/** A client assertion as RFC 7523 §3 asks, with any claim or header overridden for an attack. */
export async function clientAssertion(
  credential: PartnerCredential,
  options: { jti?: string; aud?: string; expiresIn?: number; issuedAt?: Date; key?: CryptoKey; kid?: string; now: Date },
): Promise<string> {
  const iat = Math.floor((options.issuedAt ?? options.now).getTime() / 1000);
  return new SignJWT({})
    .setProtectedHeader({ alg: 'ES256', kid: options.kid ?? credential.kid, typ: 'JWT' })
    .setIssuer(credential.clientId).setSubject(credential.clientId)
    .setAudience(options.aud ?? credential.tokenUrl)
    .setJti(options.jti ?? randomUUID())
    .setIssuedAt(iat)
    .setExpirationTime(iat + (options.expiresIn ?? 120))
    .sign(options.key ?? credential.privateKey);
}

/** The token request, form-encoded, from `ip`. */
export function requestToken(app: FastifyInstance, assertion: string, ip: string, scope?: string): Promise<LightMyRequestResponse> {
  const form = new URLSearchParams({ grant_type: 'client_credentials', client_assertion_type: JWT_BEARER, client_assertion: assertion, ...(scope ? { scope } : {}) });
  return app.inject({ method: 'POST', url: TOKEN_PATH, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: form.toString(), remoteAddress: ip });
}

/** A fresh access token for the credential, from an allowed address. */
export async function partnerToken(app: FastifyInstance, credential: PartnerCredential, ip: string, now: Date): Promise<string> {
  const res = await requestToken(app, await clientAssertion(credential, { now }), ip);
  if (res.statusCode !== 200) throw new Error(`partner token: ${res.statusCode} ${res.body}`);
  return res.json().access_token as string;
}
