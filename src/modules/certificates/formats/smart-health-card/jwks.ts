import { createPublicKey, type KeyObject } from 'node:crypto';
import { calculateJwkThumbprint, exportJWK, type JWK } from 'jose';

/**
 * The issuer's key set, served at `<iss>/.well-known/jwks.json` (SMART Health Cards, "Determining
 * keys associated with an issuer"). The spec fixes each key's kid as its RFC 7638 SHA-256 thumbprint,
 * base64url, so a verifier can check that a key is the one the card names; `use` is "sig" and `alg`
 * "ES256". Only public members are ever written: a private key passed in is reduced to its public half.
 */
export interface ShcPublicJwk extends JWK {
  kty: 'EC';
  crv: 'P-256';
  x: string;
  y: string;
  kid: string;
  use: 'sig';
  alg: 'ES256';
  /** Present when the issuer publishes a revocation list for this key (spec, "Revocation"). */
  crlVersion?: number;
}

function publicKeyOf(key: KeyObject): KeyObject {
  const publicKey = key.type === 'private' ? createPublicKey(key) : key;
  if (publicKey.asymmetricKeyType !== 'ec' || publicKey.asymmetricKeyDetails?.namedCurve !== 'prime256v1') {
    throw new RangeError('a SMART Health Card key must be ECDSA P-256');
  }
  return publicKey;
}

/** The kid a SMART Health Card signed with `key` must carry. */
export async function shcKidOf(key: KeyObject): Promise<string> {
  return calculateJwkThumbprint(await exportJWK(publicKeyOf(key)), 'sha256');
}

/**
 * Public JWKs for `keys`. A kid given by the caller must equal the thumbprint; a mismatch means the
 * keyring and the published set disagree, and every card signed under that kid would fail to verify.
 */
export async function jwksFor(keys: { kid?: string; key: KeyObject; crlVersion?: number }[]): Promise<{ keys: ShcPublicJwk[] }> {
  const jwks = await Promise.all(
    keys.map(async ({ kid, key, crlVersion }) => {
      const jwk = await exportJWK(publicKeyOf(key));
      const thumbprint = await calculateJwkThumbprint(jwk, 'sha256');
      if (kid !== undefined && kid !== thumbprint) throw new RangeError(`kid ${kid} is not the RFC 7638 thumbprint of its key`);
      const published: ShcPublicJwk = { kty: 'EC', crv: 'P-256', x: jwk.x!, y: jwk.y!, kid: thumbprint, use: 'sig', alg: 'ES256' };
      if (crlVersion !== undefined) published.crlVersion = crlVersion;
      return published;
    }),
  );
  return { keys: jwks };
}
