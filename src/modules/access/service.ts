import type { Clock } from '../../core/clock.js';
import type { Db } from '../../core/db.js';
import { AppError, notFound } from '../../core/errors.js';
import type { AuditLog } from './audit-log.js';
import type { ChainVerification } from './chain-verifier.js';
import { randomUUID } from 'node:crypto';
import { addDays, todayInIndia, type IsoDate } from '../../core/calendar-date.js';
import { isWithinScope, type Place } from '../staff/scope.js';
import { SubjectBudgets, subjectBudgetSpent, type BudgetBreach, type PartnerBudgetLookup } from './budget.js';
import type { BudgetActor } from './budget-store.js';
import type { AccessRequest, Actor, AuditEvent, AuditEventInput, PersonalField, Purpose, Subject, Ticket } from './schema.js';
import { actorId } from './schema.js';
import * as store from './store.js';

/** Tells which account a subject belongs to, without reading any personal data. */
export type OwnerLookup = (db: Db, subject: Subject) => Promise<string | undefined>;

/** Whether a member has a live appointment at a centre on a day: the vaccinator's roster. */
export type RosterLookup = (db: Db, facilityId: number, beneficiaryId: string, date: IsoDate) => Promise<boolean>;

/** Whether an open correction request about this person, for these fields, is in this reviewer's jurisdiction (decision 0011). */
export type ReviewLookup = (db: Db, staff: Actor & { kind: 'staff' }, beneficiaryId: string, fields: readonly PersonalField[]) => Promise<boolean>;

/** Whether a live consent (not expired, not revoked) lets this partner read these fields of this person. */
export type ConsentLookup = (db: Db, partner: Actor & { kind: 'partner' }, beneficiaryId: string, fields: readonly PersonalField[]) => Promise<boolean>;

export interface AccessLookups {
  ownerOf: OwnerLookup;
  isOnRoster: RosterLookup;
  isReviewing: ReviewLookup;
  consentCovers: ConsentLookup;
  /** A partner's own quota of distinct people; without it (or an answer) partners get the default budget. */
  partnerBudget?: PartnerBudgetLookup;
}

/**
 * The security module's eyes (decision 0015): it names canary records, and sees every recorded
 * event of a citizen, staff member or partner in the transaction that appends it, raising alerts
 * and suspending credentials there, so a suspension commits with the event that caused it.
 */
export interface AccessWatcher {
  isCanary(subject: string, db: Db): Promise<boolean>;
  /**
   * Where a person was last seen or is next expected, for the jurisdiction rule; undefined for
   * someone never booked. Reads outside any transaction.
   */
  placeOfPerson(beneficiaryId: string): Promise<Place | undefined>;
  /** Whether the actor stands suspended after this event. */
  inspect(event: AuditEvent, actor: Actor, db: Db): Promise<{ suspended: boolean }>;
}

/** Per purpose, how many distinct people one staff member may read in a day (India time): DESIGN.md §1.4. */
export type AccessBudgets = Partial<Record<Purpose, number>>;

/** What a vaccinator's roster may show of a booked person: never the ID number or mobile. */
const rosterFields: readonly PersonalField[] = ['name', 'birth_year', 'gender'];
const centreRoles = new Set(['vaccinator', 'facility_admin']);

/** Purposes recorded even when citizens read their own data: leaving the platform is worth a line. */
const alwaysRecorded = new Set(['export']);

/** Midnight at the end of today, India time: when encounter grants lapse. */
function endOfDayInIndia(now: Date): Date {
  return new Date(`${addDays(todayInIndia(now), 1)}T00:00:00+05:30`);
}

/** A granted read, as told to grant listeners. */
export interface GrantedRead {
  actor: Actor;
  subject: Subject;
  accountId: string;
  purpose: Purpose;
  fields: readonly PersonalField[];
  /** The access.granted row, when the read was recorded (every read but a citizen's own). */
  event?: { seq: number; hash: string };
}
export type GrantListener = (read: GrantedRead) => void;

/**
 * Who the actor was at the time, kept on the event itself (every staff event: grants, refusals
 * and what `record` appends): the citizen's "who read my data" shows a staff member's role and
 * centre as they were then, even if the account changes or goes later.
 */
