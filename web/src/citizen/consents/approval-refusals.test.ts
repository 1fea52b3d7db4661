import { describe, expect, it } from 'vitest';
import { refusalOf } from './approval-refusals.js';

const rejected = (code: string, status = 400, retryAfterSeconds?: number) =>
  ({ kind: 'rejected', status, code, message: `server says ${code}`, retryAfterSeconds }) as const;

describe('what a refused approval means for the page', () => {
  it('tells a wrong OTP from a spent one, and the limits on sending one', () => {
    expect(refusalOf(rejected('WRONG_CODE'))).toEqual({ kind: 'otp', problem: 'wrong' });
    expect(refusalOf(rejected('CODE_LOCKED', 429, 60))).toEqual({ kind: 'otp', problem: 'locked' });
    expect(refusalOf(rejected('CODE_EXPIRED'))).toEqual({ kind: 'otp', problem: 'expired' });
    expect(refusalOf(rejected('OTP_TOO_SOON', 429, 42))).toEqual({ kind: 'too-soon', seconds: 42 });
    expect(refusalOf(rejected('OTP_DAILY_LIMIT', 429))).toEqual({ kind: 'daily-limit' });
  });

  it('shows a request answered or gone meanwhile as it now is, and passes on what it does not know', () => {
    expect(refusalOf(rejected('CONSENT_REQUEST_CLOSED', 409))).toEqual({ kind: 'closed' });
    expect(refusalOf(rejected('NOT_FOUND', 404))).toEqual({ kind: 'not-found' });
    expect(refusalOf(rejected('SOMETHING_NEW'))).toEqual({ kind: 'other', message: 'server says SOMETHING_NEW' });
    expect(refusalOf({ kind: 'unavailable' })).toEqual({ kind: 'unavailable' });
    expect(refusalOf({ kind: 'session-ended' })).toEqual({ kind: 'session-ended' });
  });
});
