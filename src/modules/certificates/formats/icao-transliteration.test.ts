import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { romaniseDevanagari } from './devanagari-romanisation.js';
import { transliterateForMrz } from './icao-transliteration.js';

describe('ICAO 9303 machine-readable names', () => {
  it('matches the names of the EU DCC test vectors and schema examples', () => {
    expect(transliterateForMrz('Musterfrau-Gößinger')).toBe('MUSTERFRAU<GOESSINGER');
    expect(transliterateForMrz("d'Červenková Panklová")).toBe('DCERVENKOVA<PANKLOVA');
    expect(transliterateForMrz('Jiřina-Maria Alena')).toBe('JIRINA<MARIA<ALENA');
  });

  it('agrees with every Latin-script name in the official examples', () => {
    // transliterated.json also holds an Arabic name; Doc 9303's Arabic table is out of scope here.
    const isLatin = (name: string) => /^[\p{Script=Latin}\s'.,-]*$/u.test(name);
    const dir = new URL('../../../../test/fixtures/eu-dcc/schema-examples/', import.meta.url);
    let checked = 0;
    for (const kind of ['vaccination', 'test', 'recovery']) {
      for (const file of fs.readdirSync(new URL(`${kind}/`, dir))) {
        const nam = (JSON.parse(fs.readFileSync(new URL(`${kind}/${file}`, dir), 'utf8')) as { nam: Record<string, string> }).nam;
        for (const [name, mrz] of [['fn', 'fnt'], ['gn', 'gnt']] as const) {
          if (nam[name] === undefined || nam[mrz] === undefined || !isLatin(nam[name])) continue;
          expect(transliterateForMrz(nam[name]), `${kind}/${file} ${name}`).toBe(nam[mrz]);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(10);
  });

  it('uses the two-letter forms of Doc 9303 Part 3', () => {
    expect(transliterateForMrz('Ærøskøbing')).toBe('AEROESKOEBING');
    expect(transliterateForMrz('Åsa Müller')).toBe('AASA<MUELLER');
    expect(transliterateForMrz('Þórunn')).toBe('THORUNN');
    expect(transliterateForMrz('Łukasz Żółć')).toBe('LUKASZ<ZOLC');
    expect(transliterateForMrz('Peña Núñez')).toBe('PENA<NUNEZ');
    expect(transliterateForMrz('Straße')).toBe('STRASSE');
  });

  it('collapses separators, drops punctuation and other scripts, and keeps 80 characters', () => {
    expect(transliterateForMrz('  Mary -  Jane  ')).toBe('MARY<JANE');
    expect(transliterateForMrz("O'Brien, Jr.")).toBe('OBRIEN<JR');
    expect(transliterateForMrz('张伟')).toBe('');
    const long = transliterateForMrz(`${'A'.repeat(79)} BCD`);
    expect(long).toBe('A'.repeat(79));
    expect(transliterateForMrz('B'.repeat(100))).toHaveLength(80);
  });

  it('romanises Devanagari names the way Indian passports spell them', () => {
    expect(transliterateForMrz('सुनीता शर्मा')).toBe('SUNITA<SHARMA');
    expect(transliterateForMrz('अमित कुमार')).toBe('AMIT<KUMAR');
    expect(transliterateForMrz('राजेश')).toBe('RAJESH');
    expect(transliterateForMrz('लक्ष्मी')).toBe('LAKSHMI');
    expect(transliterateForMrz('कृष्ण')).toBe('KRISHNA');
    expect(transliterateForMrz('मित्र')).toBe('MITRA');
    expect(transliterateForMrz('ज्ञान')).toBe('GYAN');
    expect(transliterateForMrz('संजय चौधरी')).toBe('SANJAY<CHAUDHARI');
    expect(transliterateForMrz('चंपा')).toBe('CHAMPA');
    expect(transliterateForMrz('ज़ैनब')).toBe('ZAINAB');
    expect(transliterateForMrz('श्री')).toBe('SHRI');
    expect(transliterateForMrz('प्रिया-देवी')).toBe('PRIYA<DEVI');
    expect(transliterateForMrz('ओम')).toBe('OM');
  });

  it('reads precomposed nukta letters like their two-code-point form', () => {
    expect(romaniseDevanagari('\u095B')).toBe(romaniseDevanagari('\u091C\u093C'));
    expect(romaniseDevanagari('फ़ातिमा')).toBe('fatima');
  });

  it('keeps a one-syllable word whole and leaves Latin text alone', () => {
    expect(romaniseDevanagari('क')).toBe('ka');
    expect(romaniseDevanagari('Dr. राम')).toBe('Dr. ram');
  });
});
