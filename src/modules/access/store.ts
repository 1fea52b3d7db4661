import { sql } from 'kysely';
import type { Db } from '../../core/db.js';
import { GENESIS_HASH, hashAuditEvent } from './hash-chain.js';
import type { AuditEvent } from './schema.js';

/** One number for the advisory lock that serialises appends to the chain. */
const AUDIT_CHAIN_LOCK = 7336434;

type NewAuditRow = Omit<AuditEvent, 'seq' | 'prevHash' | 'hash'>;

/**
 * Appends one event to the chain. Must run inside a transaction: the advisory lock holds until it
 * commits, so two appends can never both build on the same previous row. Callers append last in
 * their transaction to keep the lock short.
 */
export async function appendAuditEvent(trx: Db, row: NewAuditRow): Promise<AuditEvent> {
  await sql`SELECT pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`.execute(trx);
  const last = await trx.selectFrom('audit_event').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
  const unsealed = { ...row, seq: (last ? Number(last.seq) : 0) + 1, prevHash: last?.hash ?? GENESIS_HASH };
  const event: AuditEvent = { ...unsealed, hash: hashAuditEvent(unsealed) };
  await trx
    .insertInto('audit_event')
    .values({
      seq: event.seq, at: event.at, type: event.type, actor_kind: event.actorKind, actor_id: event.actorId,
      subject: event.subject, purpose: event.purpose, fields: event.fields, outcome: event.outcome, ip: event.ip,
      detail: JSON.stringify(event.detail), prev_hash: event.prevHash, hash: event.hash,
    })
    .execute();
  return event;
}

/**
 * Whether the event with this seq and hash committed. The shared lock waits for a transaction that
 * appended it and is still open; a rolled-back append leaves no row, and its seq may since belong
 * to another event, hence the hash.
 */
export async function isCommitted(db: Db, seq: number, hash: string): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    await sql`SELECT pg_advisory_xact_lock_shared(${AUDIT_CHAIN_LOCK})`.execute(trx);
    const row = await trx.selectFrom('audit_event').select('seq').where('seq', '=', seq).where('hash', '=', hash).executeTakeFirst();
    return row !== undefined;
  });
}

const eventColumns = [
  'seq', 'at', 'type', 'actor_kind', 'actor_id', 'subject', 'purpose', 'fields', 'outcome', 'ip', 'detail', 'prev_hash', 'hash',
] as const;

type EventRow = { [K in (typeof eventColumns)[number]]: unknown };

function toEvent(row: EventRow): AuditEvent {
  return {
    seq: Number(row.seq),
    at: new Date(row.at as Date),
    type: row.type as string,
    actorKind: row.actor_kind as string,
    actorId: row.actor_id as string,
    subject: row.subject as string | null,
    purpose: row.purpose as string | null,
    fields: row.fields as string[],
    outcome: row.outcome as string,
    ip: row.ip as string | null,
    detail: (typeof row.detail === 'string' ? JSON.parse(row.detail) : row.detail) as Record<string, unknown>,
    prevHash: row.prev_hash as string,
    hash: row.hash as string,
  };
}

export async function selectEventsAfter(db: Db, afterSeq: number, limit: number): Promise<AuditEvent[]> {
  const rows = await db.selectFrom('audit_event').select(eventColumns).where('seq', '>', afterSeq).orderBy('seq').limit(limit).execute();
  return rows.map(toEvent);
}

export async function selectEventsAbout(db: Db, subjects: string[], limit: number): Promise<AuditEvent[]> {
  if (subjects.length === 0) return [];
  const rows = await db.selectFrom('audit_event').select(eventColumns).where('subject', 'in', subjects).orderBy('seq', 'desc').limit(limit).execute();
  return rows.map(toEvent);
}

export async function insertEncounterGrant(trx: Db, row: {
  id: string; staff_id: string; facility_id: number; beneficiary_id: string; appointment_id: string | null;
  method: 'security_code' | 'otp'; opened_at: Date; expires_at: Date;
}): Promise<void> {
  await trx.insertInto('encounter_grant').values(row).execute();
}

export async function hasOpenEncounter(db: Db, facilityId: number, beneficiaryId: string, now: Date): Promise<boolean> {
  const row = await db.selectFrom('encounter_grant').select('id')
    .where('facility_id', '=', facilityId).where('beneficiary_id', '=', beneficiaryId).where('expires_at', '>', now)
    .limit(1).executeTakeFirst();
  return row !== undefined;
}

/** Distinct people (other than `except`) this actor was granted for `purpose` since `since`: the budget's count. */
export async function countSubjectsReadSince(db: Db, actorId: string, purpose: string, since: Date, except: string): Promise<number> {
  const row = await db.selectFrom('audit_event')
    .select((eb) => eb.fn.count<number>('subject').distinct().as('n'))
    .where('actor_id', '=', actorId).where('type', '=', 'access.granted').where('purpose', '=', purpose)
    .where('at', '>=', since).where('subject', '<>', except)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** How many rows the log keeps: the verifier's progress total. */
export async function countEvents(db: Db): Promise<number> {
  const row = await db.selectFrom('audit_event').select((eb) => eb.fn.countAll<number>().as('rows')).executeTakeFirstOrThrow();
  return Number(row.rows);
}

/** The newest row's seq (0 for an empty log): one index lookup, cheap enough for every checkpoint run. */
export async function selectLastSeq(db: Db): Promise<number> {
  const row = await db.selectFrom('audit_event').select('seq').orderBy('seq', 'desc').limit(1).executeTakeFirst();
  return row ? Number(row.seq) : 0;
}

/** The oldest row's seq, or undefined for an empty log. */
export async function selectFirstSeq(db: Db): Promise<number | undefined> {
  const row = await db.selectFrom('audit_event').select('seq').orderBy('seq').limit(1).executeTakeFirst();
  return row ? Number(row.seq) : undefined;
}

/** Seq and hashes only, for sealing a segment: what its Merkle root and head are made of. */
export async function selectChainLinks(db: Db, afterSeq: number, throughSeq: number, limit: number): Promise<{ seq: number; prevHash: string; hash: string }[]> {
  const rows = await db.selectFrom('audit_event').select(['seq', 'prev_hash', 'hash'])
    .where('seq', '>', afterSeq).where('seq', '<=', throughSeq).orderBy('seq').limit(limit).execute();
  return rows.map((row) => ({ seq: Number(row.seq), prevHash: row.prev_hash, hash: row.hash }));
}

/** Removes the rows of expired segments (decision 0013); the caller holds the checkpoint lock. */
export async function deleteEventsThrough(trx: Db, seq: number): Promise<number> {
  const result = await trx.deleteFrom('audit_event').where('seq', '<=', seq).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Everything one actor did since a time, oldest first, in pages: the breach report's raw material. */
export async function selectEventsBy(db: Db, actorId: string, since: Date | undefined, afterSeq: number, limit: number): Promise<AuditEvent[]> {
  const rows = await db.selectFrom('audit_event').select(eventColumns)
    .where('actor_id', '=', actorId).where('seq', '>', afterSeq)
    .$if(since !== undefined, (q) => q.where('at', '>=', since!))
    .orderBy('seq').limit(limit).execute();
  return rows.map(toEvent);
}
