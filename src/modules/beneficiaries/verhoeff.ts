/**
 * Verhoeff's check digit (J. Verhoeff, "Error Detecting Decimal Codes", 1969). UIDAI's numbering
 * scheme ("A UID Numbering Scheme", UIDAI, 2010) makes every Aadhaar number 11 random digits plus a
 * Verhoeff check digit, so a typo in any one digit, or two neighbouring digits swapped, is caught here
 * before we store the number or ask anyone to verify it. Unlike Luhn it catches every such swap.
 *
 * `multiplication` is the group D5 (0-4 rotations, 5-9 reflections); `permutation[i]` is the
 * permutation (1 5 8 9 4 2 7 0)(3 6) applied i times; `inverse[c]` undoes `c` in D5. verhoeff.test.ts
 * rebuilds all three from those definitions, so a mistyped entry cannot pass unnoticed.
 */
const multiplication: readonly (readonly number[])[] = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
  [1, 2, 3, 4, 0, 6, 7, 8, 9, 5],
  [2, 3, 4, 0, 1, 7, 8, 9, 5, 6],
  [3, 4, 0, 1, 2, 8, 9, 5, 6, 7],
  [4, 0, 1, 2, 3, 9, 5, 6, 7, 8],
  [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
  [6, 5, 9, 8, 7, 1, 0, 4, 3, 2],
  [7, 6, 5, 9, 8, 2, 1, 0, 4, 3],
  [8, 7, 6, 5, 9, 3, 2, 1, 0, 4],
  [9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
];

const permutation: readonly (readonly number[])[] = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
  [1, 5, 7, 6, 2, 8, 3, 0, 9, 4],
  [5, 8, 0, 3, 7, 9, 6, 1, 4, 2],
  [8, 9, 1, 6, 0, 4, 3, 5, 2, 7],
  [9, 4, 5, 3, 1, 2, 6, 8, 7, 0],
  [4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
  [2, 7, 9, 3, 8, 0, 6, 4, 1, 5],
  [7, 0, 4, 6, 9, 1, 3, 2, 5, 8],
];

const inverse: readonly number[] = [0, 4, 3, 2, 1, 5, 6, 7, 8, 9];

export const verhoeffTables = { multiplication, permutation, inverse } as const;

/** Folds the digits right to left; `offset` is 1 when a check digit is still to be appended. */
function verhoeffFold(digits: string, offset: number): number {
  let check = 0;
  for (let i = 0; i < digits.length; i++) {
    const digit = digits.charCodeAt(digits.length - 1 - i) - 48;
    check = multiplication[check]![permutation[(i + offset) % 8]![digit]!]!;
  }
  return check;
}

/** The digit to append to `digits` (a non-empty string of 0-9) to make it Verhoeff-valid. */
export function verhoeffCheckDigit(digits: string): number {
  if (!/^[0-9]+$/.test(digits)) throw new RangeError('verhoeffCheckDigit needs decimal digits');
  return inverse[verhoeffFold(digits, 1)]!;
}

/** True when the last digit of `digits` is the Verhoeff check digit of the ones before it. */
export function hasValidVerhoeffCheckDigit(digits: string): boolean {
  return /^[0-9]{2,}$/.test(digits) && verhoeffFold(digits, 0) === 0;
}
