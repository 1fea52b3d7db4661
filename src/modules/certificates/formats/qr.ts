import QRCode, { type QRCodeErrorCorrectionLevel, type QRCodeSegment } from 'qrcode';

/**
 * QR codes of certificate text, as images or as the module matrix a PDF draws as vector squares.
 * The segment modes are chosen for each format, because a QR code's density depends on them and a
 * denser code is smaller on paper and easier to scan:
 * - 'alphanumeric' for `HC1:` text: base45's 45 characters are exactly QR alphanumeric mode
 *   (RFC 9285 §1), 5.5 bits per character; the HCERT spec v1.0.5 §3.4 asks for this mode.
 * - 'numeric' for `shc:/` text: the SMART Health Cards spec asks for two segments, the prefix in byte
 *   mode and the digits in numeric mode, 3.33 bits per digit.
 * Error correction defaults to Q (25% of the code may be damaged), as the HCERT spec recommends for
 * printed certificates that get folded and worn. SMART Health Cards size their payload for level L
 * (one version-22 code); a card issued within that limit still fits a version-40 code at Q.
 */
export type QrMode = 'alphanumeric' | 'numeric';

export interface QrOptions {
  mode: QrMode;
  errorCorrectionLevel?: QRCodeErrorCorrectionLevel;
}

const alphanumericCharset = /^[0-9A-Z $%*+\-./:]*$/;

export function qrSegments(text: string, mode: QrMode): QRCodeSegment[] {
  if (mode === 'alphanumeric') {
    if (!alphanumericCharset.test(text)) throw new RangeError('text has characters outside QR alphanumeric mode');
    return [{ data: text, mode: 'alphanumeric' }];
  }
  const match = /^([^0-9]+\/)([0-9]+)$/.exec(text);
  if (!match) throw new RangeError('numeric QR text must be a prefix ending in "/" followed by digits, like shc:/…');
  return [
    { data: Buffer.from(match[1]!, 'latin1'), mode: 'byte' },
    { data: match[2]!, mode: 'numeric' },
  ];
}

const renderOptions = (options: QrOptions) => ({ errorCorrectionLevel: options.errorCorrectionLevel ?? 'Q', margin: 4 });

/** The dark modules, `size` by `size`, row by row from the top; the quiet zone is the drawer's to leave. */
export interface QrMatrix {
  size: number;
  isDark(row: number, column: number): boolean;
}

export function qrMatrix(text: string, options: QrOptions): QrMatrix {
  const { modules } = QRCode.create(qrSegments(text, options.mode), { errorCorrectionLevel: options.errorCorrectionLevel ?? 'Q' });
  return { size: modules.size, isDark: (row, column) => modules.get(row, column) === 1 };
}

export async function qrPng(text: string, options: QrOptions): Promise<Buffer> {
  return QRCode.toBuffer(qrSegments(text, options.mode), { ...renderOptions(options), type: 'png', scale: 4 });
}

export async function qrSvg(text: string, options: QrOptions): Promise<string> {
  return QRCode.toString(qrSegments(text, options.mode), { ...renderOptions(options), type: 'svg' });
}
