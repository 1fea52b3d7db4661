import type { Db } from '../../core/db.js';
import type { BeneficiaryTable } from '../../core/db-tables.js';
import type { Ticket } from '../access/schema.js';

/** Columns that are safe to read without a ticket: ids, masked forms and the plain fields DESIGN.md §5 allows. */
const summaryColumns = [
  'id', 'account_id', 'reference_id', 'birth_year', 'gender_id', 'photo_id_type', 'photo_id_masked', 'comorbidity', 'created_at',
] as const;

export type BeneficiaryRow = Pick<BeneficiaryTable, (typeof summaryColumns)[number]>;

/** Locks the account row, so that two registrations at once cannot both pass the members limit. */
export async function lockAccount(trx: Db, accountId: string): Promise<boolean> {
  const row = await trx.selectFrom('account').select('id').where('id', '=', accountId).forUpdate().executeTakeFirst();
  return row !== undefined;
}

export async function countMembers(db: Db, accountId: string): Promise<number> {
  const row = await db.selectFrom('beneficiary').select((eb) => eb.fn.countAll<number>().as('n')).where('account_id', '=', accountId).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** False when the ID document is already registered (to anyone: the caller must not say whom). */
export async function claimPhotoId(trx: Db, photoIdBidx: string, beneficiaryId: string): Promise<boolean> {
  const inserted = await trx
    .insertInto('photo_id_claim')
    .values({ photo_id_bidx: photoIdBidx, beneficiary_id: beneficiaryId })
    .onConflict((oc) => oc.column('photo_id_bidx').doNothing())
    .returning('photo_id_bidx')
    .executeTakeFirst();
  return inserted !== undefined;
}

export async function insertBeneficiary(trx: Db, row: BeneficiaryTable): Promise<void> {
  await trx.insertInto('beneficiary').values(row).execute();
}

export function selectMembers(db: Db, accountId: string): Promise<BeneficiaryRow[]> {
  return db.selectFrom('beneficiary').select(summaryColumns).where('account_id', '=', accountId).orderBy('created_at').orderBy('id').execute();
}

export function selectByReference(db: Db, accountId: string, referenceId: string): Promise<BeneficiaryRow | undefined> {
  return db
    .selectFrom('beneficiary')
    .select(summaryColumns)
    .where('account_id', '=', accountId)
    .where('reference_id', '=', referenceId)
    .executeTakeFirst();
}

export function selectById(db: Db, id: string): Promise<BeneficiaryRow | undefined> {
  return db.selectFrom('beneficiary').select(summaryColumns).where('id', '=', id).executeTakeFirst();
}

/** Several members by id in one query, without personal data: a centre's roster. */
export function selectByIds(db: Db, ids: readonly string[]): Promise<BeneficiaryRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('beneficiary').select(summaryColumns).where('id', 'in', [...new Set(ids)]).execute();
}

export async function selectOwner(db: Db, beneficiaryId: string): Promise<string | undefined> {
  const row = await db.selectFrom('beneficiary').select('account_id').where('id', '=', beneficiaryId).executeTakeFirst();
  return row?.account_id;
}

/** Encrypted personal fields of the ticket's subject; the service decrypts them. */
export function selectPersonal(db: Db, ticket: Ticket) {
  return db
    .selectFrom('beneficiary')
    .select(['id', 'name_enc', 'photo_id_enc'])
    .where('id', '=', ticket.subject.id)
    .where('account_id', '=', ticket.accountId)
    .executeTakeFirst();
}

/** Encrypted personal fields of every ticket's subject in one query, each still scoped to its ticket's account. */
export function selectPersonalOfMany(db: Db, tickets: readonly Ticket[]) {
  if (tickets.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('beneficiary')
    .select(['id', 'account_id', 'name_enc', 'photo_id_enc'])
    .where(({ eb, refTuple, tuple }) => eb(refTuple('id', 'account_id'), 'in', tickets.map((t) => tuple(t.subject.id, t.accountId))))
    .execute();
}

export async function hasDoseRecord(db: Db, beneficiaryId: string): Promise<boolean> {
  const row = await db.selectFrom('dose_record').select('id').where('beneficiary_id', '=', beneficiaryId).limit(1).executeTakeFirst();
  return row !== undefined;
}

/** Deletes the member and, by cascade, their ID claim, appointments and correction requests. */
export async function deleteBeneficiary(trx: Db, id: string, accountId: string): Promise<boolean> {
  const result = await trx.deleteFrom('beneficiary').where('id', '=', id).where('account_id', '=', accountId).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export async function insertCorrectionRequest(trx: Db, row: {
  id: string; account_id: string; beneficiary_id: string; field: 'name' | 'birth_year' | 'gender' | 'photo_id';
  requested_value_enc: string; reason_enc: string; created_at: Date; facility_id: number | null; district_id: number | null;
}): Promise<void> {
  await trx.insertInto('correction_request').values(row).execute();
}

export function selectCorrectionRequests(db: Db, accountId: string) {
  return db
    .selectFrom('correction_request')
    .innerJoin('beneficiary', 'beneficiary.id', 'correction_request.beneficiary_id')
    .select([
      'correction_request.id', 'correction_request.beneficiary_id', 'beneficiary.reference_id', 'correction_request.field',
      'correction_request.reason', 'correction_request.reason_enc', 'correction_request.status', 'correction_request.created_at',
      'correction_request.reviewed_at', 'correction_request.rejection_reason_enc',
    ])
    .where('correction_request.account_id', '=', accountId)
    .orderBy('correction_request.created_at', 'desc')
    .execute();
}
