import { createHash, randomInt, randomUUID } from 'node:crypto';
import type { Clock } from '../../core/clock.js';
import type { FieldCipher } from '../../core/crypto/field-cipher.js';
import type { Db } from '../../core/db.js';
import { AppError, unauthenticated } from '../../core/errors.js';
import { Sensitive } from '../../core/sensitive.js';
import { SmsDeliveryError, type SmsGateway } from '../../core/sms/gateway.js';
import type { AccessService } from '../access/service.js';
import type { Actor, Ticket } from '../access/schema.js';
import { lastFourDigits, normaliseMobile } from '../beneficiaries/mobile.js';
import { invalidMobile, invalidOtp, mobileRequired, otpDailyLimit, otpRequired, otpTooSoon } from './errors.js';
import * as store from './store.js';
import { createCaptcha, verifyCaptcha } from './captcha.js';
import { signToken, verifyToken } from './tokens.js';

/**
 * OTP rules, after NIST SP 800-63B §5.1.3 (out-of-band authenticators) and OWASP ASVS V2.7:
 * 6 digits from a CSPRNG, kept only as a keyed MAC, valid 3 minutes, single use, 3 wrong tries
 * per transaction, and resend/daily limits per mobile against SMS bombing and guessing.
 */
export const OTP_VALIDITY_MS = 3 * 60 * 1000;
export const OTP_MAX_FAILED_ATTEMPTS = 3;
export const OTP_RESEND_INTERVAL_MS = 60 * 1000;
export const OTP_DAILY_LIMIT = 50;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * What an OTP is for: logging in, a person at a centre reading it out to staff (decision 0010), or a
 * signed-in citizen confirming an act only they may do, such as approving a partner's consent (decision 0017).
 */
export type OtpPurpose = 'login' | CentreOtpPurpose | AccountOtpPurpose;
export type CentreOtpPurpose = 'walk_in' | 'aefi';
export type AccountOtpPurpose = 'consent';

/** A code read out at a centre: the account of its mobile, or why it was refused. */
export type CentreOtpResult =
  | { ok: true; accountId: string | undefined }
  | { ok: false; refusal: 'wrong' | 'expired' | 'locked'; triesLeft: number };

export interface LoginResult {
  token: string;
  isNewAccount: boolean;
  accountId: string;
}

export class IdentityService {
  constructor(
    private readonly deps: { db: Db; clock: Clock; cipher: FieldCipher; sms: SmsGateway; access: AccessService },
  ) {}

  /**
   * Sends an OTP and returns the transaction id. It answers the same for a registered and an
   * unknown number (an account is made only when the OTP is confirmed), so it confirms nothing.
   */
  async requestOtp(rawMobile: string | undefined, ip: string | undefined): Promise<{ txnId: string }> {
    const mobile = validMobile(rawMobile);
    const { txnId, otp } = await this.issueOtp(mobile, 'login', { kind: 'system', name: 'identity' }, ip);
    await this.textOtp(mobile, otp, `Your OTP to register/access Teeka is ${otp}. It will be valid for 3 minutes. Do not share it with anyone. - Teeka`,
      'We could not send the OTP just now. Please try again in a minute.');
    return { txnId };
  }

  /**
   * Texts a code to a person at a centre, who reads it out to the staff member there (decision
   * 0010): to the mobile a walk-in gives, or to an account's own mobile for a person identifying
   * themselves. The same code rules and per-mobile limits as a login OTP, but the code can never log
   * anyone in. `bind` runs in the code's transaction, to tie it to the caller's own record.
   */
  async sendCentreOtp(
    rawMobile: string | undefined,
    purpose: CentreOtpPurpose,
    staff: Actor & { kind: 'staff' },
    text: (otp: string) => string,
    bind: (trx: Db, txnId: string) => Promise<void>,
  ): Promise<void> {
    const mobile = validMobile(rawMobile);
    const { otp } = await this.issueOtp(mobile, purpose, staff, staff.ip, bind);
    await this.textOtp(mobile, otp, text(otp), 'The code could not be sent just now. Please try again in a minute.');
  }

  /**
   * Checks, inside the caller's transaction, a code a person read out at a centre, and uses it up.
   * Answers the account of the code's mobile: for a walk-in it is made now if there was none, and
   * the answer does not say which. A wrong code is counted, so the caller must commit a refusal.
   */
  async redeemCentreOtp(trx: Db, txnId: string, purpose: CentreOtpPurpose, otp: string, staff: Actor & { kind: 'staff' }): Promise<CentreOtpResult> {
    return this.redeemCode(trx, txnId, purpose, otp, staff);
  }

