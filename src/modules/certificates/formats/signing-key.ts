import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';

/**
 * Certificate signing keys: ECDSA on P-256, the ES256 of the EU DCC (HCERT spec v1.0.5 §3.3.2 lists
 * it first) and the only algorithm SMART Health Cards allow. The keyring stores them as PEM: the
 * private key as unencrypted PKCS #8, so the keyring file must be protected like every other secret
 * in it (DESIGN.md §5), and the public key as SPKI for verifiers.
 *
 * The DCC kid is the first 8 bytes of SHA-256 over the signer's DER. HCERT hashes the X.509 Document
 * Signer Certificate; Teeka publishes bare public keys, so we hash their SPKI DER instead: the same
 * size and the same job (a short, stable pointer into the trust list), and it can be recomputed from
 * the published key alone. If Teeka ever joins the EU gateway with real DSCs, the kid changes to the
 * certificate hash and old certificates keep verifying under their old kid.
 */
export interface SigningKey {
  /** The 8-byte DCC kid, base64 (as EU trust lists write it). */
  kid: string;
  privateKey: KeyObject;
  publicKey: KeyObject;
  /** SubjectPublicKeyInfo, DER. */
  spki: Buffer;
}

export const dccKidLength = 8;

/** First 8 bytes of SHA-256 of `der` (a certificate, or for Teeka's keys an SPKI). */
export function dccKidOf(der: Uint8Array): Buffer {
  return createHash('sha256').update(der).digest().subarray(0, dccKidLength);
}

function signingKeyFrom(privateKey: KeyObject): SigningKey {
  if (privateKey.asymmetricKeyType !== 'ec' || privateKey.asymmetricKeyDetails?.namedCurve !== 'prime256v1') {
    throw new RangeError('a certificate signing key must be ECDSA P-256');
  }
  const publicKey = createPublicKey(privateKey);
  const spki = publicKey.export({ type: 'spki', format: 'der' });
  return { kid: dccKidOf(spki).toString('base64'), privateKey, publicKey, spki };
}

export function generateSigningKey(): SigningKey {
  return signingKeyFrom(generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey);
}

export function exportSigningKey(key: SigningKey): { privateKeyPem: string; publicKeyPem: string } {
  return {
    privateKeyPem: key.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicKeyPem: key.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
}

export function importSigningKey(privateKeyPem: string): SigningKey {
  return signingKeyFrom(createPrivateKey({ key: privateKeyPem, format: 'pem' }));
}

/** A published verification key, with the kid a DCC signed by its private half carries. */
export function importVerificationKey(publicKeyPem: string): { kid: string; publicKey: KeyObject; spki: Buffer } {
  const publicKey = createPublicKey({ key: publicKeyPem, format: 'pem' });
  if (publicKey.asymmetricKeyType !== 'ec' || publicKey.asymmetricKeyDetails?.namedCurve !== 'prime256v1') {
    throw new RangeError('a certificate verification key must be ECDSA P-256');
  }
  const spki = publicKey.export({ type: 'spki', format: 'der' });
  return { kid: dccKidOf(spki).toString('base64'), publicKey, spki };
}
