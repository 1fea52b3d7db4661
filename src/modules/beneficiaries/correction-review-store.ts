import type { Db } from '../../core/db.js';
import type { BeneficiaryTable } from '../../core/db-tables.js';

/** What a queue shows: no value, no reason, nothing about the person. */
const queueColumns = ['id', 'field', 'created_at', 'facility_id', 'district_id'] as const;

const requestColumns = [
  'id', 'account_id', 'beneficiary_id', 'field', 'requested_value_enc', 'reason', 'reason_enc', 'status', 'created_at', 'facility_id', 'district_id',
] as const;

/** Which open requests a queue holds: every one (national admins) or those of some districts. */
export type QueueFilter = { kind: 'all' } | { kind: 'districts'; districtIds: readonly number[] };

function openIn(db: Db, filter: QueueFilter) {
  const open = db.selectFrom('correction_request').where('status', '=', 'open');
  return filter.kind === 'all' ? open : open.where('district_id', 'in', [...filter.districtIds]);
}

/** The oldest open requests first: a queue is worked from its head. */
export function selectOpenQueue(db: Db, filter: QueueFilter, limit: number) {
  if (filter.kind === 'districts' && filter.districtIds.length === 0) return Promise.resolve([]);
  return openIn(db, filter).select(queueColumns).orderBy('created_at').orderBy('id').limit(limit).execute();
}

export async function countOpenQueue(db: Db, filter: QueueFilter): Promise<number> {
  if (filter.kind === 'districts' && filter.districtIds.length === 0) return 0;
  const row = await openIn(db, filter).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

export function selectRequest(db: Db, id: string) {
  return db.selectFrom('correction_request').select(requestColumns).where('id', '=', id).executeTakeFirst();
}

/** The request, locked until the deciding transaction ends, so two reviewers cannot both decide it. */
export function lockRequest(trx: Db, id: string) {
  return trx.selectFrom('correction_request').select(requestColumns).where('id', '=', id).forUpdate().executeTakeFirst();
}

/** For the access module's review grant: the open requests about one person. */
export function selectOpenRequestsAbout(db: Db, beneficiaryId: string) {
  return db.selectFrom('correction_request').select(['field', 'district_id'])
    .where('beneficiary_id', '=', beneficiaryId).where('status', '=', 'open').execute();
}

export async function markDecided(trx: Db, id: string, decision: {
  status: 'accepted' | 'rejected'; reviewedBy: string; reviewedAt: Date; rejectionReasonEnc: string | null;
}): Promise<boolean> {
  const result = await trx.updateTable('correction_request')
    .set({ status: decision.status, reviewed_by: decision.reviewedBy, reviewed_at: decision.reviewedAt, rejection_reason_enc: decision.rejectionReasonEnc })
    .where('id', '=', id).where('status', '=', 'open')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export type CorrectedColumns = Partial<Pick<BeneficiaryTable, 'name_enc' | 'birth_year' | 'gender_id' | 'photo_id_enc' | 'photo_id_masked'>>;

export async function updateBeneficiary(trx: Db, id: string, values: CorrectedColumns): Promise<void> {
  await trx.updateTable('beneficiary').set(values).where('id', '=', id).execute();
}

/** Gives up the person's claim on their old ID document, inside the transaction that claims the new one. */
export async function releasePhotoIdClaim(trx: Db, beneficiaryId: string): Promise<void> {
  await trx.deleteFrom('photo_id_claim').where('beneficiary_id', '=', beneficiaryId).execute();
}

/** Requests whose reason predates its encryption (migration 0013), a batch at a time. */
export function selectPlainReasons(db: Db, limit: number) {
  return db.selectFrom('correction_request').select(['id', 'reason']).where('reason', 'is not', null).limit(limit).execute();
}

export async function sealReason(db: Db, id: string, reasonEnc: string): Promise<void> {
  await db.updateTable('correction_request').set({ reason: null, reason_enc: reasonEnc }).where('id', '=', id).where('reason', 'is not', null).execute();
}
