import { describe, expect, it } from 'vitest';
import { FieldCipher } from './field-cipher.js';
import { generateKeyring, parseKeyring, serialiseKeyring } from './keyring.js';

describe('FieldCipher', () => {
  const keyring = generateKeyring();
  const cipher = new FieldCipher(keyring);

  it('round-trips a value and never stores it in plain text', () => {
    const stored = cipher.encrypt('9876543210', 'account.mobile:1');
    expect(stored).not.toContain('9876543210');
    expect(cipher.decrypt(stored, 'account.mobile:1')).toBe('9876543210');
    expect(cipher.encrypt('9876543210', 'account.mobile:1')).not.toBe(stored);
  });

  it('refuses a ciphertext moved to another row or column', () => {
    const stored = cipher.encrypt('Asha Devi', 'beneficiary.name:a');
    expect(() => cipher.decrypt(stored, 'beneficiary.name:b')).toThrow();
    expect(() => cipher.decrypt(stored, 'account.mobile:a')).toThrow();
  });

  it('keeps old rows readable after the data key rotates', () => {
    const stored = cipher.encrypt('ABCDE1234F', 'x');
    const rotated = parseKeyring(serialiseKeyring(keyring));
    rotated.dataKeys.set('dk-new', Buffer.alloc(32, 7));
    rotated.currentDataKey = 'dk-new';
    const after = new FieldCipher(rotated);
    expect(after.decrypt(stored, 'x')).toBe('ABCDE1234F');
    expect(after.encrypt('y', 'x').startsWith('dk-new.')).toBe(true);
  });

  it('gives stable blind indexes that another key cannot reproduce', () => {
    expect(cipher.blindIndex('mobile', '9876543210')).toBe(cipher.blindIndex('mobile', '9876543210'));
    expect(cipher.blindIndex('mobile', '9876543210')).not.toBe(cipher.blindIndex('photo_id:1', '9876543210'));
    expect(new FieldCipher(generateKeyring()).blindIndex('mobile', '9876543210')).not.toBe(cipher.blindIndex('mobile', '9876543210'));
  });

  it('compares MACs of secrets', () => {
    const mac = cipher.mac('otp', 'txn:123456');
    expect(cipher.macMatches('otp', 'txn:123456', mac)).toBe(true);
    expect(cipher.macMatches('otp', 'txn:123457', mac)).toBe(false);
    expect(cipher.macMatches('otp', 'txn:123456', 'short')).toBe(false);
  });
});
