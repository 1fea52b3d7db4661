import { describe, expect, it } from 'vitest';
import { triesLeftIn } from './centre-words.js';

describe('the tries left after a wrong code', () => {
  it('are read from the server\'s sentence (src/modules/vaccination/errors.ts)', () => {
    expect(triesLeftIn('That code does not match this appointment. 2 tries left; or send an OTP to the citizen\'s mobile instead.')).toBe(2);
    expect(triesLeftIn('That code does not match this appointment. 1 try left; or send an OTP to the citizen\'s mobile instead.')).toBe(1);
  });

  it('are unknown when the sentence does not say', () => {
    expect(triesLeftIn('Wrong code.')).toBeUndefined();
  });
});
