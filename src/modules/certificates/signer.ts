import type { KeyObject } from 'node:crypto';
import { CompactSign } from 'jose';
import type { CertificateSigningKey } from '../../core/crypto/keyring.js';
import { shcKidOf } from './formats/smart-health-card/jwks.js';
import { importSigningKey, type SigningKey } from './formats/signing-key.js';

/**
 * The keyring's certificate signing keys, loaded once. The newest unretired key signs; every
 * unretired key is trusted, so after `teeka keys rotate` certificates signed with the previous key
 * keep verifying until that key is retired.
 */
export class CertificateSigner {
  private readonly active: SigningKey[];

  constructor(keys: readonly CertificateSigningKey[]) {
    this.active = keys.filter((k) => !k.retiredAt).map((k) => importSigningKey(k.privateKeyPem));
    if (this.active.length === 0) throw new Error('the keyring has no certificate signing key: run "teeka keys rotate"');
  }

  current(): SigningKey {
    return this.active[this.active.length - 1]!;
  }

  /** The public key for a DCC kid, if it is one of ours and not retired. */
  trusted(kid: Uint8Array): KeyObject | undefined {
    const wanted = Buffer.from(kid).toString('base64');
    return this.active.find((k) => k.kid === wanted)?.publicKey;
  }

  publicKeys(): { kid: string; publicKey: KeyObject }[] {
    return this.active.map((k) => ({ kid: k.kid, publicKey: k.publicKey }));
  }

  /**
   * A compact JWS (ES256) of `payload` with the current key, whose kid is its RFC 7638 thumbprint:
   * anyone can check it against /.well-known/jwks.json, as they check SMART Health Cards.
   */
  async signJws(payload: object): Promise<string> {
    const key = this.current();
    return new CompactSign(new TextEncoder().encode(JSON.stringify(payload)))
      .setProtectedHeader({ alg: 'ES256', kid: await shcKidOf(key.publicKey), typ: 'JWT' })
      .sign(key.privateKey);
  }
}
