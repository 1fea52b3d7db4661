import { describe, expect, it } from 'vitest';
import { fieldNamed } from './field-refusal.js';

describe('the field a planning refusal names', () => {
  it('is the name the server\'s message starts with', () => {
    expect(fieldNamed('pincode 110001 is not a PIN code of Mumbai; check the PIN code or the district')).toBe('pincode');
    expect(fieldNamed('vaccines[1].fee must be the fee in rupees for COVAXIN at a Paid centre')).toBe('vaccines[1].fee');
    expect(fieldNamed('vaccines must list 1 to 10 vaccines the centre gives')).toBe('vaccines');
    expect(fieldNamed('date, vaccine, min_age_limit: this centre already has a COVAXIN session')).toBe('date');
    expect(fieldNamed('min_age_limit and max_age_limit: COVAXIN is given to ages 18 and above')).toBe('min_age_limit');
    expect(fieldNamed('slots[2] must lie inside the centre\'s opening hours, 09:00AM to 05:00PM')).toBe('slots[2]');
    expect(fieldNamed('eu_dcc.vp must be the EU DCC value-set code')).toBe('eu_dcc.vp');
    expect(fieldNamed('capacity_dose1 cannot go below the 3 doses already booked.')).toBe('capacity_dose1');
  });

  it('is nothing for a sentence about the whole request', () => {
    expect(fieldNamed('This session has 2 bookings, so it cannot be deleted.')).toBeUndefined();
    expect(fieldNamed('Someone moved this centre to another district just now')).toBeUndefined();
  });
});