  /**
   * Texts a code to the signed-in citizen's own mobile, which `ticket` lets the caller read, to
   * confirm an act only they may do (decision 0017). The login OTP's rules and per-mobile limits;
   * the code never logs anyone in. `bind` runs in the code's transaction. Returns its transaction id.
   */
  async sendAccountOtp(ticket: Ticket, purpose: AccountOtpPurpose, text: (otp: string) => string, bind: (trx: Db, txnId: string) => Promise<void>): Promise<string> {
    const mobile = (await this.readMobile(ticket)).reveal();
    const ip = ticket.actor.kind === 'system' ? undefined : ticket.actor.ip;
    const { txnId, otp } = await this.issueOtp(mobile, purpose, ticket.actor, ip, bind);
    await this.textOtp(mobile, otp, text(otp), 'The code could not be sent just now. Please try again in a minute.');
    return txnId;
  }

  /** Checks and uses up, inside the caller's transaction, a code sent by `sendAccountOtp`; answers the account of its mobile. */
  async redeemAccountOtp(trx: Db, txnId: string, purpose: AccountOtpPurpose, otp: string, citizen: Actor & { kind: 'citizen' }): Promise<CentreOtpResult> {
    return this.redeemCode(trx, txnId, purpose, otp, citizen);
  }

  private async redeemCode(trx: Db, txnId: string, purpose: CentreOtpPurpose | AccountOtpPurpose, otp: string, actor: Actor & { kind: 'staff' | 'citizen' }): Promise<CentreOtpResult> {
    const { clock, cipher, access } = this.deps;
    const now = clock.now();
    const txn = await store.selectOtpTransactionForUpdate(trx, txnId);
    if (!txn || txn.purpose !== purpose || txn.consumed_at) return { ok: false, refusal: 'expired', triesLeft: 0 };
    if (txn.failed_attempts >= OTP_MAX_FAILED_ATTEMPTS) return { ok: false, refusal: 'locked', triesLeft: 0 };
    if (new Date(txn.expires_at) <= now) return { ok: false, refusal: 'expired', triesLeft: 0 };
    const digits = otp.trim();
    if (!/^\d{6}$/.test(digits) || !cipher.macMatches('otp', `${txnId}:${sha256Hex(digits)}`, txn.otp_mac)) {
      await store.recordFailedOtpAttempt(trx, txnId);
      await access.record({ type: 'otp.rejected', actor, subject: `otp:${txnId}`, outcome: 'failed', ip: actor.ip, detail: { purpose } }, trx);
      const triesLeft = OTP_MAX_FAILED_ATTEMPTS - txn.failed_attempts - 1;
      return { ok: false, refusal: triesLeft > 0 ? 'wrong' : 'locked', triesLeft };
    }
    await store.consumeOtpTransaction(trx, txnId, now);
    await store.lockMobile(trx, txn.mobile_bidx);
    const existing = await store.selectAccountByMobile(trx, txn.mobile_bidx);
    if (existing || purpose !== 'walk_in') return { ok: true, accountId: existing?.id };
    const accountId = randomUUID();
    const mobile = cipher.decrypt(txn.mobile_enc, `otp_transaction.mobile:${txnId}`);
    await store.insertAccount(trx, {
      id: accountId, mobile_enc: cipher.encrypt(mobile, `account.mobile:${accountId}`), mobile_bidx: txn.mobile_bidx,
      mobile_last4: lastFourDigits(mobile), created_at: now,
    });
    await access.record({ type: 'account.created', actor, subject: accountId, outcome: 'done', ip: actor.ip, detail: { purpose } }, trx);
    return { ok: true, accountId };
  }

