import { staffFailureOf, type StaffFailure } from '../staff-api.js';

/**
 * Planning's refusals name their field first ("pincode must be…", "vaccines[1].fee must…",
 * "date, vaccine, min_age_limit: this centre already has…"; src/modules/planning/*-rules.ts), and
 * the schema validator writes "field: …". This reads that name, so the page can put the message
 * next to the field it is about; a sentence that starts otherwise names no field.
 */
export function fieldNamed(message: string): string | undefined {
  return /^([a-z][a-z0-9_]*(?:\[\d+\])?(?:\.[a-z][a-z0-9_]*)?)(?=[\s:,]|$)/.exec(message)?.[1];
}

/** What became of a save: a refusal placed at a field, one for the page as a whole, or nothing to show. */
export type Refusal<F extends string> =
  | { kind: 'field'; field: F; message: string }
  | { kind: 'page'; message: string; code: string }
  | { kind: 'unavailable' }
  | { kind: 'not-found' }
  | { kind: 'session-ended' };

/** Sorts a failed save's error into a `Refusal`; `fieldOf` maps a named server field to the form's own. */
export function refusalOf<F extends string>(error: unknown, fieldOf: (named: string) => F | undefined): Refusal<F> {
  const failure: StaffFailure = staffFailureOf(error);
  if (failure.kind === 'session-ended' || failure.kind === 'password-change-required') return { kind: 'session-ended' };
  if (failure.kind === 'unavailable') return { kind: 'unavailable' };
  if (failure.code === 'NOT_FOUND') return { kind: 'not-found' };
  const named = fieldNamed(failure.message);
  const field = named === undefined ? undefined : fieldOf(named);
  return field === undefined ? { kind: 'page', message: failure.message, code: failure.code } : { kind: 'field', field, message: failure.message };
}
