import { describe, expect, it } from 'vitest';
import { lastFourDigits, maskMobile, normaliseMobile, validateMobile } from './mobile.js';

describe('mobile numbers', () => {
  it.each([
    ['9876543210', '9876543210'],
    ['+91 98765 43210', '9876543210'],
    ['09876543210', '9876543210'],
    ['91-9876543210', '9876543210'],
    ['+919876543210', '9876543210'],
    ['0091 98765 43210', '9876543210'],
    ['(+91) 98765-43210', '9876543210'],
    ['9198765432', '9198765432'],
    ['６２３４５６７８９０', '6234567890'],
    [' 7012345678 ', '7012345678'],
  ])('normalises %j to %j', (raw, expected) => {
    expect(normaliseMobile(raw)).toBe(expected);
  });

  it.each([
    '', '98765', '5876543210', '0123456789', '98765432101', '+92 98765 43210', '+1 9876543210',
    '9876543210x', 'nine8765432', '919876543', '+91+9876543210', '022 2345 6789',
  ])('refuses %j', (raw) => {
    expect(normaliseMobile(raw)).toBeUndefined();
  });

  it('explains a bad number in English and Hindi', () => {
    expect(validateMobile('+91 98765 43210')).toEqual({ ok: true, value: '9876543210' });
    expect(validateMobile(' ')).toMatchObject({ ok: false, field: 'mobile', code: 'MOBILE_REQUIRED' });
    expect(validateMobile('12345')).toEqual({
      ok: false, field: 'mobile', code: 'MOBILE_FORMAT',
      message: 'Mobile number must be 10 digits starting with 6, 7, 8 or 9',
      message_hi: 'मोबाइल नंबर 10 अंकों का होना चाहिए और 6, 7, 8 या 9 से शुरू होना चाहिए',
    });
  });

  it('masks to ******3210 and gives Co-WIN the last 4 digits', () => {
    expect(maskMobile('9876543210')).toBe('******3210');
    expect(maskMobile('+91 98765 43210')).toBe('******3210');
    expect(lastFourDigits('9876543210')).toBe('3210');
  });

  it('shows nothing of a value that is not a mobile', () => {
    expect(maskMobile('12345')).toBe('**********');
    expect(maskMobile('')).toBe('**********');
    expect(lastFourDigits('98765')).toBe('****');
  });
});
