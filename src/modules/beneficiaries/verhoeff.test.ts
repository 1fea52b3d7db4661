import { describe, expect, it } from 'vitest';
import { hasValidVerhoeffCheckDigit, verhoeffCheckDigit, verhoeffTables } from './verhoeff.js';

const { multiplication, permutation, inverse } = verhoeffTables;
const at = (table: readonly (readonly number[])[], row: number, col: number) => table[row]![col]!;

describe('Verhoeff check digit', () => {
  it('gives the published check digits', () => {
    // 236 → 3 is the worked example in Wikipedia's "Verhoeff algorithm"; the others were computed independently.
    expect(verhoeffCheckDigit('236')).toBe(3);
    expect(verhoeffCheckDigit('12345')).toBe(1);
    expect(verhoeffCheckDigit('142857')).toBe(0);
    expect(hasValidVerhoeffCheckDigit('2363')).toBe(true);
    expect(hasValidVerhoeffCheckDigit('2364')).toBe(false);
  });

  it('accepts Aadhaar-format numbers whose check digit was computed independently', () => {
    // Computed with a separate implementation that rebuilt the tables from D5 and the permutation.
    for (const n of ['234567890124', '987654321096', '500000000006', '299999999992', '812345678900', '999999990019']) {
      expect(hasValidVerhoeffCheckDigit(n)).toBe(true);
      expect(verhoeffCheckDigit(n.slice(0, 11))).toBe(Number(n[11]));
    }
  });

  it('refuses empty, single-digit and non-digit input', () => {
    expect(hasValidVerhoeffCheckDigit('')).toBe(false);
    expect(hasValidVerhoeffCheckDigit('0')).toBe(false);
    expect(hasValidVerhoeffCheckDigit('23a3')).toBe(false);
    expect(() => verhoeffCheckDigit('12 3')).toThrow(RangeError);
  });

  it('uses the dihedral group D5 as its multiplication table', () => {
    for (let a = 0; a < 5; a++) for (let b = 0; b < 5; b++) expect(at(multiplication, a, b)).toBe((a + b) % 5);
    for (let a = 0; a < 10; a++) {
      expect(at(multiplication, a, 0)).toBe(a);
      expect(at(multiplication, a, inverse[a]!)).toBe(0);
      for (let b = 0; b < 10; b++) {
        for (let c = 0; c < 10; c++) {
          expect(at(multiplication, at(multiplication, a, b), c)).toBe(at(multiplication, a, at(multiplication, b, c)));
        }
      }
    }
  });

  it('builds each permutation row by applying (1 5 8 9 4 2 7 0)(3 6) to the row before', () => {
    const step: Record<number, number> = { 1: 5, 5: 8, 8: 9, 9: 4, 4: 2, 2: 7, 7: 0, 0: 1, 3: 6, 6: 3 };
    expect(permutation[0]).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    for (let row = 1; row < 8; row++) expect(permutation[row]).toEqual(permutation[row - 1]!.map((d) => step[d]));
  });

  it('catches every single wrong digit and every swap of neighbouring digits', () => {
    for (const base of ['23456789012', '98765432109', '31415926535']) {
      const valid = base + String(verhoeffCheckDigit(base));
      for (let i = 0; i < valid.length; i++) {
        for (let d = 0; d < 10; d++) {
          if (String(d) === valid[i]) continue;
          expect(hasValidVerhoeffCheckDigit(valid.slice(0, i) + d + valid.slice(i + 1))).toBe(false);
        }
        if (i + 1 < valid.length && valid[i] !== valid[i + 1]) {
          const swapped = valid.slice(0, i) + valid[i + 1] + valid[i] + valid.slice(i + 2);
          expect(hasValidVerhoeffCheckDigit(swapped)).toBe(false);
        }
      }
    }
  });
});
