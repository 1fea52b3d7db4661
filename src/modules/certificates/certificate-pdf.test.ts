import jsQRModule from 'jsqr';
import { PDFDict, PDFDocument, PDFName } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { firstPage, glyphRuns, pageText } from '../../core/pdf/page-text.test-support.js';
import { certificateQr, MAX_CERTIFICATE_DOSES, renderCertificatePdf, type CertificatePdfData } from './certificate-pdf.js';

const certificate: CertificatePdfData = {
  kind: 'final',
  uvci: 'URN:UVCI:01:IN:TEEKA:7F3K9Q2M8X4P#T',
  name: 'Asha Devi',
  age: 34,
  gender: 'Female',
  photoIdType: 'Aadhaar Card',
  photoIdMasked: 'XXXX-XXXX-1234',
  referenceId: '41371803146720',
  doses: [
    { dose: 1, vaccine: 'COVISHIELD', date: '12-05-2021', batchNumber: '4121Z025', centreName: 'UPHC Dadar', district: 'Mumbai', state: 'Maharashtra' },
    { dose: 2, vaccine: 'COVISHIELD', date: '04-08-2021', batchNumber: '4121Z107', centreName: 'PHC Kalyan West', district: 'Thane', state: 'Maharashtra' },
  ],
  // A real HC1 string's length (base45 of a signed, compressed CWT): about a version-17 code at level Q.
  qrText: `HC1:NCFOXN%TS3DH3ZSUZK+.V0ETD%65NL-AH-R6IOO6+IDOEZ/LE2FBB5PJD5N*L*TH::7/.MI2ZJ5NVK%25$+J4JEIQ4:EAN/QN7${'.H6:*1UU4XAHP5S:6Z8B$57BN4$5JBYO1GC'.repeat(12)}`,
  issuedAt: new Date('2021-08-04T10:30:00Z'),
};

const MM = 72 / 25.4;
const QUIET_ZONE = 4;

type ScanQr = (data: Uint8ClampedArray, width: number, height: number) => { data: string } | null;
// jsqr is CommonJS whose module.exports is the function itself; its types describe an ES default export.
const jsQR = ((jsQRModule as unknown as { default?: ScanQr }).default ?? jsQRModule) as unknown as ScanQr;

/**
 * The QR code as the page draws it: one q…Q block that scales unit squares by the module size with
 * one `cm`, then fills one `re` per run of dark modules. Returns the dark cells, row 0 at the top,
 * and the drawn size including the quiet zone.
 */
function drawnQr(content: string): { dark: Set<string>; modules: number; size: number } {
  const block = /q\n([\d.]+) 0 0 ([\d.]+) [\d.]+ [\d.]+ cm\n0 0 0 rg\n((?:\d+ \d+ \d+ 1 re\n)+)f\nQ/.exec(content);
  if (!block) throw new Error('no QR code drawn');
  const rectangles = [...block[3]!.matchAll(/(\d+) (\d+) (\d+) 1 re/g)].map((m) => m.slice(1, 4).map(Number) as [number, number, number]);
  const modules = Math.max(...rectangles.map(([x, , width]) => x + width), ...rectangles.map(([, y]) => y + 1));
  const dark = new Set<string>();
  for (const [x, y, width] of rectangles) for (let i = 0; i < width; i++) dark.add(`${modules - 1 - y},${x + i}`);
  expect(Number(block[2])).toBe(Number(block[1]));
  return { dark, modules, size: Number(block[1]) * (modules + 2 * QUIET_ZONE) };
}

/** Paints the drawn modules, with the quiet zone, as a phone camera would see them, and reads the code. */
function scanDrawnQr({ dark, modules }: { dark: Set<string>; modules: number }): string | undefined {
  const scale = 4;
  const side = (modules + 2 * QUIET_ZONE) * scale;
  const rgba = new Uint8ClampedArray(side * side * 4).fill(255);
  for (let y = 0; y < side; y++) {
    for (let x = 0; x < side; x++) {
      const cell = `${Math.floor(y / scale) - QUIET_ZONE},${Math.floor(x / scale) - QUIET_ZONE}`;
      if (dark.has(cell)) rgba.fill(0, (y * side + x) * 4, (y * side + x) * 4 + 3);
    }
  }
  return jsQR(rgba, side, side)?.data;
}

