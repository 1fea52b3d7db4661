import { describe, expect, it } from 'vitest';
import { checkMember, emptyDraft, registrationOf, type MemberDraft } from './member-checks.js';

const valid: MemberDraft = { ...emptyDraft, name: 'Asha Devi', birthYear: '1980', genderId: '2', idNumber: '2345 6789 0124', consent: true };

describe('checking a new member before the server does', () => {
  it('passes a complete form, leaving the check digit to the server', () => {
    expect(checkMember(valid, 2026)).toEqual({});
  });

  it('names every missing field with the server\'s codes', () => {
    expect(checkMember({ ...emptyDraft, idType: '' }, 2026)).toEqual({
      name: { code: 'NAME_REQUIRED' },
      birth_year: { code: 'BIRTH_YEAR_REQUIRED' },
      gender_id: { code: 'GENDER_UNKNOWN' },
      photo_id_type: { code: 'PHOTO_ID_TYPE_UNKNOWN' },
      photo_id_number: { code: 'PHOTO_ID_NUMBER_REQUIRED' },
      consent: { code: 'CONSENT_REQUIRED' },
    });
  });

  it('checks the year of birth against this year and 120 years back', () => {
    expect(checkMember({ ...valid, birthYear: '85' }, 2026).birth_year?.code).toBe('BIRTH_YEAR_FORMAT');
    expect(checkMember({ ...valid, birthYear: '2027' }, 2026).birth_year?.code).toBe('BIRTH_YEAR_FUTURE');
    expect(checkMember({ ...valid, birthYear: '1905' }, 2026).birth_year?.code).toBe('BIRTH_YEAR_TOO_EARLY');
    expect(checkMember({ ...valid, birthYear: '1906' }, 2026).birth_year).toBeUndefined();
  });

  it('wants 12 Aadhaar digits, and says so when given the 16-digit Virtual ID', () => {
    expect(checkMember({ ...valid, idNumber: '2345678901' }, 2026).photo_id_number?.code).toBe('AADHAAR_LENGTH');
    expect(checkMember({ ...valid, idNumber: '2345 6789 0123 4567' }, 2026).photo_id_number?.code).toBe('AADHAAR_VID');
    expect(checkMember({ ...valid, idType: '6', idNumber: 'ABCPE1234F' }, 2026).photo_id_number).toBeUndefined();
  });

  it('refuses digits in a name', () => {
    expect(checkMember({ ...valid, name: 'Asha 2' }, 2026).name?.code).toBe('NAME_DIGITS');
  });

  it('sends Co-WIN\'s body', () => {
    expect(registrationOf({ ...valid, name: ' Asha Devi ' })).toEqual({
      name: 'Asha Devi', birth_year: '1980', gender_id: 2, photo_id_type: 1, photo_id_number: '2345 6789 0124',
      comorbidity_ind: 'N', consent_version: 'V1',
    });
  });
});
