import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../../core/calendar-date.js';
import { foundingLookup } from './founding-catalogue.test-support.js';
import type { SessionBody } from './schema.js';
import { checkSession } from './session-rules.js';

const today = '2026-11-28' as IsoDate;
const context = {
  catalogue: foundingLookup(), today,
  centre: { opensAt: '09:00:00', closesAt: '17:00:00', vaccines: [{ vaccine: 'COVISHIELD' }, { vaccine: 'COVAXIN' }] },
};
const session = (over: Partial<SessionBody> = {}): SessionBody => ({
  date: '2026-12-01', vaccine: 'COVISHIELD', capacity_dose1: 50, capacity_dose2: 30, min_age_limit: 18,
  slots: ['09:00AM-11:00AM', '11:00AM-01:00PM'], ...over,
});

describe('session rules', () => {
  it('normalises a valid session, taking allow_all_age from the vaccine\'s age rule', () => {
    const { draft, problems } = checkSession(session({ date: '01-12-2026' }), context);
    expect(problems).toEqual([]);
    expect(draft).toEqual({
      date: '2026-12-01', vaccine: 'COVISHIELD', minAgeLimit: 18, maxAgeLimit: null, allowAllAge: true, capacityDose1: 50, capacityDose2: 30,
      walkInCapacity: 0, slots: ['09:00AM-11:00AM', '11:00AM-01:00PM'],
    });
    expect(checkSession(session({ min_age_limit: 45 }), context).draft.allowAllAge).toBe(false);
  });

  it('plans from today to 60 days ahead', () => {
    expect(checkSession(session({ date: today }), context).problems).toEqual([]);
    expect(checkSession(session({ date: '2027-01-27' }), context).problems).toEqual([]);
    for (const date of ['2026-11-27', '2027-01-28', '2026-02-30', 'tomorrow']) {
      expect(checkSession(session({ date }), context).problems).toEqual([
        { field: 'date', error: 'date must be a day from today (28-11-2026) to 60 days ahead (27-01-2027), as YYYY-MM-DD' },
      ]);
    }
  });

  it('wants a catalogued vaccine the centre gives, for ages it is approved for', () => {
    expect(checkSession(session({ vaccine: 'ZYCOV-D' }), context).problems[0]).toMatchObject({ field: 'vaccine', error: expect.stringMatching(/^vaccine must be one of COVISHIELD, COVAXIN/) });
    expect(checkSession(session({ vaccine: 'CORBEVAX' }), context).problems[0]!.error).toMatch(/this centre gives COVISHIELD, COVAXIN; add CORBEVAX/);
    expect(checkSession(session({ vaccine: 'CORBEVAX' }), { ...context, centre: { ...context.centre, vaccines: [] } }).problems).toEqual([]);
    expect(checkSession(session({ min_age_limit: 15, max_age_limit: 17 }), context).problems[0]!.error)
      .toBe('min_age_limit and max_age_limit: COVISHIELD is given to ages 18 and above; 18 to 44; 45 and above; choose one of those');
    expect(checkSession(session({ vaccine: 'COVAXIN', min_age_limit: 15, max_age_limit: 17 }), context).problems).toEqual([]);
    expect(checkSession(session({ allow_all_age: false }), context).problems).toEqual([{ field: 'allow_all_age', error: 'allow_all_age must be true for ages 18 and above (or left out)' }]);
    expect(checkSession(session({ max_age_limit: 10 }), context).problems.map((p) => p.field)).toEqual(['max_age_limit']);
  });

  it('checks capacities and slots, naming each field', () => {
    const { problems } = checkSession(session({ capacity_dose1: -1, capacity_dose2: 1.5, walk_in_capacity: 20_000, slots: ['07:00AM-08:00AM'] }), context);
    expect(problems.map((p) => p.field)).toEqual(['capacity_dose1', 'capacity_dose2', 'walk_in_capacity', 'slots[0]']);
  });
});
