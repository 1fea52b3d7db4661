import { inflateSync } from 'node:zlib';
import jsQRModule from 'jsqr';

/**
 * Test support: reads a QR code back out of a PNG, as a phone camera would, so the tests can check
 * the official vectors' images and our own. jsQR (a devDependency) wants RGBA pixels; the PNG decoder
 * below covers what QR images use (grey, RGB, palette, with or without alpha, 1-8 bits, no interlace).
 */
type ScanQr = (data: Uint8ClampedArray, width: number, height: number) => { data: string; version: number } | null;
// jsqr is CommonJS whose module.exports is the function itself; its types describe an ES default export.
const jsQR = ((jsQRModule as unknown as { default?: ScanQr }).default ?? jsQRModule) as unknown as ScanQr;

const pngSignature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const channelsOf: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };

export function decodePng(png: Uint8Array): { width: number; height: number; rgba: Uint8ClampedArray } {
  const buffer = Buffer.from(png);
  if (!buffer.subarray(0, 8).equals(pngSignature)) throw new Error('not a PNG');
  let offset = 8;
  let header: Buffer | undefined;
  let palette: Buffer | undefined;
  const data: Buffer[] = [];
  while (offset < buffer.length) {
    const length = buffer.readUInt32BE(offset);
    const type = buffer.toString('latin1', offset + 4, offset + 8);
    const body = buffer.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') header = body;
    else if (type === 'PLTE') palette = body;
    else if (type === 'IDAT') data.push(body);
    offset += 12 + length;
  }
  if (!header) throw new Error('PNG without IHDR');
  const width = header.readUInt32BE(0);
  const height = header.readUInt32BE(4);
  const [bitDepth, colourType, , , interlace] = [header[8]!, header[9]!, header[10], header[11], header[12]];
  const channels = channelsOf[colourType];
  if (!channels || bitDepth > 8 || interlace !== 0) throw new Error('PNG format not supported by this test reader');
  const raw = inflateSync(Buffer.concat(data));
  const stride = Math.ceil((width * channels * bitDepth) / 8);
  const bpp = Math.max(1, (channels * bitDepth) / 8);
  const lines: Buffer[] = [];
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    const line = Buffer.from(raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1)));
    const up = lines[y - 1];
    for (let x = 0; x < stride; x++) {
      const a = x >= bpp ? line[x - bpp]! : 0;
      const b = up ? up[x]! : 0;
      const c = up && x >= bpp ? up[x - bpp]! : 0;
      const paeth = () => {
        const p = a + b - c;
        const [pa, pb, pc] = [Math.abs(p - a), Math.abs(p - b), Math.abs(p - c)];
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      };
      const add = [0, a, b, (a + b) >> 1, 0][filter] ?? 0;
      line[x] = (line[x]! + (filter === 4 ? paeth() : add)) & 0xff;
    }
    lines.push(line);
  }
  const rgba = new Uint8ClampedArray(width * height * 4);
  const max = (1 << bitDepth) - 1;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const sample = (channel: number) => {
        const bit = (x * channels + channel) * bitDepth;
        return (lines[y]![bit >> 3]! >> (8 - bitDepth - (bit & 7))) & max;
      };
      const scale = (v: number) => Math.round((v * 255) / max);
      let pixel: number[];
      if (colourType === 3) pixel = [...palette!.subarray(sample(0) * 3, sample(0) * 3 + 3), 255];
      else if (colourType === 0) pixel = [scale(sample(0)), scale(sample(0)), scale(sample(0)), 255];
      else if (colourType === 4) pixel = [scale(sample(0)), scale(sample(0)), scale(sample(0)), scale(sample(1))];
      else pixel = [0, 1, 2, 3].map((ch) => (ch < channels ? scale(sample(ch)) : 255));
      rgba.set(pixel, (y * width + x) * 4);
    }
  }
  return { width, height, rgba };
}

/** The text of the QR code in `png`, or undefined when no code can be read. */
export function scanQrPng(png: Uint8Array): { text: string; version: number } | undefined {
  let image: ReturnType<typeof decodePng>;
  try {
    image = decodePng(png);
  } catch {
    return undefined;
  }
  const code = jsQR(image.rgba, image.width, image.height);
  return code ? { text: code.data, version: code.version } : undefined;
}
