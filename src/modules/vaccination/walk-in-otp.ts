import { randomBytes, randomUUID } from 'node:crypto';
import type { Clock } from '../../core/clock.js';
import type { FieldCipher } from '../../core/crypto/field-cipher.js';
import type { Db } from '../../core/db.js';
import { AppError, notFound } from '../../core/errors.js';
import type { CentreOtpPurpose, IdentityService } from '../identity/service.js';
import type { Vaccinator } from './encounter.js';
import * as store from './walk-in-otp-store.js';

/**
 * Codes a staff member asks the platform to text to someone standing at their centre, per hour.
 * A busy centre registers a walk-in every few minutes; a login sending hundreds is a script.
 */
export const CENTRE_OTPS_PER_STAFF_PER_HOUR = 30;
const HOUR_MS = 60 * 60 * 1000;

export interface CentreOtpRequest {
  id: string;
  otpTransactionId: string;
  facilityId: number;
  /** Whose certificate an AEFI identification is for; null for a walk-in. */
  beneficiaryId: string | null;
  closed: boolean;
}

export const staffOtpCap = () => new AppError('STAFF_OTP_LIMIT', 429,
  `You have asked for ${CENTRE_OTPS_PER_STAFF_PER_HOUR} codes in the last hour, the most one login may. Please wait, or ask a colleague.`, undefined, 600);
const wrongCode = (left: number) => new AppError('WRONG_CODE', 400,
  `That code does not match. ${left} ${left === 1 ? 'try' : 'tries'} left; ask the person to read the SMS again.`, 'otp');
const codeLocked = () => new AppError('CODE_LOCKED', 429, 'Too many wrong codes. Send a new code to the person\'s mobile and start again.', 'otp', 60);
const codeExpired = () => new AppError('CODE_EXPIRED', 400, 'This code has expired or was already used. Send a new code to the person\'s mobile.', 'otp');

/** The centre a vaccinator or facility admin works at; any other scope has none. */
export function centreOf(staff: Vaccinator): number {
  if (staff.scope.level !== 'facility') throw notFound('centre');
  return staff.scope.facilityId;
}

/**
 * A code texted to a person at the centre, which they read out to the staff member (decision
 * 0010): for a walk-in's registration, or for a returning person's AEFI report. Staff get an opaque
 * token, kept only as a keyed MAC, that works for them at their centre only; the code itself follows
 * the login OTP's rules (identity module) and can never log anyone in.
 */
export class CentreOtpRequests {
  constructor(private readonly deps: { db: Db; clock: Clock; cipher: FieldCipher; identity: IdentityService }) {}

  /** Texts a code to `mobile` and returns the token that goes with it. */
  async send(
    staff: Vaccinator,
    purpose: CentreOtpPurpose,
    mobile: string | undefined,
    text: (otp: string) => string,
    beneficiaryId: string | null = null,
  ): Promise<string> {
    const { clock, identity } = this.deps;
    const facilityId = centreOf(staff);
    const token = randomBytes(32).toString('base64url');
    const now = clock.now();
    await identity.sendCentreOtp(mobile, purpose, staff, text, async (trx, txnId) => {
      await store.lockStaffRequests(trx, staff.staffId);
      if ((await store.countRequestsSince(trx, staff.staffId, new Date(now.getTime() - HOUR_MS))) >= CENTRE_OTPS_PER_STAFF_PER_HOUR) throw staffOtpCap();
      await store.insertRequest(trx, {
        id: randomUUID(), token_mac: this.tokenMac(token), purpose, otp_transaction_id: txnId, staff_id: staff.staffId, facility_id: facilityId,
        beneficiary_id: beneficiaryId, created_at: now, closed_at: null,
      });
    });
    return token;
  }

  /** The request behind a token, if this staff member asked for it at this centre; locked for `trx`. */
  async open(trx: Db, staff: Vaccinator, purpose: CentreOtpPurpose, token: string): Promise<CentreOtpRequest> {
    const facilityId = centreOf(staff);
    const row = /^[A-Za-z0-9_-]{43}$/.test(token) ? await store.selectRequestForUpdate(trx, this.tokenMac(token)) : undefined;
    if (!row || row.purpose !== purpose || row.staff_id !== staff.staffId || row.facility_id !== facilityId) throw notFound('code request');
    return { id: row.id, otpTransactionId: row.otp_transaction_id, facilityId, beneficiaryId: row.beneficiary_id, closed: row.closed_at !== null };
  }

  /**
   * Checks the code the person read out and closes the request. A refusal comes back as the error to
   * throw once the caller has committed, so that a wrong code counts (3 lock the code).
   */
  async redeem(trx: Db, staff: Vaccinator, purpose: CentreOtpPurpose, request: CentreOtpRequest, otp: string): Promise<{ ok: true; accountId: string | undefined } | { ok: false; error: AppError }> {
    if (request.closed) return { ok: false, error: codeExpired() };
    const result = await this.deps.identity.redeemCentreOtp(trx, request.otpTransactionId, purpose, otp, staff);
    if (!result.ok) {
      if (result.refusal === 'wrong') return { ok: false, error: wrongCode(result.triesLeft) };
      return { ok: false, error: result.refusal === 'locked' ? codeLocked() : codeExpired() };
    }
    await store.closeRequest(trx, request.id, this.deps.clock.now());
    return { ok: true, accountId: result.accountId };
  }

  /** Ends a request for good, in its own transaction, when what it was for cannot happen. */
  async close(staff: Vaccinator, purpose: CentreOtpPurpose, token: string): Promise<void> {
    await this.deps.db.transaction().execute(async (trx) => {
      const request = await this.open(trx, staff, purpose, token);
      await store.closeRequest(trx, request.id, this.deps.clock.now());
    });
  }

  private tokenMac(token: string): string {
    return this.deps.cipher.mac('token', `centre-otp:${token}`);
  }
}