  /** Stores a new OTP for `mobile` within the per-mobile limits, whatever it is for. */
  private async issueOtp(
    mobile: string,
    purpose: OtpPurpose,
    actor: Actor,
    ip: string | undefined,
    bind?: (trx: Db, txnId: string) => Promise<void>,
  ): Promise<{ txnId: string; otp: string }> {
    const { db, clock, cipher, access } = this.deps;
    const mobileBidx = cipher.blindIndex('mobile', mobile);
    const now = clock.now();
    const txnId = randomUUID();
    // ASVS V2.7.1: OTPs come from a CSPRNG.
    const otp = String(randomInt(0, 1_000_000)).padStart(6, '0');
    await db.transaction().execute(async (trx) => {
      await store.lockMobile(trx, mobileBidx);
      // Every purpose counts against the same limits: they guard the phone, whoever asks.
      const today = await store.countOtpsSince(trx, mobileBidx, new Date(now.getTime() - DAY_MS));
      if (today.latest && now.getTime() - today.latest.getTime() < OTP_RESEND_INTERVAL_MS) {
        throw otpTooSoon(Math.ceil((OTP_RESEND_INTERVAL_MS - (now.getTime() - today.latest.getTime())) / 1000));
      }
      if (today.count >= OTP_DAILY_LIMIT) throw otpDailyLimit(Math.ceil(DAY_MS / 1000));
      await store.insertOtpTransaction(trx, {
        id: txnId,
        mobile_bidx: mobileBidx,
        mobile_enc: cipher.encrypt(mobile, `otp_transaction.mobile:${txnId}`),
        // ASVS V2.7.6/V2.5.2: only a keyed hash is stored, of what the client will send back.
        otp_mac: cipher.mac('otp', `${txnId}:${sha256Hex(otp)}`),
        created_at: now,
        expires_at: new Date(now.getTime() + OTP_VALIDITY_MS),
        purpose,
      });
      await bind?.(trx, txnId);
      await access.record({
        type: 'otp.sent', actor, subject: `otp:${txnId}`, outcome: 'done', ip, ...(purpose === 'login' ? {} : { detail: { purpose } }),
      }, trx);
    });
    return { txnId, otp };
  }

  private async textOtp(mobile: string, otp: string, text: string, failure: string): Promise<void> {
    try {
      await this.deps.sms.send({ to: mobile, text, secrets: [otp] });
    } catch (error) {
      if (!(error instanceof SmsDeliveryError)) throw error;
      throw new AppError('SMS_NOT_SENT', 503, failure, 'mobile', 60);
    }
  }

  /**
   * Confirms an OTP sent as the SHA-256 hex of its digits (Co-WIN's wire format) and logs in,
   * making the account on first login. Every failure says only "Invalid OTP".
   */
  async confirmOtp(txnId: string | undefined, otpSha256: string | undefined, ip: string | undefined): Promise<LoginResult> {
    const { db, clock, cipher, access } = this.deps;
    if (!otpSha256?.trim()) throw otpRequired();
    if (!txnId || !/^[0-9a-f-]{36}$/i.test(txnId) || !/^[0-9a-f]{64}$/i.test(otpSha256)) throw invalidOtp();
    const now = clock.now();
    const outcome = await db.transaction().execute(async (trx) => {
      const txn = await store.selectOtpTransactionForUpdate(trx, txnId);
      // A code read out to staff at a centre is not a login (decision 0010).
      const usable = txn && txn.purpose === 'login' && !txn.consumed_at && new Date(txn.expires_at) > now && txn.failed_attempts < OTP_MAX_FAILED_ATTEMPTS;
      if (!txn || !usable) return { ok: false as const };
      if (!cipher.macMatches('otp', `${txnId}:${otpSha256.toLowerCase()}`, txn.otp_mac)) {
        // The failed try is committed even though the request fails, or the limit would count nothing.
        await store.recordFailedOtpAttempt(trx, txnId);
        await access.record({ type: 'otp.rejected', actor: { kind: 'system', name: 'identity' }, subject: `otp:${txnId}`, outcome: 'failed', ip }, trx);
        return { ok: false as const };
      }
      await store.consumeOtpTransaction(trx, txnId, now);
      await store.lockMobile(trx, txn.mobile_bidx);
      const mobile = cipher.decrypt(txn.mobile_enc, `otp_transaction.mobile:${txnId}`);
      const existing = await store.selectAccountByMobile(trx, txn.mobile_bidx);
      const accountId = existing?.id ?? randomUUID();
      if (!existing) {
        await store.insertAccount(trx, {
          id: accountId,
          mobile_enc: cipher.encrypt(mobile, `account.mobile:${accountId}`),
          mobile_bidx: txn.mobile_bidx,
          mobile_last4: lastFourDigits(mobile),
          created_at: now,
        });
      }
      const sessionId = randomUUID();
      const { token, expiresAt } = await signToken(cipher.hmacKey('token'), { accountId, sessionId }, now);
      await store.insertSession(trx, { id: sessionId, account_id: accountId, issued_at: now, expires_at: expiresAt });
      const actor: Actor = { kind: 'citizen', accountId, sessionId, ip };
      await access.record({ type: 'login.succeeded', actor, subject: accountId, outcome: 'done', ip, detail: { new_account: !existing } }, trx);
      return { ok: true as const, result: { token, isNewAccount: !existing, accountId } };
    });
    if (!outcome.ok) throw invalidOtp();
    return outcome.result;
  }

