/**
 * Devanagari to plain Latin letters, for the machine-readable name of a certificate.
 *
 * The scheme is ISO 15919 with its diacritics dropped (ā → a, ṣ and ś → sh, ṭ → t) and Hunterian
 * digraphs where ISO's letters read wrongly in English (च ch, छ chh), which is how Indian passports
 * spell most Hindi names. Two Hindi habits that ISO 15919 does not follow, because it transliterates
 * letters rather than speech:
 * - the inherent "a" of a word's last consonant is silent (राम → ram, कुमार → kumar), except after a
 *   conjunct, where it is spoken (मित्र → mitra, कृष्ण → krishna);
 * - ज्ञ is "gy" (ज्ञान → gyan), not ISO's "jñ".
 * Medial schwa deletion (कमला, spoken "kamla") needs a dictionary; we keep that "a". A citizen whose
 * passport spells their name differently should give that Latin spelling, which is used as it is.
 */
const independentVowels: Record<string, string> = {
  'अ': 'a', 'आ': 'a', 'इ': 'i', 'ई': 'i', 'उ': 'u', 'ऊ': 'u', 'ऋ': 'ri', 'ॠ': 'ri', 'ऌ': 'li',
  'ऍ': 'e', 'ऎ': 'e', 'ए': 'e', 'ऐ': 'ai', 'ऑ': 'o', 'ऒ': 'o', 'ओ': 'o', 'औ': 'au',
};

const vowelSigns: Record<string, string> = {
  'ा': 'a', 'ि': 'i', 'ी': 'i', 'ु': 'u', 'ू': 'u', 'ृ': 'ri', 'ॄ': 'ri', 'ॢ': 'li',
  'ॅ': 'e', 'ॆ': 'e', 'े': 'e', 'ै': 'ai', 'ॉ': 'o', 'ॊ': 'o', 'ो': 'o', 'ौ': 'au',
};

const consonants: Record<string, string> = {
  'क': 'k', 'ख': 'kh', 'ग': 'g', 'घ': 'gh', 'ङ': 'n',
  'च': 'ch', 'छ': 'chh', 'ज': 'j', 'झ': 'jh', 'ञ': 'n',
  'ट': 't', 'ठ': 'th', 'ड': 'd', 'ढ': 'dh', 'ण': 'n',
  'त': 't', 'थ': 'th', 'द': 'd', 'ध': 'dh', 'न': 'n', 'ऩ': 'n',
  'प': 'p', 'फ': 'ph', 'ब': 'b', 'भ': 'bh', 'म': 'm',
  'य': 'y', 'र': 'r', 'ऱ': 'r', 'ल': 'l', 'ळ': 'l', 'ऴ': 'l', 'व': 'v',
  'श': 'sh', 'ष': 'sh', 'स': 's', 'ह': 'h',
};

/** Consonant + nukta (U+093C): the Perso-Arabic sounds. NFC keeps these as two code points. */
const nuktaConsonants: Record<string, string> = {
  'क': 'q', 'ख': 'kh', 'ग': 'gh', 'ज': 'z', 'ड': 'r', 'ढ': 'rh', 'फ': 'f', 'य': 'y',
};

const nukta = '\u093C';
const virama = '\u094D';
const labials = new Set(['प', 'फ', 'ब', 'भ', 'म']);
const signs: Record<string, (next: string | undefined) => string> = {
  'ं': (next) => (next !== undefined && labials.has(next) ? 'm' : 'n'), // anusvara
  'ँ': () => 'n', // chandrabindu
  'ः': () => 'h', // visarga
  'ऽ': () => '', // avagraha
  'ॐ': () => 'om',
};

/** ज्ञ becomes this private-use character first, so the loop below reads it as one consonant, "gy". */
const gya = '\u{E000}';
consonants[gya] = 'gy';

/** One output piece: a consonant, or a vowel; `schwa` marks an inherent "a" Hindi may leave silent. */
interface Piece {
  latin: string;
  vowel: boolean;
  schwa: boolean;
  afterConjunct: boolean;
}

function romaniseWord(word: string): string {
  const chars = [...word.replaceAll('ज्ञ', gya)];
  const pieces: Piece[] = [];
  const push = (latin: string, vowel: boolean, schwa = false, afterConjunct = false) => pieces.push({ latin, vowel, schwa, afterConjunct });
  let conjunct = false; // the consonant being read follows a consonant + virama
  for (let i = 0; i < chars.length; i++) {
    const char = chars[i]!;
    let latin = consonants[char];
    if (latin !== undefined) {
      if (chars[i + 1] === nukta) {
        latin = nuktaConsonants[char] ?? latin;
        i++;
      }
      push(latin, false);
      const next = chars[i + 1];
      if (next === virama) {
        conjunct = true;
        i++;
        continue;
      }
      const sign = next === undefined ? undefined : vowelSigns[next];
      if (sign !== undefined) {
        push(sign, true);
        i++;
      } else {
        push('a', true, true, conjunct);
      }
      conjunct = false;
      continue;
    }
    conjunct = false;
    const vowel = independentVowels[char] ?? vowelSigns[char];
    if (vowel !== undefined) push(vowel, true);
    else if (signs[char]) push(signs[char](chars[i + 1]), false);
    // Anything else (digits, danda, ZWJ/ZWNJ, a stray nukta or virama) carries no letter of a name.
  }
  const last = pieces.at(-1);
  const vowels = pieces.filter((p) => p.vowel).length;
  if (last?.schwa && !last.afterConjunct && vowels > 1) pieces.pop();
  return pieces.map((p) => p.latin).join('');
}

/** Romanises each run of Devanagari in `text`, leaving every other character as it was. */
export function romaniseDevanagari(text: string): string {
  return text.normalize('NFC').replace(/[\u0900-\u097F\u200C\u200D]+/gu, romaniseWord);
}
