import { PageSizes, PDFDocument, type PDFPage } from 'pdf-lib';
import { embedNotoFonts, type PdfFonts } from '../../core/pdf/fonts.js';
import { withIndicShaping } from '../../core/pdf/indic-shaping.js';
import { ACCENT, INK, MUTED, RULE, SHADE, WHITE } from '../../core/pdf/palette.js';
import { clampLines, drawText, groupDigits, maskForPrint, printable, printableName, textWidth, wrap } from '../../core/pdf/text.js';

/**
 * The appointment slip behind `GET /v2/appointment/appointmentslip/download` (API-NOTES §3.4): one A4
 * page the citizen prints or shows at the centre, labelled in English and Hindi. The route must answer
 * with `Content-Type: application/pdf` exactly; one client string-compares it, so no `; charset`.
 *
 * Fonts and mixed-script text: src/core/pdf/ (Noto Sans and Noto Sans Devanagari, subset-embedded),
 * shared with the certificate, so a name registered in Devanagari prints as written. Characters no
 * font has (Tamil, Bengali…) print as `?`, or the name as "As on your photo ID" when nothing legible
 * is left, with a note saying so. We never transliterate: a guessed Latin spelling would look
 * authoritative and could disagree with the ID.
 *
 * Output is byte-identical for the same input: pdf-lib seeds its resource-name RNG with a constant,
 * and we set every metadata date ourselves instead of letting pdf-lib stamp "now". That lets the
 * route use ETags and lets tests compare bytes.
 */

export interface AppointmentSlip {
  appointmentId: string;
  referenceId: string /* 14-digit beneficiary reference id */;
  name: string;
  birthYear: number;
  gender: string;
  photoIdType: string;
  photoIdMasked: string /* already masked e.g. XXXX-XXXX-1234; never the full number */;
  dose: number;
  vaccine: string;
  date: string /* DD-MM-YYYY */;
  slot: string /* 09:00AM-11:00AM */;
  centreName: string;
  centreAddress: string;
  blockName: string;
  districtName: string;
  stateName: string;
  pincode: number;
  feeType: 'Free' | 'Paid';
  fee?: string;
  securityCode: string /* 4 digits: the citizen shows it to the vaccinator */;
  bookedAt: Date;
}

export interface SlipRenderOptions {
  /** When the slip is printed, for the footer and PDF dates. Defaults to `bookedAt` so re-downloads match. */
  generatedAt?: Date;
}

const TITLE = 'Appointment Slip / अपॉइंटमेंट पर्ची';
const BRAND = 'Teeka';
const CODE_HEADING = 'SECURITY CODE / सुरक्षा कोड';
const HEADINGS = {
  appointment: 'Appointment / अपॉइंटमेंट',
  beneficiary: 'Beneficiary / लाभार्थी',
  centre: 'Vaccination centre / टीकाकरण केंद्र',
};
const LABELS = {
  appointmentId: 'Appointment ID / अपॉइंटमेंट आईडी',
  date: 'Date / तारीख',
  slot: 'Time slot / समय',
  dose: 'Dose / खुराक',
  vaccine: 'Vaccine / टीका',
  fee: 'Fee / शुल्क',
  bookedOn: 'Booked on / बुकिंग की तारीख',
  name: 'Name / नाम',
  referenceId: 'Reference ID / संदर्भ आईडी',
  birthYear: 'Year of birth / जन्म का वर्ष',
  gender: 'Gender / लिंग',
  photoId: 'Photo ID / फ़ोटो पहचान पत्र',
  centre: 'Centre / केंद्र',
  address: 'Address / पता',
  block: 'Block / ब्लॉक',
  district: 'District / ज़िला',
  state: 'State / राज्य',
  pincode: 'Pincode / पिन कोड',
};
const NAME_NOT_PRINTABLE = 'As on your photo ID';
const NAME_NOTE = 'Some characters cannot be printed on this slip; the name is as on your photo ID.';
const CODE_INSTRUCTION = 'Show this code to the vaccinator. Do not share it with anyone else.';
const CODE_INSTRUCTION_HI = 'यह कोड केवल टीका लगाने वाले को दिखाएँ।';
const REMINDERS = [
  'Reach the centre during your time slot and carry the photo ID shown above.',
  'अपने समय पर केंद्र पहुँचें और ऊपर दिखाया गया फ़ोटो पहचान पत्र साथ लाएँ।',
  'The vaccinator will ask for the security code to open your record; nobody else needs it.',
  'टीका लगाने वाला आपका रिकॉर्ड खोलने के लिए सुरक्षा कोड पूछेगा; किसी और को इसकी ज़रूरत नहीं है।',
];
const BULLET = '\u2022';

/** What every slip prints: shaped once per process (fonts.ts), as the certificate's labels are. Never personal data. */
const FIXED_TEXTS = [
  TITLE, BRAND, CODE_HEADING, CODE_INSTRUCTION, CODE_INSTRUCTION_HI, ...Object.values(HEADINGS), ...Object.values(LABELS),
  NAME_NOT_PRINTABLE, NAME_NOTE, ...REMINDERS, BULLET,
];

