import type { DetectionSettings } from '../../config.js';
import type { Clock } from '../../core/clock.js';
import type { FieldCipher } from '../../core/crypto/field-cipher.js';
import type { Db } from '../../core/db.js';
import { invalidInput, notFound } from '../../core/errors.js';
import type { AccessService, AccessWatcher } from '../access/service.js';
import type { Actor, AuditEvent } from '../access/schema.js';
import type { Place } from '../staff/scope.js';
import type { StaffActor, StaffService } from '../staff/service.js';
import { CanaryRegistry } from './canaries.js';
import { DENIAL_WINDOW_MS, findingsFor, severityOf, suspends, type Finding } from './rules.js';
import { REINSTATEMENT_REASON_MAX, REINSTATEMENT_REASON_MIN, type SuspendableKind, type WatchedKind } from './schema.js';
import * as store from './store.js';

/** Where alerts are told as they happen: the server's log (ids and rules only). */
export interface AlertLog {
  warn(fields: Record<string, unknown>, message: string): void;
}

type Watched = Actor & { kind: WatchedKind };

const securityActor: Actor = { kind: 'system', name: 'security' };

function actorRef(actor: Watched): { kind: WatchedKind; id: string } {
  switch (actor.kind) {
    case 'citizen': return { kind: 'citizen', id: actor.accountId };
    case 'staff': return { kind: 'staff', id: actor.staffId };
    case 'partner': return { kind: 'partner', id: actor.partnerId };
  }
}

/**
 * How the console names an actor: a staff account by username and role, a partner by its
 * registered name. The other side's fields are spelled out as absent, so `label?.role` reads.
 */
export type ActorLabel = { username: string; role: string; name?: undefined } | { name: string; username?: undefined; role?: undefined };

/**
 * A partner's registered name. The partners module provides it once it exists (services.ts wires
 * it after this service, which the partners module itself needs); until then partners show by id.
 */
export type PartnerNameLookup = (partnerId: string) => Promise<string | undefined>;

export interface AlertWithActor extends store.AlertRow {
  actorLabel: ActorLabel | undefined;
  actorSuspended: boolean;
}

export interface SuspensionWithActor extends store.SuspensionRow {
  actorLabel: ActorLabel | undefined;
}

const actorKey = (kind: WatchedKind, id: string) => `${kind}:${id}`;

/**
 * Detection and suspension (DESIGN.md §1.4, decision 0015). The access module hands it every
 * recorded event of a citizen, staff member or partner, in the transaction that appends it; the
 * rules decide what that means, alerts are raised (one open alert per rule and actor, repeats add
 * to it), and a high or critical one suspends the credential in that same transaction: the
 * request that tripped it is refused, and so is every one after it. Auditors see the alerts and
 * suspensions and reinstate with a recorded reason.
 */
export class SecurityService implements AccessWatcher {
  private readonly canaries: CanaryRegistry;
  private log: AlertLog = { warn: () => undefined };
  private partnerNameOf: PartnerNameLookup | undefined;

  constructor(
    private readonly deps: {
      db: Db; clock: Clock; cipher: FieldCipher; access: AccessService; staff: StaffService; settings: DetectionSettings;
      /** person-place.ts: the centre a person belongs to, for the jurisdiction rule. */
      placeOfPerson: (beneficiaryId: string) => Promise<Place | undefined>;
    },
  ) {
    this.canaries = new CanaryRegistry({ cipher: deps.cipher, clock: deps.clock });
  }

  /** The server's logger gets a warn line per new alert and suspension (app.ts wires it). */
  reportTo(log: AlertLog): void {
    this.log = log;
  }

  /** Lets the console name partners (services.ts wires it once the partners module exists). */
  namePartnersWith(lookup: PartnerNameLookup): void {
    this.partnerNameOf = lookup;
  }

  placeOfPerson(beneficiaryId: string): Promise<Place | undefined> {
    return this.deps.placeOfPerson(beneficiaryId);
  }

  isCanary(subject: string, db: Db): Promise<boolean> {
    return this.canaries.has(subject, db);
  }

