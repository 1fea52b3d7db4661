import { describe, expect, it } from 'vitest';
import { addDays, formatCowinDate, parseCowinDate, todayInIndia, type IsoDate } from './calendar-date.js';

describe('calendar dates in India', () => {
  it('turns to the next day at midnight IST, not UTC', () => {
    expect(todayInIndia(new Date('2026-11-28T18:29:59Z'))).toBe('2026-11-28');
    expect(todayInIndia(new Date('2026-11-28T18:30:00Z'))).toBe('2026-11-29');
  });

  it('reads Co-WIN dates and refuses days that do not exist', () => {
    expect(parseCowinDate('24-09-2021')).toBe('2021-09-24');
    expect(parseCowinDate('1-5-2021')).toBe('2021-05-01');
    expect(parseCowinDate('01-05-21')).toBe('2021-05-01');
    expect(parseCowinDate('29-02-2021')).toBeUndefined();
    expect(parseCowinDate('2021-05-01')).toBeUndefined();
    expect(parseCowinDate('')).toBeUndefined();
  });

  it('writes DD-MM-YYYY and adds days across months and years', () => {
    expect(formatCowinDate('2021-09-24')).toBe('24-09-2021');
    expect(addDays('2026-12-29' as IsoDate, 5)).toBe('2027-01-03');
  });
});
