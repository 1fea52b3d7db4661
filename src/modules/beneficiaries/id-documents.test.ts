import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  STUDENT_PHOTO_ID_TYPE, maskPhotoId, maskTail, photoIdTypeById, photoIdTypes, validatePhotoId,
  validatePhotoIdTypeForAge,
} from './id-documents.js';
import { verhoeffCheckDigit } from './verhoeff.js';

interface IdTypesFile {
  types: { id: number; type: string }[];
  portal_labels_2021_2022: { id: number | null; type: string }[];
}
const idTypesFile = JSON.parse(
  fs.readFileSync(new URL('../../../db/reference/cowin-idtypes.json', import.meta.url), 'utf8'),
) as IdTypesFile;

const AADHAAR = 1, DRIVING_LICENCE = 2, PAN = 6, PASSPORT = 8, PENSION = 9, NPR = 11, VOTER_ID = 12;

function expectValid(typeId: number, raw: string, normalised: string) {
  expect(validatePhotoId(typeId, raw)).toEqual({ ok: true, normalised });
}

function expectInvalid(typeId: number, raw: string, code: string) {
  const result = validatePhotoId(typeId, raw);
  expect(result).toMatchObject({ ok: false, field: 'photo_id_number', code });
}

describe('photo ID types', () => {
  it('uses the Co-WIN portal ids and labels, and Hindi labels in Devanagari', () => {
    for (const type of photoIdTypes.filter((t) => t.id !== STUDENT_PHOTO_ID_TYPE)) {
      expect(idTypesFile.portal_labels_2021_2022).toContainEqual(expect.objectContaining({ id: type.id, type: type.type }));
    }
    expect(photoIdTypes.map((t) => t.id)).toEqual([1, 2, 6, 8, 9, 11, 12, STUDENT_PHOTO_ID_TYPE]);
    for (const type of photoIdTypes) expect(type.type_l).toMatch(/^[\u0900-\u097F ()]+$/u);
    expect(photoIdTypeById(AADHAAR)?.type_l).toBe('आधार कार्ड');
  });

  it('gives the student ID card an id Co-WIN never used, since its Co-WIN id is unknown', () => {
    const student = idTypesFile.portal_labels_2021_2022.find((t) => t.type === 'Student Photo ID card');
    expect(student?.id).toBeNull();
    expect(photoIdTypeById(STUDENT_PHOTO_ID_TYPE)?.type).toBe(student?.type);
    const cowinIds = [...idTypesFile.types, ...idTypesFile.portal_labels_2021_2022].map((t) => t.id);
    expect(cowinIds).not.toContain(STUDENT_PHOTO_ID_TYPE);
  });

  it('refuses a type Teeka does not accept, naming the type field', () => {
    for (const typeId of [0, 3, 16, 999, Number.NaN]) {
      expect(validatePhotoId(typeId, '234567890124')).toMatchObject({ ok: false, field: 'photo_id_type', code: 'PHOTO_ID_TYPE_UNKNOWN' });
    }
  });

  it('asks for the number when it is empty or only separators', () => {
    expect(validatePhotoId(PAN, '  - ')).toMatchObject({ ok: false, field: 'photo_id_number', code: 'PHOTO_ID_NUMBER_REQUIRED', message: 'PAN is required' });
  });
});

describe('Aadhaar', () => {
  it('accepts 12 digits with a valid Verhoeff check digit, however they were spaced', () => {
    expectValid(AADHAAR, '234567890124', '234567890124');
    expectValid(AADHAAR, ' 2345 6789 0124 ', '234567890124');
    expectValid(AADHAAR, '9876-5432-1096', '987654321096');
    expectValid(AADHAAR, '２３４５６７８９０１２４', '234567890124');
  });

  it('explains what is wrong', () => {
    expect(validatePhotoId(AADHAAR, '23456789012')).toEqual({
      ok: false, field: 'photo_id_number', code: 'AADHAAR_LENGTH',
      message: 'Aadhaar number must be 12 digits', message_hi: 'आधार नंबर 12 अंकों का होना चाहिए',
    });
    expect(validatePhotoId(AADHAAR, '234567890125')).toMatchObject({
      code: 'AADHAAR_INVALID', message: 'This Aadhaar number is not valid: please check the digits',
    });
    expectInvalid(AADHAAR, '2345678901a4', 'AADHAAR_LENGTH');
    expectInvalid(AADHAAR, 'XXXX-XXXX-0124', 'AADHAAR_MASKED');
    expectInvalid(AADHAAR, '9123 4567 8901 2345', 'AADHAAR_VID');
  });

  it('refuses numbers starting with 0 or 1 even when the check digit fits', () => {
    for (const lead of ['0', '1']) {
      const base = `${lead}2345678901`;
      expectInvalid(AADHAAR, base + String(verhoeffCheckDigit(base)), 'AADHAAR_INVALID');
    }
  });

  it('is masked as XXXX-XXXX-1234', () => {
    expect(maskPhotoId(AADHAAR, '234567890124')).toBe('XXXX-XXXX-0124');
    expect(maskPhotoId(AADHAAR, '2345 6789 0124')).toBe('XXXX-XXXX-0124');
  });
});

