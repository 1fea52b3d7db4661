import type { DecisionView, QueueEntryView, QueueView, ReviewView } from '../../../../src/modules/beneficiaries/correction-review-schema.js';
import { staffGet, staffPost } from '../staff-api.js';

/**
 * The correction-request queue (src/modules/beneficiaries/correction-review-routes.ts, decision
 * 0011). The queue names no one; `openRequest` is the one call that reads personal data, and the
 * server records it where the citizen sees it.
 */
export type QueueEntry = QueueEntryView;
export type Queue = QueueView;
export type RequestUnderReview = ReviewView;
export type Decision = DecisionView;
export type CorrectionField = QueueEntry['field'];

/** The roles whose queue the server keeps (correction-review-jurisdiction.ts `reviewRoles`). */
export const reviewerRoles = ['district_admin', 'state_admin', 'national_admin'] as const;

/** People a reviewer may open a day (CORRECTION_REVIEWS_PER_DAY on the server; kept in step by hand). */
export const dailyOpenLimit = 100;

const base = '/api/staff/corrections';
const pathOf = (id: string) => `${base}/${encodeURIComponent(id)}`;

export function fetchQueue(signal?: AbortSignal): Promise<Queue> {
  return staffGet(base, signal);
}

/** A recorded read of one field's current and requested values, counted against the reviewer's daily limit. */
export function openRequest(id: string, signal?: AbortSignal): Promise<RequestUnderReview> {
  return staffGet(pathOf(id), signal);
}

export function acceptRequest(id: string): Promise<Decision> {
  return staffPost(`${pathOf(id)}/accept`);
}

/** `reason` is shown to the citizen as it is written. */
export function rejectRequest(id: string, reason: string): Promise<Decision> {
  return staffPost(`${pathOf(id)}/reject`, { reason });
}
