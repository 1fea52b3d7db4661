import type { Clock } from '../../core/clock.js';
import type { Db } from '../../core/db.js';
import { AppError } from '../../core/errors.js';
import { SmsDeliveryError, type SmsGateway } from '../../core/sms/gateway.js';
import type { AuditLog } from '../access/audit-log.js';
import type { AccessService } from '../access/service.js';
import type { Actor } from '../access/schema.js';
import type { BeneficiaryService } from '../beneficiaries/service.js';
import type { IdentityService } from '../identity/service.js';
import type { StaffService } from '../staff/service.js';
import { breachNoticeText } from './breach-notice.js';
import { measureBlastRadius, type BlastRadius, type BreachActor, type TouchedPerson } from './breach-report.js';
import * as store from './breach-store.js';
import type { ActionTaken, IncidentReport } from './incident-report.js';

const noticeActor: Actor = { kind: 'system', name: 'breach-notice' };

/** Event types that mean the credential was stopped: suspension, lockout, a disabled key, revoked sessions. */
const stopping = /suspend|lock|disabl|revok/;

export interface NotifyOptions {
  /** Who answers affected people's questions: a phone number, an address or a page. */
  contact: string;
  publicUrl: string;
  onProgress?: (done: number, total: number) => void;
}

const unknownActor = (name: string) => new AppError(
  'BREACH_ACTOR_UNKNOWN', 404,
  `No staff account has the username or id "${name}", and the audit log holds no partner activity under that id. Give a staff username, a staff id or a partner id.`,
  'actor',
);

/**
 * `teeka breach report` (decision 0014): which people one actor's credential touched, from the
 * audit log; the DPDP Rule 7 notice to each affected account, once per incident; and the report a
 * CERT-In filing needs. It reads no personal data to report: only ids and reference ids. Notices
 * read each account's mobile through a `breach-notice` ticket, so each is itself in the log.
 */
export class BreachResponseService {
  constructor(
    private readonly deps: {
      db: Db; clock: Clock; sms: SmsGateway; access: AccessService; auditLog: AuditLog;
      identity: IdentityService; beneficiaries: BeneficiaryService; staff: StaffService;
    },
  ) {}

  /** A staff username or id, or a partner id that the log knows. */
  async findActor(nameOrId: string): Promise<BreachActor> {
    const staff = await this.deps.staff.accountNamed(nameOrId);
    if (staff) return { kind: 'staff', id: staff.id, username: staff.username, roles: [], facilityIds: [] };
    for await (const batch of this.deps.auditLog.eventsBy(nameOrId, undefined)) {
      if (batch.some((event) => event.actorKind === 'partner')) return { kind: 'partner', id: nameOrId, roles: [], facilityIds: [] };
    }
    throw unknownActor(nameOrId);
  }

  measure(actor: BreachActor, since: Date | undefined): Promise<BlastRadius> {
    const { auditLog, beneficiaries } = this.deps;
    return measureBlastRadius(actor, since, auditLog.eventsBy(actor.id, since), async (id) => {
      const member = await beneficiaries.memberById(id);
      return member && { referenceId: member.referenceId, accountId: member.accountId };
    });
  }

  /**
   * Measures the blast radius, opens (or finds) the incident, sends the notices still owed when
   * `notify` is given, and assembles the incident report with the log's own integrity check.
   */
  async report(request: { actor: string; since?: Date | undefined; notify?: NotifyOptions | undefined; contact?: string | undefined }): Promise<IncidentReport> {
    const { db, clock, access, auditLog } = this.deps;
    const actor = await this.findActor(request.actor);
    const radius = await this.measure(actor, request.since);
    const incident = await store.openIncident(db, { actorKind: actor.kind, actorId: actor.id, since: request.since, now: clock.now() });
    if (incident.opened) {
      await access.record({
        type: 'breach.incident.opened', actor: noticeActor, subject: `${actor.kind}:${actor.id}`, outcome: 'done',
        detail: { incident_id: incident.id, people: radius.people.length, reads: radius.reads },
      });
    }
    const actions = await this.actionsAgainst(actor, radius.firstSeq, request.since);
    const accessStopped = actions.some((a) => stopping.test(a.type));
    const notices = request.notify
      ? await this.notify(incident.id, radius, accessStopped, request.notify)
      : await this.noticeCounts(incident.id, radius);
    return {
      incidentId: incident.id,
      detectedAt: incident.detectedAt,
      reportedAt: clock.now(),
      radius,
      actions,
      notices,
      logIntegrity: await auditLog.verify(),
      contact: request.notify?.contact ?? request.contact,
    };
  }

