import type { Clock } from '../../core/clock.js';
import type { Db } from '../../core/db.js';
import { AppError, notFound } from '../../core/errors.js';
import { GENESIS_HASH, hashAuditEvent } from './hash-chain.js';
import { randomUUID } from 'node:crypto';
import { addDays, todayInIndia, type IsoDate } from '../../core/calendar-date.js';
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
}
export type GrantListener = (read: GrantedRead) => void;

/**
 * Who the actor was at the time, kept on the event itself: the citizen's "who read my data" shows a
 * staff member's role and centre as they were then, even if the account changes or goes later.
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

const budgetSpent = (limit: number, purpose: Purpose, now: Date) => new AppError(
  'ACCESS_BUDGET_SPENT', 429,
  `You have opened the records of ${limit} people for ${purpose} today, the daily limit. It starts again at midnight (India time); if the work cannot wait, ask a national admin.`,
  undefined, Math.ceil((endOfDayInIndia(now).getTime() - now.getTime()) / 1000),
);

export interface ChainVerification {
  ok: boolean;
  checked: number;
  /** The first row whose hash or link does not match, when not ok. */
  brokenAt?: number;
}

/**
 * The one door to personal data (DESIGN.md §4): decides whether a read is allowed, records it in
 * the hash-chained log, and hands out the Ticket that store functions returning personal data need.
 * Today's grant is the citizen's own session, which covers the members of their own account only;
 * staff encounter grants and partner consents arrive with their modules.
 */
export class AccessService {
  private readonly grantListeners: GrantListener[] = [];

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly lookups: AccessLookups,
    private readonly budgets: AccessBudgets = {},
  ) {}

  async authorize(actor: Actor, request: AccessRequest, db: Db = this.db): Promise<Ticket> {
    const owner = await this.lookups.ownerOf(db, request.subject);
    const covered = owner !== undefined && (await this.grantCovers(db, actor, owner, request));
    const limit = covered ? await this.budgetReached(db, actor, request) : undefined;
    const allowed = covered && limit === undefined;
    const recorded = !allowed || actor.kind !== 'citizen' || alwaysRecorded.has(request.purpose);
    if (recorded) {
      await this.record({
        type: allowed ? 'access.granted' : 'access.denied',
        actor,
        subject: request.subject.id,
        purpose: request.purpose,
        fields: request.fields,
        outcome: allowed ? 'allowed' : 'denied',
        ip: actor.kind === 'system' ? undefined : actor.ip,
        detail: { ...actorContext(actor), ...(limit === undefined ? {} : { reason: 'budget', limit }) },
      }, db);
    }
    if (allowed && owner !== undefined) {
      for (const listener of this.grantListeners) listener({ actor, subject: request.subject, accountId: owner, purpose: request.purpose, fields: request.fields });
    }
    // The grant covered this person, so saying "limit reached" confirms nothing the caller could not see.
    if (limit !== undefined) throw budgetSpent(limit, request.purpose, this.clock.now());
    // "Not yours" and "not there" look the same, so no answer confirms that a record exists.
    if (!allowed) throw notFound('record');
    return { actor, subject: request.subject, accountId: owner, purpose: request.purpose, fields: request.fields } as unknown as Ticket;
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
   * The staff member's daily limit for this purpose when reading one more person would pass it;
   * people already read today do not count again, so reopening a record costs nothing.
   */
  private async budgetReached(db: Db, actor: Actor, request: AccessRequest): Promise<number | undefined> {
    const limit = this.budgets[request.purpose];
    if (limit === undefined || actor.kind !== 'staff') return undefined;
    const startOfDay = new Date(`${todayInIndia(this.clock.now())}T00:00:00+05:30`);
    const read = await store.countSubjectsReadSince(db, actor.staffId, request.purpose, startOfDay, request.subject.id);
    return read >= limit ? limit : undefined;
  }

  /**
   * Calls `listener` after every granted read (transparency notices). It runs synchronously after
   * the grant is recorded, possibly inside the caller's transaction, so it must not block or throw:
   * anything slow (an SMS) is queued by the listener itself.
   */
  onGranted(listener: GrantListener): void {
    this.grantListeners.push(listener);
  }

  /** Appends to the audit chain; inside the caller's transaction when `db` is one. */
  async record(event: AuditEventInput, db: Db = this.db): Promise<AuditEvent> {
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
    if (db.isTransaction) return store.appendAuditEvent(db, row);
    return db.transaction().execute((trx) => store.appendAuditEvent(trx, row));
  }

  /** Events about these subjects, newest first: what a citizen sees under "who read my data". */
  eventsAbout(subjects: string[], limit = 200): Promise<AuditEvent[]> {
    return store.selectEventsAbout(this.db, subjects, limit);
  }

  /** Recomputes every hash in order; any edit, deletion or reordering shows as a broken link. */
  async verifyChain(): Promise<ChainVerification> {
    let previous: AuditEvent | undefined;
    let checked = 0;
    for (;;) {
      const batch = await store.selectEventsAfter(this.db, previous?.seq ?? 0, 1000);
      if (batch.length === 0) return { ok: true, checked };
      for (const event of batch) {
        const { hash, ...unsealed } = event;
        const linked = previous ? event.prevHash === previous.hash && event.seq === previous.seq + 1 : event.seq === 1 && event.prevHash === GENESIS_HASH;
        if (!linked || hashAuditEvent(unsealed) !== hash) return { ok: false, checked, brokenAt: event.seq };
        previous = event;
        checked += 1;
      }
    }
  }
}
