import { sql, type Selectable } from 'kysely';
import type { Db } from '../../core/db.js';
import type { AccountTable, OtpTransactionTable } from '../../core/db-tables.js';
import type { Ticket } from '../access/schema.js';

/** Serialises OTP requests for one mobile, so two at once cannot both slip under the resend limit. */
export async function lockMobile(trx: Db, mobileBidx: string): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(hashtext(${`otp:${mobileBidx}`}))`.execute(trx);
}

export async function countOtpsSince(db: Db, mobileBidx: string, since: Date): Promise<{ count: number; latest: Date | null }> {
  const row = await db
    .selectFrom('otp_transaction')
    .select((eb) => [eb.fn.countAll<number>().as('count'), eb.fn.max('created_at').as('latest')])
    .where('mobile_bidx', '=', mobileBidx)
    .where('created_at', '>', since)
    .executeTakeFirstOrThrow();
  return { count: Number(row.count), latest: row.latest ? new Date(row.latest) : null };
}

export async function insertOtpTransaction(db: Db, row: Omit<OtpTransactionTable, 'failed_attempts' | 'consumed_at' | 'purpose'> & Pick<Selectable<OtpTransactionTable>, 'purpose'>): Promise<void> {
  await db.insertInto('otp_transaction').values(row).execute();
}

export function selectOtpTransactionForUpdate(trx: Db, id: string) {
  return trx
    .selectFrom('otp_transaction')
    .select(['id', 'mobile_bidx', 'mobile_enc', 'otp_mac', 'expires_at', 'failed_attempts', 'consumed_at', 'purpose'])
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

export async function recordFailedOtpAttempt(trx: Db, id: string): Promise<void> {
  await trx.updateTable('otp_transaction').set((eb) => ({ failed_attempts: eb('failed_attempts', '+', 1) })).where('id', '=', id).execute();
}

export async function consumeOtpTransaction(trx: Db, id: string, at: Date): Promise<void> {
  await trx.updateTable('otp_transaction').set({ consumed_at: at }).where('id', '=', id).execute();
}

export function selectAccountByMobile(db: Db, mobileBidx: string) {
  return db.selectFrom('account').select(['id']).where('mobile_bidx', '=', mobileBidx).executeTakeFirst();
}

export async function insertAccount(db: Db, row: AccountTable): Promise<void> {
  await db.insertInto('account').values(row).execute();
}

/** The encrypted mobile of the ticket's account; the service decrypts it. */
export function selectAccountMobile(db: Db, ticket: Ticket) {
  return db.selectFrom('account').select(['mobile_enc']).where('id', '=', ticket.accountId).executeTakeFirst();
}

/** Masked, so readable without a ticket (DESIGN.md §1.3). */
export function selectMobileLastFour(db: Db, accountId: string) {
  return db.selectFrom('account').select(['mobile_last4']).where('id', '=', accountId).executeTakeFirst();
}

export async function insertSession(db: Db, row: { id: string; account_id: string; issued_at: Date; expires_at: Date }): Promise<void> {
  await db.insertInto('auth_session').values({ ...row, revoked_at: null }).execute();
}

export function selectLiveSession(db: Db, id: string, now: Date) {
  return db
    .selectFrom('auth_session')
    .select(['id', 'account_id'])
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
}

export async function revokeSession(db: Db, id: string, at: Date): Promise<void> {
  await db.updateTable('auth_session').set({ revoked_at: at }).where('id', '=', id).where('revoked_at', 'is', null).execute();
}

export async function setSessionCaptcha(db: Db, sessionId: string, mac: string | null, expiresAt: Date | null): Promise<void> {
  await db.updateTable('auth_session').set({ captcha_mac: mac, captcha_expires_at: expiresAt }).where('id', '=', sessionId).execute();
}

/** Reads and clears the session's captcha in one step, so each captcha gets exactly one attempt. */
export async function takeSessionCaptcha(db: Db, sessionId: string) {
  const row = await db.transaction().execute(async (trx) => {
    const current = await trx.selectFrom('auth_session').select(['captcha_mac', 'captcha_expires_at']).where('id', '=', sessionId).forUpdate().executeTakeFirst();
    await trx.updateTable('auth_session').set({ captcha_mac: null, captcha_expires_at: null }).where('id', '=', sessionId).execute();
    return current;
  });
  return row?.captcha_mac && row.captcha_expires_at ? { mac: row.captcha_mac, expiresAt: new Date(row.captcha_expires_at) } : undefined;
}
