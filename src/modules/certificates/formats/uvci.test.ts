import { describe, expect, it } from 'vitest';
import { generateUvci, isValidUvci, uvciCheckCharacter } from './uvci.js';

describe('UVCI', () => {
  it('computes the check character of the eu-dcc-schema FAQ example', () => {
    expect(uvciCheckCharacter('URN:UVCI:01:NL:187/37512422923')).toBe('Z');
  });

  it('generates identifiers in the Annex 2 form that pass their own check', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const uvci = generateUvci();
      expect(uvci).toMatch(/^URN:UVCI:01:IN:[0-9A-Z]{26}#[A-Z0-9/:]$/);
      expect(uvci.length).toBeLessThanOrEqual(80); // the schema's limit for `ci`
      expect(isValidUvci(uvci)).toBe(true);
      seen.add(uvci);
    }
    expect(seen.size).toBe(200);
  });

  it('catches any single mistyped character and any swap of neighbours', () => {
    const uvci = generateUvci();
    const body = uvci.slice(0, -2);
    const check = uvci.slice(-1);
    const alphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
    for (let i = 'URN:UVCI:01:IN:'.length; i < body.length; i++) {
      for (const char of alphabet) {
        if (char === body[i]) continue;
        expect(isValidUvci(`${body.slice(0, i)}${char}${body.slice(i + 1)}#${check}`)).toBe(false);
      }
      if (i + 1 < body.length && body[i] !== body[i + 1]) {
        const swapped = body.slice(0, i) + body[i + 1] + body[i] + body.slice(i + 2);
        expect(isValidUvci(`${swapped}#${check}`)).toBe(false);
      }
    }
  });

  it('refuses other shapes', () => {
    const uvci = generateUvci();
    expect(isValidUvci(uvci.toLowerCase())).toBe(false);
    expect(isValidUvci(uvci.replace('URN:UVCI:', ''))).toBe(false);
    expect(isValidUvci(uvci.replace(':IN:', ':NL:'))).toBe(false);
    expect(isValidUvci(uvci.slice(0, -2))).toBe(false);
    expect(isValidUvci(`${uvci} `)).toBe(false);
  });
});
