import { describe, expect, it } from 'vitest';
import { slotForWalkIn } from './walk-in-booking.js';

const slots = ['09:00AM-10:00AM', '10:00AM-11:00AM', '11:00AM-12:00PM', '12:00PM-05:00PM'];
/** An instant at `hhmm` India time on an ordinary day. */
const at = (hhmm: string) => new Date(`2024-03-05T${hhmm}:00+05:30`);

describe('the slot a walk-in gets', () => {
  it('is the one running now, India time', () => {
    expect(slotForWalkIn(slots, at('10:30'))).toBe('10:00AM-11:00AM');
    expect(slotForWalkIn(slots, at('12:00'))).toBe('12:00PM-05:00PM');
    expect(slotForWalkIn(slots, at('16:59'))).toBe('12:00PM-05:00PM');
  });

  it('is the next to start before opening, and the last after closing', () => {
    expect(slotForWalkIn(slots, at('07:45'))).toBe('09:00AM-10:00AM');
    expect(slotForWalkIn(slots, at('18:00'))).toBe('12:00PM-05:00PM');
  });

  it('is the first when no label can be read', () => {
    expect(slotForWalkIn(['morning', 'afternoon'], at('15:00'))).toBe('morning');
  });
});
