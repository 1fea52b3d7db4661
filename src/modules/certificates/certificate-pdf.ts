import { concatTransformationMatrix, fill, PageSizes, PDFDocument, popGraphicsState, pushGraphicsState, rectangle, setFillingRgbColor, type PDFOperator, type PDFPage } from 'pdf-lib';
import { embedNotoFonts, type PdfFonts } from '../../core/pdf/fonts.js';
import { withIndicShaping } from '../../core/pdf/indic-shaping.js';
import { ACCENT, INK, MUTED, RULE, SHADE, WHITE } from '../../core/pdf/palette.js';
import { clampLines, drawText, groupDigits, maskForPrint, printable, printableName, textWidth, wrap } from '../../core/pdf/text.js';
import { qrMatrix, type QrMatrix } from './formats/qr.js';

/**
 * The vaccination certificate as one A4 page, English and Hindi side by side, with the EU DCC `HC1:`
 * text as a large QR code, drawn as vector squares so it stays sharp on any printer or zoom. Layout
 * and determinism follow the appointment slip (`slip-pdf.ts`): the same input gives the same bytes,
 * because pdf-lib seeds its resource names with a constant and every PDF date comes from `issuedAt`.
 *
 * Fonts and mixed-script text: src/core/pdf/ (Noto Sans and Noto Sans Devanagari, subset-embedded);
 * a name that loses characters no font has carries a note, as on the slip.
 */

export interface CertificatePdfData {
  kind: 'provisional' | 'final' | 'precaution';
  uvci: string;
  name: string;
  age: number;
  gender: string;
  photoIdType: string;
  photoIdMasked: string /* already masked e.g. XXXX-XXXX-1234; never the full number */;
  referenceId: string /* 14-digit beneficiary reference id */;
  doses: CertificateDose[];
  qrText: string /* EU DCC "HC1:…", drawn as a QR code in alphanumeric mode */;
  issuedAt: Date;
}

export interface CertificateDose {
  dose: number;
  vaccine: string;
  date: string /* DD-MM-YYYY */;
  batchNumber: string;
  centreName: string;
  district: string;
  state: string;
}

/** More rows than this would push the QR code off the page; Co-WIN issues at most three doses. */
export const MAX_CERTIFICATE_DOSES = 4;

const TITLE = 'Certificate for COVID-19 Vaccination / कोविड-19 टीकाकरण प्रमाणपत्र';
const KIND_TITLES: Record<CertificatePdfData['kind'], string> = {
  provisional: 'Provisional Certificate / अनंतिम प्रमाणपत्र',
  final: 'Final Certificate / अंतिम प्रमाणपत्र',
  precaution: 'Precaution Dose Certificate / एहतियाती खुराक प्रमाणपत्र',
};
const GENDERS: Record<string, string> = { female: 'Female / महिला', male: 'Male / पुरुष', others: 'Others / अन्य' };
const VERIFY_EN = 'Verify this certificate at /verify or with any EU DCC verifier app.';
const VERIFY_HI = 'इस प्रमाणपत्र को /verify पर या किसी भी EU DCC सत्यापन ऐप से सत्यापित करें।';
const LABELS = {
  certificateId: 'Certificate ID / प्रमाणपत्र आईडी',
  beneficiary: 'Beneficiary Details / लाभार्थी का विवरण',
  name: 'Beneficiary Name / लाभार्थी का नाम',
  age: 'Age / आयु',
  gender: 'Gender / लिंग',
  photoId: 'Photo ID / फ़ोटो पहचान पत्र',
  referenceId: 'Beneficiary Reference ID / लाभार्थी संदर्भ आईडी',
  vaccination: 'Vaccination Details / टीकाकरण का विवरण',
  scan: 'Scan to verify',
  scanHi: 'सत्यापित करने के लिए स्कैन करें',
  issuedOn: 'Issued on / जारी करने की तारीख',
  brand: 'Issued by Teeka',
};
const NAME_NOT_PRINTABLE = 'As on your photo ID';
const NAME_NOTE = 'Some characters cannot be printed here; the name is as on your photo ID and in the QR code.';

