/**
 * Calendar dates in India. Co-WIN's dates are Indian calendar days written DD-MM-YYYY; we keep
 * them internally as ISO `YYYY-MM-DD` strings, which sort and compare as text and carry no time zone.
 */
export type IsoDate = string & { readonly __isoDate: unique symbol };

const IST_OFFSET_MS = (5 * 60 + 30) * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

export function todayInIndia(now: Date): IsoDate {
  return new Date(now.getTime() + IST_OFFSET_MS).toISOString().slice(0, 10) as IsoDate;
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10) as IsoDate;
}

/** DD-MM-YYYY (or the 2-digit-year DD-MM-YY one client sends) to an ISO date; undefined if it is not a real day. */
export function parseCowinDate(text: string): IsoDate | undefined {
  const match = /^(\d{1,2})-(\d{1,2})-(\d{4}|\d{2})$/.exec(text.trim());
  if (!match) return undefined;
  const [, dd, mm, yy] = match as unknown as [string, string, string, string];
  const year = yy.length === 2 ? 2000 + Number(yy) : Number(yy);
  const iso = `${String(year).padStart(4, '0')}-${mm.padStart(2, '0')}-${dd.padStart(2, '0')}`;
  const parsed = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== iso) return undefined;
  return iso as IsoDate;
}

export function formatCowinDate(date: string): string {
  return `${date.slice(8, 10)}-${date.slice(5, 7)}-${date.slice(0, 4)}`;
}
