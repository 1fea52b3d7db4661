import { describe, expect, it } from 'vitest';
import { newPasswordProblem, problemOfServerReason } from './password-rules.js';

describe('a new staff password', () => {
  it('is accepted when long enough, without the username and not the old one', () => {
    expect(newPasswordProblem('vaccinator.1', 'river mango seventeen lamp', 'k7mq2-xw9dr-abcde-fghjk')).toBeUndefined();
  });

  it('is refused for the reasons the server gives', () => {
    expect(newPasswordProblem('asha', '', 'old')).toBe('nextMissing');
    expect(newPasswordProblem('asha', 'short pass', 'old')).toBe('tooShort');
    expect(newPasswordProblem('asha', 'x'.repeat(257), 'old')).toBe('tooLong');
    expect(newPasswordProblem('asha', 'my name is ASHA really', 'old')).toBe('containsUsername');
    expect(newPasswordProblem('asha', 'the same long password', 'the same long password')).toBe('sameAsCurrent');
  });

  it('matches the server\'s sentences to their translations', () => {
    expect(problemOfServerReason('The new password must not contain your username.')).toBe('containsUsername');
    expect(problemOfServerReason('Something new the server says.')).toBeUndefined();
  });
});
