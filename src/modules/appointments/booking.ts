import { randomInt, randomUUID } from 'node:crypto';
import { formatCowinDate, todayInIndia, type IsoDate } from '../../core/calendar-date.js';
import type { Clock } from '../../core/clock.js';
import type { FieldCipher } from '../../core/crypto/field-cipher.js';
import { isUniqueViolation, type Db } from '../../core/db.js';
import { AppError, notFound } from '../../core/errors.js';
import { SmsDeliveryError, type SmsGateway } from '../../core/sms/gateway.js';
import type { AccessService } from '../access/service.js';
import type { Actor } from '../access/schema.js';
import type { BeneficiaryService, Member } from '../beneficiaries/service.js';
import type { FacilityService } from '../facilities/service.js';
import type { IdentityService } from '../identity/service.js';
import { OutOfScopeError } from '../staff/scope.js';
import type { VaccinationService } from '../vaccination/service.js';
import type { VaccineLookup } from '../vaccination/vaccines.js';
import { appointmentExists, invalidSlot, notEligible, sessionClosed, sessionFull, unknownSession } from './errors.js';
import { ineligibilityFor, nextDoseOf } from './eligibility.js';
import * as store from './store.js';

type Citizen = Actor & { kind: 'citizen' };

export interface BookingRequest {
  sessionId: string;
  slot: string;
  /** Beneficiary reference ids of the actor's own members. */
  referenceIds: string[];
  dose?: number | undefined;
}