  /** The citizen behind a bearer token; 401 when it is missing, forged, expired or logged out. */
  async authenticate(authorization: string | undefined, ip: string | undefined): Promise<Actor & { kind: 'citizen' }> {
    const token = authorization?.replace(/^Bearer\s+/i, '').trim();
    if (!token) throw unauthenticated();
    const now = this.deps.clock.now();
    const claims = await verifyToken(this.deps.cipher.hmacKey('token'), token, now);
    if (!claims) throw unauthenticated();
    const session = await store.selectLiveSession(this.deps.db, claims.sessionId, now);
    if (!session || session.account_id !== claims.accountId) throw unauthenticated();
    return { kind: 'citizen', accountId: claims.accountId, sessionId: claims.sessionId, ip };
  }

  async logout(actor: Actor & { kind: 'citizen' }): Promise<void> {
    await this.deps.db.transaction().execute(async (trx) => {
      await store.revokeSession(trx, actor.sessionId, this.deps.clock.now());
      await this.deps.access.record({ type: 'logout.done', actor, subject: actor.accountId, outcome: 'done', ip: actor.ip }, trx);
    });
  }

  /** A new captcha for this login (Co-WIN's getRecaptcha); it replaces any earlier one. */
  async issueCaptcha(actor: Actor & { kind: 'citizen' }): Promise<string> {
    const challenge = createCaptcha({ hmacKey: this.deps.cipher.hmacKey('captcha'), now: this.deps.clock.now() });
    await store.setSessionCaptcha(this.deps.db, actor.sessionId, challenge.answerHash, challenge.expiresAt);
    return challenge.svg;
  }

  /** Whether `answer` solves this login's captcha. Right or wrong, the captcha is used up. */
  async solvesCaptcha(actor: Actor & { kind: 'citizen' }, answer: string | undefined): Promise<boolean> {
    const open = await store.takeSessionCaptcha(this.deps.db, actor.sessionId);
    if (!open || !answer) return false;
    return verifyCaptcha({
      hmacKey: this.deps.cipher.hmacKey('captcha'), answer, answerHash: open.mac, expiresAt: open.expiresAt, now: this.deps.clock.now(),
    });
  }

  /** The account's own mobile, for its owner (the "My data" export). */
  async readMobile(ticket: Ticket): Promise<Sensitive<string>> {
    const row = await store.selectAccountMobile(this.deps.db, ticket);
    if (!row) throw unauthenticated();
    return new Sensitive(this.deps.cipher.decrypt(row.mobile_enc, `account.mobile:${ticket.accountId}`));
  }

  /** Co-WIN shows the last four digits of the account's mobile beside each member. */
  async mobileLastFour(accountId: string): Promise<string> {
    return (await store.selectMobileLastFour(this.deps.db, accountId))?.mobile_last4 ?? '';
  }

  /**
   * An account no one can sign in to, for a canary record (decision 0015): its mobile is encrypted
   * and masked like any other, but its blind index is of a random value, so whoever types that
   * number (its real owner, if it has one) gets an account of their own, never this one.
   */
  async createUnreachableAccount(trx: Db, mobile: string): Promise<string> {
    const { clock, cipher } = this.deps;
    const accountId = randomUUID();
    await store.insertAccount(trx, {
      id: accountId, mobile_enc: cipher.encrypt(validMobile(mobile), `account.mobile:${accountId}`),
      mobile_bidx: cipher.blindIndex('mobile', `unreachable:${randomUUID()}`), mobile_last4: lastFourDigits(mobile), created_at: clock.now(),
    });
    return accountId;
  }
}

function validMobile(rawMobile: string | undefined): string {
  if (!rawMobile?.trim()) throw mobileRequired();
  const mobile = normaliseMobile(rawMobile);
  if (!mobile) throw invalidMobile();
  return mobile;
}

function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
