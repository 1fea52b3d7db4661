import type { TFunction } from 'i18next';
import { centreEn } from './centre-en.js';

function isKnownGender(gender: string): gender is keyof typeof centreEn.day.genders {
  return Object.hasOwn(centreEn.day.genders, gender);
}

/** The server's gender (Co-WIN's English label) in the page's language. */
export function genderName(t: TFunction<'staff'>, gender: string): string {
  return isKnownGender(gender) ? t(`day.genders.${gender}`) : gender;
}

/**
 * The tries left in the server's WRONG_CODE message ("… 2 tries left; …"), which says it only in
 * English words; undefined when the sentence has changed.
 */
export function triesLeftIn(message: string): number | undefined {
  const match = /(\d+) tr(?:y|ies) left/.exec(message);
  return match ? Number(match[1]) : undefined;
}