export interface BookedAppointment {
  bookingId: string;
  sessionId: string;
  facilityId: number;
  date: string;
  slot: string;
  dose: number;
  /** Per member: the 4-digit code the citizen shows the vaccinator. Never shown to staff. */
  members: { member: Member; securityCode: string }[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Booking, rescheduling and cancelling (Co-WIN's schedule/reschedule/cancel). Each is one
 * transaction: seats are taken by a conditional UPDATE (store.reserveSeats), one live appointment
 * per member is a unique index, so concurrency can neither overbook nor double-book.
 */
export class BookingService {
  constructor(
    private readonly deps: {
      db: Db;
      clock: Clock;
      cipher: FieldCipher;
      access: AccessService;
      beneficiaries: BeneficiaryService;
      vaccination: VaccinationService;
      facilities: FacilityService;
      identity: IdentityService;
      sms: SmsGateway;
      vaccines: VaccineLookup;
    },
  ) {}

  /** Books, then texts the security codes to the account's mobile (the slip has them too). */
  async schedule(actor: Citizen, request: BookingRequest): Promise<BookedAppointment> {
    const booked = await this.book(actor, request);
    await this.textSecurityCodes(actor, booked);
    return booked;
  }

  private async book(actor: Citizen, request: BookingRequest): Promise<BookedAppointment> {
    const { db } = this.deps;
    const referenceIds = [...new Set(request.referenceIds)];
    if (referenceIds.length === 0) throw new AppError('USRRES0001', 400, 'Input parameter missing: beneficiaries', 'beneficiaries');
    try {
      return await db.transaction().execute(async (trx) => {
        const session = await this.openSession(trx, request.sessionId, request.slot);
        const members: Member[] = [];
        for (const referenceId of referenceIds) members.push(await this.deps.beneficiaries.findOwnMember(actor, referenceId, trx));
        const dose = await this.commonDose(trx, members, session, request.dose);
        for (const member of members) {
          if (await store.selectLiveAppointmentOf(trx, member.id)) throw appointmentExists();
        }
        if (!(await store.reserveSeats(trx, session.id, dose, members.length))) throw sessionFull();
        const now = this.deps.clock.now();
        const bookingId = randomUUID();
        const booked = members.map((member) => ({ member, id: randomUUID(), securityCode: String(randomInt(0, 10_000)).padStart(4, '0') }));
        await store.insertAppointments(trx, booked.map(({ member, id, securityCode }) => ({
          id,
          booking_id: bookingId,
          account_id: actor.accountId,
          beneficiary_id: member.id,
          session_id: session.id,
          dose,
          slot: request.slot,
          security_code_enc: this.deps.cipher.encrypt(securityCode, `appointment.security_code:${id}`),
          security_code_mac: this.deps.cipher.mac('securityCode', `${id}:${securityCode}`),
          status: 'booked',
          created_at: now,
          updated_at: now,
        })));
        for (const { member } of booked) {
          await this.deps.access.record({
            type: 'appointment.booked', actor, subject: member.id, outcome: 'done', ip: actor.ip,
            detail: { booking_id: bookingId, session_id: session.id, dose },
          }, trx);
        }
        return {
          bookingId, sessionId: session.id, facilityId: session.facilityId, date: session.date, slot: request.slot, dose,
          members: booked.map(({ member, securityCode }) => ({ member, securityCode })),
        };
      });
    } catch (error) {
      // Two requests for one member at once: the unique index lets one through and stops the other here.
      if (isUniqueViolation(error)) throw appointmentExists();
      throw error;
    }
  }

  async reschedule(actor: Citizen, bookingId: string, sessionId: string, slot: string): Promise<void> {
    await this.deps.db.transaction().execute(async (trx) => {
      const rows = UUID.test(bookingId) ? await store.selectLiveBooking(trx, actor.accountId, bookingId) : [];
      if (rows.length === 0) throw notFound('appointment');
      const session = await this.openSession(trx, sessionId, slot);
      const dose = rows[0]!.dose;
      const members = await this.deps.beneficiaries.listMembers(actor.accountId, trx);
      const booked = members.filter((m) => rows.some((r) => r.beneficiary_id === m.id));
      const doses = await this.deps.vaccination.dosesOf(booked.map((m) => m.id), trx);
      for (const member of booked) {
        const problem = ineligibilityFor(member, doses.get(member.id) ?? [], dose, session, this.deps.vaccines);
        if (problem) throw notEligible(problem, 'session_id');
      }
      await this.releaseRows(trx, rows);
      if (!(await store.reserveSeats(trx, session.id, dose, rows.length))) throw sessionFull();
      await store.moveAppointments(trx, rows.map((r) => r.id), session.id, slot, this.deps.clock.now());
      for (const row of rows) {
        await this.deps.access.record({
          type: 'appointment.rescheduled', actor, subject: row.beneficiary_id, outcome: 'done', ip: actor.ip,
          detail: { booking_id: bookingId, session_id: session.id },
        }, trx);
      }
    });
  }

  /** Cancels the named members' places in a booking (all of them when none are named). */
  async cancel(actor: Citizen, bookingId: string, referenceIds: string[]): Promise<void> {
    await this.deps.db.transaction().execute(async (trx) => {
      const rows = UUID.test(bookingId) ? await store.selectLiveBooking(trx, actor.accountId, bookingId) : [];
      let chosen = rows;
      if (referenceIds.length > 0) {
        const members: Member[] = [];
        for (const referenceId of referenceIds) members.push(await this.deps.beneficiaries.findOwnMember(actor, referenceId, trx));
        chosen = rows.filter((r) => members.some((m) => m.id === r.beneficiary_id));
      }
      if (chosen.length === 0) throw notFound('appointment');
      await this.cancelRows(actor, trx, chosen);
    });
  }

  /** Before a member is removed: their live appointment goes, and its seat returns to the session. */
  async cancelLiveAppointmentOf(actor: Citizen, member: Member, trx: Db): Promise<void> {
    const live = await store.selectLiveAppointmentOf(trx, member.id);
    if (live) await this.cancelRows(actor, trx, [live]);
  }

  liveAppointmentsOf(accountId: string): Promise<store.AppointmentRow[]> {
    return store.selectLiveAppointmentsOfAccount(this.deps.db, accountId);
  }

  liveBooking(accountId: string, bookingId: string): Promise<store.AppointmentRow[]> {
    return UUID.test(bookingId) ? store.selectLiveBooking(this.deps.db, accountId, bookingId) : Promise.resolve([]);
  }

  /** The security codes of a booking, for the owner's slip (decrypted only for its own account). */
  async securityCodes(actor: Citizen, bookingId: string): Promise<Map<string, string>> {
    const rows = await store.selectSecurityCodes(this.deps.db, actor.accountId, bookingId);
    return new Map(rows.map((r) => [r.beneficiary_id, this.deps.cipher.decrypt(r.security_code_enc, `appointment.security_code:${r.id}`)]));
  }

  /** A centre's roster for a day: ids, doses and slots only; names come through the access module. */
  rosterAt(facilityId: number, date: IsoDate): Promise<store.RosterRow[]> {
    return store.selectRoster(this.deps.db, facilityId, date);
  }

  /** One appointment as its centre sees it; undefined when it is not at `facilityId` (so: not found). */
  async appointmentAtCentre(facilityId: number, appointmentId: string, db: Db = this.deps.db) {
    const row = UUID.test(appointmentId) ? await store.selectAppointmentForCentre(db, appointmentId) : undefined;
    return row && row.facility_id === facilityId ? row : undefined;
  }

  /**
   * The 404 for an appointment that is not at the caller's centre. Both cases answer alike; one
   * at another centre is someone's appointment outside the staff member's scope, recorded as a
   * refusal against that person (decision 0015).
   */
  async notAtCentre(appointmentId: string, db: Db = this.deps.db): Promise<AppError> {
    const row = UUID.test(appointmentId) ? await store.selectAppointmentForCentre(db, appointmentId) : undefined;
    return row ? new OutOfScopeError('appointment', { person: row.beneficiary_id }) : notFound('appointment');
  }

  /** Whether the code the citizen showed is this appointment's, compared by MAC in constant time. */
  securityCodeMatches(appointment: { id: string; security_code_mac: string }, code: string): boolean {
    return /^\d{4}$/.test(code) && this.deps.cipher.macMatches('securityCode', `${appointment.id}:${code}`, appointment.security_code_mac);
  }

  completeAppointment(trx: Db, appointmentId: string): Promise<boolean> {
    return store.completeAppointment(trx, appointmentId, this.deps.clock.now());
  }

  private async textSecurityCodes(actor: Citizen, booked: BookedAppointment): Promise<void> {
    const ticket = await this.deps.access.authorize(actor, { subject: { kind: 'account', id: actor.accountId }, purpose: 'booking', fields: ['mobile'] });
    const mobile = await this.deps.identity.readMobile(ticket);
    const centre = await this.deps.facilities.findById(booked.facilityId);
    const codes = booked.members.map(({ member, securityCode }) => `ref ..${member.referenceId.slice(-4)}: ${securityCode}`).join(', ');
    try {
      await this.deps.sms.send({
        to: mobile.reveal(),
        text: `Teeka: dose ${booked.dose} booked for ${formatCowinDate(booked.date)}, ${booked.slot} at ${centre?.name ?? 'your centre'}. ` +
          `Security code ${codes}. Show it to the vaccinator; do not share it with anyone else.`,
        secrets: booked.members.map((m) => m.securityCode),
      });
    } catch (error) {
      // The booking stands either way; the codes are on the slip the citizen can download.
      if (!(error instanceof SmsDeliveryError)) throw error;
    }
  }

  private async openSession(trx: Db, sessionId: string, slot: string): Promise<store.BookableSession> {
    const session = UUID.test(sessionId) ? await store.selectSession(trx, sessionId) : undefined;
    if (!session) throw unknownSession();
    if (session.date < todayInIndia(this.deps.clock.now())) throw sessionClosed();
    if (!session.slots.includes(slot)) throw invalidSlot();
    return session;
  }

  /** Every member of one booking takes the same dose, since seats are counted per dose. */
  private async commonDose(trx: Db, members: Member[], session: store.BookableSession, requested: number | undefined): Promise<number> {
    const doses = await this.deps.vaccination.dosesOf(members.map((m) => m.id), trx);
    let common: number | undefined;
    for (const member of members) {
      const due = nextDoseOf(doses.get(member.id) ?? []);
      if (due === undefined) throw notEligible('This member has had every dose, including the precaution dose.');
      if (requested !== undefined && requested !== due) throw notEligible(`This member is due dose ${due}, not dose ${requested}.`, 'dose');
      if (common !== undefined && common !== due) throw notEligible('Members booked together must be due the same dose. Book them separately.');
      common = due;
      const problem = ineligibilityFor(member, doses.get(member.id) ?? [], due, session, this.deps.vaccines);
      if (problem) throw notEligible(problem);
    }
    return common!;
  }

  private async releaseRows(trx: Db, rows: store.AppointmentRow[]): Promise<void> {
    const groups = new Map<string, { sessionId: string; dose: number; walkIn: boolean; count: number }>();
    for (const row of rows) {
      const key = `${row.session_id}:${row.dose}:${row.walk_in}`;
      const group = groups.get(key) ?? { sessionId: row.session_id, dose: row.dose, walkIn: row.walk_in, count: 0 };
      group.count += 1;
      groups.set(key, group);
    }
    for (const group of groups.values()) {
      // A walk-in's place came from the session's walk-in share (decision 0010), and goes back there.
      if (group.walkIn) await store.releaseWalkIns(trx, group.sessionId, group.count);
      else await store.releaseSeats(trx, group.sessionId, group.dose, group.count);
    }
  }

  private async cancelRows(actor: Citizen, trx: Db, rows: store.AppointmentRow[]): Promise<void> {
    await this.releaseRows(trx, rows);
    await store.setAppointmentStatus(trx, rows.map((r) => r.id), 'cancelled', this.deps.clock.now());
    for (const row of rows) {
      await this.deps.access.record({
        type: 'appointment.cancelled', actor, subject: row.beneficiary_id, outcome: 'done', ip: actor.ip, detail: { booking_id: row.booking_id },
      }, trx);
    }
  }
}

/** For the access module: is this member on this centre's roster today? (No personal data read.) */
export function isBookedAt(db: Db, facilityId: number, beneficiaryId: string, date: IsoDate): Promise<boolean> {
  return store.hasLiveAppointmentAt(db, facilityId, beneficiaryId, date);
}
