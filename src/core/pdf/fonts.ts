import { readFile } from 'node:fs/promises';
import fontkit, { type Font, type GlyphRun } from '@pdf-lib/fontkit';
import type { PDFDocument, PDFFont } from 'pdf-lib';

/**
 * The fonts every printed document (appointment slip, certificate) draws with: vendored Noto Sans
 * (Latin, Greek, Cyrillic) and Noto Sans Devanagari, regular and bold, from `assets/fonts/` (see its
 * README). They are embedded as subsets, so a page carries only the glyphs it uses: about 50 KB
 * instead of 1.5 MB of font files.
 *
 * Rendering at download time is the cost that matters (one PDF per dose at peak), so the fonts are
 * parsed once per process and each document sees them through a view that shapes every distinct
 * string once: pdf-lib shapes a string again for each measurement and again to draw it, and fontkit
 * re-decodes the OpenType lookup tables on every call. The labels a document prints every time
 * (`fixedTexts`) are shaped once per process instead; never pass personal data as one.
 */
export interface Face {
  latin: PDFFont;
  devanagari: PDFFont;
}

/** The embedded faces and the code points each script's font can encode. */
export interface PdfFonts {
  regular: Face;
  bold: Face;
  latinCovers: ReadonlySet<number>;
  devanagariCovers: ReadonlySet<number>;
}

interface ParsedFonts {
  faces: Map<Uint8Array, Font>;
  files: Buffer[];
  latinCovers: ReadonlySet<number>;
  devanagariCovers: ReadonlySet<number>;
}

const FONT_FILES = ['NotoSans-Regular', 'NotoSans-Bold', 'NotoSansDevanagari-Regular', 'NotoSansDevanagari-Bold'];
const fontFile = (name: string) => readFile(new URL(`../../../assets/fonts/${name}.ttf`, import.meta.url));
let parsed: Promise<ParsedFonts> | undefined;

async function parseFonts(): Promise<ParsedFonts> {
  const files = await Promise.all(FONT_FILES.map(fontFile));
  const fonts = files.map((bytes) => withOccurrenceCodePoints(fontkit.create(bytes)));
  return {
    faces: new Map(files.map((bytes, i) => [bytes, fonts[i]!])),
    files,
    latinCovers: new Set(fonts[0]!.characterSet),
    devanagariCovers: new Set(fonts[2]!.characterSet),
  };
}

export async function embedNotoFonts(doc: PDFDocument, fixedTexts: readonly string[] = []): Promise<PdfFonts> {
  // Parsed once per process; a failed read is not cached, so a restored file is picked up.
  parsed ??= parseFonts().catch((error: unknown) => {
    parsed = undefined;
    throw error;
  });
  const { faces, files, latinCovers, devanagariCovers } = await parsed;
  // pdf-lib asks its fontkit to parse the bytes it is given; ours hands back the parsed font instead.
  doc.registerFontkit({ create: (bytes: Uint8Array) => documentView(faces.get(bytes) ?? fontkit.create(bytes), fixedTexts) });
  const [latin, latinBold, devanagari, devanagariBold] = await Promise.all(files.map((bytes) => doc.embedFont(bytes, { subset: true })));
  return {
    regular: { latin: latin!, devanagari: devanagari! },
    bold: { latin: latinBold!, devanagari: devanagariBold! },
    latinCovers,
    devanagariCovers,
  };
}

/**
 * fontkit keeps one glyph object per glyph id with the code points of the first string that produced
 * it, and pdf-lib writes those code points into the PDF's ToUnicode map. With a font shared across
 * documents that would make a document's bytes depend on what the process printed before; here each
 * shaped glyph carries the code points of its own string, so the same input gives the same bytes.
 */
function withOccurrenceCodePoints(font: Font): Font {
  const sharedGlyph = font.getGlyph.bind(font);
  font.getGlyph = (id, codePoints) => Object.create(sharedGlyph(id), { codePoints: { value: codePoints ?? [] } });
  return font;
}

/** Shaped labels, per shared font; only substrings of `fixedTexts` go in, so this stays small. */
const labelRuns = new WeakMap<Font, Map<string, GlyphRun>>();

/**
 * One document's view of a shared font: everything is the shared font's, except that layout is
 * remembered per string. A string that is part of a label (a script run of it, a word) is remembered
 * for the process; anything else only for this document, so no name outlives its PDF.
 */
function documentView(font: Font, fixedTexts: readonly string[]): Font {
  const documentRuns = new Map<string, GlyphRun>();
  if (!labelRuns.has(font)) labelRuns.set(font, new Map());
  const processRuns = labelRuns.get(font)!;
  const view = Object.create(font) as Font;
  view.layout = (text, features) => {
    if (features !== undefined) return font.layout(text, features);
    const runs = fixedTexts.some((label) => label.includes(text)) ? processRuns : documentRuns;
    let run = runs.get(text);
    if (!run) {
      run = font.layout(text);
      runs.set(text, run);
    }
    return run;
  };
  return view;
}
