import { describe, expect, it } from 'vitest';
import { addDays, formatDay, fromCowinDate, isIsoDay, todayInIndia, toCowinDate, weekFrom } from './dates.js';

describe('Indian calendar days', () => {
  it('counts today in IST whatever the phone\'s own time zone', () => {
    // 20:00 UTC on 23 September is already 01:30 on 24 September in India.
    expect(todayInIndia(new Date('2021-09-23T20:00:00Z'))).toBe('2021-09-24');
    expect(todayInIndia(new Date('2021-09-23T18:29:59Z'))).toBe('2021-09-23');
  });

  it('converts to and from Co-WIN\'s DD-MM-YYYY', () => {
    expect(toCowinDate('2021-09-24')).toBe('24-09-2021');
    expect(fromCowinDate('24-09-2021')).toBe('2021-09-24');
  });

  it('makes a week of seven days across a month end', () => {
    expect(weekFrom('2021-09-28')).toEqual([
      '2021-09-28', '2021-09-29', '2021-09-30', '2021-10-01', '2021-10-02', '2021-10-03', '2021-10-04',
    ]);
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
  });

  it('accepts only real days', () => {
    expect(isIsoDay('2021-09-24')).toBe(true);
    expect(isIsoDay('2021-02-30')).toBe(false);
    expect(isIsoDay('24-09-2021')).toBe(false);
  });

  it('names days in the page\'s language with Latin digits', () => {
    expect(formatDay('2021-09-24', 'en')).toMatch(/Fri.*24 Sept?/);
    expect(formatDay('2021-09-24', 'hi')).toMatch(/24/);
  });
});
