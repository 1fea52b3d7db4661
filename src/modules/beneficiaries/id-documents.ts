import { fieldError, type FieldError } from './field-error.js';
import { hasValidVerhoeffCheckDigit } from './verhoeff.js';

/**
 * The photo ID documents a beneficiary can register with, keyed by Co-WIN's numeric `photo_id_type`
 * so Co-WIN clients keep posting the ids they already know. Labels are the self-registration portal's
 * (db/reference/cowin-idtypes.json `portal_labels_2021_2022`); id-documents.test.ts holds them to it.
 *
 * Numbers are normalised before validation, storage and blind indexing, so "2345 6789 0124" and
 * "234567890124" are one Aadhaar number and cannot register twice. After registration a number is
 * only ever shown masked (DESIGN.md §1.3).
 */
export type PhotoIdField = 'photo_id_type' | 'photo_id_number';
export type PhotoIdError = FieldError<PhotoIdField>;

export interface PhotoIdType {
  readonly id: number;
  /** Co-WIN's label, sent as `photo_id_type` in beneficiary lists; clients compare the text. */
  readonly type: string;
  readonly type_l: string;
  /** How messages name the number, in English and Hindi. */
  readonly numberLabel: string;
  readonly numberLabel_hi: string;
  /** Age in years as Co-WIN counted it (this year minus year of birth), inclusive. */
  readonly minAge?: number;
  readonly maxAge?: number;
  normalise(raw: string): string;
  validate(normalised: string): PhotoIdError | undefined;
  mask(normalised: string): string;
}

/**
 * Ids Teeka assigns itself start at 101. Co-WIN's known ids stop at 16, and the data file lists
 * types whose Co-WIN id nobody recorded (UDID, Student Photo ID card), so a number far above the
 * known range cannot collide with one Co-WIN used or adds later.
 */
export const STUDENT_PHOTO_ID_TYPE = 101;

// Mobile keyboards and PDF copies bring non-breaking spaces and Unicode dashes; NFKC turns
// full-width letters and digits into ASCII.
const spacesAndHyphens = /[\s\u2010-\u2015\u2212-]+/gu;

function normaliseIdNumber(raw: string): string {
  return raw.normalize('NFKC').replace(spacesAndHyphens, '').toUpperCase();
}

// Pension PPOs and school cards are often printed with slashes; dropping them keeps one document one
// normalised number.
function normaliseFreeFormIdNumber(raw: string): string {
  return normaliseIdNumber(raw).replaceAll('/', '');
}

/**
 * All but the last four characters become X. Short numbers show at most half their length, so a
 * 6-character card number never shows 4 of its 6.
 */
export function maskTail(value: string): string {
  const shown = Math.min(4, Math.floor(value.length / 2));
  return 'X'.repeat(value.length - shown) + value.slice(value.length - shown);
}

function maskAadhaar(normalised: string): string {
  return /^[0-9]{12}$/.test(normalised) ? `XXXX-XXXX-${normalised.slice(8)}` : maskTail(normalised);
}

const numberError = (code: string, message: string, message_hi: string): PhotoIdError =>
  fieldError('photo_id_number', code, message, message_hi);

function validateAadhaar(n: string): PhotoIdError | undefined {
  if (/^[X*]{8}[0-9]{4}$/.test(n)) {
    return numberError('AADHAAR_MASKED', 'Please enter the full 12-digit Aadhaar number, not the masked one',
      'कृपया पूरा 12 अंकों का आधार नंबर दर्ज करें, छिपा हुआ (मास्क्ड) नंबर नहीं');
  }
  if (/^[0-9]{16}$/.test(n)) {
    return numberError('AADHAAR_VID', 'Please enter the 12-digit Aadhaar number, not the 16-digit Virtual ID',
      'कृपया 12 अंकों का आधार नंबर दर्ज करें, 16 अंकों की वर्चुअल आईडी नहीं');
  }
  if (!/^[0-9]{12}$/.test(n)) {
    return numberError('AADHAAR_LENGTH', 'Aadhaar number must be 12 digits', 'आधार नंबर 12 अंकों का होना चाहिए');
  }
  // UIDAI never issues numbers starting with 0 or 1, so such a number is a typo like a bad check digit.
  if (!/^[2-9]/.test(n) || !hasValidVerhoeffCheckDigit(n)) {
    return numberError('AADHAAR_INVALID', 'This Aadhaar number is not valid: please check the digits',
      'यह आधार नंबर मान्य नहीं है: कृपया अंक जाँच लें');
  }
  return undefined;
}

