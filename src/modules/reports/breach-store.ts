import { randomBytes } from 'node:crypto';
import type { Db } from '../../core/db.js';

export interface IncidentRow {
  id: string;
  detectedAt: Date;
}

/**
 * The incident for this actor and start time, opened now if there is none. Running the report again
 * finds the same one (the unique key), so notices already sent are known and not sent twice.
 */
export async function openIncident(
  db: Db, incident: { actorKind: string; actorId: string; since: Date | undefined; now: Date },
): Promise<IncidentRow & { opened: boolean }> {
  const sinceKey = incident.since?.toISOString() ?? '';
  const stamp = incident.now.toISOString().slice(0, 10).replace(/-/g, '');
  const inserted = await db.insertInto('breach_incident').values({
    id: `INC-${stamp}-${randomBytes(3).toString('hex').toUpperCase()}`,
    actor_kind: incident.actorKind, actor_id: incident.actorId, since_key: sinceKey, since: incident.since ?? null, detected_at: incident.now,
  }).onConflict((oc) => oc.columns(['actor_id', 'since_key']).doNothing()).returning(['id', 'detected_at']).executeTakeFirst();
  if (inserted) return { id: inserted.id, detectedAt: new Date(inserted.detected_at), opened: true };
  const row = await db.selectFrom('breach_incident').select(['id', 'detected_at'])
    .where('actor_id', '=', incident.actorId).where('since_key', '=', sinceKey).executeTakeFirstOrThrow();
  return { id: row.id, detectedAt: new Date(row.detected_at), opened: false };
}

export async function selectNotifiedAccounts(db: Db, incidentId: string): Promise<Set<string>> {
  const rows = await db.selectFrom('breach_notice').select('account_id').where('incident_id', '=', incidentId).execute();
  return new Set(rows.map((r) => r.account_id));
}

/** Records a notice sent; false when it had been recorded already (two runs at once). */
export async function insertNotice(db: Db, incidentId: string, accountId: string, at: Date): Promise<boolean> {
  const result = await db.insertInto('breach_notice').values({ incident_id: incidentId, account_id: accountId, sent_at: at })
    .onConflict((oc) => oc.doNothing()).executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}