  /** Marks planted records as canaries, in the transaction that made them. */
  markCanaries(trx: Db, subjects: readonly string[]): Promise<void> {
    return this.canaries.mark(trx, subjects);
  }

  async inspect(event: AuditEvent, actor: Actor, trx: Db): Promise<{ suspended: boolean }> {
    if (actor.kind === 'system') return { suspended: false };
    const ref = actorRef(actor);
    const canary = event.subject !== null && (await this.canaries.has(event.subject, trx));
    const recentDenials = event.outcome === 'denied' && actor.kind !== 'citizen'
      ? await store.noteDenial(trx, ref, event.at, new Date(event.at.getTime() - DENIAL_WINDOW_MS))
      : undefined;
    let suspended = false;
    for (const finding of findingsFor(event, { canary, recentDenials }, this.deps.settings)) {
      const alertId = await this.raise(finding, ref, event.at, trx);
      if (suspends(severityOf[finding.rule]) && this.deps.settings.autoSuspend && ref.kind !== 'citizen') {
        await this.suspend({ kind: ref.kind, id: ref.id }, alertId, finding, trx);
        suspended = true;
      }
    }
    return { suspended };
  }

  /** Whether a live suspension holds the actor: the partners module asks this on every partner request. */
  async isSuspended(actorKind: SuspendableKind, actorId: string): Promise<boolean> {
    return (await store.selectLiveSuspension(this.deps.db, { kind: actorKind, id: actorId })) !== undefined;
  }

  /** Newest first; `open` lists what still needs an auditor's eyes. */
  async listAlerts(status: 'open' | 'all', limit = 200): Promise<{ alerts: AlertWithActor[]; openCount: number }> {
    const [alerts, openCount, suspensions] = await Promise.all([
      store.selectAlerts(this.deps.db, status, limit), store.countOpenAlerts(this.deps.db), store.selectLiveSuspensions(this.deps.db),
    ]);
    const labels = await this.labelsOf(alerts);
    const suspended = new Set(suspensions.map((s) => actorKey(s.actorKind, s.actorId)));
    return {
      alerts: alerts.map((a) => ({
        ...a, actorLabel: labels.get(actorKey(a.actorKind, a.actorId)), actorSuspended: suspended.has(actorKey(a.actorKind, a.actorId)),
      })),
      openCount,
    };
  }

  async acknowledge(auditor: StaffActor, alertId: string): Promise<void> {
    const { db, clock, access } = this.deps;
    await db.transaction().execute(async (trx) => {
      const alert = await store.acknowledgeAlert(trx, alertId, auditor.staffId, clock.now());
      if (!alert) throw notFound('open alert');
      await access.record({
        type: 'security.alert.acknowledged', actor: auditor, subject: `alert:${alert.id}`, outcome: 'done', ip: auditor.ip,
        detail: { rule: alert.rule, actor_kind: alert.actorKind, actor_id: alert.actorId },
      }, trx);
    });
  }

  async listSuspensions(): Promise<SuspensionWithActor[]> {
    const rows = await store.selectLiveSuspensions(this.deps.db);
    const labels = await this.labelsOf(rows);
    return rows.map((r) => ({ ...r, actorLabel: labels.get(actorKey(r.actorKind, r.actorId)) }));
  }

  /** Labels by `actorKey`; citizens get none, as the console shows no citizen's name. */
  private async labelsOf(rows: readonly { actorKind: WatchedKind; actorId: string }[]): Promise<Map<string, ActorLabel>> {
    const idsOf = (kind: WatchedKind) => [...new Set(rows.filter((r) => r.actorKind === kind).map((r) => r.actorId))];
    const labels = new Map<string, ActorLabel>();
    for (const [id, label] of await this.deps.staff.labels(idsOf('staff'))) labels.set(actorKey('staff', id), label);
    const nameOf = this.partnerNameOf;
    if (!nameOf) return labels;
    // A handful of partners at most: one lookup each.
    for (const id of idsOf('partner')) {
      const name = await nameOf(id);
      if (name !== undefined) labels.set(actorKey('partner', id), { name });
    }
    return labels;
  }