// The 4th character of a PAN says who holds it: P person, C company, H Hindu undivided family, F firm,
// A association of persons, T trust, B body of individuals, L local authority, J artificial juridical
// person, G government.
function validatePan(n: string): PhotoIdError | undefined {
  if (!/^[A-Z]{5}[0-9]{4}[A-Z]$/.test(n)) {
    return numberError('PAN_FORMAT', 'PAN must look like ABCPE1234F: 5 letters, 4 digits, then 1 letter',
      'पैन ABCPE1234F जैसा होना चाहिए: 5 अक्षर, 4 अंक, फिर 1 अक्षर');
  }
  if (!'PCHFATBLJG'.includes(n[3]!)) {
    return numberError('PAN_HOLDER_TYPE', 'This PAN is not valid: please check the 4th letter (P for a person)',
      'यह पैन मान्य नहीं है: कृपया चौथा अक्षर जाँच लें (व्यक्ति के लिए P)');
  }
  return undefined;
}

// Indian passports: one series letter and 7 digits. Q, X and Z are not issued as series letters.
// Foreign passports do not fit and are refused: accepting them needs its own rule, not a looser one.
function validatePassport(n: string): PhotoIdError | undefined {
  if (!/^[A-Z][0-9]{7}$/.test(n)) {
    return numberError('PASSPORT_FORMAT', 'Passport number must be 1 letter followed by 7 digits, like A1234567',
      'पासपोर्ट नंबर में 1 अक्षर और उसके बाद 7 अंक होने चाहिए, जैसे A1234567');
  }
  if ('QXZ'.includes(n[0]!)) {
    return numberError('PASSPORT_SERIES', 'This passport number is not valid: Indian passport numbers do not start with Q, X or Z',
      'यह पासपोर्ट नंबर मान्य नहीं है: भारतीय पासपोर्ट नंबर Q, X या Z से शुरू नहीं होते');
  }
  return undefined;
}

// The Election Commission's EPIC number: 3 letters, 7 digits. Older state-series numbers written
// with slashes do not fit; those voters can register with another document.
function validateVoterId(n: string): PhotoIdError | undefined {
  if (!/^[A-Z]{3}[0-9]{7}$/.test(n)) {
    return numberError('VOTER_ID_FORMAT', 'Voter ID (EPIC) number must be 3 letters followed by 7 digits, like ABC1234567',
      'मतदाता पहचान पत्र (EPIC) नंबर में 3 अक्षर और उसके बाद 7 अंक होने चाहिए, जैसे ABC1234567');
  }
  return undefined;
}

/**
 * State and UT codes of Indian registration marks, which also start every licence number. Retired
 * codes stay because licences issued under them are still valid: OR (Odisha before 2012), UA
 * (Uttarakhand before 2007), DN (Dadra and Nagar Haveli before its 2020 merger into DD) and TS
 * (Telangana before TG in 2024).
 */
const licenceStateCodes: ReadonlySet<string> = new Set([
  'AN', 'AP', 'AR', 'AS', 'BR', 'CG', 'CH', 'DD', 'DL', 'DN', 'GA', 'GJ', 'HP', 'HR', 'JH', 'JK', 'KA', 'KL',
  'LA', 'LD', 'MH', 'ML', 'MN', 'MP', 'MZ', 'NL', 'OD', 'OR', 'PB', 'PY', 'RJ', 'SK', 'TG', 'TN', 'TR', 'TS',
  'UA', 'UK', 'UP', 'WB',
]);

