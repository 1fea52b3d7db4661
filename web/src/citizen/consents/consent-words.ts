import type { TFunction } from 'i18next';
import type { ConsentData } from './consent-types.js';

type CitizenT = TFunction<'citizen'>;

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** An instant as the day it falls on in India: "28 November 2027" (or "28 नवंबर 2027"). */
export function formatIndianDay(iso: string, language: string): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  let format = dayFormats.get(language);
  if (!format) {
    format = new Intl.DateTimeFormat(`${language}-IN`, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Asia/Kolkata', numberingSystem: 'latn' });
    dayFormats.set(language, format);
  }
  return format.format(at);
}

/** What a consent lets a partner see, in the page's language; a kind this app does not know shows as the server names it. */
export function dataName(t: CitizenT, data: string): string {
  return data === 'vaccination_status' || data === 'certificates' ? t(`consents.data.${data}`) : data;
}

export function dataNames(t: CitizenT, data: readonly ConsentData[]): string {
  return data.map((item) => dataName(t, item)).join(', ');
}
