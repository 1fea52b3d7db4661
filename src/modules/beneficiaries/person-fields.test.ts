import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  genderById, genders, maskName, validateBirthYear, validateComorbidityInd, validateGenderId, validateName,
} from './person-fields.js';

const gendersFile = JSON.parse(
  fs.readFileSync(new URL('../../../db/reference/cowin-genders.json', import.meta.url), 'utf8'),
) as { genders: { id: number; gender: string }[] };

describe('name', () => {
  it.each([
    ['Ramesh Kumar', 'Ramesh Kumar'],
    ['  Ramesh    Kumar ', 'Ramesh Kumar'],
    ["D’Souza", "D'Souza"],
    ['Mary-Anne O. Thomas', 'Mary-Anne O. Thomas'],
    ['रमेश कुमार', 'रमेश कुमार'],
    ['श्रीनिवास', 'श्रीनिवास'],
    ['சுப்பிரமணியன்', 'சுப்பிரமணியன்'],
    ['ਗੁਰਪ੍ਰੀਤ ਕੌਰ', 'ਗੁਰਪ੍ਰੀਤ ਕੌਰ'],
    ['محمد عارف', 'محمد عارف'],
    ['René Fernandes', 'René Fernandes'],
    ['A', 'A'],
  ])('accepts %j as %j', (raw, expected) => {
    expect(validateName(raw)).toEqual({ ok: true, value: expected });
  });

  it('refuses an empty name', () => {
    expect(validateName('   ')).toEqual({
      ok: false, field: 'name', code: 'NAME_REQUIRED', message: 'Name is required', message_hi: 'नाम दर्ज करना ज़रूरी है',
    });
  });

  it('refuses digits in any script', () => {
    for (const raw of ['Ramesh 2', 'रमेश २', 'Ⅳ Kumar']) expect(validateName(raw)).toMatchObject({ code: 'NAME_DIGITS' });
  });

  it('refuses symbols, control characters and scripts outside India', () => {
    for (const raw of ['Ramesh@Kumar', 'Ramesh\u0000', 'Ramesh\u202EKumar', '<script>', '...', '王小明', 'Ramesh 😀']) {
      expect(validateName(raw)).toMatchObject({ ok: false, code: 'NAME_CHARACTERS' });
    }
  });

  it('allows 100 characters, not 101', () => {
    expect(validateName('a'.repeat(100)).ok).toBe(true);
    expect(validateName('अ'.repeat(100)).ok).toBe(true);
    expect(validateName('a'.repeat(101))).toMatchObject({ code: 'NAME_TOO_LONG' });
  });

  it('masks each word to its first letter', () => {
    expect(maskName('Ramesh Kumar')).toBe('R***** K****');
    expect(maskName('  Ramesh   Kumar ')).toBe('R***** K****');
    expect(maskName('रमेश')).toBe('र***');
    expect(maskName('')).toBe('');
  });
});

describe('year of birth', () => {
  const currentYear = 2026;

  it('accepts years from 120 years ago up to this year, as string or number', () => {
    expect(validateBirthYear('1997', currentYear)).toEqual({ ok: true, value: 1997 });
    expect(validateBirthYear(' 1997 ', currentYear)).toEqual({ ok: true, value: 1997 });
    expect(validateBirthYear(1906, currentYear)).toEqual({ ok: true, value: 1906 });
    expect(validateBirthYear(2026, currentYear)).toEqual({ ok: true, value: 2026 });
  });

  it('refuses years outside the bounds', () => {
    expect(validateBirthYear(1905, currentYear)).toMatchObject({
      ok: false, field: 'birth_year', code: 'BIRTH_YEAR_TOO_EARLY', message: 'Year of birth cannot be earlier than 1906',
    });
    expect(validateBirthYear('2027', currentYear)).toMatchObject({
      code: 'BIRTH_YEAR_FUTURE', message: 'Year of birth cannot be later than 2026',
    });
  });

  it('refuses anything that is not 4 digits', () => {
    for (const raw of ['97', '19 97', '1997.0', '१९९७', 1997.5, -1997, 999, Number.NaN]) {
      expect(validateBirthYear(raw, currentYear)).toMatchObject({ ok: false, code: 'BIRTH_YEAR_FORMAT' });
    }
    expect(validateBirthYear('', currentYear)).toMatchObject({ code: 'BIRTH_YEAR_REQUIRED' });
  });
});

describe('gender and comorbidity', () => {
  it('uses Co-WIN gender ids and labels, with Hindi labels', () => {
    expect(genders.map(({ id, gender }) => ({ id, gender }))).toEqual(gendersFile.genders);
    expect(genders.map((g) => g.gender_l)).toEqual(['पुरुष', 'महिला', 'अन्य']);
    expect(genderById(2)?.gender).toBe('Female');
  });

  it('accepts gender ids 1 to 3, as number or string', () => {
    expect(validateGenderId(1)).toEqual({ ok: true, value: 1 });
    expect(validateGenderId('3')).toEqual({ ok: true, value: 3 });
    for (const raw of [0, 4, '', 'Male', '1.5', 1.5]) {
      expect(validateGenderId(raw)).toMatchObject({ ok: false, field: 'gender_id', code: 'GENDER_UNKNOWN' });
    }
  });

  it('accepts comorbidity Y or N', () => {
    expect(validateComorbidityInd('Y')).toEqual({ ok: true, value: 'Y' });
    expect(validateComorbidityInd(' n ')).toEqual({ ok: true, value: 'N' });
    for (const raw of ['', 'Yes', 'true', '1']) {
      expect(validateComorbidityInd(raw)).toMatchObject({ ok: false, field: 'comorbidity_ind', code: 'COMORBIDITY_FORMAT' });
    }
  });
});
