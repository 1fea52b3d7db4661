import { createCipheriv, createDecipheriv, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { HmacPurpose, Keyring } from './keyring.js';

/**
 * Encryption of personal-data columns (DESIGN.md §5). AES-256-GCM with a fresh 96-bit IV per
 * value; the additional data binds each ciphertext to its column and row, so a ciphertext copied
 * into another row or column fails to decrypt instead of showing someone else's data.
 * Stored form: `<key id>.<iv>.<ciphertext>.<tag>`, base64url parts.
 */
export class FieldCipher {
  constructor(private readonly keyring: Keyring) {}

  encrypt(plaintext: string, context: string): string {
    const keyId = this.keyring.currentDataKey;
    const key = this.keyring.dataKeys.get(keyId)!;
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    cipher.setAAD(Buffer.from(context));
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return [keyId, iv.toString('base64url'), ciphertext.toString('base64url'), cipher.getAuthTag().toString('base64url')].join('.');
  }

  decrypt(stored: string, context: string): string {
    const [keyId, iv, ciphertext, tag] = stored.split('.');
    const key = keyId === undefined ? undefined : this.keyring.dataKeys.get(keyId);
    if (!key || iv === undefined || ciphertext === undefined || tag === undefined) {
      throw new Error('encrypted value has an unknown key or a bad form');
    }
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from(context));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8');
  }

  /**
   * A keyed blind index: equal inputs give equal outputs, so the database can enforce uniqueness
   * and find a login's account, but without the key nobody can test a guessed mobile or ID against it.
   */
  blindIndex(kind: string, normalisedValue: string): string {
    return this.mac('blindIndex', `${kind}:${normalisedValue}`);
  }

  mac(purpose: HmacPurpose, message: string): string {
    return createHmac('sha256', this.keyring.hmacKeys[purpose]).update(message).digest('base64url');
  }

  /** Compares a presented secret's MAC with a stored one in constant time. */
  macMatches(purpose: HmacPurpose, message: string, storedMac: string): boolean {
    const expected = Buffer.from(this.mac(purpose, message));
    const stored = Buffer.from(storedMac);
    return expected.length === stored.length && timingSafeEqual(expected, stored);
  }

  hmacKey(purpose: HmacPurpose): Buffer {
    return this.keyring.hmacKeys[purpose];
  }
}
