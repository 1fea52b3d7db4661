/**
 * The `shc:/` numeric form of a JWS (SMART Health Cards, "Encoding Health Cards as QR codes"): each
 * character c becomes two digits, c − 45 ('-' is 45, the lowest character of base64url and '.'), so the
 * whole JWS rides in QR numeric mode at 3.33 bits per character instead of byte mode's 8.
 */
export const shcPrefix = 'shc:/';

const lowest = 45; // '-'
const highest = 122; // 'z'

export class ShcNumericError extends Error {}

export function toShcNumeric(jws: string): string {
  let digits = '';
  for (let i = 0; i < jws.length; i++) {
    if (!/[A-Za-z0-9_.-]/.test(jws[i]!)) throw new ShcNumericError(`character ${JSON.stringify(jws[i])} cannot appear in a compact JWS`);
    digits += String(jws.charCodeAt(i) - lowest).padStart(2, '0');
  }
  return shcPrefix + digits;
}

export function fromShcNumeric(qr: string): string {
  if (!qr.startsWith(shcPrefix)) throw new ShcNumericError(`expected the prefix ${shcPrefix}`);
  const digits = qr.slice(shcPrefix.length);
  // Chunked codes (shc:/1/2/…) were deprecated by the spec in favour of one QR code, or a SMART Health Link.
  if (!/^(\d\d)+$/.test(digits)) throw new ShcNumericError('expected an even number of digits after shc:/ (chunked codes are not supported)');
  let jws = '';
  for (let i = 0; i < digits.length; i += 2) {
    const code = Number(digits.slice(i, i + 2)) + lowest;
    if (code > highest) throw new ShcNumericError(`digit pair ${digits.slice(i, i + 2)} at ${i} is beyond 'z'`);
    jws += String.fromCharCode(code);
  }
  return jws;
}
