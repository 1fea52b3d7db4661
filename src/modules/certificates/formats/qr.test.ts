import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { issueHc1 } from './eu-dcc/issue.js';
import { qrPng, qrSegments, qrSvg } from './qr.js';
import { scanQrPng } from './qr-scanner.test-support.js';
import { generateSigningKey } from './signing-key.js';
import { issueShc } from './smart-health-card/issue.js';
import { shcKidOf } from './smart-health-card/jwks.js';
import { generateUvci } from './uvci.js';

const key = generateSigningKey();
const data = {
  familyName: 'शर्मा', givenName: 'सुनीता', dateOfBirth: '1985', vaccine: 'COVISHIELD' as const, doseNumber: 2, totalDoses: 2,
  date: '2026-02-20', country: 'IN' as const, issuer: 'Ministry of Health and Family Welfare, India', uvci: generateUvci(),
  issuedAt: new Date('2026-03-01T00:00:00Z'), expiresAt: new Date('2027-03-01T00:00:00Z'),
};
const hc1 = issueHc1(data, key).hc1;

describe('certificate QR codes', () => {
  it('encodes HC1 text in one alphanumeric segment at level Q, and it scans back', async () => {
    const code = QRCode.create(qrSegments(hc1, 'alphanumeric'), { errorCorrectionLevel: 'Q' });
    expect(code.segments.map((s) => s.mode.id)).toEqual(['Alphanumeric']);
    expect(code.errorCorrectionLevel.bit).toBe(QRCode.create('x', { errorCorrectionLevel: 'Q' }).errorCorrectionLevel.bit);
    const byteMode = QRCode.create([{ data: Buffer.from(hc1), mode: 'byte' }], { errorCorrectionLevel: 'Q' });
    expect(code.version).toBeLessThan(byteMode.version);
    const png = await qrPng(hc1, { mode: 'alphanumeric' });
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(scanQrPng(png)).toEqual({ text: hc1, version: code.version });
  });

  it('encodes shc:/ text as a byte segment and a numeric segment, and it scans back', async () => {
    const kid = await shcKidOf(key.publicKey);
    const { qrNumeric } = await issueShc({ data, issuerUrl: 'https://teeka.example.in', key: key.privateKey, kid, rid: 'abc' });
    const segments = QRCode.create(qrSegments(qrNumeric, 'numeric'), { errorCorrectionLevel: 'Q' }).segments;
    expect(segments.map((s) => [s.mode.id, s.data.length])).toEqual([['Byte', 5], ['Numeric', qrNumeric.length - 5]]);
    expect(scanQrPng(await qrPng(qrNumeric, { mode: 'numeric' }))?.text).toBe(qrNumeric);
    expect(scanQrPng(await qrPng(qrNumeric, { mode: 'numeric', errorCorrectionLevel: 'L' }))?.text).toBe(qrNumeric);
  });

  it('draws SVG too', async () => {
    const svg = await qrSvg(hc1, { mode: 'alphanumeric' });
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('</svg>');
  });

  it('refuses text the chosen mode cannot carry', () => {
    expect(() => qrSegments('hc1:abc', 'alphanumeric')).toThrow(RangeError);
    expect(() => qrSegments('shc:/12a4', 'numeric')).toThrow(RangeError);
    expect(() => qrSegments('123', 'numeric')).toThrow(RangeError);
  });
});
