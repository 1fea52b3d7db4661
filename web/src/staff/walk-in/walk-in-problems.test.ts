import { describe, expect, it } from 'vitest';
import type { StaffFailure } from '../staff-api.js';
import { fitsSession, registerProblemOf, sendProblemOf } from './walk-in-problems.js';

const rejected = (code: string, message = 'x', status = 400, retryAfterSeconds?: number): StaffFailure =>
  ({ kind: 'rejected', status, code, message, retryAfterSeconds });

describe('where a refused walk-in code request shows', () => {
  it('puts the mobile\'s own problems next to the mobile field', () => {
    expect(sendProblemOf(rejected('INVALID_INPUT', 'mobile must be a 10-digit Indian mobile number'))).toEqual({ kind: 'mobile', problem: { kind: 'format' } });
    expect(sendProblemOf(rejected('USRAUT0010'))).toEqual({ kind: 'mobile', problem: { kind: 'missing' } });
    expect(sendProblemOf(rejected('OTP_TOO_SOON', 'wait', 429, 42))).toEqual({ kind: 'mobile', problem: { kind: 'tooSoon', seconds: 42 } });
    expect(sendProblemOf(rejected('OTP_DAILY_LIMIT', 'x', 429))).toEqual({ kind: 'mobile', problem: { kind: 'dailyLimit' } });
  });

  it('says the rest for the whole step, and nothing once the session has ended', () => {
    expect(sendProblemOf(rejected('STAFF_OTP_LIMIT', 'x', 429))).toEqual({ kind: 'staffLimit' });
    expect(sendProblemOf(rejected('SMS_NOT_SENT', 'x', 503))).toEqual({ kind: 'smsNotSent' });
    expect(sendProblemOf({ kind: 'unavailable' })).toEqual({ kind: 'unavailable' });
    expect(sendProblemOf(rejected('SOMETHING_NEW', 'Server words'))).toEqual({ kind: 'server', message: 'Server words' });
    expect(sendProblemOf({ kind: 'session-ended' })).toBeUndefined();
  });
});

describe('where a refused walk-in registration shows', () => {
  it('puts citizen registration\'s field errors next to the field their code names', () => {
    expect(registerProblemOf(rejected('NAME_DIGITS', 'Name cannot contain digits'))).toEqual({
      kind: 'member', field: 'name', problem: { code: 'NAME_DIGITS', fallback: 'Name cannot contain digits' },
    });
    expect(registerProblemOf(rejected('PHOTO_ID_TYPE_AGE'))).toMatchObject({ kind: 'member', field: 'photo_id_type' });
    expect(registerProblemOf(rejected('AADHAAR_LENGTH'))).toMatchObject({ kind: 'member', field: 'photo_id_number' });
  });

  it('reads the tries left from a wrong code, and ends the code when it cannot be used again', () => {
    expect(registerProblemOf(rejected('WRONG_CODE', 'That code does not match. 2 tries left; ask the person to read the SMS again.')))
      .toMatchObject({ kind: 'otp', problem: { kind: 'wrong', triesLeft: 2 } });
    expect(registerProblemOf(rejected('CODE_EXPIRED'))).toEqual({ kind: 'codeGone', reason: 'expired' });
    expect(registerProblemOf(rejected('CODE_LOCKED', 'x', 429))).toEqual({ kind: 'codeGone', reason: 'locked' });
    expect(registerProblemOf(rejected('ACCOUNT_FULL', 'x', 409))).toEqual({ kind: 'codeGone', reason: 'accountFull' });
    expect(registerProblemOf(rejected('NOT_FOUND', 'x', 404))).toEqual({ kind: 'codeGone', reason: 'requestGone' });
    expect(registerProblemOf(rejected('ALREADY_REGISTERED', 'x', 409))).toEqual({ kind: 'alreadyRegistered' });
  });

  it('puts full and age-bound sessions next to the session choice', () => {
    expect(registerProblemOf(rejected('WALK_INS_FULL', 'x', 409))).toEqual({ kind: 'session', problem: 'full' });
    expect(registerProblemOf(rejected('NOT_ELIGIBLE', 'x', 409))).toEqual({ kind: 'session', problem: 'age' });
    expect(registerProblemOf(rejected('INVALID_INPUT', 'session_id: must match format "uuid"'))).toEqual({ kind: 'session', problem: 'missing' });
  });
});

describe('whether a person fits a session', () => {
  it('counts their age this year against the session\'s limits', () => {
    expect(fitsSession({ min_age_limit: 18, max_age_limit: null }, 2000, 2026)).toBe(true);
    expect(fitsSession({ min_age_limit: 18, max_age_limit: null }, 2010, 2026)).toBe(false);
    expect(fitsSession({ min_age_limit: 18, max_age_limit: 44 }, 1980, 2026)).toBe(false);
    expect(fitsSession({ min_age_limit: 18, max_age_limit: 44 }, 1982, 2026)).toBe(true);
  });
});
