import { describe, expect, it } from 'vitest';
import { slotsFor } from './sessions.js';

describe('slotsFor', () => {
  it('reproduces the real capture\'s slots for a 09:30-16:00 centre', () => {
    expect(slotsFor('09:30:00', '16:00:00')).toEqual(['09:30AM-10:30AM', '10:30AM-11:30AM', '11:30AM-12:30PM', '12:30PM-04:00PM']);
  });

  it('writes noon as 12 PM and stops at closing time', () => {
    expect(slotsFor('11:00:00', '13:30:00')).toEqual(['11:00AM-12:00PM', '12:00PM-01:00PM', '01:00PM-01:30PM']);
  });
});