describe('PAN, passport and voter ID', () => {
  it('accepts PANs whose 4th letter is a holder type', () => {
    expectValid(PAN, 'abcpe 1234 f', 'ABCPE1234F');
    for (const holder of 'PCHFATBLJG') expectValid(PAN, `ABC${holder}E1234F`, `ABC${holder}E1234F`);
    expectInvalid(PAN, 'ABCDE1234F', 'PAN_HOLDER_TYPE');
    expectInvalid(PAN, 'ABCP1234EF', 'PAN_FORMAT');
    expectInvalid(PAN, 'ABCPE1234', 'PAN_FORMAT');
    expect(validatePhotoId(PAN, 'ABCP')).toMatchObject({ message: 'PAN must look like ABCPE1234F: 5 letters, 4 digits, then 1 letter' });
  });

  it('accepts Indian passport numbers: one letter, not Q, X or Z, then 7 digits', () => {
    expectValid(PASSPORT, 'A1234567', 'A1234567');
    expectValid(PASSPORT, 'j 836 9854', 'J8369854');
    for (const series of 'QXZ') expectInvalid(PASSPORT, `${series}1234567`, 'PASSPORT_SERIES');
    expectInvalid(PASSPORT, 'A123456', 'PASSPORT_FORMAT');
    expectInvalid(PASSPORT, 'AB123456', 'PASSPORT_FORMAT');
    expectInvalid(PASSPORT, '123456789', 'PASSPORT_FORMAT');
  });

  it('accepts EPIC voter ID numbers: 3 letters, 7 digits', () => {
    expectValid(VOTER_ID, 'abc1234567', 'ABC1234567');
    expectInvalid(VOTER_ID, 'AB12345678', 'VOTER_ID_FORMAT');
    expectInvalid(VOTER_ID, 'ABC123456', 'VOTER_ID_FORMAT');
    expectInvalid(VOTER_ID, 'UP/01/001/000001', 'VOTER_ID_FORMAT');
  });
});

describe('driving licence', () => {
  it('accepts state + RTO + year + serial, with or without separators', () => {
    expectValid(DRIVING_LICENCE, 'MH1420110062821', 'MH1420110062821');
    expectValid(DRIVING_LICENCE, 'DL-0420110149646', 'DL0420110149646');
    expectValid(DRIVING_LICENCE, 'mh14 20110062821', 'MH1420110062821');
    expectValid(DRIVING_LICENCE, 'TN07201900012345', 'TN07201900012345');
    expectValid(DRIVING_LICENCE, 'OR0219990012345', 'OR0219990012345');
  });

  it('refuses an unknown state code or the wrong length', () => {
    expectInvalid(DRIVING_LICENCE, 'XX1420110062821', 'DRIVING_LICENCE_STATE');
    expectInvalid(DRIVING_LICENCE, 'MH142011006282', 'DRIVING_LICENCE_FORMAT');
    expectInvalid(DRIVING_LICENCE, 'MH14201100628210X', 'DRIVING_LICENCE_FORMAT');
    expectInvalid(DRIVING_LICENCE, '141420110062821', 'DRIVING_LICENCE_FORMAT');
    expectInvalid(DRIVING_LICENCE, 'MHAB2011OO62821', 'DRIVING_LICENCE_FORMAT');
  });
});

