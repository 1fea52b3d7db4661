import type { TFunction } from 'i18next';
import { citizenEn } from '../i18n/citizen-en.js';
import { currentYearInIndia } from './format.js';

/**
 * The server names a bad field by its error code's prefix (src/modules/beneficiaries/
 * person-fields.ts and id-documents.ts), so the page can put each error next to its field.
 */
export type MemberField = 'name' | 'birth_year' | 'gender_id' | 'photo_id_type' | 'photo_id_number' | 'comorbidity' | 'consent';

// Order matters: PHOTO_ID_TYPE_ must win over PHOTO_ID_.
const fieldByPrefix: readonly (readonly [string, MemberField])[] = [
  ['NAME_', 'name'],
  ['BIRTH_YEAR_', 'birth_year'],
  ['GENDER_', 'gender_id'],
  ['PHOTO_ID_TYPE_', 'photo_id_type'],
  ['PHOTO_ID_', 'photo_id_number'],
  ['AADHAAR_', 'photo_id_number'],
  ['PAN_', 'photo_id_number'],
  ['PASSPORT_', 'photo_id_number'],
  ['VOTER_ID_', 'photo_id_number'],
  ['DRIVING_LICENCE_', 'photo_id_number'],
  ['PENSION_', 'photo_id_number'],
  ['NPR_', 'photo_id_number'],
  ['STUDENT_ID_', 'photo_id_number'],
  ['COMORBIDITY_', 'comorbidity'],
  ['CONSENT_', 'consent'],
];

export function memberFieldOf(code: string): MemberField | undefined {
  return fieldByPrefix.find(([prefix]) => code.startsWith(prefix))?.[1];
}

/** A field's problem: the server's (or our own) code, and the server's English for codes we lack. */
export interface FieldProblem {
  code: string;
  fallback?: string | undefined;
}

type KnownCode = keyof typeof citizenEn.fieldErrors;

function isKnownCode(code: string): code is KnownCode {
  return Object.hasOwn(citizenEn.fieldErrors, code);
}

/** The problem in the page's language; a code this app does not know shows the server's English. */
export function fieldErrorText(t: TFunction<'citizen'>, problem: FieldProblem): string {
  if (!isKnownCode(problem.code)) return problem.fallback ?? problem.code;
  const year = currentYearInIndia();
  // The server allows ages up to 120 (person-fields.ts MAX_AGE_YEARS).
  return t(`fieldErrors.${problem.code}`, { year: problem.code === 'BIRTH_YEAR_TOO_EARLY' ? year - 120 : year });
}
