import { romaniseDevanagari } from './devanagari-romanisation.js';

/**
 * A name as the machine-readable zone of a passport writes it (ICAO Doc 9303 Part 3, 8th ed., §6):
 * capital A-Z only, `<` between name parts, punctuation dropped. The EU DCC puts this form in
 * `fnt`/`gnt` (schema: `^[A-Z<]*$`, at most 80) so that a border officer's reader can compare it
 * with the passport whatever script the printed name `fn`/`gn` uses.
 *
 * Letters with a diacritic lose it (É → E, Ñ → N, Ş → S), except those Doc 9303 transliterates to two
 * letters, listed below. Devanagari is romanised first (devanagari-romanisation.ts). A character with
 * no Latin reading (another script, a digit, an emoji) is left out; if nothing is left, the caller
 * must ask for a Latin spelling rather than print an empty name.
 */
const doc9303Digraphs: Record<string, string> = {
  'Ä': 'AE', 'Å': 'AA', 'Æ': 'AE', 'Ö': 'OE', 'Ø': 'OE', 'Œ': 'OE', 'Ü': 'UE', 'Þ': 'TH', 'Ĳ': 'IJ',
  // Letters with a stroke or bar have no Unicode decomposition, so list them too.
  'Ð': 'D', 'Đ': 'D', 'Ħ': 'H', 'Ł': 'L', 'Ŀ': 'L', 'Ŧ': 'T', 'Ŋ': 'N', 'ı': 'I',
};

export const maxMrzNameLength = 80;

export function transliterateForMrz(name: string): string {
  const upper = romaniseDevanagari(name).normalize('NFC').toUpperCase(); // ß → SS happens here
  const latin = [...upper].map((char) => doc9303Digraphs[char] ?? char).join('');
  const mrz = latin
    .normalize('NFD')
    .replace(/\p{M}/gu, '') // the diacritics NFD split off
    .replace(/['’ʼ`´.,]/gu, '') // "d'Červenková" → DCERVENKOVA; "Jr." → JR
    .replace(/[\s\-‐‑–—_/]+/gu, '<') // spaces and hyphens separate name parts
    .replace(/[^A-Z<]/g, '')
    .replace(/<{2,}/g, '<')
    .replace(/^<+|<+$/g, '');
  return mrz.slice(0, maxMrzNameLength).replace(/<+$/, '');
}