function actorContext(actor: Actor): Record<string, string | number> {
  if (actor.kind !== 'staff') return {};
  const scope = actor.scope;
  switch (scope.level) {
    case 'facility': return { role: actor.role, facility_id: scope.facilityId };
    case 'district': return { role: actor.role, district_id: scope.districtId };
    case 'state': return { role: actor.role, state_id: scope.stateId };
    case 'nation': return { role: actor.role };
  }
}

type Refusal = { reason: 'budget'; limit: number; window: 'hour' | 'day' | 'purpose' } | { reason: 'jurisdiction' };
type Coverage = { owner: string | undefined; covered: boolean };
type Decision = Coverage & { refusal: Refusal | undefined; allowed: boolean };

const budgetSpent = (limit: number, purpose: Purpose, now: Date) => new AppError(
  'ACCESS_BUDGET_SPENT', 429,
  `You have opened the records of ${limit} people for ${purpose} today, the daily limit. It starts again at midnight (India time); if the work cannot wait, ask a national admin.`,
  undefined, Math.ceil((endOfDayInIndia(now).getTime() - now.getTime()) / 1000),
);

/**
 * The one door to personal data (DESIGN.md §4): decides whether a read is allowed, records it in
 * the hash-chained log, and hands out the Ticket that store functions returning personal data need.
 * Today's grant is the citizen's own session, which covers the members of their own account only;
 * staff encounter grants and partner consents arrive with their modules.
 */