const [PAGE_WIDTH, PAGE_HEIGHT] = PageSizes.A4;
const MARGIN = 48;
const CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN;
const LABEL_WIDTH = 175;
const CELL_PAD = 5;
const BODY_SIZE = 10.5;
const LABEL_SIZE = 9;
const LINE_HEIGHT = 13.5;
/** Caps a pathological value (a 2 KB address) so the slip always stays one page. */
const MAX_VALUE_LINES = 3;

interface Row {
  label: string;
  value: string;
  note?: string;
}

export async function renderAppointmentSlip(slip: AppointmentSlip, options: SlipRenderOptions = {}): Promise<Uint8Array> {
  // A wrong code on paper sends the citizen away at the centre; better to fail loudly here.
  if (!/^\d{4}$/.test(slip.securityCode)) throw new RangeError('securityCode must be 4 digits');
  const generatedAt = options.generatedAt ?? slip.bookedAt;

  const doc = await PDFDocument.create({ updateMetadata: false });
  // Metadata stays generic: file properties are shown and indexed by tools that never display the page.
  doc.setTitle('Vaccination appointment slip');
  doc.setSubject('Vaccination appointment slip');
  doc.setAuthor('Teeka');
  doc.setCreator('Teeka');
  doc.setProducer('Teeka (pdf-lib)');
  doc.setLanguage('en-IN');
  doc.setCreationDate(generatedAt);
  doc.setModificationDate(generatedAt);

  const fonts = await embedNotoFonts(doc, FIXED_TEXTS);
  const page = doc.addPage(PageSizes.A4);
  withIndicShaping(() => {
    let y = drawHeader(page, fonts);
    y = drawSecurityCode(page, fonts, slip.securityCode, y - 16);
    y = drawTable(page, fonts, HEADINGS.appointment, appointmentRows(slip, fonts), y - 18);
    y = drawTable(page, fonts, HEADINGS.beneficiary, beneficiaryRows(slip, fonts), y - 16);
    y = drawTable(page, fonts, HEADINGS.centre, centreRows(slip, fonts), y - 16);
    drawReminders(page, fonts, y - 20);
    drawFooter(page, fonts, generatedAt);
  });

  // A classic cross-reference table instead of PDF 1.5 object streams: older viewers on low-end
  // phones and centre printers still open it, and the slip is too small for the saving to matter.
  return doc.save({ useObjectStreams: false });
}

function appointmentRows(slip: AppointmentSlip, fonts: PdfFonts): Row[] {
  const fee = slip.feeType === 'Paid' && slip.fee ? `Paid (${formatFee(slip.fee)})` : slip.feeType;
  return [
    { label: LABELS.appointmentId, value: slip.appointmentId },
    { label: LABELS.date, value: slip.date },
    { label: LABELS.slot, value: slip.slot },
    { label: LABELS.dose, value: `Dose ${slip.dose}` },
    { label: LABELS.vaccine, value: slip.vaccine },
    { label: LABELS.fee, value: fee },
    { label: LABELS.bookedOn, value: formatIndianTime(slip.bookedAt) },
  ].map((row) => ({ ...row, value: printable(row.value, fonts).text }));
}

function beneficiaryRows(slip: AppointmentSlip, fonts: PdfFonts): Row[] {
  const name = printableName(slip.name, fonts, NAME_NOT_PRINTABLE);
  return [
    { label: LABELS.name, value: name.text, ...(name.lossy ? { note: NAME_NOTE } : {}) },
    { label: LABELS.referenceId, value: groupDigits(slip.referenceId) },
    { label: LABELS.birthYear, value: String(slip.birthYear) },
    { label: LABELS.gender, value: printable(slip.gender, fonts).text },
    { label: LABELS.photoId, value: printable(`${slip.photoIdType} \u00b7 ${maskForPrint(slip.photoIdMasked)}`, fonts).text },
  ];
}

function centreRows(slip: AppointmentSlip, fonts: PdfFonts): Row[] {
  return [
    { label: LABELS.centre, value: slip.centreName },
    { label: LABELS.address, value: slip.centreAddress },
    { label: LABELS.block, value: slip.blockName },
    { label: LABELS.district, value: slip.districtName },
    { label: LABELS.state, value: slip.stateName },
    { label: LABELS.pincode, value: String(slip.pincode) },
  ].map((row) => ({ ...row, value: printable(row.value, fonts).text }));
}

function drawHeader(page: PDFPage, fonts: PdfFonts): number {
  const bandHeight = 58;
  const top = PAGE_HEIGHT - MARGIN;
  page.drawRectangle({ x: MARGIN, y: top - bandHeight, width: CONTENT_WIDTH, height: bandHeight, color: ACCENT });
  drawText(page, fonts, TITLE, MARGIN + 18, top - 36, { size: 20, bold: true, color: WHITE });
  const brandX = MARGIN + CONTENT_WIDTH - 18 - textWidth(fonts, BRAND, { size: 16, bold: true });
  drawText(page, fonts, BRAND, brandX, top - 35, { size: 16, bold: true, color: WHITE });
  return top - bandHeight;
}

