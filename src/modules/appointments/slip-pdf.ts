import { PageSizes, PDFDocument, StandardFonts, type PDFFont, type PDFPage } from 'pdf-lib';
import { ACCENT, INK, MUTED, RULE, SHADE, WHITE } from '../../core/pdf-palette.js';

/**
 * The appointment slip behind `GET /v2/appointment/appointmentslip/download` (API-NOTES §3.4): one A4
 * page the citizen prints or shows at the centre. The route must answer with `Content-Type:
 * application/pdf` exactly; one client string-compares it, so no `; charset`.
 *
 * Fonts: the 14 standard PDF fonts (Helvetica, WinAnsi encoding) need no font file, so the slip
 * renders the same on any machine or CI box. They cannot draw Devanagari or other Indian scripts, so:
 * - the Hindi title is drawn only when the font can encode it (never with Helvetica today);
 * - a name with characters the font cannot encode is printed with `?` in their place, or as
 *   "As on your photo ID" when nothing legible is left, with a note saying so. We never
 *   transliterate: a guessed Latin spelling would look authoritative and could disagree with the ID.
 * Printing names in their own script needs `@pdf-lib/fontkit` plus a vendored Noto font in
 * `./fonts/`; see `SlipFonts`, which is the one place to change.
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

const NAME_NOT_PRINTABLE = 'As on your photo ID';
const NAME_NOTE = 'Some characters cannot be printed on this slip; the name is as on your photo ID.';
const CODE_INSTRUCTION = 'Show this code to the vaccinator. Do not share it with anyone else.';
const HINDI_TITLE = 'अपॉइंटमेंट पर्ची';


const [PAGE_WIDTH, PAGE_HEIGHT] = PageSizes.A4;
const MARGIN = 48;
const CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN;
const LABEL_WIDTH = 150;
const CELL_PAD = 5;
const BODY_SIZE = 10.5;
const LINE_HEIGHT = 13.5;
/** Caps a pathological value (a 2 KB address) so the slip always stays one page. */
const MAX_VALUE_LINES = 3;

/** The fonts a slip can use and the characters they can draw: swap this to add a Unicode font. */
interface SlipFonts {
  regular: PDFFont;
  bold: PDFFont;
  encodable: ReadonlySet<number>;
}

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

  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const fonts: SlipFonts = { regular, bold, encodable: new Set(regular.getCharacterSet()) };
  const page = doc.addPage(PageSizes.A4);

  let y = drawHeader(page, fonts);
  y = drawSecurityCode(page, fonts, slip.securityCode, y - 16);
  y = drawTable(page, fonts, 'Appointment', appointmentRows(slip, fonts), y - 18);
  y = drawTable(page, fonts, 'Beneficiary', beneficiaryRows(slip, fonts), y - 16);
  y = drawTable(page, fonts, 'Vaccination centre', centreRows(slip, fonts), y - 16);
  drawReminders(page, fonts, y - 20);
  drawFooter(page, fonts, generatedAt);

  // A classic cross-reference table instead of PDF 1.5 object streams: older viewers on low-end
  // phones and centre printers still open it, and the slip is too small for the saving to matter.
  return doc.save({ useObjectStreams: false });
}

function appointmentRows(slip: AppointmentSlip, fonts: SlipFonts): Row[] {
  const fee = slip.feeType === 'Paid' && slip.fee ? `Paid (${formatFee(slip.fee)})` : slip.feeType;
  return [
    { label: 'Appointment ID', value: slip.appointmentId },
    { label: 'Date', value: slip.date },
    { label: 'Time slot', value: slip.slot },
    { label: 'Dose', value: `Dose ${slip.dose}` },
    { label: 'Vaccine', value: slip.vaccine },
    { label: 'Fee', value: fee },
    { label: 'Booked on', value: formatIndianTime(slip.bookedAt) },
  ].map((row) => ({ ...row, value: printable(row.value, fonts).text }));
}

function beneficiaryRows(slip: AppointmentSlip, fonts: SlipFonts): Row[] {
  const name = printable(slip.name, fonts);
  const nameRow: Row = name.lossy
    ? { label: 'Name', value: /[\p{L}\p{N}]/u.test(name.text) ? name.text : NAME_NOT_PRINTABLE, note: NAME_NOTE }
    : { label: 'Name', value: name.text };
  return [
    nameRow,
    { label: 'Reference ID', value: groupDigits(slip.referenceId) },
    { label: 'Year of birth', value: String(slip.birthYear) },
    { label: 'Gender', value: printable(slip.gender, fonts).text },
    { label: 'Photo ID', value: printable(`${slip.photoIdType} \u00b7 ${maskForPrint(slip.photoIdMasked)}`, fonts).text },
  ];
}

