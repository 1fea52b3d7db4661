import { sql } from 'kysely';
import type { Db } from '../../core/db.js';
import type { StaffAccountTable } from '../../core/db-tables.js';

const accountColumns = [
  'id', 'username', 'password_hash', 'role', 'scope_level', 'scope_state_id', 'scope_district_id', 'scope_facility_id',
  'totp_secret_enc', 'totp_enrolled_at', 'totp_last_step', 'failed_attempts', 'locked_until', 'password_must_change', 'suspended_at',
] as const;

export type AccountRow = Pick<StaffAccountTable, Exclude<(typeof accountColumns)[number], 'failed_attempts' | 'suspended_at'>> & { failed_attempts: number; suspended_at: Date | null };

export async function insertAccount(db: Db, row: Omit<StaffAccountTable, 'failed_attempts' | 'suspended_at'>): Promise<void> {
  await db.insertInto('staff_account').values(row).execute();
}

export async function countAccounts(db: Db): Promise<number> {
  const row = await db.selectFrom('staff_account').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** A live (not disabled) account by its lower-case username. */
export function selectAccountByUsername(db: Db, username: string): Promise<AccountRow | undefined> {
  return db.selectFrom('staff_account').select(accountColumns).where('username', '=', username).where('disabled_at', 'is', null).executeTakeFirst();
}

export function selectAccountById(db: Db, id: string): Promise<AccountRow | undefined> {
  return db.selectFrom('staff_account').select(accountColumns).where('id', '=', id).where('disabled_at', 'is', null).executeTakeFirst();
}

/**
 * Counts an attempt as failed before checking it, unless the account is locked or already at the
 * limit (then undefined). Taken in one statement, so parallel guesses cannot all slip in before
 * the lock: at most `limit` attempts are ever being checked. A right answer gives it back.
 */
export async function reserveAttempt(db: Db, id: string, now: Date, limit: number): Promise<number | undefined> {
  const row = await db
    .updateTable('staff_account')
    .set((eb) => ({ failed_attempts: eb('failed_attempts', '+', 1) }))
    .where('id', '=', id)
    .where('disabled_at', 'is', null)
    .where('failed_attempts', '<', limit)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', now)]))
    .returning('failed_attempts')
    .executeTakeFirst();
  return row?.failed_attempts;
}

export async function releaseAttempt(db: Db, id: string): Promise<void> {
  await db.updateTable('staff_account').set({ failed_attempts: sql<number>`greatest(failed_attempts - 1, 0)` }).where('id', '=', id).execute();
}

export async function lockAccount(db: Db, id: string, until: Date): Promise<void> {
  await db.updateTable('staff_account').set({ locked_until: until, failed_attempts: 0 }).where('id', '=', id).execute();
}

export async function setPendingTotpSecret(db: Db, id: string, secretEnc: string): Promise<void> {
  await db.updateTable('staff_account').set({ totp_secret_enc: secretEnc }).where('id', '=', id).where('totp_enrolled_at', 'is', null).execute();
}

/**
 * Marks `step` used and clears the failure count, only if no later-or-equal step was used before:
 * false means the code was replayed. Enrolment is confirmed by the same first accepted code.
 */
export async function acceptTotpStep(db: Db, id: string, step: number, now: Date): Promise<boolean> {
  const row = await db
    .updateTable('staff_account')
    .set((eb) => ({
      totp_last_step: step,
      failed_attempts: 0,
      locked_until: null,
      totp_enrolled_at: eb.fn.coalesce('totp_enrolled_at', eb.val(now)),
    }))
    .where('id', '=', id)
    .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

export async function updatePassword(db: Db, id: string, passwordHash: string, mustChange: boolean): Promise<void> {
  await db.updateTable('staff_account').set({ password_hash: passwordHash, password_must_change: mustChange }).where('id', '=', id).execute();
}

export async function insertSession(db: Db, row: { id: string; staff_id: string; token_mac: string; created_at: Date }): Promise<void> {
  await db.insertInto('staff_session').values({ ...row, last_seen_at: row.created_at, revoked_at: null }).execute();
}

/** The live session with this token MAC and its (not disabled) account. */
export function selectSessionByTokenMac(db: Db, tokenMac: string) {
  return db
    .selectFrom('staff_session as s')
    .innerJoin('staff_account as a', 'a.id', 's.staff_id')
    .select([
      's.id as session_id', 's.created_at', 's.last_seen_at', 'a.id as staff_id', 'a.role', 'a.scope_level',
      'a.scope_state_id', 'a.scope_district_id', 'a.scope_facility_id', 'a.password_must_change',
    ])
    .where('s.token_mac', '=', tokenMac)
    .where('s.revoked_at', 'is', null)
    .where('a.disabled_at', 'is', null)
    .where('a.suspended_at', 'is', null)
    .executeTakeFirst();
}

export async function touchSession(db: Db, id: string, at: Date): Promise<void> {
  await db.updateTable('staff_session').set({ last_seen_at: at }).where('id', '=', id).where('revoked_at', 'is', null).execute();
}

export async function revokeSession(db: Db, id: string, at: Date): Promise<void> {
  await db.updateTable('staff_session').set({ revoked_at: at }).where('id', '=', id).where('revoked_at', 'is', null).execute();
}

export async function revokeOtherSessions(db: Db, staffId: string, keepSessionId: string, at: Date): Promise<void> {
  await db.updateTable('staff_session').set({ revoked_at: at })
    .where('staff_id', '=', staffId).where('id', '!=', keepSessionId).where('revoked_at', 'is', null).execute();
}

export function selectUsername(db: Db, id: string) {
  return db.selectFrom('staff_account').select(['username']).where('id', '=', id).executeTakeFirst();
}

/** Id and username of an account, disabled ones included: a breach report names an account after its suspension. */
export function selectAccountIdentity(db: Db, by: { id: string } | { username: string }) {
  const query = db.selectFrom('staff_account').select(['id', 'username']);
  return ('id' in by ? query.where('id', '=', by.id) : query.where('username', '=', by.username)).executeTakeFirst();
}

/** Suspends the account and ends all its sessions (decision 0015); false when it was already suspended. */
export async function suspendAccount(trx: Db, id: string, at: Date): Promise<boolean> {
  const row = await trx.updateTable('staff_account').set({ suspended_at: at }).where('id', '=', id).where('suspended_at', 'is', null).returning('id').executeTakeFirst();
  await trx.updateTable('staff_session').set({ revoked_at: at }).where('staff_id', '=', id).where('revoked_at', 'is', null).execute();
  return row !== undefined;
}

export async function reinstateAccount(trx: Db, id: string): Promise<void> {
  await trx.updateTable('staff_account').set({ suspended_at: null }).where('id', '=', id).execute();
}

/** Usernames and roles, for naming accounts in the security console. */
export function selectAccountLabels(db: Db, ids: readonly string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('staff_account').select(['id', 'username', 'role']).where('id', 'in', [...ids]).execute();
}