  /**
   * Lets a suspended credential act again, with the reviewer's reason in the audit log
   * (`actor.reinstated`). Its budgets and refusal count start afresh, or its next request would
   * trip the same rule at once.
   */
  async reinstate(reviewer: StaffActor, suspensionId: string, rawReason: string): Promise<void> {
    const { db, clock, access, staff } = this.deps;
    const reason = rawReason.trim().replace(/\s+/g, ' ');
    if (reason.length < REINSTATEMENT_REASON_MIN || reason.length > REINSTATEMENT_REASON_MAX) {
      throw invalidInput('reason', `Say in ${REINSTATEMENT_REASON_MIN} to ${REINSTATEMENT_REASON_MAX} characters what the review found and why this credential may act again.`);
    }
    const suspension = (await store.selectLiveSuspensions(db)).find((s) => s.id === suspensionId);
    if (!suspension) throw notFound('suspension');
    const actor = { kind: suspension.actorKind, id: suspension.actorId };
    await db.transaction().execute(async (trx) => {
      if (!(await store.endSuspension(trx, suspension.id, reviewer.staffId, reason, clock.now()))) throw notFound('suspension');
      if (actor.kind === 'staff') await staff.reinstate(trx, actor.id);
      await access.resetBudget(actor, trx);
      await store.forgetDenials(trx, actor);
      await access.record({
        type: 'actor.reinstated', actor: reviewer, subject: `${actor.kind}:${actor.id}`, outcome: 'done', ip: reviewer.ip,
        detail: { suspension_id: suspension.id, alert_id: suspension.alert.id, reason },
      }, trx);
    });
  }

  /** One open alert per rule and actor: a repeat adds to it; a new one is logged, recorded and sent to the webhook. */
  private async raise(finding: Finding, actor: { kind: WatchedKind; id: string }, at: Date, trx: Db): Promise<string> {
    const open = await store.selectOpenAlert(trx, finding.rule, actor);
    if (open) {
      await store.repeatAlert(trx, open.id, finding.evidence, at);
      return open.id;
    }
    const severity = severityOf[finding.rule];
    const id = await store.insertAlert(trx, { rule: finding.rule, severity, actorKind: actor.kind, actorId: actor.id, evidence: finding.evidence, at });
    await this.deps.access.record({
      type: 'security.alert.raised', actor: securityActor, subject: `${actor.kind}:${actor.id}`, outcome: 'done', detail: { alert_id: id, rule: finding.rule, severity },
    }, trx);
    this.log.warn({ alert_id: id, rule: finding.rule, severity, actor_kind: actor.kind, actor_id: actor.id }, 'security alert raised');
    this.sendToWebhook({ alert_id: id, rule: finding.rule, severity, actor_kind: actor.kind, actor_id: actor.id, raised_at: at.toISOString() });
    return id;
  }

  private async suspend(actor: { kind: SuspendableKind; id: string }, alertId: string, finding: Finding, trx: Db): Promise<void> {
    if (await store.selectLiveSuspension(trx, actor)) return;
    await store.insertSuspension(trx, actor, alertId, this.deps.clock.now());
    if (actor.kind === 'staff') await this.deps.staff.suspend(trx, actor.id);
    await this.deps.access.record({
      type: 'actor.suspended', actor: securityActor, subject: `${actor.kind}:${actor.id}`, outcome: 'done', detail: { alert_id: alertId, rule: finding.rule },
    }, trx);
    this.log.warn({ alert_id: alertId, rule: finding.rule, actor_kind: actor.kind, actor_id: actor.id }, 'credential suspended');
  }

  /** Best effort and never awaited: a slow or failing receiver must not hold up the request. */
  private sendToWebhook(alert: Record<string, string>): void {
    const url = this.deps.settings.alertWebhook;
    if (!url) return;
    fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(alert), signal: AbortSignal.timeout(5000) })
      .then((response) => {
        if (!response.ok) this.log.warn({ alert_id: alert.alert_id, status: response.status }, 'alert webhook refused the alert');
      })
      .catch(() => this.log.warn({ alert_id: alert.alert_id }, 'alert webhook unreachable'));
  }
}