function centreRows(slip: AppointmentSlip, fonts: SlipFonts): Row[] {
  return [
    { label: 'Centre', value: slip.centreName },
    { label: 'Address', value: slip.centreAddress },
    { label: 'Block', value: slip.blockName },
    { label: 'District', value: slip.districtName },
    { label: 'State', value: slip.stateName },
    { label: 'Pincode', value: String(slip.pincode) },
  ].map((row) => ({ ...row, value: printable(row.value, fonts).text }));
}

function drawHeader(page: PDFPage, fonts: SlipFonts): number {
  const bandHeight = 58;
  const top = PAGE_HEIGHT - MARGIN;
  page.drawRectangle({ x: MARGIN, y: top - bandHeight, width: CONTENT_WIDTH, height: bandHeight, color: ACCENT });
  const hindi = canEncode(HINDI_TITLE, fonts);
  page.drawText(hindi ? `Appointment Slip / ${HINDI_TITLE}` : 'Appointment Slip', {
    x: MARGIN + 18, y: top - 36, size: 22, font: fonts.bold, color: WHITE,
  });
  const brand = 'Teeka';
  page.drawText(brand, {
    x: MARGIN + CONTENT_WIDTH - 18 - fonts.bold.widthOfTextAtSize(brand, 16), y: top - 35, size: 16, font: fonts.bold, color: WHITE,
  });
  return top - bandHeight;
}

function drawSecurityCode(page: PDFPage, fonts: SlipFonts, code: string, top: number): number {
  const height = 84;
  page.drawRectangle({
    x: MARGIN, y: top - height, width: CONTENT_WIDTH, height, color: SHADE, borderColor: ACCENT, borderWidth: 1.5,
  });
  page.drawText('SECURITY CODE', { x: MARGIN + 18, y: top - 22, size: 9, font: fonts.bold, color: MUTED });
  // Digits drawn one by one on a wide pitch so "1" and "7" cannot run together when read aloud or on a cracked screen.
  const size = 40;
  const pitch = 34;
  [...code].forEach((digit, i) => {
    const x = MARGIN + 18 + i * pitch + (pitch - fonts.bold.widthOfTextAtSize(digit, size)) / 2;
    page.drawText(digit, { x, y: top - 66, size, font: fonts.bold, color: INK });
  });
  const textX = MARGIN + 18 + 4 * pitch + 28;
  const lines = wrap(CODE_INSTRUCTION, fonts.bold, 12, MARGIN + CONTENT_WIDTH - 18 - textX);
  const blockTop = top - height / 2 + (lines.length * 16) / 2 - 12;
  lines.forEach((line, i) => page.drawText(line, { x: textX, y: blockTop - i * 16, size: 12, font: fonts.bold, color: INK }));
  return top - height;
}

function drawTable(page: PDFPage, fonts: SlipFonts, heading: string, rows: Row[], top: number): number {
  page.drawText(heading, { x: MARGIN, y: top - 12, size: 12, font: fonts.bold, color: ACCENT });
  let y = top - 20;
  const valueX = MARGIN + LABEL_WIDTH + CELL_PAD;
  const valueWidth = CONTENT_WIDTH - LABEL_WIDTH - 2 * CELL_PAD;
  rows.forEach((row, i) => {
    const lines = clampLines(wrap(row.value, fonts.bold, BODY_SIZE, valueWidth), MAX_VALUE_LINES);
    const noteLines = row.note ? wrap(row.note, fonts.regular, 8.5, valueWidth) : [];
    const height = lines.length * LINE_HEIGHT + noteLines.length * 11 + 2 * CELL_PAD - 3;
    // Zebra rows keep the eye on the right value across a wide gap between label and value.
    if (i % 2 === 0) page.drawRectangle({ x: MARGIN, y: y - height, width: CONTENT_WIDTH, height, color: SHADE });
    const baseline = y - CELL_PAD - BODY_SIZE + 1;
    page.drawText(row.label, { x: MARGIN + CELL_PAD, y: baseline, size: BODY_SIZE - 1, font: fonts.regular, color: MUTED });
    lines.forEach((line, k) => page.drawText(line, {
      x: valueX, y: baseline - k * LINE_HEIGHT, size: BODY_SIZE, font: fonts.bold, color: INK,
    }));
    noteLines.forEach((line, k) => page.drawText(line, {
      x: valueX, y: baseline - lines.length * LINE_HEIGHT - k * 11 + 2, size: 8.5, font: fonts.regular, color: MUTED,
    }));
    y -= height;
  });
  page.drawLine({ start: { x: MARGIN, y }, end: { x: MARGIN + CONTENT_WIDTH, y }, thickness: 0.75, color: RULE });
  return y;
}

