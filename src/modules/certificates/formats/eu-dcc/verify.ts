import type { KeyObject } from 'node:crypto';
import { CborError } from './cbor.js';
import { checkCoseSignature, coseKid, CoseError, parseCoseSign1, type CoseSign1 } from './cose-sign1.js';
import { decodeHcertClaims, type HcertClaims } from './cwt.js';
import { unpackHc1 } from './hc1-transport.js';
import type { EuDccPayload } from './payload.js';
import { checkDccSchema } from './schema.js';

/**
 * Why a QR code was refused, in the order the checks run:
 * - PREFIX, BASE45, ZLIB: the transport layers (hc1-transport.ts);
 * - CBOR: bytes that are not well-formed CBOR, or a CWT without the HCERT claims;
 * - COSE: well-formed CBOR that is not a COSE_Sign1;
 * - UNKNOWN_KID: no kid, or one our trust list does not know;
 * - SIGNATURE: the signature does not verify with the trusted key, or its algorithm does not fit the key;
 * - NOT_YET_VALID, EXPIRED: `now` is before iat, or at or after exp;
 * - SCHEMA: signed and current, but not an EU DCC payload.
 */
export type Hc1Failure = 'PREFIX' | 'BASE45' | 'ZLIB' | 'COSE' | 'CBOR' | 'UNKNOWN_KID' | 'SIGNATURE' | 'EXPIRED' | 'NOT_YET_VALID' | 'SCHEMA';

export type Hc1Verification =
  | { valid: true; payload: EuDccPayload; kid: Uint8Array; issuer: string | undefined; issuedAt: Date; expiresAt: Date }
  | { valid: false; reason: Hc1Failure; detail: string };

/** Looks a kid up in the trust list; undefined when the kid is not trusted. */
export type Hc1Trust = (kid: Uint8Array) => KeyObject | undefined;

const fail = (reason: Hc1Failure, detail: string): Hc1Verification => ({ valid: false, reason, detail });

function readCose(bytes: Uint8Array): CoseSign1 | Hc1Verification {
  try {
    return parseCoseSign1(bytes);
  } catch (error) {
    if (error instanceof CborError) return fail('CBOR', error.message);
    if (error instanceof CoseError) return fail('COSE', error.message);
    throw error;
  }
}

/**
 * Verifies an `HC1:` QR text offline. The signature is checked before the payload is read, so nothing
 * an untrusted party wrote is interpreted beyond the COSE envelope until we know who signed it.
 */
export function verifyHc1(qr: string, trust: Hc1Trust, now: Date): Hc1Verification {
  const unpacked = unpackHc1(qr);
  if (!unpacked.ok) return fail(unpacked.reason, unpacked.detail);

  const message = readCose(unpacked.cose);
  if ('valid' in message) return message;

  let kid: Uint8Array | undefined;
  try {
    kid = coseKid(message);
  } catch (error) {
    if (error instanceof CoseError) return fail('COSE', error.message);
    throw error;
  }
  if (!kid) return fail('UNKNOWN_KID', 'the message names no kid');
  const key = trust(kid);
  if (!key) return fail('UNKNOWN_KID', `kid ${Buffer.from(kid).toString('base64')} is not in the trust list`);

  const signature = checkCoseSignature(message, key);
  if (!signature.ok) return fail('SIGNATURE', signature.detail);

  let claims: HcertClaims;
  try {
    claims = decodeHcertClaims(message.payload);
  } catch (error) {
    if (error instanceof CborError) return fail('CBOR', error.message);
    throw error;
  }
  if (now.getTime() < claims.issuedAt.getTime()) return fail('NOT_YET_VALID', `issued at ${claims.issuedAt.toISOString()}`);
  if (now.getTime() >= claims.expiresAt.getTime()) return fail('EXPIRED', `expired at ${claims.expiresAt.toISOString()}`);

  const schema = checkDccSchema(claims.payload);
  if (!schema.valid) return fail('SCHEMA', schema.errors.join('; '));

  return {
    valid: true,
    payload: claims.payload as unknown as EuDccPayload,
    kid,
    issuer: claims.issuer,
    issuedAt: claims.issuedAt,
    expiresAt: claims.expiresAt,
  };
}
