import { describe, expect, it } from 'vitest';
import { normaliseMobile, normaliseOtp } from './mobile-number.js';

describe('mobile numbers as people type them', () => {
  it('keeps the 10 digits of a number written with spaces, +91 or a leading 0', () => {
    for (const typed of ['9876543210', '98765 43210', '+91 98765 43210', '+919876543210', '09876543210', '91 9876543210']) {
      expect(normaliseMobile(typed), typed).toBe('9876543210');
    }
  });

  it('refuses numbers that are not Indian mobiles', () => {
    for (const typed of ['', '12345', '5876543210', '98765432101', 'abcdefghij']) {
      expect(normaliseMobile(typed), typed).toBeUndefined();
    }
  });

  it('takes an OTP of exactly 6 digits', () => {
    expect(normaliseOtp(' 123 456 ')).toBe('123456');
    expect(normaliseOtp('12345')).toBeUndefined();
    expect(normaliseOtp('12345a')).toBeUndefined();
  });
});
