/**
 * Base45 (RFC 9285), the text encoding of the EU DCC QR payload: its 45 characters are exactly QR
 * alphanumeric mode, so a QR code carries 5.5 bits per character instead of byte mode's 8.
 *
 * Written here rather than taken from the `base45` package because that package's decoder maps an
 * unknown character to -1 and lets a triple overflow 16 bits, returning wrong bytes silently; RFC 9285
 * §4.2 says such input MUST be rejected, and a verifier must say "this is not base45" (test vector B1).
 */
const alphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:';
const valueOf = new Map([...alphabet].map((char, value) => [char, value]));

export class Base45Error extends Error {}

export function encodeBase45(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i + 1 < bytes.length; i += 2) {
    let n = bytes[i]! * 256 + bytes[i + 1]!;
    const c = n % 45;
    n = (n - c) / 45;
    out += alphabet[c]! + alphabet[n % 45]! + alphabet[Math.floor(n / 45)]!;
  }
  if (bytes.length % 2 === 1) {
    const n = bytes[bytes.length - 1]!;
    out += alphabet[n % 45]! + alphabet[Math.floor(n / 45)]!;
  }
  return out;
}

export function decodeBase45(text: string): Uint8Array {
  if (text.length % 3 === 1) throw new Base45Error(`base45: a length of ${text.length} leaves one character over`);
  const out = new Uint8Array(Math.floor(text.length / 3) * 2 + (text.length % 3 === 2 ? 1 : 0));
  const digit = (i: number) => {
    const value = valueOf.get(text[i]!);
    if (value === undefined) throw new Base45Error(`base45: character ${JSON.stringify(text[i])} at ${i} is not in the alphabet`);
    return value;
  };
  let o = 0;
  for (let i = 0; i < text.length; i += 3) {
    if (i + 2 < text.length) {
      const n = digit(i) + digit(i + 1) * 45 + digit(i + 2) * 2025;
      if (n > 0xffff) throw new Base45Error(`base45: the triple at ${i} is larger than two bytes`);
      out[o++] = n >> 8;
      out[o++] = n & 0xff;
    } else {
      const n = digit(i) + digit(i + 1) * 45;
      if (n > 0xff) throw new Base45Error(`base45: the final pair at ${i} is larger than one byte`);
      out[o++] = n;
    }
  }
  return out;
}
