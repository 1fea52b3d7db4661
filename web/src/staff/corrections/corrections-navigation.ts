import type { CorrectionField } from './corrections-api.js';

/** What the review page is told by the queue's link: the reviewer has just read that opening is recorded. */
export interface ReviewPageState {
  acknowledged: true;
}

/** What the queue shows, once, on returning from a request. */
export type QueueNotice =
  | { kind: 'approved'; field: CorrectionField; certificates: number }
  | { kind: 'rejected'; field: CorrectionField }
  | { kind: 'decided' }
  | { kind: 'not-found' };

export interface QueuePageState {
  notice: QueueNotice;
}

export const queuePath = '/staff/corrections';
