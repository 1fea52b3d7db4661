import { sql } from 'kysely';
import type { Db } from '../../core/db.js';
import type { AuditCheckpointTable } from '../../core/db-tables.js';
import type { Checkpoint } from './checkpoints.js';

/** Serialises expiry runs across instances; checkpoint writes need no lock (see insertCheckpoint). */
const AUDIT_EXPIRY_LOCK = 7336435;

const toCheckpoint = (row: AuditCheckpointTable): Checkpoint => ({
  firstSeq: Number(row.first_seq),
  lastSeq: Number(row.last_seq),
  prevHead: row.prev_head,
  headHash: row.head_hash,
  merkleRoot: row.merkle_root,
  signedAt: new Date(row.signed_at),
  kid: row.kid,
  jws: row.jws,
});

const columns = ['first_seq', 'last_seq', 'prev_head', 'head_hash', 'merkle_root', 'signed_at', 'kid', 'jws'] as const;

export async function selectLatestCheckpoint(db: Db): Promise<Checkpoint | undefined> {
  const row = await db.selectFrom('audit_checkpoint').select(columns).orderBy('first_seq', 'desc').limit(1).executeTakeFirst();
  return row && toCheckpoint(row);
}

/** Checkpoints in order, a page at a time: those ending after `afterLastSeq`. */
export async function selectCheckpointsEndingAfter(db: Db, afterLastSeq: number, limit: number): Promise<Checkpoint[]> {
  const rows = await db.selectFrom('audit_checkpoint').select(columns).where('last_seq', '>', afterLastSeq).orderBy('first_seq').limit(limit).execute();
  return rows.map(toCheckpoint);
}

/** When the newest checkpoint signed by this key was signed (a key being retired: see AuditLog.sealRotation). */
export async function selectLastSignedAt(db: Db, kid: string): Promise<Date | undefined> {
  const row = await db.selectFrom('audit_checkpoint').select(sql<Date | null>`max(signed_at)`.as('at')).where('kid', '=', kid).executeTakeFirst();
  return row?.at ? new Date(row.at) : undefined;
}

/**
 * Writes a checkpoint unless another instance sealed a segment starting at the same row first: the
 * primary key on first_seq decides, so instances race harmlessly and the chain of checkpoints
 * never forks. True when this one was written.
 */
export async function insertCheckpoint(db: Db, cp: Checkpoint): Promise<boolean> {
  const result = await db.insertInto('audit_checkpoint').values({
    first_seq: cp.firstSeq, last_seq: cp.lastSeq, prev_head: cp.prevHead, head_hash: cp.headHash,
    merkle_root: cp.merkleRoot, signed_at: cp.signedAt, kid: cp.kid, jws: cp.jws,
  }).onConflict((oc) => oc.doNothing()).executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function lockExpiry(trx: Db): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(${AUDIT_EXPIRY_LOCK})`.execute(trx);
}

/**
 * The newest checkpoint that may expire: signed before `cutoff`, with every checkpoint before it
 * signed before `cutoff` too, so expiry only ever takes whole segments from the old end. It must
 * end before `lastSeq`, the newest row: one row always stays to carry the chain on.
 */
export async function selectExpiryAnchor(db: Db, cutoff: Date, lastSeq: number): Promise<Checkpoint | undefined> {
  const row = await db.selectFrom('audit_checkpoint').select(columns)
    .where('signed_at', '<', cutoff).where('last_seq', '<', lastSeq)
    .where('first_seq', '<', (eb) => eb.selectFrom('audit_checkpoint as later')
      .select(sql<number>`coalesce(min(later.first_seq), ${Number.MAX_SAFE_INTEGER})`.as('first'))
      .where('later.signed_at', '>=', cutoff))
    .orderBy('first_seq', 'desc').limit(1).executeTakeFirst();
  return row && toCheckpoint(row);
}

/** Drops the checkpoints before the anchor; the anchor stays, its signed head linking the rows kept. */
export async function deleteCheckpointsBefore(trx: Db, anchorFirstSeq: number): Promise<number> {
  const result = await trx.deleteFrom('audit_checkpoint').where('first_seq', '<', anchorFirstSeq).executeTakeFirst();
  return Number(result.numDeletedRows);
}
