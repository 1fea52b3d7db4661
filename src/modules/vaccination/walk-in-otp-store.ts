import { sql } from 'kysely';
import type { Db } from '../../core/db.js';
import type { CentreOtpRequestTable } from '../../core/db-tables.js';

/** Serialises one staff member's code requests, so two at once cannot both slip under the hourly cap. */
export async function lockStaffRequests(trx: Db, staffId: string): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(hashtext(${`centre-otp:${staffId}`}))`.execute(trx);
}

export async function countRequestsSince(db: Db, staffId: string, since: Date): Promise<number> {
  const row = await db.selectFrom('centre_otp_request').select((eb) => eb.fn.countAll<number>().as('n'))
    .where('staff_id', '=', staffId).where('created_at', '>', since).executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function insertRequest(trx: Db, row: CentreOtpRequestTable): Promise<void> {
  await trx.insertInto('centre_otp_request').values(row).execute();
}

/** The request behind a token, locked for the caller's transaction; the caller checks whose it is. */
export function selectRequestForUpdate(trx: Db, tokenMac: string) {
  return trx.selectFrom('centre_otp_request')
    .select(['id', 'purpose', 'otp_transaction_id', 'staff_id', 'facility_id', 'beneficiary_id', 'closed_at'])
    .where('token_mac', '=', tokenMac).forUpdate().executeTakeFirst();
}

export async function closeRequest(trx: Db, id: string, at: Date): Promise<void> {
  await trx.updateTable('centre_otp_request').set({ closed_at: at }).where('id', '=', id).where('closed_at', 'is', null).execute();
}
