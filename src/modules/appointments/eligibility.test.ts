import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../../core/calendar-date.js';
import { foundingLookup } from '../planning/founding-catalogue.test-support.js';
import { ineligibilityFor, nextDoseOf } from './eligibility.js';
import type { BookableSession } from './store.js';

const session = (over: Partial<BookableSession> = {}): BookableSession => ({
  id: 's', facilityId: 1, date: '2026-12-10' as IsoDate, vaccine: 'COVAXIN', minAgeLimit: 18, maxAgeLimit: null, slots: [], ...over,
});
const catalogue = foundingLookup();
const dose = (n: number, vaccine: string, on: string) => ({ dose: n, vaccine, administeredOn: on as IsoDate });

describe('eligibility', () => {
  it('works out the next dose', () => {
    expect(nextDoseOf([])).toBe(1);
    expect(nextDoseOf([dose(1, 'COVAXIN', '2026-01-01')])).toBe(2);
    expect(nextDoseOf([dose(1, 'COVAXIN', '2026-01-01'), dose(2, 'COVAXIN', '2026-02-01')])).toBe(3);
    expect(nextDoseOf([dose(1, 'X', 'a'), dose(2, 'X', 'b'), dose(3, 'X', 'c')])).toBeUndefined();
  });

  it('checks the session\'s age limits by year of birth', () => {
    expect(ineligibilityFor({ birthYear: 2009 }, [], 1, session(), catalogue)).toMatch(/ages 18 and above/);
    expect(ineligibilityFor({ birthYear: 2008 }, [], 1, session(), catalogue)).toBeUndefined();
    expect(ineligibilityFor({ birthYear: 1970 }, [], 1, session({ maxAgeLimit: 44 }), catalogue)).toMatch(/ages 18 to 44/);
    expect(ineligibilityFor({ birthYear: 2011 }, [], 1, session({ minAgeLimit: 15, maxAgeLimit: 17 }), catalogue)).toBeUndefined();
  });

  it('wants dose 2 of the same vaccine after its interval', () => {
    const first = [dose(1, 'COVAXIN', '2026-11-12')];
    expect(ineligibilityFor({ birthYear: 1990 }, first, 2, session({ vaccine: 'COVISHIELD' }), catalogue)).toMatch(/must be COVAXIN/);
    expect(ineligibilityFor({ birthYear: 1990 }, first, 2, session({ date: '2026-12-09' as IsoDate }), catalogue)).toMatch(/due from 10-12-2026/);
    expect(ineligibilityFor({ birthYear: 1990 }, first, 2, session({ date: '2026-12-10' as IsoDate }), catalogue)).toBeUndefined();
    const covishield = [dose(1, 'COVISHIELD', '2026-10-01')];
    expect(ineligibilityFor({ birthYear: 1990 }, covishield, 2, session({ vaccine: 'COVISHIELD' }), catalogue)).toMatch(/due from 24-12-2026/);
  });

  it('spaces the precaution dose 26 weeks after dose 2', () => {
    const two = [dose(1, 'COVAXIN', '2026-01-01'), dose(2, 'COVAXIN', '2026-06-12')];
    expect(ineligibilityFor({ birthYear: 1990 }, two, 3, session(), catalogue)).toMatch(/due from 11-12-2026/);
    expect(ineligibilityFor({ birthYear: 1990 }, two, 3, session({ date: '2026-12-11' as IsoDate }), catalogue)).toBeUndefined();
  });

  it('takes intervals from the catalogue as it is now', () => {
    const first = [dose(1, 'COVAXIN', '2026-11-12')];
    const shorter = foundingLookup({ COVAXIN: { dose2AfterDays: 14 } });
    expect(ineligibilityFor({ birthYear: 1990 }, first, 2, session({ date: '2026-11-26' as IsoDate }), catalogue)).toMatch(/due from 10-12-2026/);
    expect(ineligibilityFor({ birthYear: 1990 }, first, 2, session({ date: '2026-11-26' as IsoDate }), shorter)).toBeUndefined();
    const two = [dose(1, 'COVAXIN', '2026-01-01'), dose(2, 'COVAXIN', '2026-06-12')];
    const longer = foundingLookup({ COVAXIN: { precautionAfterDays: 200 } });
    expect(ineligibilityFor({ birthYear: 1990 }, two, 3, session({ date: '2026-12-11' as IsoDate }), longer)).toMatch(/due from 29-12-2026, 200 days after dose 2/);
  });
});
