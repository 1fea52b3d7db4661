import type { PDFFont, PDFPage, RGB } from 'pdf-lib';
import type { PdfFonts } from './fonts.js';
import { INK } from './palette.js';

/**
 * Mixed-script text on a PDF page. Each string is split into runs by script and each run drawn with
 * the font that has its glyphs; characters neither font has (Tamil, Bengali…) print as `?` and the
 * caller learns the text was lossy, so a name can carry a note rather than a guessed spelling.
 * Drawing and measuring Devanagari must happen inside `withIndicShaping` (indic-shaping.ts).
 */
export interface TextStyle {
  size: number;
  bold?: boolean;
  color?: RGB;
}

export function drawText(page: PDFPage, fonts: PdfFonts, text: string, x: number, y: number, style: TextStyle): void {
  for (const run of scriptRuns(fonts, text, style)) {
    page.drawText(run.text, { x, y, size: style.size, font: run.font, color: style.color ?? INK });
    x += run.font.widthOfTextAtSize(run.text, style.size);
  }
}

export function textWidth(fonts: PdfFonts, text: string, style: TextStyle): number {
  return measure(fonts, text, style, false).width;
}

/** The width of `text` drawn after a run in the Devanagari font (`continuesDevanagari`) or after nothing or Latin. */
function measure(fonts: PdfFonts, text: string, style: TextStyle, continuesDevanagari: boolean): { width: number; endsInDevanagari: boolean } {
  const runs = scriptRuns(fonts, text, style, continuesDevanagari);
  const face = style.bold ? fonts.bold : fonts.regular;
  return {
    width: runs.reduce((sum, run) => sum + run.font.widthOfTextAtSize(run.text, style.size), 0),
    endsInDevanagari: runs.length ? runs.at(-1)!.font === face.devanagari : continuesDevanagari,
  };
}

const isDevanagari = (cp: number) => (cp >= 0x0900 && cp <= 0x097f) || (cp >= 0xa8e0 && cp <= 0xa8ff) || (cp >= 0x1cd0 && cp <= 0x1cff);
const isLetter = (ch: string) => /[\p{L}\p{M}]/u.test(ch);

/**
 * Splits text into runs per font. Devanagari goes to the Devanagari font; spaces, digits, joiners and
 * punctuation stay in the run they follow when that font has them, so a Devanagari phrase stays one
 * run and is shaped as a whole; everything else goes to Noto Sans. Expects `printable` text.
 */
function scriptRuns(fonts: PdfFonts, text: string, style: TextStyle, continuesDevanagari = false): { text: string; font: PDFFont }[] {
  const face = style.bold ? fonts.bold : fonts.regular;
  const runs: { text: string; font: PDFFont }[] = [];
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    const last = runs.at(-1);
    const inDevanagariRun = last ? last.font === face.devanagari : continuesDevanagari;
    const devanagari = isDevanagari(cp) || (inDevanagariRun && !isLetter(ch) && fonts.devanagariCovers.has(cp));
    const font = devanagari ? face.devanagari : face.latin;
    if (last?.font === font) last.text += ch;
    else runs.push({ text: ch, font });
  }
  return runs;
}

/** Text the fonts can draw: unencodable runs become one `?`, since pdf-lib throws on them otherwise. */
export function printable(text: string, fonts: PdfFonts): { text: string; lossy: boolean } {
  let lossy = false;
  let out = '';
  const cleaned = text.normalize('NFC').replace(/[\s\p{Cc}]+/gu, ' ').trim();
  for (const ch of cleaned) {
    const cp = ch.codePointAt(0) ?? -1;
    if (fonts.latinCovers.has(cp) || fonts.devanagariCovers.has(cp)) out += ch;
    else {
      lossy = true;
      if (!out.endsWith('?')) out += '?';
    }
  }
  return { text: out, lossy };
}

/** A name row's value: the printable name, or `fallback` when nothing legible is left. */
export function printableName(name: string, fonts: PdfFonts, fallback: string): { text: string; lossy: boolean } {
  const printed = printable(name, fonts);
  return printed.lossy && !/[\p{L}\p{N}]/u.test(printed.text) ? { text: fallback, lossy: true } : printed;
}

/**
 * Masks again at print time: the caller promises a masked value, but paper cannot be recalled, so a
 * full Aadhaar number passed by mistake still leaves with only its last four digits showing.
 */
export function maskForPrint(id: string): string {
  let digitsToHide = (id.match(/\d/g)?.length ?? 0) - 4;
  return id.replace(/\d/g, (digit) => (digitsToHide-- > 0 ? 'X' : digit));
}

/** "41371803146720" → "4137 1803 1467 20": easier to read out, and no 12-digit run for a DLP scanner to mistake for Aadhaar. */
export function groupDigits(id: string): string {
  return id.replace(/\s+/g, '').replace(/(.{4})(?=.)/g, '$1 ');
}

export function clampLines(lines: string[], max: number): string[] {
  if (lines.length <= max) return lines;
  return [...lines.slice(0, max - 1), `${lines[max - 1] ?? ''}...`];
}

const graphemes = new Intl.Segmenter('hi', { granularity: 'grapheme' });

/**
 * Greedy word wrap; a word wider than the line (a long id) is broken between grapheme clusters.
 * Each word is measured once, with the space before it, in the script run it continues, and the line
 * width is their sum: shaping never joins glyphs across a space and pdf-lib sums plain advance
 * widths, so this equals measuring the whole candidate line, without re-shaping it word by word.
 */
export function wrap(fonts: PdfFonts, text: string, style: TextStyle, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  let measured = { width: 0, endsInDevanagari: false };
  for (const word of text.split(' ')) {
    const next = line ? measure(fonts, ` ${word}`, style, measured.endsInDevanagari) : measure(fonts, word, style, false);
    if (measured.width + next.width <= width) {
      line = line ? `${line} ${word}` : word;
      measured = { width: measured.width + next.width, endsInDevanagari: next.endsInDevanagari };
      continue;
    }
    if (line) lines.push(line);
    line = word;
    measured = measure(fonts, word, style, false);
    if (measured.width <= width) continue;
    line = '';
    for (const { segment } of graphemes.segment(word)) {
      if (line && textWidth(fonts, line + segment, style) > width) {
        lines.push(line);
        line = '';
      }
      line += segment;
    }
    measured = measure(fonts, line, style, false);
  }
  if (line || lines.length === 0) lines.push(line);
  return lines;
}
