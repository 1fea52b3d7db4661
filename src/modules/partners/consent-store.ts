import type { Insertable, Selectable } from 'kysely';
import type { Db } from '../../core/db.js';
import type { ConsentRequestTable, ConsentTable } from '../../core/db-tables.js';

export type ConsentRequestRow = Selectable<ConsentRequestTable>;
export type ConsentRow = Selectable<ConsentTable>;

export async function insertConsentRequest(trx: Db, row: Insertable<ConsentRequestTable>): Promise<void> {
  await trx.insertInto('consent_request').values(row).execute();
}

export function selectConsentRequest(db: Db, id: string): Promise<ConsentRequestRow | undefined> {
  return db.selectFrom('consent_request').selectAll().where('id', '=', id).executeTakeFirst();
}

export function selectConsentRequestForUpdate(trx: Db, id: string): Promise<ConsentRequestRow | undefined> {
  return trx.selectFrom('consent_request').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function decideConsentRequest(trx: Db, id: string, status: 'approved' | 'declined', accountId: string, at: Date): Promise<void> {
  await trx.updateTable('consent_request').set({ status, account_id: accountId, decided_at: at })
    .where('id', '=', id).where('status', '=', 'requested').execute();
}

export async function insertConsent(trx: Db, row: ConsentTable): Promise<void> {
  await trx.insertInto('consent').values(row).execute();
}

export function selectConsentOfRequest(db: Db, requestId: string): Promise<ConsentRow | undefined> {
  return db.selectFrom('consent').selectAll().where('request_id', '=', requestId).executeTakeFirst();
}

export function selectConsentsOfAccount(db: Db, accountId: string): Promise<ConsentRow[]> {
  return db.selectFrom('consent').selectAll().where('account_id', '=', accountId).orderBy('granted_at', 'desc').orderBy('id').execute();
}

export function selectOwnConsentForUpdate(trx: Db, id: string, accountId: string): Promise<ConsentRow | undefined> {
  return trx.selectFrom('consent').selectAll().where('id', '=', id).where('account_id', '=', accountId).forUpdate().executeTakeFirst();
}

export async function revokeConsent(trx: Db, id: string, at: Date): Promise<void> {
  await trx.updateTable('consent').set({ revoked_at: at }).where('id', '=', id).where('revoked_at', 'is', null).execute();
}

/**
 * A partner's consents that are live now (not revoked, not expired) for one subject handle, with the
 * partner itself not disabled: what a partner's read of that subject may stand on.
 */
export function selectLiveConsentsByHandle(db: Db, partnerId: string, handle: string, now: Date): Promise<ConsentRow[]> {
  return db.selectFrom('consent').innerJoin('partner', 'partner.id', 'consent.partner_id').selectAll('consent')
    .where('consent.partner_id', '=', partnerId).where('consent.subject_handle', '=', handle)
    .where('consent.revoked_at', 'is', null).where('consent.expires_at', '>', now).where('partner.disabled_at', 'is', null)
    .orderBy('consent.granted_at', 'desc').execute();
}

/** The same, found by the person: the access module's consent lookup. */
export function selectLiveConsentsOfBeneficiary(db: Db, partnerId: string, beneficiaryId: string, now: Date) {
  return db.selectFrom('consent').innerJoin('partner', 'partner.id', 'consent.partner_id').select(['consent.id', 'consent.data'])
    .where('consent.partner_id', '=', partnerId).where('consent.beneficiary_id', '=', beneficiaryId)
    .where('consent.revoked_at', 'is', null).where('consent.expires_at', '>', now).where('partner.disabled_at', 'is', null)
    .execute();
}

export async function touchConsent(trx: Db, id: string, at: Date): Promise<void> {
  await trx.updateTable('consent').set({ last_used_at: at }).where('id', '=', id).execute();
}

export async function insertConsentOtp(trx: Db, row: { otp_transaction_id: string; consent_request_id: string; account_id: string }): Promise<void> {
  await trx.insertInto('consent_otp').values(row).execute();
}

export function selectConsentOtp(db: Db, otpTransactionId: string) {
  return db.selectFrom('consent_otp').select(['consent_request_id', 'account_id']).where('otp_transaction_id', '=', otpTransactionId).executeTakeFirst();
}

/** Partner names and purposes by id, for the citizen's screens. */
export function selectPartnerNames(db: Db, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('partner').select(['id', 'name', 'purpose']).where('id', 'in', ids).execute();
}
