import { describe, expect, it } from 'vitest';
import type { SessionView } from './planning-api.js';
import { sessionChangesOf, suggestedSlots, valuesOfSession } from './session-values.js';

describe('the slots a new session starts with', () => {
  it('are two-hour slots over the opening hours, the last one shorter', () => {
    expect(suggestedSlots('09:00:00', '17:00:00')).toEqual(['09:00AM-11:00AM', '11:00AM-01:00PM', '01:00PM-03:00PM', '03:00PM-05:00PM']);
    expect(suggestedSlots('09:30:00', '16:00:00')).toEqual(['09:30AM-11:30AM', '11:30AM-01:30PM', '01:30PM-03:30PM', '03:30PM-04:00PM']);
    expect(suggestedSlots('00:00:00', '01:00:00')).toEqual(['12:00AM-01:00AM']);
  });
});

describe('an edited session', () => {
  const session: SessionView = {
    id: 's1', centre_id: 1, date: '2030-01-02', vaccine: 'COVAXIN', min_age_limit: 18, max_age_limit: null, allow_all_age: true,
    capacity_dose1: 50, capacity_dose2: 20, booked_dose1: 3, booked_dose2: 0, walk_in_capacity: 5, walk_ins: 0, slots: ['09:00AM-11:00AM'],
  };

  it('sends only what changed, so a booked session\'s day and vaccine are not sent again', () => {
    expect(sessionChangesOf(session, { ...valuesOfSession(session), capacity_dose1: '80', slots: '09:00AM-11:00AM\n11:00AM-01:00PM' }))
      .toEqual({ capacity_dose1: 80, slots: ['09:00AM-11:00AM', '11:00AM-01:00PM'] });
    expect(sessionChangesOf(session, valuesOfSession(session))).toEqual({});
  });

  it('sends both age limits when the age rule changes', () => {
    expect(sessionChangesOf(session, { ...valuesOfSession(session), ages: '15:17' })).toEqual({ min_age_limit: 15, max_age_limit: 17 });
  });
});
