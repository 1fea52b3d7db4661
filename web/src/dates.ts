/**
 * Calendar days as Co-WIN counts them: Indian days (IST, UTC+05:30, no daylight saving), whatever
 * the phone's own time zone. Days travel as ISO `YYYY-MM-DD` strings so they compare as text, and
 * become the API's `DD-MM-YYYY` only at the edge.
 */
export type IsoDay = string;

const IST_OFFSET_MS = (5 * 60 + 30) * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

export const WEEK_LENGTH = 7;

export function todayInIndia(now: Date = new Date()): IsoDay {
  return new Date(now.getTime() + IST_OFFSET_MS).toISOString().slice(0, 10);
}

export function addDays(day: IsoDay, days: number): IsoDay {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

export function weekFrom(first: IsoDay): IsoDay[] {
  return Array.from({ length: WEEK_LENGTH }, (_, i) => addDays(first, i));
}

export function isIsoDay(text: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(text) && !Number.isNaN(Date.parse(`${text}T00:00:00Z`))
    && new Date(`${text}T00:00:00Z`).toISOString().startsWith(text);
}

export function toCowinDate(day: IsoDay): string {
  return `${day.slice(8, 10)}-${day.slice(5, 7)}-${day.slice(0, 4)}`;
}

export function fromCowinDate(text: string): IsoDay {
  return `${text.slice(6, 10)}-${text.slice(3, 5)}-${text.slice(0, 2)}`;
}

// Formatters are costly to build and a results page formats hundreds of dates.
const formatters = new Map<string, Intl.DateTimeFormat>();

/** "Fri, 24 Sep" in English, "शुक्र, 24 सित॰" in Hindi; Latin digits either way. */
export function formatDay(day: IsoDay, language: string): string {
  const key = `${language}/day`;
  let formatter = formatters.get(key);
  if (!formatter) {
    // UTC because the ISO day is parsed as UTC midnight; any other zone could shift the day.
    formatter = new Intl.DateTimeFormat(`${language}-IN`, {
      weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC', numberingSystem: 'latn',
    });
    formatters.set(key, formatter);
  }
  return formatter.format(new Date(`${day}T00:00:00Z`));
}

export function formatRange(first: IsoDay, last: IsoDay, language: string): string {
  const key = `${language}/range`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(`${language}-IN`, {
      day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC', numberingSystem: 'latn',
    });
    formatters.set(key, formatter);
  }
  return formatter.formatRange(new Date(`${first}T00:00:00Z`), new Date(`${last}T00:00:00Z`));
}
