import jsQRModule from 'jsqr';

/**
 * Finding a QR code in pixels, with jsQR. Only this page imports it, so the ~130 kB decoder arrives
 * with the verify page's code and never with the public search page.
 */
type FindQr = typeof jsQRModule;
// jsqr is CommonJS whose module.exports is the function itself; its types describe an ES default export.
const jsQR = ((jsQRModule as unknown as { default?: FindQr }).default ?? jsQRModule) as FindQr;

/** The text of a QR code in the canvas's current picture, or undefined. */
export function readQrFromCanvas(context: CanvasRenderingContext2D, width: number, height: number, thorough = false): string | undefined {
  const { data } = context.getImageData(0, 0, width, height);
  // Live frames come many times a second, so each gets the fast pass; a photo gets one careful look,
  // inverted too (white-on-black codes printed on dark cards).
  const code = jsQR(data, width, height, { inversionAttempts: thorough ? 'attemptBoth' : 'dontInvert' });
  return code?.data || undefined;
}

export class NotAnImage extends Error {
  constructor() {
    super('not an image');
    this.name = 'NotAnImage';
  }
}

/**
 * The longest sides, in pixels, a photo is read at. A phone photo is 4000 px across: jsQR takes
 * seconds at that size and its binariser copes worse with a code that fills few of the pixels, so
 * smaller copies are tried, largest first, until one reads.
 */
const PHOTO_SIZES = [1600, 1000, 600];

/** The text of the QR code in an image file, or undefined when none can be read. */
export async function readQrFromFile(file: Blob): Promise<string | undefined> {
  let bitmap: ImageBitmap;
  try {
    // createImageBitmap needs no object URL (which the CSP's img-src would refuse) and follows the
    // photo's EXIF orientation.
    bitmap = await createImageBitmap(file);
  } catch {
    throw new NotAnImage();
  }
  try {
    const longest = Math.max(bitmap.width, bitmap.height);
    const sizes = [...new Set([Math.min(longest, PHOTO_SIZES[0]!), ...PHOTO_SIZES.filter((size) => size < longest)])];
    const canvas = document.createElement('canvas');
    const context = canvas.getContext('2d', { willReadFrequently: true });
    if (!context) return undefined;
    for (const size of sizes) {
      const scale = size / longest;
      canvas.width = Math.max(1, Math.round(bitmap.width * scale));
      canvas.height = Math.max(1, Math.round(bitmap.height * scale));
      // A transparent PNG would otherwise read as black on black.
      context.fillStyle = '#fff';
      context.fillRect(0, 0, canvas.width, canvas.height);
      context.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
      const text = readQrFromCanvas(context, canvas.width, canvas.height, true);
      if (text) return text;
      // Let the page draw its status between attempts.
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    return undefined;
  } finally {
    bitmap.close();
  }
}
