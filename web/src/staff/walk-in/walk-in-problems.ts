import { memberFieldOf, type FieldProblem, type MemberField } from '../../citizen/field-errors.js';
import { triesLeftIn } from '../centre/centre-words.js';
import type { StaffFailure } from '../staff-api.js';

/**
 * Where each of the server's refusals of a walk-in shows: next to the field it names, or as a
 * message for the whole step. Codes come from src/modules/vaccination/walk-in*.ts, the identity
 * module's OTP limits and citizen registration's field checks (decision 0010: same rules, same codes).
 */
export type MobileProblem =
  | { kind: 'missing' }
  | { kind: 'format' }
  | { kind: 'tooSoon'; seconds: number }
  | { kind: 'dailyLimit' };

export type SendProblem =
  | { kind: 'mobile'; problem: MobileProblem }
  | { kind: 'staffLimit' }
  | { kind: 'smsNotSent' }
  | { kind: 'unavailable' }
  | { kind: 'server'; message: string };

/** Why the code in hand cannot register anyone any more: a new one must be sent. */
export type CodeGone = 'expired' | 'locked' | 'used' | 'accountFull' | 'requestGone';

export type SessionProblem = 'missing' | 'full' | 'age';

export type OtpProblem = { kind: 'missing' } | { kind: 'format' } | { kind: 'wrong'; triesLeft: number | undefined; message: string };

export type RegisterProblem =
  | { kind: 'member'; field: MemberField; problem: FieldProblem }
  | { kind: 'alreadyRegistered' }
  | { kind: 'otp'; problem: OtpProblem }
  | { kind: 'codeGone'; reason: CodeGone }
  | { kind: 'session'; problem: SessionProblem }
  | { kind: 'unavailable' }
  | { kind: 'server'; message: string };

/** A refusal of step 1; undefined when the session has ended (the console is already on its sign-in page). */
export function sendProblemOf(failure: StaffFailure): SendProblem | undefined {
  if (failure.kind === 'session-ended' || failure.kind === 'password-change-required') return undefined;
  if (failure.kind === 'unavailable') return { kind: 'unavailable' };
  switch (failure.code) {
    case 'USRAUT0010': return { kind: 'mobile', problem: { kind: 'missing' } };
    case 'OTP_TOO_SOON': return { kind: 'mobile', problem: { kind: 'tooSoon', seconds: failure.retryAfterSeconds ?? 60 } };
    case 'OTP_DAILY_LIMIT': return { kind: 'mobile', problem: { kind: 'dailyLimit' } };
    case 'STAFF_OTP_LIMIT': return { kind: 'staffLimit' };
    case 'SMS_NOT_SENT': return { kind: 'smsNotSent' };
    default:
      if (failure.code === 'INVALID_INPUT' && /^mobile\b/.test(failure.message)) return { kind: 'mobile', problem: { kind: 'format' } };
      return { kind: 'server', message: failure.message };
  }
}

/** A refusal of step 2; undefined when the session has ended. */
export function registerProblemOf(failure: StaffFailure): RegisterProblem | undefined {
  if (failure.kind === 'session-ended' || failure.kind === 'password-change-required') return undefined;
  if (failure.kind === 'unavailable') return { kind: 'unavailable' };
  const field = memberFieldOf(failure.code);
  if (field) return { kind: 'member', field, problem: { code: failure.code, fallback: failure.message } };
  switch (failure.code) {
    case 'ALREADY_REGISTERED': return { kind: 'alreadyRegistered' };
    case 'WRONG_CODE': return { kind: 'otp', problem: { kind: 'wrong', triesLeft: triesLeftIn(failure.message), message: failure.message } };
    case 'CODE_EXPIRED': return { kind: 'codeGone', reason: 'expired' };
    case 'CODE_LOCKED': return { kind: 'codeGone', reason: 'locked' };
    case 'ACCOUNT_FULL': return { kind: 'codeGone', reason: 'accountFull' };
    // The token is this staff member's, at this centre, or it is "not found": nothing more to try with it.
    case 'NOT_FOUND': return { kind: 'codeGone', reason: 'requestGone' };
    case 'WALK_INS_FULL': return { kind: 'session', problem: 'full' };
    case 'NOT_ELIGIBLE': return { kind: 'session', problem: 'age' };
    default:
      if (failure.code === 'INVALID_INPUT' && failure.message.startsWith('session_id')) return { kind: 'session', problem: 'missing' };
      if (failure.code === 'INVALID_INPUT' && failure.message.startsWith('otp')) return { kind: 'otp', problem: { kind: 'format' } };
      return { kind: 'server', message: failure.message };
  }
}

/** The age a session takes, against the year of birth typed in: the server checks it again. */
export function fitsSession(session: { min_age_limit: number; max_age_limit: number | null }, birthYear: number, currentYear: number): boolean {
  const age = currentYear - birthYear;
  return age >= session.min_age_limit && (session.max_age_limit === null || age <= session.max_age_limit);
}