// Sarathi's form is state (2 letters) + RTO (2 digits) + year of issue (4) + serial (7) = 15, e.g.
// MH14 2011 0062821. Older licences re-keyed into Sarathi vary in the middle, so we ask only for a
// state code, a 2-character RTO code and 11 or 12 digits: 15 or 16 characters in all.
function validateDrivingLicence(n: string): PhotoIdError | undefined {
  if (!/^[A-Z]{2}[0-9A-Z]{2}[0-9]{11,12}$/.test(n)) {
    return numberError('DRIVING_LICENCE_FORMAT',
      'Driving licence number must look like MH1420110062821: state code, RTO code, year and serial number',
      'ड्राइविंग लाइसेंस नंबर MH1420110062821 जैसा होना चाहिए: राज्य कोड, आरटीओ कोड, वर्ष और क्रम संख्या');
  }
  if (!licenceStateCodes.has(n.slice(0, 2))) {
    return numberError('DRIVING_LICENCE_STATE', 'Driving licence number must start with a state code such as MH or DL',
      'ड्राइविंग लाइसेंस नंबर MH या DL जैसे राज्य कोड से शुरू होना चाहिए');
  }
  return undefined;
}

/**
 * NPR smart cards, pension passbooks/PPOs and school cards follow no single national format, so we
 * ask only for letters and digits within a length range, with at least one digit (a number made only
 * of letters is almost always a name typed into the wrong box). The vaccinator checks the card itself.
 */
function freeFormValidator(code: string, label: string, label_hi: string, min: number, max: number) {
  const pattern = new RegExp(`^(?=.*[0-9])[A-Z0-9]{${min},${max}}$`);
  return (n: string): PhotoIdError | undefined =>
    pattern.test(n)
      ? undefined
      : numberError(code, `${label} must be ${min} to ${max} letters and digits`,
        `${label_hi} ${min} से ${max} अक्षरों और अंकों का होना चाहिए`);
}

function photoIdType(
  spec: Omit<PhotoIdType, 'normalise' | 'mask'> & Partial<Pick<PhotoIdType, 'normalise' | 'mask'>>,
): PhotoIdType {
  return { normalise: normaliseIdNumber, mask: maskTail, ...spec };
}

export const photoIdTypes: readonly PhotoIdType[] = [
  photoIdType({ id: 1, type: 'Aadhaar Card', type_l: 'आधार कार्ड', numberLabel: 'Aadhaar number',
    numberLabel_hi: 'आधार नंबर', validate: validateAadhaar, mask: maskAadhaar }),
  photoIdType({ id: 2, type: 'Driving License', type_l: 'ड्राइविंग लाइसेंस', numberLabel: 'Driving licence number',
    numberLabel_hi: 'ड्राइविंग लाइसेंस नंबर', validate: validateDrivingLicence }),
  photoIdType({ id: 6, type: 'PAN Card', type_l: 'पैन कार्ड', numberLabel: 'PAN', numberLabel_hi: 'पैन',
    validate: validatePan }),
  photoIdType({ id: 8, type: 'Passport', type_l: 'पासपोर्ट', numberLabel: 'Passport number',
    numberLabel_hi: 'पासपोर्ट नंबर', validate: validatePassport }),
  photoIdType({ id: 9, type: 'Pension Passbook', type_l: 'पेंशन पासबुक', numberLabel: 'Pension passbook or PPO number',
    numberLabel_hi: 'पेंशन पासबुक या पीपीओ नंबर', normalise: normaliseFreeFormIdNumber,
    validate: freeFormValidator('PENSION_NUMBER_FORMAT', 'Pension passbook or PPO number', 'पेंशन पासबुक या पीपीओ नंबर', 6, 20) }),
  photoIdType({ id: 11, type: 'NPR Smart Card', type_l: 'एनपीआर स्मार्ट कार्ड', numberLabel: 'NPR smart card number',
    numberLabel_hi: 'एनपीआर स्मार्ट कार्ड नंबर', normalise: normaliseFreeFormIdNumber,
    validate: freeFormValidator('NPR_NUMBER_FORMAT', 'NPR smart card number', 'एनपीआर स्मार्ट कार्ड नंबर', 6, 20) }),
  photoIdType({ id: 12, type: 'Voter ID', type_l: 'मतदाता पहचान पत्र', numberLabel: 'Voter ID (EPIC) number',
    numberLabel_hi: 'मतदाता पहचान पत्र (EPIC) नंबर', validate: validateVoterId }),
  // School admission numbers can be as short as 4 characters; maskTail then shows only 2.
  photoIdType({ id: STUDENT_PHOTO_ID_TYPE, type: 'Student Photo ID card', type_l: 'छात्र फ़ोटो पहचान पत्र',
    numberLabel: 'Student ID card number', numberLabel_hi: 'छात्र पहचान पत्र नंबर', minAge: 15, maxAge: 17,
    normalise: normaliseFreeFormIdNumber,
    validate: freeFormValidator('STUDENT_ID_NUMBER_FORMAT', 'Student ID card number', 'छात्र पहचान पत्र नंबर', 4, 20) }),
];

