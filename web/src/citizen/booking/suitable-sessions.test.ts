import { describe, expect, it } from 'vitest';
import type { CalendarCenter, CalendarSession } from '../../../../src/api/cowin-v2/schema.js';
import { placesFor, suitableCentres, suitsParty } from './suitable-sessions.js';

function session(overrides: Partial<CalendarSession>): CalendarSession {
  return {
    session_id: '53483c08-6e78-4fd8-a0a9-99c5b9438842', date: '24-09-2026', available_capacity: 71,
    min_age_limit: 18, allow_all_age: true, vaccine: 'COVISHIELD', slots: ['09:30AM-10:30AM'],
    available_capacity_dose1: 8, available_capacity_dose2: 63, ...overrides,
  };
}

function centre(sessions: CalendarSession[]): CalendarCenter {
  return {
    center_id: 724109, name: 'Hira Mongi Navneet Hospital', address: 'Valji Ladha Rd', state_name: 'Maharashtra',
    district_name: 'Mumbai', block_name: 'Ward T', pincode: 400080, lat: 19, long: 72,
    from: '09:30:00', to: '16:00:00', fee_type: 'Free', sessions,
  };
}

describe('sessions that suit the people being booked', () => {
  it('counts age as the session\'s year minus the year of birth', () => {
    const over45 = session({ min_age_limit: 45 });
    expect(suitsParty(over45, { birthYears: [1981], dose: 1 })).toBe(true);
    expect(suitsParty(over45, { birthYears: [1982], dose: 1 })).toBe(false);
    const teens = session({ min_age_limit: 15, max_age_limit: 17 });
    expect(suitsParty(teens, { birthYears: [2009], dose: 1 })).toBe(true);
    expect(suitsParty(teens, { birthYears: [2008], dose: 1 })).toBe(false);
  });

  it('needs every member of a group to fit', () => {
    expect(suitsParty(session({ min_age_limit: 45 }), { birthYears: [1970, 1990], dose: 1 })).toBe(false);
  });

  it('keeps dose 2 to the vaccine of dose 1', () => {
    expect(suitsParty(session({ vaccine: 'COVAXIN' }), { birthYears: [1980], dose: 2, vaccine: 'COVISHIELD' })).toBe(false);
    expect(suitsParty(session({ vaccine: 'Covishield' }), { birthYears: [1980], dose: 2, vaccine: 'COVISHIELD' })).toBe(true);
    expect(suitsParty(session({ vaccine: 'COVAXIN' }), { birthYears: [1980], dose: 1, vaccine: '' })).toBe(true);
  });

  it('counts seats for dose 1 apart from later doses', () => {
    const s = session({ available_capacity_dose1: 0, available_capacity_dose2: 5 });
    expect(placesFor(s, 1)).toBe(0);
    expect(placesFor(s, 2)).toBe(5);
    expect(placesFor(s, 3)).toBe(5);
  });

  it('drops centres left without a suitable session, and keeps full ones to show as full', () => {
    const full = session({ session_id: 'a', available_capacity_dose1: 0 });
    const teens = session({ session_id: 'b', min_age_limit: 15, max_age_limit: 17 });
    const kept = suitableCentres([centre([full, teens]), centre([teens])], { birthYears: [1980], dose: 1 });
    expect(kept).toHaveLength(1);
    expect(kept[0]?.sessions.map((s) => s.session_id)).toEqual(['a']);
  });
});
