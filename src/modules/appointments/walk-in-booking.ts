import { randomInt, randomUUID } from 'node:crypto';
import { todayInIndia } from '../../core/calendar-date.js';
import type { Clock } from '../../core/clock.js';
import type { FieldCipher } from '../../core/crypto/field-cipher.js';
import type { Db } from '../../core/db.js';
import { AppError, notFound } from '../../core/errors.js';
import { Sensitive } from '../../core/sensitive.js';
import type { AccessService } from '../access/service.js';
import type { Actor } from '../access/schema.js';
import * as store from './store.js';

/** A session running today at a centre, with what is left of its walk-in share. */
export interface WalkInSession {
  id: string;
  vaccine: string;
  minAgeLimit: number;
  maxAgeLimit: number | null;
  slots: string[];
  walkInCapacity: number;
  walkInsLeft: number;
}

export interface WalkInAppointment {
  appointmentId: string;
  bookingId: string;
  slot: string;
  dose: number;
  /** For the person's own SMS only; staff are never shown it. */
  securityCode: Sensitive<string>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const walkInsFull = () => new AppError('WALK_INS_FULL', 409,
  'This session\'s walk-in places are all taken today. Choose another of today\'s sessions, or ask the person to book online.', 'session_id');

const toWalkInSession = (row: store.WalkInSessionRow): WalkInSession => ({
  id: row.id, vaccine: row.vaccine, minAgeLimit: row.min_age_limit, maxAgeLimit: row.max_age_limit, slots: row.slots,
  walkInCapacity: row.walk_in_capacity, walkInsLeft: Math.max(0, row.walk_in_capacity - row.walk_ins),
});

/** "09:30AM-10:30AM" as minutes from midnight; undefined for a label in any other form. */
function slotMinutes(slot: string): [number, number] | undefined {
  const match = /^(\d{2}):(\d{2})(AM|PM)-(\d{2}):(\d{2})(AM|PM)$/.exec(slot);
  if (!match) return undefined;
  const minutes = (h: string, m: string, half: string) => (Number(h) % 12) * 60 + Number(m) + (half === 'PM' ? 720 : 0);
  return [minutes(match[1]!, match[2]!, match[3]!), minutes(match[4]!, match[5]!, match[6]!)];
}

/** The slot running now (India time), else the next to start, else the day's last; the first when no label can be read. */
export function slotForWalkIn(slots: readonly string[], now: Date): string {
  const ist = new Date(now.getTime() + (5 * 60 + 30) * 60 * 1000);
  const minute = ist.getUTCHours() * 60 + ist.getUTCMinutes();
  const timed = slots.map((slot) => ({ slot, range: slotMinutes(slot) }));
  const current = timed.find((t) => t.range && t.range[0] <= minute && minute < t.range[1]);
  const next = timed.find((t) => t.range && minute < t.range[0]);
  return current?.slot ?? next?.slot ?? (timed.some((t) => t.range) ? slots[slots.length - 1]! : slots[0]!);
}

/**
 * Walk-ins (decision 0010): a person registered at the centre gets dose 1 there and then, in one
 * of the sessions running today, counted against the session's walk-in share (`walk_in_capacity`)
 * and never its online seats, so online booking and the public availability answers are unchanged.
 */
export class WalkInBookingService {
  constructor(private readonly deps: { db: Db; clock: Clock; cipher: FieldCipher; access: AccessService }) {}

  /** Today's sessions at a centre with their walk-in share: what staff choose from. */
  async sessionsToday(facilityId: number): Promise<WalkInSession[]> {
    return (await store.selectWalkInSessionsAt(this.deps.db, facilityId, todayInIndia(this.deps.clock.now()))).map(toWalkInSession);
  }

  /**
   * The session, if it runs today at this centre and takes someone born in `birthYear` (ages as
   * Co-WIN counted them, this year minus year of birth). Reads only: callers check before they write.
   */
  async sessionFor(db: Db, facilityId: number, sessionId: string, birthYear: number): Promise<WalkInSession> {
    const row = UUID.test(sessionId) ? await store.selectWalkInSession(db, sessionId) : undefined;
    if (!row || row.facility_id !== facilityId) throw notFound('session');
    const today = todayInIndia(this.deps.clock.now());
    if (row.date !== today) throw new AppError('NOT_TODAY', 409, 'That session is not today. Choose one of today\'s sessions at your centre.', 'session_id');
    const age = Number(today.slice(0, 4)) - birthYear;
    if (age < row.min_age_limit || (row.max_age_limit !== null && age > row.max_age_limit)) {
      const range = row.max_age_limit === null ? `${row.min_age_limit} and above` : `${row.min_age_limit} to ${row.max_age_limit}`;
      throw new AppError('NOT_ELIGIBLE', 409, `This session is for ages ${range}; someone born in ${birthYear} is ${age} this year. Choose another of today's sessions.`, 'session_id');
    }
    return toWalkInSession(row);
  }

  /**
   * Books dose 1 in the session for a member just registered, in the caller's transaction: one
   * place of the walk-in share (409 WALK_INS_FULL when none is left), the slot running now, and a
   * security code like any booking's, for the person's SMS.
   */
  async book(trx: Db, staff: Actor & { kind: 'staff' }, walkIn: { accountId: string; beneficiaryId: string; session: WalkInSession }): Promise<WalkInAppointment> {
    const { clock, cipher, access } = this.deps;
    if (!(await store.reserveWalkIn(trx, walkIn.session.id))) throw walkInsFull();
    const now = clock.now();
    const appointmentId = randomUUID();
    const bookingId = randomUUID();
    const slot = slotForWalkIn(walkIn.session.slots, now);
    const securityCode = String(randomInt(0, 10_000)).padStart(4, '0');
    await store.insertAppointments(trx, [{
      id: appointmentId, booking_id: bookingId, account_id: walkIn.accountId, beneficiary_id: walkIn.beneficiaryId, session_id: walkIn.session.id,
      dose: 1, slot, security_code_enc: cipher.encrypt(securityCode, `appointment.security_code:${appointmentId}`),
      security_code_mac: cipher.mac('securityCode', `${appointmentId}:${securityCode}`), status: 'booked', created_at: now, updated_at: now, walk_in: true,
    }]);
    await access.record({
      type: 'appointment.booked', actor: staff, subject: walkIn.beneficiaryId, outcome: 'done', ip: staff.ip,
      detail: { booking_id: bookingId, session_id: walkIn.session.id, dose: 1, walk_in: true },
    }, trx);
    return { appointmentId, bookingId, slot, dose: 1, securityCode: new Sensitive(securityCode) };
  }
}
