import { decodePDFRawStream, PDFDict, PDFDocument, PDFName, PDFNumber } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { firstPage, glyphRuns, pageText, rawStream } from '../../core/pdf/page-text.test-support.js';
import { certificateQrPng, MAX_CERTIFICATE_DOSES, renderCertificatePdf, type CertificatePdfData } from './certificate-pdf.js';
import { decodePng, scanQrPng } from './formats/qr-scanner.test-support.js';

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

/** The drawn size of an image: pdf-lib places it in its own q…Q block with a chain of unrotated `cm` matrices. */
function imageSize(content: string, name: string): { width: number; height: number } {
  const block = new RegExp(`q\\n((?:[^\\n]* cm\\n)*)/${name} Do`).exec(content)?.[1] ?? '';
  const matrices = [...block.matchAll(/([\d.]+) 0 0 ([\d.]+) [\d.]+ [\d.]+ cm/g)];
  return {
    width: matrices.reduce((scale, m) => scale * Number(m[1]), matrices.length ? 1 : 0),
    height: matrices.reduce((scale, m) => scale * Number(m[2]), matrices.length ? 1 : 0),
  };
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

  it('gives byte-identical output for the same certificate', async () => {
    const first = await renderCertificatePdf(certificate);
    const second = await renderCertificatePdf({ ...certificate, doses: certificate.doses.map((dose) => ({ ...dose })) });
    expect(Buffer.from(first).equals(Buffer.from(second))).toBe(true);
  });

  it('embeds the QR code of qrText, at least 45 mm wide, and it scans back', async () => {
    const bytes = await renderCertificatePdf(certificate);
    const png = await certificateQrPng(certificate.qrText);
    expect(scanQrPng(png)?.text).toBe(certificate.qrText);

    const { doc, page, content } = await firstPage(bytes);
    const xObjects = page.node.Resources()!.lookup(PDFName.of('XObject'), PDFDict);
    const [name, ref] = xObjects.entries()[0]!;
    const image = rawStream(doc.context.lookup(ref));
    const expected = decodePng(png);
    expect(image.dict.lookup(PDFName.of('Width'), PDFNumber).asNumber()).toBe(expected.width);
    // The embedded pixels are exactly the PNG's (pdf-lib stores RGB, with alpha as a soft mask).
    const rgb = decodePDFRawStream(image).decode();
    const expectedRgb = expected.rgba.filter((_, i) => i % 4 !== 3);
    expect(Buffer.from(rgb).equals(Buffer.from(expectedRgb))).toBe(true);

    const { width, height } = imageSize(content, name.decodeText());
    expect(width).toBeGreaterThanOrEqual(45 * MM);
    expect(height).toBe(width);
  });

  it(`fits ${MAX_CERTIFICATE_DOSES} doses with long centre names on one page, QR still at least 45 mm`, async () => {
    const centreName = 'Sub District Hospital and Community Health Centre, Kalyan West Extension Area';
    const doses = Array.from({ length: MAX_CERTIFICATE_DOSES }, (_, i) => ({ ...certificate.doses[0]!, dose: i + 1, centreName }));
    const bytes = await renderCertificatePdf({ ...certificate, kind: 'precaution', name: `${'Ramaswamy '.repeat(12)}தமிழ்`, doses });
    const { doc, page, content } = await firstPage(bytes);
    expect(doc.getPageCount()).toBe(1);
    const [name] = page.node.Resources()!.lookup(PDFName.of('XObject'), PDFDict).entries()[0]!;
    expect(imageSize(content, name.decodeText()).width).toBeGreaterThanOrEqual(45 * MM);
  });

  it('refuses a certificate without doses or with more than fit, and QR text outside alphanumeric mode', async () => {
    await expect(renderCertificatePdf({ ...certificate, doses: [] })).rejects.toThrow(RangeError);
    const tooMany = Array.from({ length: MAX_CERTIFICATE_DOSES + 1 }, () => certificate.doses[0]!);
    await expect(renderCertificatePdf({ ...certificate, doses: tooMany })).rejects.toThrow(RangeError);
    await expect(renderCertificatePdf({ ...certificate, qrText: 'hc1:lowercase' })).rejects.toThrow(RangeError);
  });
});