  /**
   * What the log records about the credential after its first read in the breach (alerts,
   * suspension, lockout, revoked sessions), by anyone but the actor itself.
   */
  private async actionsAgainst(actor: BreachActor, afterSeq: number | undefined, since: Date | undefined): Promise<ActionTaken[]> {
    const events = await this.deps.auditLog.eventsAbout([`${actor.kind}:${actor.id}`, actor.id], 500);
    return events
      .filter((e) => e.actorId !== actor.id && e.outcome === 'done' && !e.type.startsWith('breach.'))
      .filter((e) => (afterSeq === undefined ? since === undefined || e.at >= since : e.seq > afterSeq))
      .sort((a, b) => a.seq - b.seq)
      .map((e) => ({ at: e.at, type: e.type, by: `${e.actorKind} ${e.actorId}`, seq: e.seq }));
  }

  private static byAccount(radius: BlastRadius): Map<string, TouchedPerson[]> {
    const accounts = new Map<string, TouchedPerson[]>();
    for (const person of radius.people) {
      if (person.accountId) accounts.set(person.accountId, [...(accounts.get(person.accountId) ?? []), person]);
    }
    return accounts;
  }

  private async noticeCounts(incidentId: string, radius: BlastRadius): Promise<IncidentReport['notices']> {
    const notified = await store.selectNotifiedAccounts(this.deps.db, incidentId);
    const accounts = [...BreachResponseService.byAccount(radius).keys()];
    const sent = accounts.filter((a) => notified.has(a)).length;
    return { sent, failed: 0, unreachable: radius.people.filter((p) => !p.accountId).length, outstanding: accounts.length - sent };
  }

  /**
   * One SMS per affected account that has not had one for this incident, each naming only that
   * account's own people. A notice is recorded after the gateway accepts it: a crash in between
   * sends that one again on the next run rather than never.
   */
  private async notify(incidentId: string, radius: BlastRadius, accessStopped: boolean, options: NotifyOptions): Promise<IncidentReport['notices']> {
    const { db, clock, access, identity, sms } = this.deps;
    const notified = await store.selectNotifiedAccounts(db, incidentId);
    const accounts = BreachResponseService.byAccount(radius);
    let sent = 0;
    let failed = 0;
    let done = 0;
    for (const [accountId, people] of accounts) {
      done += 1;
      if (notified.has(accountId)) {
        sent += 1;
      } else {
        const ticket = await access.authorize(noticeActor, { subject: { kind: 'account', id: accountId }, purpose: 'breach-notice', fields: ['mobile'] });
        const mobile = await identity.readMobile(ticket);
        try {
          await sms.send({ to: mobile.reveal(), text: breachNoticeText({ incidentId, actorKind: radius.actor.kind, people, accessStopped, contact: options.contact, publicUrl: options.publicUrl }) });
          await store.insertNotice(db, incidentId, accountId, clock.now());
          sent += 1;
        } catch (error) {
          if (!(error instanceof SmsDeliveryError)) throw error;
          failed += 1;
        }
      }
      options.onProgress?.(done, accounts.size);
    }
    if (accounts.size === 0) options.onProgress?.(0, 0);
    await access.record({
      type: 'breach.notified', actor: noticeActor, subject: `${radius.actor.kind}:${radius.actor.id}`, outcome: failed ? 'failed' : 'done',
      detail: { incident_id: incidentId, accounts: accounts.size, sent, failed },
    });
    return { sent, failed, unreachable: radius.people.filter((p) => !p.accountId).length, outstanding: accounts.size - sent };
  }
}