const [PAGE_WIDTH, PAGE_HEIGHT] = PageSizes.A4;
const MARGIN = 40;
const CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN;
const CELL_PAD = 5;
const LABEL_SIZE = 9;
const VALUE_SIZE = 10.5;
const LINE_HEIGHT = 13.5;
/** 190 pt is 67 mm, including the 4-module quiet zone; 45 mm is the least we print. */
const QR_SIZE = 190;
const QR_QUIET_ZONE = 4;
const MIN_QR_SIZE = (45 / 25.4) * 72;
const FOOTER_TOP = MARGIN + 36;

export async function renderCertificatePdf(certificate: CertificatePdfData): Promise<Uint8Array> {
  if (certificate.doses.length < 1 || certificate.doses.length > MAX_CERTIFICATE_DOSES) {
    throw new RangeError(`a certificate lists 1 to ${MAX_CERTIFICATE_DOSES} doses`);
  }
  const doc = await PDFDocument.create({ updateMetadata: false });
  // Metadata stays generic: file properties are shown and indexed by tools that never display the page.
  doc.setTitle('COVID-19 vaccination certificate');
  doc.setSubject('COVID-19 vaccination certificate');
  doc.setAuthor('Teeka');
  doc.setCreator('Teeka');
  doc.setProducer('Teeka');
  doc.setLanguage('en-IN');
  doc.setCreationDate(certificate.issuedAt);
  doc.setModificationDate(certificate.issuedAt);

  const fonts = await embedNotoFonts(doc, FIXED_TEXTS);
  const qr = certificateQr(certificate.qrText);

  const page = doc.addPage(PageSizes.A4);
  withIndicShaping(() => {
    let y = drawHeader(page, fonts, certificate);
    y = drawTable(page, fonts, LABELS.beneficiary, beneficiaryRows(certificate, fonts), y - 20);
    y = drawDoses(page, fonts, certificate.doses, y - 20);
    drawQr(page, fonts, qr, certificate, y - 20);
    drawFooter(page, fonts);
  });
  // Classic cross-reference table, as on the slip: older viewers and centre printers still open it.
  return doc.save({ useObjectStreams: false });
}

/** The QR code drawn on the certificate; exported so tests can compare it with what the page draws. */
export function certificateQr(qrText: string): QrMatrix {
  return qrMatrix(qrText, { mode: 'alphanumeric' });
}

function drawHeader(page: PDFPage, fonts: PdfFonts, certificate: CertificatePdfData): number {
  const bandHeight = 44;
  const top = PAGE_HEIGHT - MARGIN;
  page.drawRectangle({ x: MARGIN, y: top - bandHeight, width: CONTENT_WIDTH, height: bandHeight, color: ACCENT });
  const size = Math.min(16, (16 * (CONTENT_WIDTH - 28)) / textWidth(fonts, TITLE, { size: 16, bold: true }));
  drawText(page, fonts, TITLE, MARGIN + 14, top - 28, { size, bold: true, color: WHITE });
  let y = top - bandHeight - 24;
  drawText(page, fonts, KIND_TITLES[certificate.kind], MARGIN, y, { size: 14, bold: true, color: ACCENT });
  y -= 22;
  drawText(page, fonts, LABELS.certificateId, MARGIN, y, { size: LABEL_SIZE, color: MUTED });
  y -= 15;
  drawText(page, fonts, printable(certificate.uvci, fonts).text, MARGIN, y, { size: 12, bold: true, color: INK });
  return y - 6;
}

interface Row {
  label: string;
  value: string;
  note?: string;
}

function beneficiaryRows(certificate: CertificatePdfData, fonts: PdfFonts): Row[] {
  const name = printableName(certificate.name, fonts, NAME_NOT_PRINTABLE);
  const nameRow: Row = { label: LABELS.name, value: name.text, ...(name.lossy ? { note: NAME_NOTE } : {}) };
  const gender = GENDERS[certificate.gender.trim().toLowerCase()] ?? certificate.gender;
  return [
    nameRow,
    { label: LABELS.age, value: String(certificate.age) },
    { label: LABELS.gender, value: printable(gender, fonts).text },
    { label: LABELS.photoId, value: printable(`${certificate.photoIdType} \u00b7 ${maskForPrint(certificate.photoIdMasked)}`, fonts).text },
    { label: LABELS.referenceId, value: groupDigits(certificate.referenceId) },
  ];
}

