import { describe, expect, it } from 'vitest';
import { generateTotpSecret, otpauthUrl, qrCodeSvg, totpStepOf } from './totp.js';

// RFC 6238 Appendix B, SHA-1: the secret is ASCII "12345678901234567890"; 6-digit codes are the
// last six digits of the 8-digit values given there.
const RFC_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
const vectors: [number, string][] = [
  [59, '287082'],
  [1111111109, '081804'],
  [1111111111, '050471'],
  [1234567890, '005924'],
  [2000000000, '279037'],
];

describe('TOTP codes', () => {
  it.each(vectors)('match RFC 6238 at t=%i', (seconds, code) => {
    const at = new Date(seconds * 1000);
    expect(totpStepOf(RFC_SECRET, code, at)).toBe(Math.floor(seconds / 30));
  });

  it('accept one step of clock drift either way, not two', () => {
    const [seconds, code] = vectors[3]!;
    const step = Math.floor(seconds / 30);
    expect(totpStepOf(RFC_SECRET, code, new Date((seconds + 30) * 1000))).toBe(step);
    expect(totpStepOf(RFC_SECRET, code, new Date((seconds - 30) * 1000))).toBe(step);
    expect(totpStepOf(RFC_SECRET, code, new Date((seconds + 60) * 1000))).toBeUndefined();
  });

  it('ignore spaces and refuse anything but 6 digits', () => {
    const [seconds, code] = vectors[1]!;
    const at = new Date(seconds * 1000);
    expect(totpStepOf(RFC_SECRET, `${code.slice(0, 3)} ${code.slice(3)}`, at)).toBeDefined();
    for (const bad of ['', '12345', '1234567', 'abcdef', `${code}0`, '٠٨١٨٠٤']) expect(totpStepOf(RFC_SECRET, bad, at)).toBeUndefined();
  });
});

describe('enrolment', () => {
  it('makes 160-bit secrets, different every time', () => {
    const secrets = new Set(Array.from({ length: 50 }, generateTotpSecret));
    expect(secrets.size).toBe(50);
    for (const secret of secrets) expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  });

  it('writes the otpauth URL apps scan, and its QR code as SVG', async () => {
    const url = otpauthUrl(RFC_SECRET, 'asha.k');
    const parsed = new URL(url);
    expect(parsed.protocol).toBe('otpauth:');
    expect(parsed.host).toBe('totp');
    expect(decodeURIComponent(parsed.pathname)).toBe('/Teeka:asha.k');
    expect(Object.fromEntries(parsed.searchParams)).toEqual({ issuer: 'Teeka', secret: RFC_SECRET, algorithm: 'SHA1', digits: '6', period: '30' });
    expect(await qrCodeSvg(url)).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
  });
});
