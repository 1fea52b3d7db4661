import { deflateSync, inflateSync } from 'node:zlib';
import { Base45Error, decodeBase45, encodeBase45 } from '../base45.js';

/**
 * The QR text around a COSE message (eHN HCERT spec v1.0.5 §3.4): ZLIB (RFC 1950, with its header and
 * Adler-32 check), then base45, then the context prefix `HC1:` (HCERT version 1).
 */
export const hc1Prefix = 'HC1:';

/**
 * A QR code holds at most 4,296 alphanumeric characters, so no honest COSE message is larger than
 * about 3 KB compressed. The cap on the inflated size stops a zip bomb from using up our memory.
 */
const maxInflatedBytes = 64 * 1024;

export function packHc1(cose: Uint8Array): string {
  return hc1Prefix + encodeBase45(deflateSync(cose, { level: 9 }));
}

export type Hc1Unpacked =
  | { ok: true; cose: Uint8Array; compressed: Uint8Array }
  | { ok: false; reason: 'PREFIX' | 'BASE45' | 'ZLIB'; detail: string };

export function unpackHc1(qr: string): Hc1Unpacked {
  if (!qr.startsWith(hc1Prefix)) {
    // Vectors H1-H3: `HL0:`, `HC2:` and a bare base45 string are all refused, not guessed at.
    return { ok: false, reason: 'PREFIX', detail: `expected the prefix ${hc1Prefix}` };
  }
  let compressed: Uint8Array;
  try {
    compressed = decodeBase45(qr.slice(hc1Prefix.length));
  } catch (error) {
    if (error instanceof Base45Error) return { ok: false, reason: 'BASE45', detail: error.message };
    throw error;
  }
  try {
    // Uncompressed COSE is refused too (vector Z2): the spec makes compression mandatory.
    return { ok: true, cose: new Uint8Array(inflateSync(compressed, { maxOutputLength: maxInflatedBytes })), compressed };
  } catch (error) {
    return { ok: false, reason: 'ZLIB', detail: `not ZLIB data: ${(error as Error).message}` };
  }
}
