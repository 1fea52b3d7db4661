import { scryptSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { generatePassword, hashPassword, verifyPassword, weakPasswordReason } from './password.js';

describe('password hashes', () => {
  it('are scrypt N=2^15 r=8 p=1 with a 16-byte salt, in PHC form, salted per password', async () => {
    const hash = await hashPassword('correct horse battery staple');
    const match = /^\$scrypt\$ln=15,r=8,p=1\$([A-Za-z0-9+/]+)\$([A-Za-z0-9+/]+)$/.exec(hash)!;
    expect(match).not.toBeNull();
    expect(Buffer.from(match[1]!, 'base64')).toHaveLength(16);
    // Anyone with scrypt can check it: the format hides nothing and invents nothing.
    const expected = scryptSync('correct horse battery staple', Buffer.from(match[1]!, 'base64'), 32, { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 });
    expect(Buffer.from(match[2]!, 'base64').equals(expected)).toBe(true);
    expect(await hashPassword('correct horse battery staple')).not.toBe(hash);
  });

  it('verify the right password only', async () => {
    const hash = await hashPassword('correct horse battery staple');
    expect(await verifyPassword('correct horse battery staple', hash)).toBe(true);
    expect(await verifyPassword('correct horse battery stapl', hash)).toBe(false);
    expect(await verifyPassword('', hash)).toBe(false);
  });

  it('treat the same characters typed differently alike (NFKC)', async () => {
    const hash = await hashPassword('café passphrase!');
    expect(await verifyPassword('cafe\u0301 passphrase!', hash)).toBe(true);
  });

  it('refuse a malformed hash, and one whose cost would tie up the server', async () => {
    const hash = await hashPassword('correct horse battery staple');
    expect(await verifyPassword('correct horse battery staple', 'plain-text')).toBe(false);
    expect(await verifyPassword('correct horse battery staple', hash.replace('ln=15', 'ln=30'))).toBe(false);
    expect(await verifyPassword('correct horse battery staple', hash.replace('r=8', 'r=64'))).toBe(false);
    expect(await verifyPassword('correct horse battery staple', hash.replace('ln=15', 'ln=4'))).toBe(false);
  });
});

describe('new passwords', () => {
  it('need 12 characters, not the username, and a change', () => {
    expect(weakPasswordReason('asha', 'elevenchars')).toMatch(/at least 12/);
    expect(weakPasswordReason('asha', 'twelve chars')).toBeUndefined();
    expect(weakPasswordReason('asha.k', 'my name is ASHA.K ok')).toMatch(/username/);
    expect(weakPasswordReason('asha', 'same old passphrase', 'same old passphrase')).toMatch(/differ/);
    expect(weakPasswordReason('asha', 'x'.repeat(257))).toMatch(/at most 256/);
    // Characters, not bytes: twelve Devanagari letters are twelve.
    expect(weakPasswordReason('asha', 'कखगघङचछजझञटठ')).toBeUndefined();
  });
});

describe('generated passwords', () => {
  it('are 20 readable characters from the CSPRNG, in groups of five', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 200; i += 1) {
      const password = generatePassword();
      expect(password).toMatch(/^[a-hjkmnp-z2-9]{5}(-[a-hjkmnp-z2-9]{5}){3}$/);
      seen.add(password);
    }
    expect(seen.size).toBe(200);
  });
});
