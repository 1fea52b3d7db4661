import { randomInt } from 'node:crypto';
import type { Clock } from '../../core/clock.js';
import { todayInIndia } from '../../core/calendar-date.js';
import type { FieldCipher } from '../../core/crypto/field-cipher.js';
import type { Db } from '../../core/db.js';
import { AppError, notFound } from '../../core/errors.js';
import { SmsDeliveryError, type SmsGateway } from '../../core/sms/gateway.js';
import type { AccessService } from '../access/service.js';
import type { Actor } from '../access/schema.js';
import type { BookingService } from '../appointments/booking.js';
import type { IdentityService } from '../identity/service.js';
import { alreadyDone, encounterLocked, notToday, wrongCode } from './errors.js';
import * as store from './store.js';

export type Vaccinator = Actor & { kind: 'staff' };

/** Wrong codes or OTPs allowed per appointment: 4 digits must not be guessable by trying. */
export const MAX_ENCOUNTER_FAILURES = 3;
const OTP_VALIDITY_MS = 3 * 60 * 1000;

/**
 * How a vaccinator gets to open a person's record: only with what the citizen gives, in person —
 * the 4-digit security code on their slip, or an OTP sent to their mobile that they read out
 * (decision 0008). There is no lookup by mobile, ID number or name anywhere in this module.
 */
export class EncounterService {
  constructor(
    private readonly deps: { db: Db; clock: Clock; cipher: FieldCipher; sms: SmsGateway; access: AccessService; booking: BookingService; identity: IdentityService },
  ) {}

  async openWithSecurityCode(staff: Vaccinator, appointmentId: string, code: string): Promise<void> {
    await this.open(staff, appointmentId, 'security_code', (appointment) => this.deps.booking.securityCodeMatches(appointment, code.trim()));
  }

  /** Texts a one-time code to the citizen's own mobile; the vaccinator never sees the number. */
  async sendOtp(staff: Vaccinator, appointmentId: string): Promise<void> {
    const { db, clock, cipher, access, identity, sms } = this.deps;
    const appointment = await this.todaysAppointment(staff, appointmentId, db);
    const otp = String(randomInt(0, 1_000_000)).padStart(6, '0');
    await db.transaction().execute(async (trx) => {
      const attempts = await store.selectEncounterAttempt(trx, appointment.id);
      if ((attempts?.failed_attempts ?? 0) >= MAX_ENCOUNTER_FAILURES) throw encounterLocked();
      await store.storeEncounterOtp(trx, appointment.id, cipher.mac('otp', `encounter:${appointment.id}:${otp}`), new Date(clock.now().getTime() + OTP_VALIDITY_MS));
    });
    const system: Actor = { kind: 'system', name: 'vaccination' };
    const ticket = await access.authorize(system, { subject: { kind: 'account', id: appointment.account_id }, purpose: 'notification', fields: ['mobile'] });
    const mobile = await identity.readMobile(ticket);
    try {
      await sms.send({
        to: mobile.reveal(),
        text: `Teeka: your vaccination code is ${otp}. Read it out to the vaccinator at the centre only. Valid 3 minutes.`,
        secrets: [otp],
      });
    } catch (error) {
      if (!(error instanceof SmsDeliveryError)) throw error;
      throw new AppError('SMS_NOT_SENT', 503, 'The code could not be sent just now. Use the security code on the citizen\'s slip, or try again.', undefined, 60);
    }
  }

  async openWithOtp(staff: Vaccinator, appointmentId: string, otp: string): Promise<void> {
    const { cipher, clock } = this.deps;
    await this.open(staff, appointmentId, 'otp', async (appointment, trx) => {
      const pending = await store.selectEncounterAttempt(trx, appointment.id);
      if (!pending?.otp_mac || !pending.otp_expires_at || new Date(pending.otp_expires_at) <= clock.now()) return false;
      return /^\d{6}$/.test(otp.trim()) && cipher.macMatches('otp', `encounter:${appointment.id}:${otp.trim()}`, pending.otp_mac);
    });
  }

  private async open(
    staff: Vaccinator,
    appointmentId: string,
    method: 'security_code' | 'otp',
    matches: (appointment: NonNullable<Awaited<ReturnType<BookingService['appointmentAtCentre']>>>, trx: Db) => boolean | Promise<boolean>,
  ): Promise<void> {
    const { db, access } = this.deps;
    const failure = await db.transaction().execute(async (trx) => {
      const appointment = await this.todaysAppointment(staff, appointmentId, trx);
      const attempts = await store.selectEncounterAttempt(trx, appointment.id);
      if ((attempts?.failed_attempts ?? 0) >= MAX_ENCOUNTER_FAILURES) return encounterLocked();
      if (!(await matches(appointment, trx))) {
        const failed = await store.countFailedEncounterAttempt(trx, appointment.id);
        await access.record({ type: 'encounter.refused', actor: staff, subject: appointment.beneficiary_id, outcome: 'denied', ip: staff.ip, detail: { method } }, trx);
        return failed >= MAX_ENCOUNTER_FAILURES ? encounterLocked() : wrongCode(MAX_ENCOUNTER_FAILURES - failed);
      }
      await access.openEncounter(staff, { facilityId: appointment.facility_id, beneficiaryId: appointment.beneficiary_id, appointmentId: appointment.id, method }, trx);
      return undefined;
    });
    // The failed try is committed first, or the limit would count nothing.
    if (failure) throw failure;
  }

  /** The appointment, if it is at the vaccinator's own centre, today, and still to be done. */
  private async todaysAppointment(staff: Vaccinator, appointmentId: string, db: Db) {
    if (staff.scope.level !== 'facility') throw notFound('appointment');
    const appointment = await this.deps.booking.appointmentAtCentre(staff.scope.facilityId, appointmentId, db);
    if (!appointment) throw await this.deps.booking.notAtCentre(appointmentId, db);
    if (appointment.date !== todayInIndia(this.deps.clock.now())) throw notToday();
    if (appointment.status !== 'booked') throw alreadyDone();
    return appointment;
  }
}
