import { describe, expect, it } from 'vitest';
import { normaliseCode, setupKeyOf } from './setup-key.js';

describe('the setup key shown beside the QR code', () => {
  it('is the URI\'s secret in groups of four', () => {
    const url = 'otpauth://totp/Teeka:vaccinator.1?issuer=Teeka&secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&algorithm=SHA1&digits=6&period=30';
    expect(setupKeyOf(url)).toBe('JBSW Y3DP EHPK 3PXP JBSW Y3DP EHPK 3PXP');
  });

  it('is missing when the URI has no usable secret', () => {
    expect(setupKeyOf('otpauth://totp/Teeka:x?issuer=Teeka')).toBeUndefined();
    expect(setupKeyOf('otpauth://totp/Teeka:x?secret=not%20base32!')).toBeUndefined();
    expect(setupKeyOf('not a url')).toBeUndefined();
  });
});

describe('a typed authenticator code', () => {
  it('loses the spaces apps show and keeps 6 digits', () => {
    expect(normaliseCode(' 123 456 ')).toBe('123456');
    expect(normaliseCode('123-456')).toBe('123456');
  });

  it('is refused when it is not 6 digits', () => {
    expect(normaliseCode('12345')).toBeUndefined();
    expect(normaliseCode('12345a')).toBeUndefined();
    expect(normaliseCode('')).toBeUndefined();
  });
});
