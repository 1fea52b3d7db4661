import { createPublicKey } from 'node:crypto';
import { inflateRawSync } from 'node:zlib';
import { calculateJwkThumbprint, compactVerify, decodeProtectedHeader, type JWK } from 'jose';
import { healthCardTypes, type HealthCardPayload } from './health-card-vc.js';
import { fromShcNumeric, ShcNumericError, shcPrefix } from './numeric.js';

/**
 * Why a card was refused, in the order the checks run:
 * - NUMERIC: a `shc:/` text that is not the numeric encoding of a JWS;
 * - JWS: not a compact JWS; HEADER: not {alg ES256, zip DEF, kid};
 * - UNKNOWN_KID: no key with that kid in the JWKS, or one whose kid is not its thumbprint;
 * - SIGNATURE: the signature does not verify;
 * - DEFLATE, PAYLOAD: the signed bytes are not raw DEFLATE, or not a health card credential;
 * - ISSUER: signed by a key of the JWKS given, but naming another issuer;
 * - NOT_YET_VALID, EXPIRED: `now` is before nbf, or at or after exp (cards rarely carry exp).
 */
export type ShcFailure = 'NUMERIC' | 'JWS' | 'HEADER' | 'UNKNOWN_KID' | 'SIGNATURE' | 'DEFLATE' | 'PAYLOAD' | 'ISSUER' | 'NOT_YET_VALID' | 'EXPIRED';

export type ShcVerification =
  | { valid: true; payload: HealthCardPayload; kid: string; issuer: string; issuedAt: Date; rid: string | undefined }
  | { valid: false; reason: ShcFailure; detail: string };

const fail = (reason: ShcFailure, detail: string): ShcVerification => ({ valid: false, reason, detail });

/** The same cap as for HC1: an honest card inflates to a few kilobytes. */
const maxInflatedBytes = 64 * 1024;

function isHealthCard(value: unknown): value is HealthCardPayload {
  const card = value as HealthCardPayload | null;
  return (
    typeof card === 'object' && card !== null &&
    typeof card.iss === 'string' && typeof card.nbf === 'number' && Number.isFinite(card.nbf) &&
    Array.isArray(card.vc?.type) && card.vc.type.includes(healthCardTypes[0]) &&
    card.vc.credentialSubject?.fhirBundle?.resourceType === 'Bundle' && Array.isArray(card.vc.credentialSubject.fhirBundle.entry)
  );
}

/**
 * Verifies a card, as QR text (`shc:/…`) or as a JWS, against the JWKS of the issuer the caller
 * trusts. A caller holding several issuers' key sets passes `issuer` too: otherwise one issuer's key
 * could vouch for a card that names another issuer.
 */
export async function verifyShc(
  qrOrJws: string,
  jwks: { keys: JWK[] },
  now: Date,
  options: { issuer?: string } = {},
): Promise<ShcVerification> {
  let jws = qrOrJws;
  if (qrOrJws.startsWith(shcPrefix)) {
    try {
      jws = fromShcNumeric(qrOrJws);
    } catch (error) {
      if (error instanceof ShcNumericError) return fail('NUMERIC', error.message);
      throw error;
    }
  }
  if (jws.split('.').length !== 3) return fail('JWS', 'a compact JWS has three parts');
  let header: ReturnType<typeof decodeProtectedHeader>;
  try {
    header = decodeProtectedHeader(jws);
  } catch (error) {
    return fail('JWS', `unreadable protected header: ${(error as Error).message}`);
  }
  if (header.alg !== 'ES256' || header.zip !== 'DEF' || typeof header.kid !== 'string') {
    return fail('HEADER', 'the header must be {alg: ES256, zip: DEF, kid}');
  }

  const jwk = jwks.keys.find((k) => k.kid === header.kid);
  if (!jwk || jwk.kty !== 'EC' || jwk.crv !== 'P-256' || !jwk.x || !jwk.y) return fail('UNKNOWN_KID', `kid ${header.kid} is not in the key set`);
  // Only the public members, so a key set that leaked a private `d` still verifies rather than signs.
  const publicJwk = { kty: 'EC', crv: 'P-256', x: jwk.x, y: jwk.y };
  if ((await calculateJwkThumbprint(publicJwk, 'sha256')) !== header.kid) return fail('UNKNOWN_KID', 'the key set entry is not the key its kid names');

  let signed: Uint8Array;
  try {
    const key = createPublicKey({ key: publicJwk, format: 'jwk' });
    signed = (await compactVerify(jws, key, { algorithms: ['ES256'] })).payload;
  } catch (error) {
    return fail('SIGNATURE', (error as Error).message);
  }

  let payload: unknown;
  try {
    payload = JSON.parse(inflateRawSync(signed, { maxOutputLength: maxInflatedBytes }).toString('utf8'));
  } catch (error) {
    if (error instanceof SyntaxError) return fail('PAYLOAD', 'the credential is not JSON');
    return fail('DEFLATE', `not raw DEFLATE: ${(error as Error).message}`);
  }
  if (!isHealthCard(payload)) return fail('PAYLOAD', 'not a SMART Health Card credential');
  if (options.issuer !== undefined && payload.iss !== options.issuer) return fail('ISSUER', `the card names ${payload.iss}`);

  const issuedAt = new Date(payload.nbf * 1000);
  if (now.getTime() < issuedAt.getTime()) return fail('NOT_YET_VALID', `not before ${issuedAt.toISOString()}`);
  const exp = (payload as { exp?: unknown }).exp;
  if (typeof exp === 'number' && now.getTime() >= exp * 1000) return fail('EXPIRED', `expired at ${new Date(exp * 1000).toISOString()}`);

  return { valid: true, payload, kid: header.kid, issuer: payload.iss, issuedAt, rid: payload.vc.rid };
}
