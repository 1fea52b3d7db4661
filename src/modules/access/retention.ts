import type { Db } from '../../core/db.js';
import * as checkpointStore from './checkpoint-store.js';
import * as store from './store.js';

/** CERT-In's directions of 28 April 2022 (§ (iv)): logs kept for 180 days, in India. */
export const MIN_AUDIT_RETENTION_DAYS = 180;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface ExpiryReport {
  /** The rows removed: `fromSeq` to `throughSeq`. */
  fromSeq: number;
  throughSeq: number;
  rows: number;
  checkpoints: number;
  /** The seq of the `audit.segment.expired` event that records it. */
  recordedAt: number;
}

export function retentionCutoff(now: Date, retentionDays: number): Date {
  return new Date(now.getTime() - retentionDays * DAY_MS);
}

/**
 * Removes whole segments older than the retention period, from the old end (decision 0013). The
 * newest expired checkpoint stays: its signed head hash is what the oldest row kept links to, so the
 * log remains verifiable without the rows before it. One transaction: the rows, the checkpoints
 * before the anchor, and the `audit.segment.expired` event that says what went, or none of them.
 */
export async function expireSegments(db: Db, now: Date, retentionDays: number): Promise<ExpiryReport | undefined> {
  if (retentionDays < MIN_AUDIT_RETENTION_DAYS) throw new RangeError(`audit retention must be at least ${MIN_AUDIT_RETENTION_DAYS} days`);
  const cutoff = retentionCutoff(now, retentionDays);
  return db.transaction().execute(async (trx) => {
    await checkpointStore.lockExpiry(trx);
    const anchor = await checkpointStore.selectExpiryAnchor(trx, cutoff, await store.selectLastSeq(trx));
    if (!anchor) return undefined;
    const first = await store.selectFirstSeq(trx);
    if (first === undefined || first > anchor.lastSeq) return undefined;
    const rows = await store.deleteEventsThrough(trx, anchor.lastSeq);
    const checkpoints = await checkpointStore.deleteCheckpointsBefore(trx, anchor.firstSeq);
    const event = await store.appendAuditEvent(trx, {
      at: now, type: 'audit.segment.expired', actorKind: 'system', actorId: 'audit-retention', subject: null, purpose: null,
      fields: [], outcome: 'done', ip: null,
      detail: {
        from_seq: first, through_seq: anchor.lastSeq, rows, checkpoints, anchor_head: anchor.headHash,
        retention_days: retentionDays, cutoff: cutoff.toISOString(),
      },
    });
    return { fromSeq: first, throughSeq: anchor.lastSeq, rows, checkpoints, recordedAt: event.seq };
  });
}