function drawSecurityCode(page: PDFPage, fonts: PdfFonts, code: string, top: number): number {
  const height = 84;
  page.drawRectangle({
    x: MARGIN, y: top - height, width: CONTENT_WIDTH, height, color: SHADE, borderColor: ACCENT, borderWidth: 1.5,
  });
  drawText(page, fonts, CODE_HEADING, MARGIN + 18, top - 22, { size: 9, bold: true, color: MUTED });
  // Digits drawn one by one on a wide pitch so "1" and "7" cannot run together when read aloud or on a cracked screen.
  const size = 40;
  const pitch = 34;
  [...code].forEach((digit, i) => {
    const x = MARGIN + 18 + i * pitch + (pitch - textWidth(fonts, digit, { size, bold: true })) / 2;
    drawText(page, fonts, digit, x, top - 66, { size, bold: true, color: INK });
  });
  const textX = MARGIN + 18 + 4 * pitch + 28;
  const width = MARGIN + CONTENT_WIDTH - 18 - textX;
  const lines = [...wrap(fonts, CODE_INSTRUCTION, { size: 12, bold: true }, width), ...wrap(fonts, CODE_INSTRUCTION_HI, { size: 12, bold: true }, width)];
  const blockTop = top - height / 2 + (lines.length * 16) / 2 - 12;
  lines.forEach((line, i) => drawText(page, fonts, line, textX, blockTop - i * 16, { size: 12, bold: true, color: INK }));
  return top - height;
}

function drawTable(page: PDFPage, fonts: PdfFonts, heading: string, rows: Row[], top: number): number {
  drawText(page, fonts, heading, MARGIN, top - 12, { size: 12, bold: true, color: ACCENT });
  let y = top - 20;
  const valueX = MARGIN + LABEL_WIDTH + CELL_PAD;
  const valueWidth = CONTENT_WIDTH - LABEL_WIDTH - 2 * CELL_PAD;
  rows.forEach((row, i) => {
    const lines = clampLines(wrap(fonts, row.value, { size: BODY_SIZE, bold: true }, valueWidth), MAX_VALUE_LINES);
    const noteLines = row.note ? wrap(fonts, row.note, { size: 8.5 }, valueWidth) : [];
    const height = lines.length * LINE_HEIGHT + noteLines.length * 11 + 2 * CELL_PAD - 3;
    // Zebra rows keep the eye on the right value across a wide gap between label and value.
    if (i % 2 === 0) page.drawRectangle({ x: MARGIN, y: y - height, width: CONTENT_WIDTH, height, color: SHADE });
    const baseline = y - CELL_PAD - BODY_SIZE + 1;
    drawText(page, fonts, row.label, MARGIN + CELL_PAD, baseline, { size: LABEL_SIZE, color: MUTED });
    lines.forEach((line, k) => drawText(page, fonts, line, valueX, baseline - k * LINE_HEIGHT, { size: BODY_SIZE, bold: true }));
    noteLines.forEach((line, k) => drawText(page, fonts, line, valueX, baseline - lines.length * LINE_HEIGHT - k * 11 + 2, { size: 8.5, color: MUTED }));
    y -= height;
  });
  page.drawLine({ start: { x: MARGIN, y }, end: { x: MARGIN + CONTENT_WIDTH, y }, thickness: 0.75, color: RULE });
  return y;
}

function drawReminders(page: PDFPage, fonts: PdfFonts, top: number): void {
  REMINDERS.forEach((line, i) => {
    // English and its Hindi share one bullet.
    if (i % 2 === 0) drawText(page, fonts, BULLET, MARGIN + 2, top - i * 15, { size: 10, color: MUTED });
    drawText(page, fonts, line, MARGIN + 14, top - i * 15, { size: 10, color: MUTED });
  });
}

function drawFooter(page: PDFPage, fonts: PdfFonts, generatedAt: Date): void {
  const y = MARGIN - 8;
  page.drawLine({ start: { x: MARGIN, y: y + 14 }, end: { x: MARGIN + CONTENT_WIDTH, y: y + 14 }, thickness: 0.75, color: RULE });
  drawText(page, fonts, `Generated by Teeka on ${formatIndianTime(generatedAt)}`, MARGIN, y, { size: 8.5, color: MUTED });
}

function formatFee(fee: string): string {
  return /^\d+(\.\d+)?$/.test(fee.trim()) ? `\u20b9${fee.trim()}` : fee;
}

/** DD-MM-YYYY HH:MM IST. India has one zone and no daylight saving, so a fixed +05:30 is exact. */
function formatIndianTime(at: Date): string {
  const ist = new Date(at.getTime() + 330 * 60_000);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(ist.getUTCDate())}-${two(ist.getUTCMonth() + 1)}-${ist.getUTCFullYear()} ${two(ist.getUTCHours())}:${two(ist.getUTCMinutes())} IST`;
}
