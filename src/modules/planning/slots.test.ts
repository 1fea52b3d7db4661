import { describe, expect, it } from 'vitest';
import { checkSlots, parseClock } from './slots.js';

const hours = { opensAt: '09:00:00', closesAt: '17:00:00' };

describe('opening hours', () => {
  it('reads HH:MM and HH:MM:SS, 24-hour', () => {
    expect(parseClock('09:30')).toBe('09:30:00');
    expect(parseClock(' 17:00:00 ')).toBe('17:00:00');
    expect(parseClock('9:30')).toBeUndefined();
    expect(parseClock('24:00')).toBeUndefined();
    expect(parseClock('09:30AM')).toBeUndefined();
  });
});

describe('Co-WIN slots', () => {
  it('keeps slots in Co-WIN\'s canonical form, whatever the case', () => {
    expect(checkSlots(['09:00am-11:00AM', '11:00AM-01:00PM', '01:00PM-05:00PM'], hours)).toEqual({
      slots: ['09:00AM-11:00AM', '11:00AM-01:00PM', '01:00PM-05:00PM'], problems: [],
    });
    expect(checkSlots(['12:00PM-12:30PM'], { opensAt: '08:00:00', closesAt: '14:00:00' }).problems).toEqual([]);
  });

  it('names the slot that is malformed, backwards, outside the hours or overlapping', () => {
    expect(checkSlots(['9-11'], hours).problems).toEqual([{ field: 'slots[0]', error: 'slots[0] "9-11" must look like 09:00AM-11:00AM' }]);
    expect(checkSlots(['11:00AM-09:00AM'], hours).problems[0]).toMatchObject({ field: 'slots[0]', error: 'slots[0] must end after it starts' });
    expect(checkSlots(['08:00AM-10:00AM'], hours).problems[0]!.error).toMatch(/inside the centre's opening hours, 09:00AM to 05:00PM/);
    expect(checkSlots(['04:00PM-06:00PM'], hours).problems[0]!.field).toBe('slots[0]');
    expect(checkSlots(['09:00AM-11:00AM', '10:00AM-12:00PM'], hours).problems).toEqual([
      { field: 'slots[1]', error: 'slots[1] must start at or after the end of the slot before it' },
    ]);
  });

  it('wants 1 to 12 slots', () => {
    expect(checkSlots([], hours).problems).toEqual([{ field: 'slots', error: 'slots must list 1 to 12 time slots, e.g. 09:00AM-11:00AM' }]);
  });
});
