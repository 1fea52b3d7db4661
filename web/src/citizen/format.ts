import { fromCowinDate } from '../dates.js';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(key: string, language: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const cacheKey = `${language}/${key}`;
  let found = formatters.get(cacheKey);
  if (!found) {
    found = new Intl.DateTimeFormat(`${language}-IN`, { numberingSystem: 'latn', ...options });
    formatters.set(cacheKey, found);
  }
  return found;
}

/** Co-WIN's "28-11-2026" as "Saturday, 28 November 2026" (or "शनिवार, 28 नवंबर 2026"). */
export function formatCowinDay(cowinDate: string, language: string): string {
  if (!/^\d{2}-\d{2}-\d{4}$/.test(cowinDate)) return cowinDate;
  // UTC because the day is parsed as UTC midnight; any other zone could shift it.
  return formatter('day', language, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })
    .format(new Date(`${fromCowinDate(cowinDate)}T00:00:00Z`));
}

/** An instant as India reads it: "28 Nov 2026, 3:04 pm". */
export function formatInstant(iso: string, language: string): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  return formatter('instant', language, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Kolkata' }).format(at);
}

/** "******3210": enough for the citizen to recognise their number on a shared screen. */
export function maskMobile(mobile: string): string {
  return `${'*'.repeat(Math.max(0, mobile.length - 4))}${mobile.slice(-4)}`;
}

/** The year in India now, which is what the server counts ages and birth years by. */
export function currentYearInIndia(now: Date = new Date()): number {
  return new Date(now.getTime() + 330 * 60 * 1000).getUTCFullYear();
}