describe('NPR smart card, pension passbook and student ID', () => {
  it('accepts letters and digits within the length range, dropping slashes', () => {
    expectValid(PENSION, 'PPO/123/2015', 'PPO1232015');
    expectValid(NPR, '1234 5678 9012 3456', '1234567890123456');
    expectValid(STUDENT_PHOTO_ID_TYPE, 'adm-1234', 'ADM1234');
    expectValid(STUDENT_PHOTO_ID_TYPE, '4521', '4521');
  });

  it('refuses numbers with no digit, too short or too long', () => {
    expectInvalid(PENSION, 'PENSIONER', 'PENSION_NUMBER_FORMAT');
    expectInvalid(PENSION, '12345', 'PENSION_NUMBER_FORMAT');
    expectInvalid(NPR, '1'.repeat(21), 'NPR_NUMBER_FORMAT');
    expectInvalid(NPR, '12345#', 'NPR_NUMBER_FORMAT');
    expectInvalid(STUDENT_PHOTO_ID_TYPE, '123', 'STUDENT_ID_NUMBER_FORMAT');
    expect(validatePhotoId(NPR, 'ABC')).toMatchObject({ message: 'NPR smart card number must be 6 to 20 letters and digits' });
  });

  it('lets only 15 to 17 year olds use a student ID card', () => {
    expect(validatePhotoIdTypeForAge(STUDENT_PHOTO_ID_TYPE, 14)).toMatchObject({ ok: false, field: 'photo_id_type', code: 'PHOTO_ID_TYPE_AGE' });
    expect(validatePhotoIdTypeForAge(STUDENT_PHOTO_ID_TYPE, 15)).toEqual({ ok: true });
    expect(validatePhotoIdTypeForAge(STUDENT_PHOTO_ID_TYPE, 17)).toEqual({ ok: true });
    expect(validatePhotoIdTypeForAge(STUDENT_PHOTO_ID_TYPE, 18)).toMatchObject({
      message: 'Student Photo ID card can be used only by people aged 15 to 17. Please choose another photo ID.',
    });
    expect(validatePhotoIdTypeForAge(AADHAAR, 12)).toEqual({ ok: true });
    expect(validatePhotoIdTypeForAge(77, 30)).toMatchObject({ code: 'PHOTO_ID_TYPE_UNKNOWN' });
  });
});

describe('every error', () => {
  const wrong: [number, string][] = [
    [AADHAAR, '234567890125'], [AADHAAR, '98765'], [PAN, 'ABCDE1234F'], [PASSPORT, 'Z1234567'],
    [VOTER_ID, 'AB1'], [DRIVING_LICENCE, 'ZZ1420110062821'], [PENSION, 'NONE'], [NPR, ''], [42, '234567890124'],
  ];

  it('has a code, an English and a Hindi message, and never repeats the number', () => {
    for (const [typeId, raw] of wrong) {
      const result = validatePhotoId(typeId, raw);
      if (result.ok) throw new Error(`expected ${typeId}/${raw} to be refused`);
      expect(result.code).toMatch(/^[A-Z_]+$/);
      expect(result.message.length).toBeGreaterThan(10);
      expect(result.message_hi).toMatch(/[\u0900-\u097F]/u);
      if (raw.length > 4) expect(`${result.message} ${result.message_hi}`).not.toContain(raw);
    }
  });
});

describe('masking', () => {
  it('hides all but the last 4 characters', () => {
    expect(maskPhotoId(PAN, 'ABCPE1234F')).toBe('XXXXXX234F');
    expect(maskPhotoId(VOTER_ID, 'ABC1234567')).toBe('XXXXXX4567');
    expect(maskPhotoId(PASSPORT, 'A1234567')).toBe('XXXX4567');
    expect(maskPhotoId(DRIVING_LICENCE, 'MH1420110062821')).toBe('XXXXXXXXXXX2821');
  });

  it('shows at most half of a short number', () => {
    expect(maskTail('4521')).toBe('XX21');
    expect(maskTail('ABC123')).toBe('XXX123');
    expect(maskTail('7')).toBe('X');
    expect(maskTail('')).toBe('');
  });

  it('never shows more than the last 4 characters, for any type or input', () => {
    // No X in the alphabet, so every character left after removing the mask's X and - was revealed.
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWYZ0123456789 -';
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
    for (const typeId of [...photoIdTypes.map((t) => t.id), 999]) {
      for (let n = 0; n < 300; n++) {
        const length = next() % 24;
        const raw = Array.from({ length }, () => alphabet[next() % alphabet.length]).join('');
        const masked = maskPhotoId(typeId, raw);
        const shown = masked.replace(/[X-]/g, '');
        expect(shown.length).toBeLessThanOrEqual(4);
        expect(raw.replace(/[ -]/g, '').endsWith(shown)).toBe(true);
      }
    }
  });
});