function drawTable(page: PDFPage, fonts: PdfFonts, heading: string, rows: Row[], top: number): number {
  drawText(page, fonts, heading, MARGIN, top - 12, { size: 12, bold: true, color: ACCENT });
  let y = top - 20;
  const labelWidth = 215;
  const valueX = MARGIN + labelWidth + CELL_PAD;
  const valueWidth = CONTENT_WIDTH - labelWidth - 2 * CELL_PAD;
  rows.forEach((row, i) => {
    const lines = clampLines(wrap(fonts, row.value, { size: VALUE_SIZE, bold: true }, valueWidth), 2);
    const noteLines = row.note ? wrap(fonts, row.note, { size: 8 }, valueWidth) : [];
    const height = lines.length * LINE_HEIGHT + noteLines.length * 11 + 2 * CELL_PAD;
    // Zebra rows keep the eye on the right value across the gap between label and value.
    if (i % 2 === 0) page.drawRectangle({ x: MARGIN, y: y - height, width: CONTENT_WIDTH, height, color: SHADE });
    const baseline = y - CELL_PAD - VALUE_SIZE + 1;
    drawText(page, fonts, row.label, MARGIN + CELL_PAD, baseline, { size: LABEL_SIZE, color: MUTED });
    lines.forEach((line, k) => drawText(page, fonts, line, valueX, baseline - k * LINE_HEIGHT, { size: VALUE_SIZE, bold: true }));
    noteLines.forEach((line, k) => drawText(page, fonts, line, valueX, baseline - lines.length * LINE_HEIGHT - k * 11 + 1, { size: 8, color: MUTED }));
    y -= height;
  });
  page.drawLine({ start: { x: MARGIN, y }, end: { x: MARGIN + CONTENT_WIDTH, y }, thickness: 0.75, color: RULE });
  return y;
}

const DOSE_COLUMNS = [
  { en: 'Dose', hi: 'खुराक', width: 45 },
  { en: 'Vaccine', hi: 'टीका', width: 95 },
  { en: 'Date', hi: 'तारीख', width: 70 },
  { en: 'Batch', hi: 'बैच संख्या', width: 80 },
  { en: 'Vaccinated at', hi: 'टीकाकरण केंद्र', width: CONTENT_WIDTH - 290 },
];

/** Everything printed the same on every certificate: shaped once per process (fonts.ts). */
const FIXED_TEXTS = [
  TITLE, ...Object.values(KIND_TITLES), ...Object.values(GENDERS), ...Object.values(LABELS), VERIFY_EN, VERIFY_HI,
  NAME_NOT_PRINTABLE, NAME_NOTE, ...DOSE_COLUMNS.flatMap((column) => [column.en, column.hi]),
];

function drawDoses(page: PDFPage, fonts: PdfFonts, doses: CertificateDose[], top: number): number {
  drawText(page, fonts, LABELS.vaccination, MARGIN, top - 12, { size: 12, bold: true, color: ACCENT });
  let y = top - 20;
  const headerHeight = 2 * LINE_HEIGHT + 2 * CELL_PAD;
  page.drawRectangle({ x: MARGIN, y: y - headerHeight, width: CONTENT_WIDTH, height: headerHeight, color: SHADE });
  let x = MARGIN;
  for (const column of DOSE_COLUMNS) {
    drawText(page, fonts, column.en, x + CELL_PAD, y - CELL_PAD - LABEL_SIZE + 1, { size: LABEL_SIZE, color: MUTED });
    drawText(page, fonts, column.hi, x + CELL_PAD, y - CELL_PAD - LABEL_SIZE + 1 - LINE_HEIGHT, { size: LABEL_SIZE, color: MUTED });
    x += column.width;
  }
  y -= headerHeight;
  for (const dose of doses) {
    const place = `${dose.centreName}, ${dose.district}, ${dose.state}`;
    const cells = [String(dose.dose), dose.vaccine, dose.date, dose.batchNumber, place].map((value, i) =>
      clampLines(wrap(fonts, printable(value, fonts).text, { size: VALUE_SIZE - 0.5 }, DOSE_COLUMNS[i]!.width - 2 * CELL_PAD), 2));
    const height = Math.max(...cells.map((lines) => lines.length)) * LINE_HEIGHT + 2 * CELL_PAD;
    x = MARGIN;
    cells.forEach((lines, i) => {
      lines.forEach((line, k) => drawText(page, fonts, line, x + CELL_PAD, y - CELL_PAD - VALUE_SIZE + 1 - k * LINE_HEIGHT, {
        size: VALUE_SIZE - 0.5, bold: i < 3,
      }));
      x += DOSE_COLUMNS[i]!.width;
    });
    y -= height;
    page.drawLine({ start: { x: MARGIN, y }, end: { x: MARGIN + CONTENT_WIDTH, y }, thickness: 0.75, color: RULE });
  }
  return y;
}

