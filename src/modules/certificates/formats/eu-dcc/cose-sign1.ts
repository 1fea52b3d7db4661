import { constants, sign, verify, type KeyObject } from 'node:crypto';
import { Tag } from 'cbor-x';
import { CborTag, decodeCbor, encodeCbor, type CborMap, type CborValue } from './cbor.js';

/**
 * COSE_Sign1 (RFC 9052 §4.2, algorithms RFC 9053 and RFC 8230) as the eHN HCERT spec v1.0.5 §3 uses
 * it: one signer, the CWT as payload, ES256 (or PS256 from issuers that sign with RSA).
 */
export class CoseError extends Error {}

export const coseHeaderLabel = { alg: 1, kid: 4 } as const;
export const coseAlgorithm = { ES256: -7, PS256: -37 } as const;
const coseSign1Tag = 18;
const cwtTag = 61; // RFC 8392 §6; HCERT verifiers must accept it around the COSE tag (test vector CO28)

export interface CoseSign1 {
  /** The protected header exactly as signed: the signature covers these bytes, not their meaning. */
  protectedBytes: Uint8Array;
  protectedHeader: CborMap;
  unprotectedHeader: CborMap;
  payload: Uint8Array;
  signature: Uint8Array;
}

/** RFC 9052 §4.4: the bytes that are actually signed, with empty external_aad. */
export function sigStructure(protectedBytes: Uint8Array, payload: Uint8Array): Uint8Array {
  return encodeCbor(['Signature1', protectedBytes, new Uint8Array(0), payload]);
}

/**
 * Signs with ES256. alg and kid go in the protected header, so neither can be swapped without
 * breaking the signature; the signature is r||s, 64 bytes (RFC 9053 §2.1), not DER.
 */
export function signCoseSign1(payload: Uint8Array, signer: { kid: Uint8Array; privateKey: KeyObject }): Uint8Array {
  if (signer.privateKey.asymmetricKeyDetails?.namedCurve !== 'prime256v1') throw new CoseError('ES256 needs a P-256 private key');
  const protectedBytes = encodeCbor(new Map<number, unknown>([[coseHeaderLabel.alg, coseAlgorithm.ES256], [coseHeaderLabel.kid, signer.kid]]));
  const signature = sign('sha256', sigStructure(protectedBytes, payload), { key: signer.privateKey, dsaEncoding: 'ieee-p1363' });
  return encodeCbor(new Tag([protectedBytes, new Map(), payload, new Uint8Array(signature)], coseSign1Tag));
}

/** Parses a COSE_Sign1, tagged 18, untagged, or tagged 61 then 18. Throws CborError or CoseError. */
export function parseCoseSign1(bytes: Uint8Array): CoseSign1 {
  let item: CborValue = decodeCbor(bytes);
  if (item instanceof CborTag && item.tag === cwtTag) item = item.value;
  if (item instanceof CborTag) {
    if (item.tag !== coseSign1Tag) throw new CoseError(`CBOR tag ${item.tag} is not COSE_Sign1 (18)`);
    item = item.value;
  }
  if (!Array.isArray(item) || item.length !== 4) throw new CoseError('COSE_Sign1 must be an array of four items');
  const [protectedBytes, unprotectedHeader, payload, signature] = item;
  if (!(protectedBytes instanceof Uint8Array)) throw new CoseError('the protected header must be a byte string');
  if (!(unprotectedHeader instanceof Map)) throw new CoseError('the unprotected header must be a map');
  if (!(payload instanceof Uint8Array)) throw new CoseError('the payload must be attached as a byte string');
  if (!(signature instanceof Uint8Array)) throw new CoseError('the signature must be a byte string');
  // RFC 9052 §3: an empty protected header is sent as a zero-length byte string.
  const protectedHeader = protectedBytes.length === 0 ? new Map() : decodeCbor(protectedBytes);
  if (!(protectedHeader instanceof Map)) throw new CoseError('the protected header must hold a map');
  return { protectedBytes, protectedHeader, unprotectedHeader, payload, signature };
}

/**
 * A header parameter, protected bucket first. Test vectors CO21 and CO22 require this order for kid:
 * a wrong kid in the unprotected header must not matter when the protected one is right, and a right
 * one there must not rescue a wrong protected one. CO19 and CO20 put kid (and alg) only in the
 * unprotected header, which RFC 9052 §3.1 allows, so that is the fallback.
 */
function headerParameter(message: CoseSign1, label: number): CborValue | undefined {
  return message.protectedHeader.has(label) ? message.protectedHeader.get(label) : message.unprotectedHeader.get(label);
}

export function coseKid(message: CoseSign1): Uint8Array | undefined {
  const kid = headerParameter(message, coseHeaderLabel.kid);
  if (kid === undefined) return undefined;
  if (!(kid instanceof Uint8Array)) throw new CoseError('kid must be a byte string');
  return kid;
}

export type SignatureCheck = { ok: true } | { ok: false; detail: string };

/**
 * Checks the signature with `key`. The algorithm named in the header must fit the key (ES256 with a
 * P-256 key, PS256 with an RSA key of 2048 bits or more), so an unprotected alg cannot steer us into
 * a weaker check: the key, which comes from our trust list, decides what is acceptable.
 */
export function checkCoseSignature(message: CoseSign1, key: KeyObject): SignatureCheck {
  const alg = headerParameter(message, coseHeaderLabel.alg);
  const data = sigStructure(message.protectedBytes, message.payload);
  const details = key.asymmetricKeyDetails;
  try {
    if (alg === coseAlgorithm.ES256) {
      if (key.asymmetricKeyType !== 'ec' || details?.namedCurve !== 'prime256v1') return { ok: false, detail: 'ES256 needs a P-256 key' };
      // RFC 9053 §2.1: r||s of 32 bytes each; a DER signature or any other length is simply wrong (vector list CO24).
      if (message.signature.length !== 64) return { ok: false, detail: `an ES256 signature has 64 bytes, not ${message.signature.length}` };
      return verify('sha256', data, { key, dsaEncoding: 'ieee-p1363' }, message.signature) ? { ok: true } : { ok: false, detail: 'ES256 signature does not match' };
    }
    if (alg === coseAlgorithm.PS256) {
      if (key.asymmetricKeyType !== 'rsa' && key.asymmetricKeyType !== 'rsa-pss') return { ok: false, detail: 'PS256 needs an RSA key' };
      if ((details?.modulusLength ?? 0) < 2048) return { ok: false, detail: 'PS256 needs an RSA key of at least 2048 bits' };
      // RFC 8230 §2: PSS with SHA-256, MGF1 with SHA-256, and a salt as long as the hash.
      const options = { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 };
      return verify('sha256', data, options, message.signature) ? { ok: true } : { ok: false, detail: 'PS256 signature does not match' };
    }
  } catch (error) {
    return { ok: false, detail: `signature check failed: ${(error as Error).message}` };
  }
  return { ok: false, detail: `algorithm ${String(alg)} is not ES256 (-7) or PS256 (-37)` };
}