function drawReminders(page: PDFPage, fonts: SlipFonts, top: number): void {
  const reminders = [
    'Reach the centre during your time slot and carry the photo ID shown above.',
    'The vaccinator will ask for the security code to open your record; nobody else needs it.',
  ];
  reminders.forEach((line, i) => {
    page.drawText('\u2022', { x: MARGIN + 2, y: top - i * 15, size: 10, font: fonts.regular, color: MUTED });
    page.drawText(line, { x: MARGIN + 14, y: top - i * 15, size: 10, font: fonts.regular, color: MUTED });
  });
}

function drawFooter(page: PDFPage, fonts: SlipFonts, generatedAt: Date): void {
  const y = MARGIN - 8;
  page.drawLine({ start: { x: MARGIN, y: y + 14 }, end: { x: MARGIN + CONTENT_WIDTH, y: y + 14 }, thickness: 0.75, color: RULE });
  page.drawText(`Generated by Teeka on ${formatIndianTime(generatedAt)}`, { x: MARGIN, y, size: 8.5, font: fonts.regular, color: MUTED });
}

/** Text the font can draw: unencodable runs become one `?`, since pdf-lib throws on them otherwise. */
function printable(text: string, fonts: SlipFonts): { text: string; lossy: boolean } {
  let lossy = false;
  let out = '';
  const cleaned = text.normalize('NFC').replace(/₹\s*/g, 'Rs. ').replace(/[\s\p{Cc}]+/gu, ' ').trim();
  for (const ch of cleaned) {
    if (fonts.encodable.has(ch.codePointAt(0) ?? -1)) out += ch;
    else {
      lossy = true;
      if (!out.endsWith('?')) out += '?';
    }
  }
  return { text: out, lossy };
}

function canEncode(text: string, fonts: SlipFonts): boolean {
  return [...text].every((ch) => ch === ' ' || fonts.encodable.has(ch.codePointAt(0) ?? -1));
}

/**
 * Masks again at print time: the caller promises a masked value, but paper cannot be recalled, so a
 * full Aadhaar number passed by mistake still leaves with only its last four digits showing.
 */
function maskForPrint(id: string): string {
  let digitsToHide = (id.match(/\d/g)?.length ?? 0) - 4;
  return id.replace(/\d/g, (digit) => (digitsToHide-- > 0 ? 'X' : digit));
}

/** "41371803146720" → "4137 1803 1467 20": easier to read out, and no 12-digit run for a DLP scanner to mistake for Aadhaar. */
function groupDigits(id: string): string {
  return id.replace(/\s+/g, '').replace(/(.{4})(?=.)/g, '$1 ');
}

function formatFee(fee: string): string {
  return /^\d+(\.\d+)?$/.test(fee.trim()) ? `Rs. ${fee.trim()}` : fee;
}

/** DD-MM-YYYY HH:MM IST. India has one zone and no daylight saving, so a fixed +05:30 is exact. */
function formatIndianTime(at: Date): string {
  const ist = new Date(at.getTime() + 330 * 60_000);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(ist.getUTCDate())}-${two(ist.getUTCMonth() + 1)}-${ist.getUTCFullYear()} ${two(ist.getUTCHours())}:${two(ist.getUTCMinutes())} IST`;
}

function clampLines(lines: string[], max: number): string[] {
  if (lines.length <= max) return lines;
  return [...lines.slice(0, max - 1), `${lines[max - 1] ?? ''}...`];
}

/** Greedy word wrap; a single word wider than the line (a long id) is broken by characters. */
function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    const candidate = line ? `${line} ${word}` : word;
    if (font.widthOfTextAtSize(candidate, size) <= width) {
      line = candidate;
      continue;
    }
    if (line) lines.push(line);
    line = '';
    for (const ch of word) {
      if (line && font.widthOfTextAtSize(line + ch, size) > width) {
        lines.push(line);
        line = '';
      }
      line += ch;
    }
  }
  if (line || lines.length === 0) lines.push(line);
  return lines;
}
