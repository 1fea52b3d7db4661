import { readFile } from 'node:fs/promises';
import fontkit from '@pdf-lib/fontkit';
import type { PDFDocument, PDFFont } from 'pdf-lib';

/**
 * The fonts every printed document (appointment slip, certificate) draws with: vendored Noto Sans
 * (Latin, Greek, Cyrillic) and Noto Sans Devanagari, regular and bold, from `assets/fonts/` (see its
 * README). They are embedded as subsets, so a page carries only the glyphs it uses: about 50 KB
 * instead of 1.5 MB of font files.
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

const FONT_FILES = ['NotoSans-Regular', 'NotoSans-Bold', 'NotoSansDevanagari-Regular', 'NotoSansDevanagari-Bold'];
const fontFile = (name: string) => readFile(new URL(`../../../assets/fonts/${name}.ttf`, import.meta.url));
let fontBytes: Promise<Buffer[]> | undefined;

export async function embedNotoFonts(doc: PDFDocument): Promise<PdfFonts> {
  // Read once per process; a failed read is not cached, so a restored file is picked up.
  fontBytes ??= Promise.all(FONT_FILES.map(fontFile)).catch((error: unknown) => {
    fontBytes = undefined;
    throw error;
  });
  doc.registerFontkit(fontkit);
  const [latin, latinBold, devanagari, devanagariBold] = await Promise.all((await fontBytes).map((bytes) => doc.embedFont(bytes, { subset: true })));
  return {
    regular: { latin: latin!, devanagari: devanagari! },
    bold: { latin: latinBold!, devanagari: devanagariBold! },
    latinCovers: new Set(latin!.getCharacterSet()),
    devanagariCovers: new Set(devanagari!.getCharacterSet()),
  };
}
