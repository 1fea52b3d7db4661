import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { Base45Error, decodeBase45, encodeBase45 } from './base45.js';

const text = (s: string) => new TextEncoder().encode(s);

describe('base45 (RFC 9285)', () => {
  it('gives the examples of RFC 9285 §4.3 and §4.4', () => {
    expect(encodeBase45(text('AB'))).toBe('BB8');
    expect(encodeBase45(text('Hello!!'))).toBe('%69 VD92EX0');
    expect(encodeBase45(text('base-45'))).toBe('UJCLQE7W581');
    expect(new TextDecoder().decode(decodeBase45('QED8WEX0'))).toBe('ietf!');
  });

  it('round-trips random bytes of every length up to 64', () => {
    for (let length = 0; length < 64; length++) {
      const bytes = randomBytes(length);
      const encoded = encodeBase45(bytes);
      expect(encoded).toMatch(/^[0-9A-Z $%*+\-./:]*$/);
      expect(Buffer.from(decodeBase45(encoded))).toEqual(bytes);
    }
  });

  it('refuses characters outside the alphabet, a dangling character and overflowing groups', () => {
    expect(() => decodeBase45('GGW')).toThrow(Base45Error); // 16 + 16·45 + 32·2025 = 65536
    expect(() => decodeBase45('ab8')).toThrow(Base45Error); // lower case is not base45
    expect(() => decodeBase45('BB8B')).toThrow(Base45Error);
    expect(() => decodeBase45(':Z')).toThrow(Base45Error); // 44 + 35·45 = 1619 > 255
    expect(() => decodeBase45('FGW')).not.toThrow(); // 65535, the largest triple
  });
});
