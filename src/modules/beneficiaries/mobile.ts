import { fieldError, type FieldResult } from './field-error.js';

/**
 * Indian mobile numbers. People type them with a country code, a trunk 0, spaces or dashes; we keep
 * the bare 10 digits so one phone is one blind-index key, whichever way it was written. Indian
 * mobile numbers start with 6, 7, 8 or 9 (the National Numbering Plan), which also refuses landlines
 * and most typos.
 */
const separators = /[\s\u2010-\u2015\u2212().-]+/gu;
const mobilePattern = /^(?:\+91|0091|91|0)?([6-9][0-9]{9})$/;

export function normaliseMobile(raw: string): string | undefined {
  if (typeof raw !== 'string') return undefined;
  // NFKC turns full-width digits from some phone keyboards into ASCII.
  return mobilePattern.exec(raw.normalize('NFKC').replace(separators, ''))?.[1];
}

export function validateMobile(raw: string): FieldResult<string, 'mobile'> {
  if (typeof raw !== 'string' || raw.trim() === '') {
    return fieldError('mobile', 'MOBILE_REQUIRED', 'Mobile number is required', 'मोबाइल नंबर दर्ज करना ज़रूरी है');
  }
  const mobile = normaliseMobile(raw);
  return mobile
    ? { ok: true, value: mobile }
    : fieldError('mobile', 'MOBILE_FORMAT', 'Mobile number must be 10 digits starting with 6, 7, 8 or 9',
      'मोबाइल नंबर 10 अंकों का होना चाहिए और 6, 7, 8 या 9 से शुरू होना चाहिए');
}

/**
 * `******3210`: the only form of a mobile shown after registration (DESIGN.md §1.3). Anything that
 * is not a valid mobile is masked completely rather than risk showing more than 4 digits.
 */
export function maskMobile(mobile: string): string {
  const normalised = normaliseMobile(mobile);
  return normalised ? `******${normalised.slice(6)}` : '**********';
}

/** Co-WIN's beneficiary `mobile_number` field, which carried only the last 4 digits. */
export function lastFourDigits(mobile: string): string {
  return normaliseMobile(mobile)?.slice(6) ?? '****';
}
