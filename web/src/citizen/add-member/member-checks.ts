import type { NewBeneficiaryBody } from '../../../../src/api/cowin-v2/citizen-schema.js';
import type { FieldProblem, MemberField } from '../field-errors.js';

/** Aadhaar's id in Co-WIN's photo ID list. */
export const AADHAAR = '1';

export interface MemberDraft {
  name: string;
  birthYear: string;
  genderId: string;
  idType: string;
  idNumber: string;
  comorbidity: 'Y' | 'N';
  consent: boolean;
}

export const emptyDraft: MemberDraft = { name: '', birthYear: '', genderId: '', idType: AADHAAR, idNumber: '', comorbidity: 'N', consent: false };

export type MemberProblems = Partial<Record<MemberField, FieldProblem>>;

/**
 * Quick checks before asking the server, with the server's own codes so both speak alike. Only
 * what is cheap and certain is checked here (is it there, is it the right length); the server
 * decides everything else, including Aadhaar's check digit.
 */
export function checkMember(draft: MemberDraft, currentYear: number): MemberProblems {
  const problems: MemberProblems = {};
  const name = draft.name.trim();
  if (name === '') problems.name = { code: 'NAME_REQUIRED' };
  else if (/\p{N}/u.test(name)) problems.name = { code: 'NAME_DIGITS' };

  const year = draft.birthYear.trim();
  if (year === '') problems.birth_year = { code: 'BIRTH_YEAR_REQUIRED' };
  else if (!/^\d{4}$/.test(year)) problems.birth_year = { code: 'BIRTH_YEAR_FORMAT' };
  else if (Number(year) > currentYear) problems.birth_year = { code: 'BIRTH_YEAR_FUTURE' };
  else if (Number(year) < currentYear - 120) problems.birth_year = { code: 'BIRTH_YEAR_TOO_EARLY' };

  if (draft.genderId === '') problems.gender_id = { code: 'GENDER_UNKNOWN' };
  if (draft.idType === '') problems.photo_id_type = { code: 'PHOTO_ID_TYPE_UNKNOWN' };

  const number = draft.idNumber.replace(/[\s-]/g, '');
  if (number === '') problems.photo_id_number = { code: 'PHOTO_ID_NUMBER_REQUIRED' };
  else if (draft.idType === AADHAAR && /^\d{16}$/.test(number)) problems.photo_id_number = { code: 'AADHAAR_VID' };
  else if (draft.idType === AADHAAR && !/^\d{12}$/.test(number)) problems.photo_id_number = { code: 'AADHAAR_LENGTH' };

  if (!draft.consent) problems.consent = { code: 'CONSENT_REQUIRED' };
  return problems;
}

/** Co-WIN's registration body; the server normalises the ID number itself. */
export function registrationOf(draft: MemberDraft): NewBeneficiaryBody {
  return {
    name: draft.name.trim(),
    birth_year: draft.birthYear.trim(),
    gender_id: Number(draft.genderId),
    photo_id_type: Number(draft.idType),
    photo_id_number: draft.idNumber.trim(),
    comorbidity_ind: draft.comorbidity,
    consent_version: 'V1',
  };
}
