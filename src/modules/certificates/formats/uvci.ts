import { randomInt } from 'node:crypto';

/**
 * Unique Vaccination Certificate Identifiers (eHN "Guidelines on verifiable vaccination certificates",
 * Annex 2): `URN:UVCI:01:IN:<opaque>#<check>`.
 *
 * - The opaque part is 26 characters drawn with crypto.randomInt from 0-9A-Z (about 134 bits), so an
 *   identifier reveals nothing (no centre, date or sequence number) and cannot be guessed: knowing
 *   one certificate's UVCI says nothing about anyone else's. DIVOC's enrolment codes, built from the
 *   mobile number plus a counter, are what this avoids (STYLE.md, "Security decisions").
 * - The check character follows the eu-dcc-schema FAQ, "UVCI checksum": Luhn mod N over the charset
 *   `A-Z0-9/:` (N = 38, so the `:` separators are covered too), computed over the whole identifier
 *   before `#`, the `URN:UVCI:` prefix included; its worked example URN:UVCI:01:NL:187/37512422923 → Z
 *   is in uvci.test.ts. A 0-9A-Z alphabet (N = 36) would have to skip the separators, which the FAQ
 *   does not, so other countries' verifiers would compute a different character.
 * The check only catches typing mistakes when someone keys a UVCI in; it proves nothing about the
 * certificate, which is what the signature is for.
 */
const luhnCharset = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789/:';
const opaqueAlphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
export const uvciOpaqueLength = 26;
const uvciPattern = new RegExp(`^URN:UVCI:01:IN:[0-9A-Z]{${uvciOpaqueLength}}#[${luhnCharset}]$`);

/** Luhn mod N (Luhn's mod 10 generalised; N = 38 here), rightmost character doubled first. */
export function uvciCheckCharacter(uvci: string): string {
  const n = luhnCharset.length;
  let factor = 2;
  let sum = 0;
  for (let i = uvci.length - 1; i >= 0; i--) {
    const codePoint = luhnCharset.indexOf(uvci[i]!);
    if (codePoint < 0) throw new RangeError(`UVCI character ${JSON.stringify(uvci[i])} is outside A-Z0-9/:`);
    const addend = factor * codePoint;
    sum += Math.floor(addend / n) + (addend % n);
    factor = factor === 2 ? 1 : 2;
  }
  return luhnCharset[(n - (sum % n)) % n]!;
}

export function generateUvci(): string {
  let opaque = '';
  for (let i = 0; i < uvciOpaqueLength; i++) opaque += opaqueAlphabet[randomInt(opaqueAlphabet.length)];
  const uvci = `URN:UVCI:01:IN:${opaque}`;
  return `${uvci}#${uvciCheckCharacter(uvci)}`;
}

/** True for a UVCI in Teeka's exact form whose check character is right. */
export function isValidUvci(text: string): boolean {
  if (!uvciPattern.test(text)) return false;
  const [uvci, check] = text.split('#') as [string, string];
  return uvciCheckCharacter(uvci) === check;
}
