import { sql, type Insertable, type Selectable, type Updateable } from 'kysely';
import type { Db } from '../../core/db.js';
import type { PartnerAccessTokenTable, PartnerTable } from '../../core/db-tables.js';

export type PartnerRow = Selectable<PartnerTable>;

const partnerColumns = [
  'id', 'client_id', 'name', 'purpose', 'scopes', 'ip_allowlist', 'jwks', 'requests_per_minute', 'requests_per_day', 'subjects_per_day',
  'api_key_created_at', 'disabled_at', 'created_by', 'created_at', 'updated_at',
] as const;

export type PartnerRecord = Pick<PartnerRow, (typeof partnerColumns)[number]>;

/** jsonb comes back parsed from PostgreSQL and as text from some drivers. */
function withJwks<T extends { jwks: unknown }>(row: T): T {
  return { ...row, jwks: typeof row.jwks === 'string' ? JSON.parse(row.jwks) : row.jwks };
}

export async function insertPartner(trx: Db, row: Insertable<PartnerTable>): Promise<void> {
  await trx.insertInto('partner').values(row).execute();
}

export async function selectPartners(db: Db): Promise<PartnerRecord[]> {
  return (await db.selectFrom('partner').select(partnerColumns).orderBy('created_at').orderBy('id').execute()).map(withJwks);
}

export async function selectPartner(db: Db, id: string): Promise<PartnerRecord | undefined> {
  const row = await db.selectFrom('partner').select(partnerColumns).where('id', '=', id).executeTakeFirst();
  return row && withJwks(row);
}

export async function selectPartnerForUpdate(trx: Db, id: string): Promise<PartnerRecord | undefined> {
  const row = await trx.selectFrom('partner').select(partnerColumns).where('id', '=', id).forUpdate().executeTakeFirst();
  return row && withJwks(row);
}

export async function selectPartnerByClientId(db: Db, clientId: string): Promise<PartnerRecord | undefined> {
  const row = await db.selectFrom('partner').select(partnerColumns).where('client_id', '=', clientId).executeTakeFirst();
  return row && withJwks(row);
}

export async function selectPartnerByApiKey(db: Db, apiKeyMac: string): Promise<PartnerRecord | undefined> {
  const row = await db.selectFrom('partner').select(partnerColumns).where('api_key_mac', '=', apiKeyMac).executeTakeFirst();
  return row && withJwks(row);
}

export async function updatePartner(trx: Db, id: string, changes: Updateable<PartnerTable>): Promise<void> {
  await trx.updateTable('partner').set(changes).where('id', '=', id).execute();
}

export async function revokePartnerTokens(trx: Db, partnerId: string, at: Date): Promise<void> {
  await trx.updateTable('partner_access_token').set({ revoked_at: at })
    .where('partner_id', '=', partnerId).where('revoked_at', 'is', null).where('expires_at', '>', at).execute();
}

/** Records an assertion id; false when this partner already used it (a replay). */
export async function claimAssertionJti(trx: Db, partnerId: string, jti: string, expiresAt: Date): Promise<boolean> {
  const inserted = await trx.insertInto('partner_assertion_jti').values({ partner_id: partnerId, jti, expires_at: expiresAt })
    .onConflict((oc) => oc.columns(['partner_id', 'jti']).doNothing()).returning('jti').executeTakeFirst();
  return inserted !== undefined;
}

export async function insertAccessToken(trx: Db, row: PartnerAccessTokenTable): Promise<void> {
  await trx.insertInto('partner_access_token').values(row).execute();
}

export function selectLiveAccessToken(db: Db, tokenMac: string, now: Date) {
  return db.selectFrom('partner_access_token').select(['id', 'partner_id', 'scopes'])
    .where('token_mac', '=', tokenMac).where('revoked_at', 'is', null).where('expires_at', '>', now)
    .executeTakeFirst();
}

/** Adds one call to a window's count and answers the count with it. */
export async function countRequest(db: Db, partnerId: string, kind: 'minute' | 'day', windowStart: Date): Promise<number> {
  const row = await db.insertInto('partner_request_count').values({ partner_id: partnerId, window_kind: kind, window_start: windowStart, used: 1 })
    .onConflict((oc) => oc.columns(['partner_id', 'window_kind', 'window_start']).doUpdateSet({ used: sql`partner_request_count.used + 1` }))
    .returning('used').executeTakeFirstOrThrow();
  return row.used;
}

export function selectSubjectsPerDay(db: Db, partnerId: string) {
  return db.selectFrom('partner').select('subjects_per_day').where('id', '=', partnerId).executeTakeFirst();
}

/** Drops a partner's bookkeeping that can no longer matter: spent assertion ids, old tokens, past count windows. */
export async function pruneBookkeeping(trx: Db, partnerId: string, now: Date, before: Date): Promise<void> {
  await trx.deleteFrom('partner_assertion_jti').where('partner_id', '=', partnerId).where('expires_at', '<', now).execute();
  await trx.deleteFrom('partner_access_token').where('partner_id', '=', partnerId).where('expires_at', '<', before).execute();
  await trx.deleteFrom('partner_request_count').where('partner_id', '=', partnerId).where('window_start', '<', before).execute();
}