/**
 * The QR code follows the tables, as large as the room left allows: `QR_SIZE` for up to three doses,
 * never under `MIN_QR_SIZE`. The dose and line limits above keep even a full table over that floor.
 */
function drawQr(page: PDFPage, fonts: PdfFonts, qr: QrMatrix, certificate: CertificatePdfData, top: number): void {
  const size = Math.min(QR_SIZE, top - FOOTER_TOP - 12);
  if (size < MIN_QR_SIZE) throw new RangeError('certificate content leaves no room for a scannable QR code');
  const y = top - size;
  drawQrModules(page, qr, MARGIN, y, size);
  const textX = MARGIN + size + 18;
  let line = y + size - 34;
  drawText(page, fonts, LABELS.scan, textX, line, { size: 13, bold: true, color: ACCENT });
  drawText(page, fonts, LABELS.scanHi, textX, line - 18, { size: 12, bold: true, color: ACCENT });
  line -= 50;
  drawText(page, fonts, LABELS.certificateId, textX, line, { size: LABEL_SIZE, color: MUTED });
  for (const part of wrap(fonts, printable(certificate.uvci, fonts).text, { size: 10, bold: true }, MARGIN + CONTENT_WIDTH - textX)) {
    line -= 14;
    drawText(page, fonts, part, textX, line, { size: 10, bold: true });
  }
  line -= 24;
  drawText(page, fonts, LABELS.issuedOn, textX, line, { size: LABEL_SIZE, color: MUTED });
  drawText(page, fonts, formatIndianDate(certificate.issuedAt), textX, line - 14, { size: 10, bold: true });
}

/**
 * One filled path of unit squares, scaled by one `cm` to the module size: each row's run of dark
 * modules is one rectangle, and filling them as one path leaves no hairline seams between rows.
 */
function drawQrModules(page: PDFPage, qr: QrMatrix, x: number, y: number, size: number): void {
  const module = size / (qr.size + 2 * QR_QUIET_ZONE);
  const operators: PDFOperator[] = [
    pushGraphicsState(),
    concatTransformationMatrix(module, 0, 0, module, x + QR_QUIET_ZONE * module, y + QR_QUIET_ZONE * module),
    setFillingRgbColor(0, 0, 0),
  ];
  for (let row = 0; row < qr.size; row++) {
    for (let column = 0; column < qr.size; column++) {
      if (!qr.isDark(row, column)) continue;
      const start = column;
      while (column + 1 < qr.size && qr.isDark(row, column + 1)) column++;
      operators.push(rectangle(start, qr.size - 1 - row, column + 1 - start, 1));
    }
  }
  operators.push(fill(), popGraphicsState());
  page.pushOperators(...operators);
}

function drawFooter(page: PDFPage, fonts: PdfFonts): void {
  page.drawLine({ start: { x: MARGIN, y: FOOTER_TOP }, end: { x: MARGIN + CONTENT_WIDTH, y: FOOTER_TOP }, thickness: 0.75, color: RULE });
  drawText(page, fonts, VERIFY_EN, MARGIN, FOOTER_TOP - 15, { size: 9.5, color: INK });
  drawText(page, fonts, VERIFY_HI, MARGIN, FOOTER_TOP - 30, { size: 9.5, color: INK });
  const brand = LABELS.brand;
  drawText(page, fonts, brand, MARGIN + CONTENT_WIDTH - textWidth(fonts, brand, { size: 8.5 }), FOOTER_TOP - 15, { size: 8.5, color: MUTED });
}

/** DD-MM-YYYY in IST. India has one zone and no daylight saving, so a fixed +05:30 is exact. */
function formatIndianDate(at: Date): string {
  const ist = new Date(at.getTime() + 330 * 60_000);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(ist.getUTCDate())}-${two(ist.getUTCMonth() + 1)}-${ist.getUTCFullYear()}`;
}
