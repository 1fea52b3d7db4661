import { randomUUID } from 'node:crypto';
import type { Selectable } from 'kysely';
import type { Db } from '../../core/db.js';
import type { SecurityAlertTable } from '../../core/db-tables.js';
import type { AlertRule, Evidence, Severity, SuspendableKind, WatchedKind } from './schema.js';

export interface AlertRow {
  id: string;
  rule: AlertRule;
  severity: Severity;
  actorKind: WatchedKind;
  actorId: string;
  evidence: Evidence;
  occurrences: number;
  raisedAt: Date;
  lastSeenAt: Date;
  status: 'open' | 'acknowledged';
  acknowledgedBy: string | null;
  acknowledgedAt: Date | null;
}

const alertColumns = [
  'id', 'rule', 'severity', 'actor_kind', 'actor_id', 'evidence', 'occurrences', 'raised_at', 'last_seen_at', 'status', 'acknowledged_by', 'acknowledged_at',
] as const;

function toAlert(row: Selectable<SecurityAlertTable>): AlertRow {
  return {
    id: row.id, rule: row.rule, severity: row.severity, actorKind: row.actor_kind, actorId: row.actor_id,
    evidence: (typeof row.evidence === 'string' ? JSON.parse(row.evidence) : row.evidence) as Evidence,
    occurrences: row.occurrences, raisedAt: new Date(row.raised_at), lastSeenAt: new Date(row.last_seen_at), status: row.status,
    acknowledgedBy: row.acknowledged_by, acknowledgedAt: row.acknowledged_at === null ? null : new Date(row.acknowledged_at),
  };
}

/** Notes one refusal and answers how many the actor has had since `since` (older ones are removed). */
export async function noteDenial(trx: Db, actor: { kind: string; id: string }, at: Date, since: Date): Promise<number> {
  await trx.deleteFrom('security_denial').where('actor_kind', '=', actor.kind).where('actor_id', '=', actor.id).where('at', '<', since).execute();
  await trx.insertInto('security_denial').values({ actor_kind: actor.kind, actor_id: actor.id, at }).execute();
  const row = await trx.selectFrom('security_denial').select((eb) => eb.fn.countAll<number>().as('n'))
    .where('actor_kind', '=', actor.kind).where('actor_id', '=', actor.id).executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function forgetDenials(trx: Db, actor: { kind: string; id: string }): Promise<void> {
  await trx.deleteFrom('security_denial').where('actor_kind', '=', actor.kind).where('actor_id', '=', actor.id).execute();
}

export async function selectOpenAlert(trx: Db, rule: AlertRule, actor: { kind: string; id: string }): Promise<AlertRow | undefined> {
  const row = await trx.selectFrom('security_alert').select(alertColumns)
    .where('rule', '=', rule).where('actor_kind', '=', actor.kind as WatchedKind).where('actor_id', '=', actor.id).where('status', '=', 'open')
    .executeTakeFirst();
  return row && toAlert(row);
}

export async function insertAlert(trx: Db, alert: { rule: AlertRule; severity: Severity; actorKind: WatchedKind; actorId: string; evidence: Evidence; at: Date }): Promise<string> {
  const id = randomUUID();
  await trx.insertInto('security_alert').values({
    id, rule: alert.rule, severity: alert.severity, actor_kind: alert.actorKind, actor_id: alert.actorId, evidence: JSON.stringify(alert.evidence),
    occurrences: 1, raised_at: alert.at, last_seen_at: alert.at, status: 'open', acknowledged_by: null, acknowledged_at: null,
  }).execute();
  return id;
}

/** Another occurrence of an open alert: the latest evidence replaces the earlier. */
export async function repeatAlert(trx: Db, id: string, evidence: Evidence, at: Date): Promise<void> {
  await trx.updateTable('security_alert')
    .set((eb) => ({ occurrences: eb('occurrences', '+', 1), last_seen_at: at, evidence: JSON.stringify(evidence) }))
    .where('id', '=', id).execute();
}

export async function selectAlerts(db: Db, status: 'open' | 'all', limit: number): Promise<AlertRow[]> {
  const rows = await db.selectFrom('security_alert').select(alertColumns)
    .$if(status === 'open', (q) => q.where('status', '=', 'open'))
    .orderBy('raised_at', 'desc').orderBy('id').limit(limit).execute();
  return rows.map(toAlert);
}

export async function countOpenAlerts(db: Db): Promise<number> {
  const row = await db.selectFrom('security_alert').select((eb) => eb.fn.countAll<number>().as('n')).where('status', '=', 'open').executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function acknowledgeAlert(trx: Db, id: string, staffId: string, at: Date): Promise<AlertRow | undefined> {
  const row = await trx.updateTable('security_alert').set({ status: 'acknowledged', acknowledged_by: staffId, acknowledged_at: at })
    .where('id', '=', id).where('status', '=', 'open').returning(alertColumns).executeTakeFirst();
  return row && toAlert(row);
}

export interface SuspensionRow {
  id: string;
  actorKind: SuspendableKind;
  actorId: string;
  suspendedAt: Date;
  alert: { id: string; rule: AlertRule; severity: Severity };
}

export async function selectLiveSuspension(db: Db, actor: { kind: SuspendableKind; id: string }): Promise<{ id: string; alertId: string } | undefined> {
  const row = await db.selectFrom('actor_suspension').select(['id', 'alert_id'])
    .where('actor_kind', '=', actor.kind).where('actor_id', '=', actor.id).where('reinstated_at', 'is', null)
    .executeTakeFirst();
  return row && { id: row.id, alertId: row.alert_id };
}

export async function insertSuspension(trx: Db, actor: { kind: SuspendableKind; id: string }, alertId: string, at: Date): Promise<string> {
  const id = randomUUID();
  await trx.insertInto('actor_suspension').values({
    id, actor_kind: actor.kind, actor_id: actor.id, alert_id: alertId, suspended_at: at, reinstated_at: null, reinstated_by: null, reinstatement_reason: null,
  }).execute();
  return id;
}

export async function selectLiveSuspensions(db: Db): Promise<SuspensionRow[]> {
  const rows = await db.selectFrom('actor_suspension as s').innerJoin('security_alert as a', 'a.id', 's.alert_id')
    .select(['s.id', 's.actor_kind', 's.actor_id', 's.suspended_at', 'a.id as alert_id', 'a.rule', 'a.severity'])
    .where('s.reinstated_at', 'is', null)
    .orderBy('s.suspended_at', 'desc').orderBy('s.id').execute();
  return rows.map((r) => ({
    id: r.id, actorKind: r.actor_kind, actorId: r.actor_id, suspendedAt: new Date(r.suspended_at), alert: { id: r.alert_id, rule: r.rule, severity: r.severity },
  }));
}

export async function endSuspension(trx: Db, id: string, by: string, reason: string, at: Date): Promise<boolean> {
  const row = await trx.updateTable('actor_suspension').set({ reinstated_at: at, reinstated_by: by, reinstatement_reason: reason })
    .where('id', '=', id).where('reinstated_at', 'is', null).returning('id').executeTakeFirst();
  return row !== undefined;
}

export async function selectCanaryMarks(db: Db): Promise<string[]> {
  return (await db.selectFrom('canary_mark').select('mac').execute()).map((r) => r.mac);
}

export async function insertCanaryMarks(trx: Db, macs: readonly string[]): Promise<void> {
  if (macs.length === 0) return;
  await trx.insertInto('canary_mark').values(macs.map((mac) => ({ mac }))).onConflict((oc) => oc.column('mac').doNothing()).execute();
}