export class AccessService {
  private readonly grantListeners: GrantListener[] = [];
  private watcher: AccessWatcher | undefined;
  private readonly subjectBudgets: SubjectBudgets | undefined;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly lookups: AccessLookups,
    private readonly budgets: AccessBudgets = {},
    /** Checkpoints and verification of the log this service appends to (decision 0013). */
    private readonly auditLog: AuditLog,
    /** Distinct people per hour and per day, by staff role and for partners (decision 0015); none when absent. */
    subjectBudgets?: ConstructorParameters<typeof SubjectBudgets>[0],
  ) {
    this.subjectBudgets = subjectBudgets && new SubjectBudgets(subjectBudgets, lookups.partnerBudget);
  }

  /** Hands every recorded event to the security module (services.ts wires it once). */
  watch(watcher: AccessWatcher): void {
    this.watcher = watcher;
  }

  /**
   * Decides a read, records it and hands out the ticket. Call it outside a writing transaction
   * where possible: a refusal recorded inside one that then rolls back leaves no trace, and the
   * jurisdiction rule needs to read outside it (decision 0015).
   */
  async authorize(actor: Actor, request: AccessRequest, db: Db = this.db): Promise<Ticket> {
    const now = this.clock.now();
    const decision = await this.decide(db, actor, request, now, await this.coverage(db, actor, request));
    const { suspended, event } = await this.recordDecision(db, actor, request, decision);
    const refusal = this.refusalOf(request, decision, suspended, now);
    if (refusal) throw refusal;
    await this.subjectBudgets?.noteGranted(db, actor, request, now);
    const { read, ticket } = this.grant(actor, request, decision.owner!, event);
    for (const listener of this.grantListeners) listener(read);
    return ticket;
  }

  /**
   * `authorize` for a list (a centre's roster): the same rules, one access event per read, all
   * appended in one transaction. Reads are decided in order, and the first refusal ends the batch
   * as it would end a loop of `authorize` calls: the reads before it are recorded and granted, the
   * refusal is recorded and thrown once the transaction has committed, and nothing after it is
   * decided or recorded. Budgets are asked inside the transaction, so each read counts those
   * granted before it in the batch.
   */
  async authorizeMany(actor: Actor, requests: readonly AccessRequest[]): Promise<Ticket[]> {
    const now = this.clock.now();
    // Grants and the jurisdiction rule are read outside the transaction, as authorize reads them.
    const decided: { request: AccessRequest; coverage: Coverage; uncovered?: Decision }[] = [];
    for (const request of requests) {
      const coverage = await this.coverage(this.db, actor, request);
      if (!coverage.covered) {
        decided.push({ request, coverage, uncovered: await this.decide(this.db, actor, request, now, coverage) });
        break;
      }
      decided.push({ request, coverage });
    }
    if (decided.length === 0) return [];
    const granted: { read: GrantedRead; ticket: Ticket }[] = [];
    const refusal = await this.db.transaction().execute(async (trx) => {
      for (const { request, coverage, uncovered } of decided) {
        const decision = uncovered ?? (await this.decide(trx, actor, request, now, coverage));
        const { suspended, event } = await this.recordDecision(trx, actor, request, decision);
        const refused = this.refusalOf(request, decision, suspended, now);
        if (refused) return refused;
        await this.subjectBudgets?.noteGranted(trx, actor, request, now);
        granted.push(this.grant(actor, request, decision.owner!, event));
      }
      return undefined;
    });
    for (const { read } of granted) for (const listener of this.grantListeners) listener(read);
    if (refusal) throw refusal;
    return granted.map((g) => g.ticket);
  }

  /** Whose the subject is, and whether a grant covers this actor's read of it. */
  private async coverage(db: Db, actor: Actor, request: AccessRequest): Promise<Coverage> {
    const owner = await this.lookups.ownerOf(db, request.subject);
    // A canary is no one's to read: every touch by staff, a partner or the platform itself is refused (and raises the alarm).
    const canary = actor.kind !== 'citizen' && owner !== undefined && this.watcher !== undefined && (await this.watcher.isCanary(request.subject.id, db));
    const covered = owner !== undefined && !canary && (await this.grantCovers(db, actor, owner, request));
    return { owner, covered };
  }

  /** A covered read still has to fit the budgets; an uncovered one may have reached outside the actor's jurisdiction. */
  private async decide(db: Db, actor: Actor, request: AccessRequest, now: Date, coverage: Coverage): Promise<Decision> {
    const refusal = coverage.covered ? await this.budgetRefusal(db, actor, request, now) : await this.jurisdictionRefusal(db, actor, request);
    return { ...coverage, refusal, allowed: coverage.covered && refusal?.reason !== 'budget' };
  }

  /** Appends the decision to the log, unless it is a citizen's own ordinary read. */
  private async recordDecision(db: Db, actor: Actor, request: AccessRequest, decision: Decision): Promise<{ suspended: boolean; event?: AuditEvent }> {
    const { allowed, refusal } = decision;
    if (allowed && actor.kind === 'citizen' && !alwaysRecorded.has(request.purpose)) return { suspended: false };
    return this.append({
      type: allowed ? 'access.granted' : 'access.denied',
      actor,
      subject: request.subject.id,
      purpose: request.purpose,
      fields: request.fields,
      outcome: allowed ? 'allowed' : 'denied',
      ip: actor.kind === 'system' ? undefined : actor.ip,
      detail: { ...actorContext(actor), ...refusal },
    }, db);
  }

  /** The error a recorded decision ends in, or undefined when the read goes ahead. */
  private refusalOf(request: AccessRequest, decision: Decision, suspended: boolean, now: Date): AppError | undefined {
    const { refusal } = decision;
    // The grant covered this person, so saying "limit reached" confirms nothing the caller could not see.
    if (refusal?.reason === 'budget') {
      return refusal.window === 'purpose' ? budgetSpent(refusal.limit, request.purpose, now) : subjectBudgetSpent({ window: refusal.window, limit: refusal.limit }, now);
    }
    // "Not yours" and "not there" look the same, so no answer confirms that a record exists; nor
    // does the answer to the read that got its credential suspended (the next request finds out).
    if (!decision.allowed || suspended) return notFound('record');
    return undefined;
  }

  private grant(actor: Actor, request: AccessRequest, owner: string, event: AuditEvent | undefined): { read: GrantedRead; ticket: Ticket } {
    const read: GrantedRead = {
      actor, subject: request.subject, accountId: owner, purpose: request.purpose, fields: request.fields,
      ...(event ? { event: { seq: event.seq, hash: event.hash } } : {}),
    };
    const ticket = { actor, subject: request.subject, accountId: owner, purpose: request.purpose, fields: request.fields } as unknown as Ticket;
    return { read, ticket };
  }

  /**
   * Records a staff request refused because what it named lies outside the account's scope (the
   * 404 of a scope check, decision 0015): a person there (`jurisdiction`) or a place (`scope`).
   * Call it after the request's transaction has ended.
   */
  async recordOutOfScope(staff: Actor & { kind: 'staff' }, target: { person: string } | { place: string }, route: string): Promise<void> {
    await this.record({
      type: 'access.denied', actor: staff, subject: 'person' in target ? target.person : target.place, outcome: 'denied', ip: staff.ip,
      detail: { reason: 'person' in target ? 'jurisdiction' : 'scope', route },
    });
  }

  /** A reinstated credential starts with its whole budget (decision 0015). */
  async resetBudget(actor: BudgetActor, trx: Db): Promise<void> {
    await this.subjectBudgets?.reset(trx, actor);
  }

  /**
   * Opens a vaccinator's encounter grant: this centre, this person, until the end of the day in
   * India. The caller has checked the security code or OTP the citizen gave.
   */
  async openEncounter(
    staff: Actor & { kind: 'staff' },
    encounter: { facilityId: number; beneficiaryId: string; appointmentId: string | null; method: 'security_code' | 'otp' },
    trx: Db,
  ): Promise<void> {
    const now = this.clock.now();
    await store.insertEncounterGrant(trx, {
      id: randomUUID(), staff_id: staff.staffId, facility_id: encounter.facilityId, beneficiary_id: encounter.beneficiaryId,
      appointment_id: encounter.appointmentId, method: encounter.method, opened_at: now, expires_at: endOfDayInIndia(now),
    });
    await this.record({
      type: 'encounter.opened', actor: staff, subject: encounter.beneficiaryId, outcome: 'done', ip: staff.ip,
      detail: { facility_id: encounter.facilityId, method: encounter.method },
    }, trx);
  }

  /**
   * The grants that exist: a citizen's own session covers their own account; a vaccinator or
   * facility admin sees the roster fields of people booked at their centre today, and everything
   * needed to vaccinate once an encounter is open; a reviewer sees the one field of an open
   * correction request in their jurisdiction (decision 0011). Nothing else, for anyone.
   */
  private async grantCovers(db: Db, actor: Actor, owner: string, request: AccessRequest): Promise<boolean> {
    if (actor.kind === 'citizen') return owner === actor.accountId;
    // The platform itself may read an account's mobile to text its owner (an OTP the citizen will read out).
    if (actor.kind === 'system') return (request.purpose === 'notification' || request.purpose === 'breach-notice') && request.subject.kind === 'account' && request.fields.every((f) => f === 'mobile');
    // A partner reads only what a consent the citizen approved with an OTP names, and only while it lives.
    if (actor.kind === 'partner') return request.purpose === 'partner-consent' && request.subject.kind === 'beneficiary' && this.lookups.consentCovers(db, actor, request.subject.id, request.fields);
    if (actor.kind !== 'staff' || request.subject.kind !== 'beneficiary') return false;
    if (request.purpose === 'correction-review') return this.lookups.isReviewing(db, actor, request.subject.id, request.fields);
    if (!centreRoles.has(actor.role) || actor.scope.level !== 'facility') return false;
    const facilityId = actor.scope.facilityId;
    const now = this.clock.now();
    if (request.purpose === 'vaccination-roster') {
      return request.fields.every((f) => rosterFields.includes(f))
        && this.lookups.isOnRoster(db, facilityId, request.subject.id, todayInIndia(now));
    }
    if (request.purpose === 'vaccinate') return store.hasOpenEncounter(db, facilityId, request.subject.id, now);
    // An adverse-event report about a person needs them at this centre today, as vaccinating does (decision 0010).
    if (request.purpose === 'aefi') return request.fields.every((f) => f === 'birth_year' || f === 'gender') && store.hasOpenEncounter(db, facilityId, request.subject.id, now);
    return false;
  }

  /**
   * The budget one more person would pass: the actor's distinct people in the last hour or today
   * (decision 0015), or a staff member's daily limit for this purpose. People already read in the
   * window do not count again, so reopening a record costs nothing.
   */
  private async budgetRefusal(db: Db, actor: Actor, request: AccessRequest, now: Date): Promise<Refusal | undefined> {
    const breach: BudgetBreach | undefined = await this.subjectBudgets?.breachBy(db, actor, request, now);
    if (breach) return { reason: 'budget', ...breach };
    const limit = this.budgets[request.purpose];
    if (limit === undefined || actor.kind !== 'staff') return undefined;
    const startOfDay = new Date(`${todayInIndia(now)}T00:00:00+05:30`);
    const read = await store.countSubjectsReadSince(db, actor.staffId, request.purpose, startOfDay, request.subject.id);
    return read >= limit ? { reason: 'budget', limit, window: 'purpose' } : undefined;
  }

  /**
   * A staff member refused a person whose centre lies outside their scope has reached outside
   * their jurisdiction (decision 0015). Asked only outside a transaction: the lookup reads on
   * its own connection, which inside one would wait for ever on a single-connection database.
   */
  private async jurisdictionRefusal(db: Db, actor: Actor, request: AccessRequest): Promise<Refusal | undefined> {
    if (actor.kind !== 'staff' || request.subject.kind !== 'beneficiary' || db.isTransaction || !this.watcher) return undefined;
    const place = await this.watcher.placeOfPerson(request.subject.id);
    return place && !isWithinScope(actor.scope, place) ? { reason: 'jurisdiction' } : undefined;
  }

  /**
   * Calls `listener` after every granted read (transparency notices). It runs synchronously after
   * the grant is recorded, possibly inside the caller's transaction, so it must not block or throw:
   * anything slow (an SMS) is queued by the listener itself, which asks `wasCommitted` first.
   */
  onGranted(listener: GrantListener): void {
    this.grantListeners.push(listener);
  }

  /**
   * Whether a recorded event is in the log for good: waits for any transaction still appending to
   * the chain to end, so a read whose transaction rolled back is seen as never having happened.
   */
  wasCommitted(event: { seq: number; hash: string }): Promise<boolean> {
    return store.isCommitted(this.db, event.seq, event.hash);
  }

  /**
   * Appends to the audit chain; inside the caller's transaction when `db` is one. A staff actor's
   * role and place go on the event (`actorContext`); a place the event names itself, such as the
   * centre of a dose, is kept as given.
   */
  async record(event: AuditEventInput, db: Db = this.db): Promise<AuditEvent> {
    return (await this.append({ ...event, detail: { ...actorContext(event.actor), ...event.detail } }, db)).event;
  }

  /** Appends, then lets the watcher see the event in the same transaction. */
  private async append(event: AuditEventInput, db: Db): Promise<{ event: AuditEvent; suspended: boolean }> {
    const row = {
      at: this.clock.now(),
      type: event.type,
      actorKind: event.actor.kind,
      actorId: actorId(event.actor),
      subject: event.subject ?? null,
      purpose: event.purpose ?? null,
      fields: [...(event.fields ?? [])],
      outcome: event.outcome,
      ip: event.ip ?? null,
      detail: event.detail ?? {},
    };
    const appendAndInspect = async (trx: Db) => {
      const appended = await store.appendAuditEvent(trx, row);
      const watched = this.watcher && event.actor.kind !== 'system' ? await this.watcher.inspect(appended, event.actor, trx) : undefined;
      return { event: appended, suspended: watched?.suspended ?? false };
    };
    if (db.isTransaction) return appendAndInspect(db);
    return db.transaction().execute(appendAndInspect);
  }

  /** Events about these subjects, newest first: what a citizen sees under "who read my data". */
  eventsAbout(subjects: string[], limit = 200): Promise<AuditEvent[]> {
    return store.selectEventsAbout(this.db, subjects, limit);
  }

  /**
   * Recomputes every hash in order and checks every signed checkpoint (chain-verifier.ts): any
   * edit, deletion, insertion or reordering shows as a broken row, as does a forged checkpoint.
   */
  verifyChain(onProgress?: (checked: number, total: number) => void): Promise<ChainVerification> {
    return this.auditLog.verify({ onProgress });
  }
}
