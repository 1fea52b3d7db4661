import { describe, expect, it } from 'vitest';
import type { CalendarCenter, CalendarSession } from '../../../src/api/cowin-v2/schema.js';
import { ageLimitText, filterCentres, isOpenToAgeGroup, noFilters } from './filters.js';

function session(overrides: Partial<CalendarSession>): CalendarSession {
  return {
    session_id: '53483c08-6e78-4fd8-a0a9-99c5b9438842', date: '24-09-2021', available_capacity: 71,
    min_age_limit: 18, allow_all_age: true, vaccine: 'COVISHIELD', slots: ['09:30AM-10:30AM'],
    available_capacity_dose1: 8, available_capacity_dose2: 63, ...overrides,
  };
}

function centre(overrides: Partial<CalendarCenter>): CalendarCenter {
  return {
    center_id: 724109, name: 'Hira Mongi Navneet Hospital', address: 'Valji Ladha Rd', state_name: 'Maharashtra',
    district_name: 'Mumbai', block_name: 'Ward T Corporation - MH', pincode: 400080, lat: 19, long: 72,
    from: '09:30:00', to: '16:00:00', fee_type: 'Free', sessions: [session({})], ...overrides,
  };
}

describe('age groups', () => {
  it('writes age limits as Co-WIN did', () => {
    expect(ageLimitText({ min_age_limit: 18 })).toBe('18+');
    expect(ageLimitText({ min_age_limit: 18, max_age_limit: 44 })).toBe('18-44');
  });

  it('offers an 18+ session to people aged 18-44 and 45+, but a 45+ session only to 45+', () => {
    const adults = session({ min_age_limit: 18 });
    const over45 = session({ min_age_limit: 45 });
    expect(isOpenToAgeGroup(adults, '18-44')).toBe(true);
    expect(isOpenToAgeGroup(adults, '45+')).toBe(true);
    expect(isOpenToAgeGroup(over45, '18-44')).toBe(false);
    expect(isOpenToAgeGroup(over45, '45+')).toBe(true);
  });

  it('keeps capped sessions to the group they were planned for', () => {
    const under45 = session({ min_age_limit: 18, max_age_limit: 44, allow_all_age: false });
    expect(isOpenToAgeGroup(under45, '18-44')).toBe(true);
    expect(isOpenToAgeGroup(under45, '18+')).toBe(false);
    expect(isOpenToAgeGroup(session({ min_age_limit: 12, max_age_limit: 14 }), '15-17')).toBe(false);
  });
});

describe('filterCentres', () => {
  const free = centre({ center_id: 1, fee_type: 'Free' });
  const paid = centre({
    center_id: 2, fee_type: 'Paid', vaccine_fees: [{ vaccine: 'COVAXIN', fee: '1410' }],
    sessions: [session({ vaccine: 'COVAXIN', available_capacity_dose1: 0 }), session({ vaccine: 'Sputnik V' })],
  });

  it('keeps every centre without filters', () => {
    expect(filterCentres([free, paid], noFilters)).toEqual([free, paid]);
  });

  it('filters by fee type', () => {
    expect(filterCentres([free, paid], { ...noFilters, fee: 'Paid' }).map((c) => c.center_id)).toEqual([2]);
  });

  it('keeps only matching sessions and drops centres left with none', () => {
    const shown = filterCentres([free, paid], { ...noFilters, vaccine: 'SPUTNIK V' });
    expect(shown.map((c) => c.center_id)).toEqual([2]);
    expect(shown[0]?.sessions.map((s) => s.vaccine)).toEqual(['Sputnik V']);
  });

  it('needs capacity for the dose asked for', () => {
    const shown = filterCentres([paid], { ...noFilters, vaccine: 'COVAXIN', dose1: true });
    expect(shown).toEqual([]);
  });
});
