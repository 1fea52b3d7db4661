import type { CitizenFailure } from '../citizen-api.js';

/**
 * What a refused OTP, approval or decline means for the page. The codes are the partners
 * module's (src/modules/partners/errors.ts) and the OTP limits' (src/modules/identity/errors.ts).
 */
export type Refusal =
  | { kind: 'session-ended' }
  | { kind: 'unavailable' }
  /** The request was answered meanwhile (here, on another device) or has lapsed: show it as it is now. */
  | { kind: 'closed' }
  /** Not found: the request is gone, or (approving) the chosen person is no longer on the account; a reload tells which. */
  | { kind: 'not-found' }
  | { kind: 'otp'; problem: 'wrong' | 'locked' | 'expired' }
  | { kind: 'too-soon'; seconds: number }
  | { kind: 'daily-limit' }
  | { kind: 'other'; message: string };

export function refusalOf(failure: CitizenFailure): Refusal {
  if (failure.kind !== 'rejected') return failure.kind === 'session-ended' ? { kind: 'session-ended' } : { kind: 'unavailable' };
  switch (failure.code) {
    case 'WRONG_CODE': return { kind: 'otp', problem: 'wrong' };
    case 'CODE_LOCKED': return { kind: 'otp', problem: 'locked' };
    case 'CODE_EXPIRED': return { kind: 'otp', problem: 'expired' };
    case 'OTP_TOO_SOON': return { kind: 'too-soon', seconds: failure.retryAfterSeconds ?? 60 };
    case 'OTP_DAILY_LIMIT': return { kind: 'daily-limit' };
    case 'CONSENT_REQUEST_CLOSED': return { kind: 'closed' };
    case 'NOT_FOUND': return { kind: 'not-found' };
    default: return { kind: 'other', message: failure.message };
  }
}