const byId: ReadonlyMap<number, PhotoIdType> = new Map(photoIdTypes.map((t) => [t.id, t]));

export function photoIdTypeById(typeId: number): PhotoIdType | undefined {
  return byId.get(typeId);
}

const unknownType = (): PhotoIdError =>
  fieldError('photo_id_type', 'PHOTO_ID_TYPE_UNKNOWN', 'Please choose a photo ID type from the list',
    'कृपया सूची से फ़ोटो पहचान पत्र का प्रकार चुनें');

export function validatePhotoId(
  typeId: number,
  rawNumber: string,
): { ok: true; normalised: string } | PhotoIdError {
  const type = photoIdTypeById(typeId);
  if (!type) return unknownType();
  const normalised = typeof rawNumber === 'string' ? type.normalise(rawNumber) : '';
  if (normalised === '') {
    return numberError('PHOTO_ID_NUMBER_REQUIRED', `${type.numberLabel} is required`, `${type.numberLabel_hi} दर्ज करना ज़रूरी है`);
  }
  return type.validate(normalised) ?? { ok: true, normalised };
}

/**
 * Whether someone of `age` (this year minus year of birth, as Co-WIN counted) may use this document.
 * Kept apart from validatePhotoId because the age comes from another field.
 */
export function validatePhotoIdTypeForAge(typeId: number, age: number): { ok: true } | PhotoIdError {
  const type = photoIdTypeById(typeId);
  if (!type) return unknownType();
  if ((type.minAge !== undefined && age < type.minAge) || (type.maxAge !== undefined && age > type.maxAge)) {
    const range = `${type.minAge ?? 0} to ${type.maxAge ?? 120}`;
    const range_hi = `${type.minAge ?? 0} से ${type.maxAge ?? 120}`;
    return fieldError('photo_id_type', 'PHOTO_ID_TYPE_AGE',
      `${type.type} can be used only by people aged ${range}. Please choose another photo ID.`,
      `${type.type_l} का उपयोग केवल ${range_hi} वर्ष के लोग कर सकते हैं। कृपया कोई अन्य फ़ोटो पहचान पत्र चुनें।`);
  }
  return { ok: true };
}

/**
 * The only form of an ID number that leaves the registration step: Aadhaar as XXXX-XXXX-1234, any
 * other as XXXXXX234F. Never more than the last 4 characters, even for an unknown type or a value
 * that was never normalised.
 */
export function maskPhotoId(typeId: number, normalised: string): string {
  const type = photoIdTypeById(typeId);
  return type ? type.mask(type.normalise(normalised)) : maskTail(normaliseIdNumber(normalised));
}