describe('vaccination certificate PDF', () => {
  it('is a one-page A4 PDF that pdf-lib can read back', async () => {
    const bytes = await renderCertificatePdf(certificate);
    expect(Buffer.from(bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    const doc = await PDFDocument.load(bytes);
    expect(doc.getPageCount()).toBe(1);
    const { width, height } = doc.getPage(0).getSize();
    expect([Math.round(width), Math.round(height)]).toEqual([595, 842]);
    // Subset fonts keep a certificate small enough to e-mail and to download on 2G.
    expect(bytes.length).toBeLessThan(100_000);
  });

  it('shows the titles in both languages, the certificate id, the masked ID, every dose and the verify footer', async () => {
    const text = await pageText(await renderCertificatePdf(certificate));
    expect(text).toContain('Certificate for COVID-19 Vaccination / ');
    expect(text).toContain('Final Certificate / ');
    expect(text).toContain('Beneficiary Name / ');
    expect(text).toContain(certificate.uvci);
    expect(text).toContain('Asha Devi');
    expect(text).toContain('Aadhaar Card \u00b7 XXXX-XXXX-1234');
    expect(text).toContain('4137 1803 1467 20');
    expect(text).toContain('4121Z025');
    expect(text).toContain('PHC Kalyan West, Thane, Maharashtra');
    expect(text).toContain('Verify this certificate at /verify or with any EU DCC verifier app.');
    expect(text).toContain('04-08-2021');
    expect(text).not.toMatch(/\d{12}/);
  });

  it('names each kind of certificate', async () => {
    const titles = { provisional: 'Provisional Certificate', final: 'Final Certificate', precaution: 'Precaution Dose Certificate' };
    for (const [kind, title] of Object.entries(titles)) {
      expect(await pageText(await renderCertificatePdf({ ...certificate, kind: kind as CertificatePdfData['kind'] }))).toContain(`${title} / `);
    }
  });

  it('masks again a full ID number passed by mistake', async () => {
    const text = await pageText(await renderCertificatePdf({ ...certificate, photoIdMasked: '123456789012' }));
    expect(text).toContain('XXXXXXXX9012');
    expect(text).not.toContain('12345678');
  });

  it('keeps personal data out of the document properties', async () => {
    const doc = await PDFDocument.load(await renderCertificatePdf(certificate), { updateMetadata: false });
    expect(doc.getTitle()).toBe('COVID-19 vaccination certificate');
    expect(doc.getCreator()).toBe('Teeka');
    expect(doc.getProducer()).toBe('Teeka');
    const properties = [doc.getTitle(), doc.getAuthor(), doc.getSubject(), doc.getCreator(), doc.getProducer(), doc.getKeywords()];
    for (const value of properties) {
      for (const secret of ['Asha', certificate.uvci, certificate.referenceId, '1234', 'COVISHIELD']) expect(value ?? '').not.toContain(secret);
    }
    expect(doc.getCreationDate()).toEqual(certificate.issuedAt);
    expect(doc.getModificationDate()).toEqual(certificate.issuedAt);
  });

  it('shapes Devanagari names: conjuncts as one glyph, the i-matra before its cluster, the reph after it', async () => {
    const runs = await glyphRuns(await renderCertificatePdf({ ...certificate, name: 'सुनीता शर्मा' }));
    expect(runs).toContainEqual(['स', 'ु', 'न', 'ी', 'त', 'ा', ' ', 'श', 'म', 'ा', 'र्']);
    const kshatriya = await glyphRuns(await renderCertificatePdf({ ...certificate, name: 'क्षत्रिय' }));
    expect(kshatriya).toContainEqual(['क्ष', 'ि', 'त्र', 'य']);
    // The title "कोविड-19 टीकाकरण प्रमाणपत्र", in visual order: ि drawn before व.
    expect(runs).toContainEqual([...'कोिवड-19 टीकाकरण ', 'प्र', 'म', 'ा', 'ण', 'प', 'त्र']);
  });

  it('leaves no regeneratorRuntime global behind after shaping', async () => {
    await renderCertificatePdf({ ...certificate, name: 'प्रिया कुमारी' });
    expect((globalThis as { regeneratorRuntime?: unknown }).regeneratorRuntime).toBeUndefined();
  });

  it('prints a name in a script the fonts lack as legible parts plus a note, never throwing', async () => {
    const text = await pageText(await renderCertificatePdf({ ...certificate, name: 'தமிழ்செல்வி Ramaswamy' }));
    expect(text).toContain('? Ramaswamy');
    expect(text).toContain('the name is as on your photo ID');
    expect(await pageText(await renderCertificatePdf({ ...certificate, name: 'தமிழ்செல்வி' }))).toContain('As on your photo ID');
  });

  it('gives byte-identical output for the same certificate, whatever the process printed before', async () => {
    const first = await renderCertificatePdf(certificate);
    // The fonts are parsed once per process; shaping other names in between must not leak into these bytes.
    await renderCertificatePdf({ ...certificate, name: 'क्षत्रिय प्रिया कुमारी', kind: 'precaution' });
    const second = await renderCertificatePdf({ ...certificate, doses: certificate.doses.map((dose) => ({ ...dose })) });
    expect(Buffer.from(first).equals(Buffer.from(second))).toBe(true);
  });

  it('draws the QR code of qrText as vector squares, at least 45 mm wide, and it scans back', async () => {
    const { page, content } = await firstPage(await renderCertificatePdf(certificate));
    expect(page.node.Resources()!.lookupMaybe(PDFName.of('XObject'), PDFDict)?.entries() ?? []).toEqual([]);
    const drawn = drawnQr(content);
    // Exactly the modules of qrText's code in alphanumeric mode at level Q, and a camera reads it back.
    const expected = certificateQr(certificate.qrText);
    expect(drawn.modules).toBe(expected.size);
    for (let row = 0; row < expected.size; row++) {
      for (let column = 0; column < expected.size; column++) expect(drawn.dark.has(`${row},${column}`)).toBe(expected.isDark(row, column));
    }
    expect(scanDrawnQr(drawn)).toBe(certificate.qrText);
    expect(drawn.size).toBeGreaterThanOrEqual(45 * MM);
  });

  it(`fits ${MAX_CERTIFICATE_DOSES} doses with long centre names on one page, QR still at least 45 mm`, async () => {
    const centreName = 'Sub District Hospital and Community Health Centre, Kalyan West Extension Area';
    const doses = Array.from({ length: MAX_CERTIFICATE_DOSES }, (_, i) => ({ ...certificate.doses[0]!, dose: i + 1, centreName }));
    const bytes = await renderCertificatePdf({ ...certificate, kind: 'precaution', name: `${'Ramaswamy '.repeat(12)}தமிழ்`, doses });
    const { doc, content } = await firstPage(bytes);
    expect(doc.getPageCount()).toBe(1);
    const drawn = drawnQr(content);
    expect(drawn.size).toBeGreaterThanOrEqual(45 * MM);
    expect(scanDrawnQr(drawn)).toBe(certificate.qrText);
  });

  it('refuses a certificate without doses or with more than fit, and QR text outside alphanumeric mode', async () => {
    await expect(renderCertificatePdf({ ...certificate, doses: [] })).rejects.toThrow(RangeError);
    const tooMany = Array.from({ length: MAX_CERTIFICATE_DOSES + 1 }, () => certificate.doses[0]!);
    await expect(renderCertificatePdf({ ...certificate, doses: tooMany })).rejects.toThrow(RangeError);
    await expect(renderCertificatePdf({ ...certificate, qrText: 'hc1:lowercase' })).rejects.toThrow(RangeError);
  });
});
