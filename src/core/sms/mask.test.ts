import { describe, expect, it } from 'vitest';
import { maskMobile } from './mask.js';

describe('maskMobile', () => {
  it('keeps only the last four digits', () => {
    expect(maskMobile('9876543210')).toBe('******3210');
  });

  it('has the same width whatever the length, so the length is not revealed', () => {
    expect(maskMobile('919876543210')).toBe('******3210');
  });

  it('shows nothing of a value too short to be a mobile', () => {
    expect(maskMobile('12345')).toBe('******');
  });
});
