import { decodePDFRawStream, PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream, type PDFPage } from 'pdf-lib';

/** Reads back what Teeka's PDFs draw, for tests, without depending on pdftotext being installed. */

/** pdf-lib's typed `lookup` stops at PDFStream; everything pdf-lib writes and reads back is raw. */
export function rawStream(object: unknown): PDFRawStream {
  if (!(object instanceof PDFRawStream)) throw new Error('expected a raw stream');
  return object;
}

export async function firstPage(bytes: Uint8Array): Promise<{ doc: PDFDocument; page: PDFPage; content: string }> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const page = doc.getPage(0);
  const contents = page.node.Contents();
  const streams = contents instanceof PDFArray ? contents.asArray().map((ref) => doc.context.lookup(ref)) : [contents];
  const content = streams
    .map((stream) => Buffer.from(decodePDFRawStream(rawStream(stream)).decode()).toString('latin1'))
    .join('\n');
  return { doc, page, content };
}

/**
 * The glyph runs drawn on the page, each glyph as the text the font's ToUnicode map gives it (a
 * conjunct is one glyph of several characters). pdf-lib draws embedded fonts as glyph ids, so this
 * reads each font's ToUnicode CMap rather than the hex bytes the slip's tests decode as WinAnsi.
 */
export async function glyphRuns(bytes: Uint8Array): Promise<string[][]> {
  const { doc, page, content } = await firstPage(bytes);
  const fonts = page.node.Resources()!.lookup(PDFName.of('Font'), PDFDict);
  const toUnicode = new Map<string, Map<string, string>>();
  for (const [name, ref] of fonts.entries()) {
    const cmapStream = rawStream(doc.context.lookup(ref, PDFDict).lookup(PDFName.of('ToUnicode')));
    const cmap = Buffer.from(decodePDFRawStream(cmapStream).decode()).toString('latin1');
    const glyphs = new Map<string, string>();
    for (const [, glyph, utf16] of cmap.matchAll(/<([0-9a-f]{4})> <([0-9a-f]+)>/gi)) {
      glyphs.set(glyph!.toLowerCase(), Buffer.from(utf16!, 'hex').swap16().toString('utf16le'));
    }
    toUnicode.set(name.decodeText(), glyphs);
  }
  const runs: string[][] = [];
  let font = new Map<string, string>();
  for (const [, fontName, hex] of content.matchAll(/\/(\S+) [\d.]+ Tf|<([0-9A-Fa-f]*)> Tj/g)) {
    if (fontName) font = toUnicode.get(fontName) ?? new Map();
    else runs.push((hex!.toLowerCase().match(/.{4}/g) ?? []).map((glyph) => font.get(glyph) ?? '\ufffd'));
  }
  return runs;
}

/** The page's text: glyph runs joined, runs separated by a space. */
export async function pageText(bytes: Uint8Array): Promise<string> {
  return (await glyphRuns(bytes)).map((run) => run.join('')).join(' ');
}
