import type { StaffFailure } from '../staff-api.js';

/**
 * What went wrong opening a record or recording a dose, as the page shows it: next to a field, or
 * as a message for the whole visit. Codes come from src/modules/vaccination/errors.ts, the access
 * module (404 when the encounter is not open) and the SMS gateway.
 */
export type VisitNotice =
  | { kind: 'locked' }
  | { kind: 'notToday' }
  | { kind: 'alreadyDone' }
  | { kind: 'notFound' }
  | { kind: 'smsNotSent' }
  | { kind: 'unavailable' }
  | { kind: 'server'; message: string };

export function visitNoticeOf(failure: StaffFailure): VisitNotice | undefined {
  if (failure.kind === 'session-ended' || failure.kind === 'password-change-required') return undefined;
  if (failure.kind === 'unavailable') return { kind: 'unavailable' };
  switch (failure.code) {
    case 'ENCOUNTER_LOCKED': return { kind: 'locked' };
    case 'NOT_TODAY': return { kind: 'notToday' };
    case 'ALREADY_VACCINATED': return { kind: 'alreadyDone' };
    case 'NOT_FOUND': return { kind: 'notFound' };
    case 'SMS_NOT_SENT': return { kind: 'smsNotSent' };
    default: return { kind: 'server', message: failure.message };
  }
}
