import type { Clock } from '../../core/clock.js';
import type { Db } from '../../core/db.js';
import { AppError } from '../../core/errors.js';
import { SmsDeliveryError, type SmsGateway } from '../../core/sms/gateway.js';
import type { AccessService } from '../access/service.js';
import type { WalkInBookingService, WalkInSession } from '../appointments/walk-in-booking.js';
import type { BeneficiaryService, NewMemberInput } from '../beneficiaries/service.js';
import type { FacilityService } from '../facilities/service.js';
import type { IdentityService } from '../identity/service.js';
import type { Vaccinator } from './encounter.js';
import { centreOf, type CentreOtpRequests } from './walk-in-otp.js';

export interface WalkInRegistration {
  /** The token from `sendCode`, the code the person read out, and one of today's sessions here. */
  token: string;
  otp: string;
  sessionId: string;
  person: NewMemberInput;
}

export interface RegisteredWalkIn {
  appointmentId: string;
  slot: string;
  dose: number;
  vaccine: string;
}

export const alreadyRegistered = () => new AppError('ALREADY_REGISTERED', 409,
  'This ID document is already registered, so the person cannot be registered again. Ask them for the security code on their ' +
  'appointment slip or SMS and find them on today\'s roster; without an appointment today, they can book one from their own phone.',
  'photo_id_number');
const accountFull = () => new AppError('ACCOUNT_FULL', 409,
  'No one more can be registered with this mobile number. Start again with another mobile number of the person or their family.');

/**
 * Registering someone who comes to the centre without an account or a booking (decision 0010). The
 * person's own mobile receives a code; reading it out is their authorisation, as at login. The
 * staff member never learns whether the number had an account, nor anything about its members.
 */
export class WalkInService {
  constructor(
    private readonly deps: {
      db: Db; clock: Clock; sms: SmsGateway; access: AccessService; identity: IdentityService; beneficiaries: BeneficiaryService;
      facilities: FacilityService; walkInBooking: WalkInBookingService; otps: CentreOtpRequests;
    },
  ) {}

  /** Today's sessions at the staff member's centre, with their walk-in places left. */
  sessionsToday(staff: Vaccinator): Promise<WalkInSession[]> {
    return this.deps.walkInBooking.sessionsToday(centreOf(staff));
  }

  /** Step 1: texts a code to the mobile the person gives. The answer is the same for any number. */
  async sendCode(staff: Vaccinator, mobile: string | undefined): Promise<{ token: string }> {
    const centre = await this.deps.facilities.findById(centreOf(staff));
    const token = await this.deps.otps.send(staff, 'walk_in', mobile, (otp) =>
      `Teeka: ${otp} is your code to register for vaccination at ${centre?.name ?? 'the centre'} today. ` +
      'Tell it only to the vaccinator in front of you. Valid 3 minutes.');
    return { token };
  }

  /**
   * Step 2, in one transaction: the code, the account of the mobile (made if new), the person's
   * registration, a dose-1 walk-in appointment in today's session and an encounter grant for this
   * centre until midnight. Bad input is refused before anything is written; a wrong code counts.
   */
  async register(staff: Vaccinator, registration: WalkInRegistration): Promise<RegisteredWalkIn> {
    const { db, access, beneficiaries, walkInBooking, otps } = this.deps;
    const facilityId = centreOf(staff);
    const member = beneficiaries.validateNewMember(registration.person);
    let outcome;
    try {
      outcome = await db.transaction().execute(async (trx) => {
        const request = await otps.open(trx, staff, 'walk_in', registration.token);
        const session = await walkInBooking.sessionFor(trx, facilityId, registration.sessionId, member.birthYear);
        const redeemed = await otps.redeem(trx, staff, 'walk_in', request, registration.otp);
        if (!redeemed.ok) return { refused: redeemed.error };
        const accountId = redeemed.accountId!;
        const registered = await beneficiaries.insertMember(trx, staff, accountId, member);
        const appointment = await walkInBooking.book(trx, staff, { accountId, beneficiaryId: registered.id, session });
        // decision 0010: the code the person read out authorises this centre, today, as one shown at the desk would.
        await access.openEncounter(staff, { facilityId, beneficiaryId: registered.id, appointmentId: appointment.appointmentId, method: 'otp' }, trx);
        await access.record({
          type: 'walk_in.registered', actor: staff, subject: registered.id, outcome: 'done', ip: staff.ip, detail: { facility_id: facilityId, session_id: session.id },
        }, trx);
        return { accountId, referenceId: registered.referenceId, appointment, session };
      });
    } catch (error) {
      if (error instanceof AppError && error.code === 'PHOTO_ID_TAKEN') {
        // The walk-in ends here: one code must not let staff try ID numbers to see which are registered.
        await otps.close(staff, 'walk_in', registration.token);
        throw alreadyRegistered();
      }
      if (error instanceof AppError && error.code === 'MEMBER_LIMIT') throw accountFull();
      throw error;
    }
    if ('refused' in outcome) throw outcome.refused;
    const { accountId, referenceId, appointment, session } = outcome;
    await this.textConfirmation(accountId, facilityId, referenceId, session.vaccine, appointment.securityCode.reveal());
    return { appointmentId: appointment.appointmentId, slot: appointment.slot, dose: appointment.dose, vaccine: session.vaccine };
  }

  /** The person's reference id and security code, to their own mobile; staff never see the code. */
  private async textConfirmation(accountId: string, facilityId: number, referenceId: string, vaccine: string, securityCode: string): Promise<void> {
    const { access, identity, facilities, sms } = this.deps;
    const ticket = await access.authorize({ kind: 'system', name: 'vaccination' }, { subject: { kind: 'account', id: accountId }, purpose: 'notification', fields: ['mobile'] });
    const mobile = await identity.readMobile(ticket);
    const centre = await facilities.findById(facilityId);
    try {
      await sms.send({
        to: mobile.reveal(),
        text: `Teeka: registered at ${centre?.name ?? 'the centre'}. Beneficiary reference ID ${referenceId}. ` +
          `Security code ${securityCode} for today's dose 1 of ${vaccine}: show it only to the vaccinator. Log in with this mobile to see your record.`,
        secrets: [securityCode],
      });
    } catch (error) {
      // The registration stands; the person can log in with this mobile to see the appointment.
      if (!(error instanceof SmsDeliveryError)) throw error;
    }
  }
}
