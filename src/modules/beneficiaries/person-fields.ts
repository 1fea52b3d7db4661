import { fieldError, type FieldResult } from './field-error.js';

/**
 * The personal fields of a beneficiary besides the photo ID: name, year of birth, gender and the
 * comorbidity flag. Year of birth only, never a date (DESIGN.md §1.3). The current year is an
 * argument because a validator that read the clock would pass or fail depending on the day.
 */

const MAX_NAME_LENGTH = 100;
const MAX_AGE_YEARS = 120;

// Latin and the scripts of India's scheduled languages: Devanagari, Bengali (also Assamese),
// Gurmukhi, Gujarati, Odia, Tamil, Telugu, Kannada, Malayalam, Arabic (Urdu, Kashmiri, Sindhi),
// Ol Chiki (Santali) and Meetei Mayek (Manipuri). Script_Extensions keeps marks shared between
// scripts. ZWNJ and ZWJ are allowed because they change how Indic conjuncts render in real names.
const nameScripts =
  '\\p{scx=Latn}\\p{scx=Deva}\\p{scx=Beng}\\p{scx=Guru}\\p{scx=Gujr}\\p{scx=Orya}\\p{scx=Taml}' +
  '\\p{scx=Telu}\\p{scx=Knda}\\p{scx=Mlym}\\p{scx=Arab}\\p{scx=Olck}\\p{scx=Mtei}';
// Each character is either a letter or mark of those scripts, or one of space . ' - ZWNJ ZWJ.
// (ZWNJ and ZWJ stay outside the class: inside one they look like a single joined character.)
const namePattern = new RegExp(`^(?:(?=[\\p{L}\\p{M}])[${nameScripts}]|[ .'-]|\\u200C|\\u200D)+$`, 'u');

/** Trims, collapses runs of whitespace to one space, and makes phone apostrophes plain. */
function tidyName(raw: string): string {
  return raw.normalize('NFC').replace(/[\u2018\u2019\u02BC`]/g, "'").replace(/\s+/g, ' ').trim();
}

export function validateName(raw: string): FieldResult<string, 'name'> {
  const name = typeof raw === 'string' ? tidyName(raw) : '';
  if (name === '') {
    return fieldError('name', 'NAME_REQUIRED', 'Name is required', 'नाम दर्ज करना ज़रूरी है');
  }
  if ([...name].length > MAX_NAME_LENGTH) {
    return fieldError('name', 'NAME_TOO_LONG', `Name can be at most ${MAX_NAME_LENGTH} characters`,
      `नाम में अधिकतम ${MAX_NAME_LENGTH} अक्षर हो सकते हैं`);
  }
  if (/\p{N}/u.test(name)) {
    return fieldError('name', 'NAME_DIGITS', 'Name cannot contain digits', 'नाम में अंक नहीं हो सकते');
  }
  if (!namePattern.test(name) || !/\p{L}/u.test(name)) {
    return fieldError('name', 'NAME_CHARACTERS', "Name can contain only letters, spaces and . ' -",
      "नाम में केवल अक्षर, स्पेस और . ' - हो सकते हैं");
  }
  return { ok: true, value: name };
}

/** Co-WIN sends `birth_year` as a string ("1997"); Teeka's own API may send a number. */
export function validateBirthYear(raw: string | number, currentYear: number): FieldResult<number, 'birth_year'> {
  const text = typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? raw.trim() : '';
  if (text === '') {
    return fieldError('birth_year', 'BIRTH_YEAR_REQUIRED', 'Year of birth is required', 'जन्म वर्ष दर्ज करना ज़रूरी है');
  }
  if (!/^[0-9]{4}$/.test(text)) {
    return fieldError('birth_year', 'BIRTH_YEAR_FORMAT', 'Year of birth must be 4 digits, like 1985',
      'जन्म वर्ष 4 अंकों का होना चाहिए, जैसे 1985');
  }
  const year = Number(text);
  if (year > currentYear) {
    return fieldError('birth_year', 'BIRTH_YEAR_FUTURE', `Year of birth cannot be later than ${currentYear}`,
      `जन्म वर्ष ${currentYear} के बाद का नहीं हो सकता`);
  }
  const earliest = currentYear - MAX_AGE_YEARS;
  if (year < earliest) {
    return fieldError('birth_year', 'BIRTH_YEAR_TOO_EARLY', `Year of birth cannot be earlier than ${earliest}`,
      `जन्म वर्ष ${earliest} से पहले का नहीं हो सकता`);
  }
  return { ok: true, value: year };
}

/** Co-WIN's gender ids (db/reference/cowin-genders.json) with Hindi labels. */
export const genders = [
  { id: 1, gender: 'Male', gender_l: 'पुरुष' },
  { id: 2, gender: 'Female', gender_l: 'महिला' },
  { id: 3, gender: 'Others', gender_l: 'अन्य' },
] as const;

export type GenderId = (typeof genders)[number]['id'];
export type Gender = (typeof genders)[number];

export function genderById(id: number): Gender | undefined {
  return genders.find((g) => g.id === id);
}

export function validateGenderId(raw: string | number): FieldResult<GenderId, 'gender_id'> {
  const id = typeof raw === 'string' && /^\s*[0-9]+\s*$/.test(raw) ? Number(raw) : raw;
  const gender = typeof id === 'number' ? genderById(id) : undefined;
  return gender
    ? { ok: true, value: gender.id }
    : fieldError('gender_id', 'GENDER_UNKNOWN', 'Please choose a gender: Male, Female or Others',
      'कृपया लिंग चुनें: पुरुष, महिला या अन्य');
}

export function validateComorbidityInd(raw: string): FieldResult<'Y' | 'N', 'comorbidity_ind'> {
  const flag = typeof raw === 'string' ? raw.trim().toUpperCase() : '';
  return flag === 'Y' || flag === 'N'
    ? { ok: true, value: flag }
    : fieldError('comorbidity_ind', 'COMORBIDITY_FORMAT', 'Comorbidity must be Y (yes) or N (no)',
      'सह-रुग्णता के लिए Y (हाँ) या N (नहीं) चुनें');
}

/**
 * `Ramesh Kumar` → `R***** K****`, for places that must hint at a name without showing it (a
 * vaccinator confirming "is this R***** K****?"). Counts code points, so a Devanagari word keeps
 * only its first letter, never a whole conjunct.
 */
export function maskName(name: string): string {
  return tidyName(name)
    .split(' ')
    .filter((word) => word !== '')
    .map((word) => {
      const [first = '', ...rest] = [...word];
      return first + '*'.repeat(rest.length);
    })
    .join(' ');
}
