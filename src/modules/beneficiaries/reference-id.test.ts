import { describe, expect, it } from 'vitest';
import { isBeneficiaryReferenceId, newBeneficiaryReferenceId } from './reference-id.js';

describe('beneficiary reference ids', () => {
  it('are 14 digits, never starting with 0, and distinct over 10,000 draws', () => {
    const ids = Array.from({ length: 10_000 }, newBeneficiaryReferenceId);
    for (const id of ids) {
      expect(id).toMatch(/^[1-9][0-9]{13}$/);
      expect(isBeneficiaryReferenceId(id)).toBe(true);
    }
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('use every leading digit, so they are not a counter', () => {
    const leading = new Set(Array.from({ length: 2_000 }, () => newBeneficiaryReferenceId()[0]));
    expect([...leading].sort().join('')).toBe('123456789');
  });

  it('recognises only 14-digit strings', () => {
    expect(isBeneficiaryReferenceId('41371803146720')).toBe(true);
    for (const s of ['01371803146720', '4137180314672', '413718031467201', '4137180314672a', 41371803146720, null]) {
      expect(isBeneficiaryReferenceId(s)).toBe(false);
    }
  });
});
