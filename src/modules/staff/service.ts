import { randomBytes, randomUUID } from 'node:crypto';
import type { Clock } from '../../core/clock.js';
import type { FieldCipher } from '../../core/crypto/field-cipher.js';
import type { Db } from '../../core/db.js';
import { Sensitive } from '../../core/sensitive.js';
import type { AccessService } from '../access/service.js';
import type { Actor, StaffRole, StaffScope } from '../access/schema.js';
import type { FacilityService } from '../facilities/service.js';
import type { GeographyService } from '../geography/service.js';
import { insertAccount, normaliseUsername, scopeOfRow, totpSecretContext, validateAccountRequest, type AccountRequest } from './accounts.js';
import { accountStamp, challengeKey, issueChallenge, readChallenge, type ChallengeStep } from './challenge.js';
import { seedDemoStaff } from './demo.js';
import { accountLocked, accountSuspended, sessionEnded, signInExpired, weakPassword, wrongCode, wrongCredentials, wrongCurrentPassword } from './errors.js';
import { generatePassword, hashPassword, hashToWasteTimeOn, verifyPassword, weakPasswordReason, type PasswordCost } from './password.js';
import * as store from './store.js';
import { generateTotpSecret, otpauthUrl, qrCodeSvg, totpStepOf } from './totp.js';

/** Decision 0007. Failures count across the password and TOTP steps, so knowing one does not buy guesses at the other. */
export const MAX_FAILED_ATTEMPTS = 5;
export const LOCKOUT_MS = 15 * 60 * 1000;
export const SESSION_IDLE_MS = 15 * 60 * 1000;
export const SESSION_MAX_MS = 12 * 60 * 60 * 1000;

export type StaffActor = Actor & { kind: 'staff' };

export type LoginStep =
  | { step: 'enrol_totp'; enrolmentToken: string; otpauthUrl: Sensitive<string>; qrSvg: Sensitive<string> }
  | { step: 'totp'; challengeToken: string };

export interface SignedIn {
  /** The session cookie's value; only its MAC is stored. */
  sessionToken: Sensitive<string>;
  step: 'done' | 'change_password';
}

export interface StaffPrincipal {
  actor: StaffActor;
  mustChangePassword: boolean;
}

export interface StaffProfile {
  username: string;
  role: StaffRole;
  /** The scope with the ids of the places holding it (a district's state, a centre's district and state). */
  scope: { level: StaffScope['level']; stateId?: number; districtId?: number; facilityId?: number; name: string };
}

const sessionTokenPattern = /^[A-Za-z0-9_-]{43}$/;
const loginActor: Actor = { kind: 'system', name: 'staff-login' };

export class StaffService {
  private readonly challengeKey: Buffer;

  constructor(
    private readonly deps: {
      db: Db; clock: Clock; cipher: FieldCipher; access: AccessService; geography: GeographyService; facilities: FacilityService;
      /** scrypt's cost for new passwords: OWASP's unless a test lowers it (see ServiceSettings). */
      passwordCost?: PasswordCost | undefined;
    },
  ) {
    this.challengeKey = challengeKey(deps.cipher.hmacKey('token'));
  }

  /** `teeka staff add`: a new account with a one-time password, which is shown once and must be changed. */
  async addAccount(request: AccountRequest): Promise<{ id: string; username: string; role: StaffRole; scope: StaffScope; oneTimePassword: Sensitive<string> }> {
    const { username, role, scope } = await validateAccountRequest(this.deps, request);
    const password = generatePassword();
    const id = await insertAccount(this.deps, { username, role, scope, password, passwordMustChange: true, now: this.deps.clock.now() });
    await this.deps.access.record({ type: 'staff.account.created', actor: { kind: 'system', name: 'cli' }, subject: `staff:${id}`, outcome: 'done', detail: { role } });
    return { id, username, role, scope, oneTimePassword: new Sensitive(password) };
  }

  /** Demo staff, one per role, when the staff table is empty (development only; the caller checks). */
  seedDemoStaff(dataDir: string) {
    return seedDemoStaff(this.deps, dataDir);
  }

  /** The password step. Unknown usernames, disabled accounts and wrong passwords get one answer, in about the same time. */
  async startLogin(rawUsername: string, password: string, ip?: string): Promise<LoginStep> {
    const { db, clock, cipher } = this.deps;
    const username = normaliseUsername(rawUsername);
    const account = username ? await store.selectAccountByUsername(db, username) : undefined;
    if (!account) {
      await verifyPassword(password, await hashToWasteTimeOn(this.deps.passwordCost));
      // The typed username is not recorded: people type their password into that field.
      await this.deps.access.record({ type: 'staff.login.failed', actor: loginActor, outcome: 'failed', ip, detail: { reason: 'unknown_username' } });
      throw wrongCredentials();
    }
    const now = clock.now();
    const attempt = await this.reserveAttempt(account, now, ip);
    if (!(await verifyPassword(password, account.password_hash))) {
      await this.countFailure(account.id, attempt, 'password', ip);
      throw wrongCredentials();
    }
    await store.releaseAttempt(db, account.id);
    if (account.suspended_at !== null) {
      await this.deps.access.record({ type: 'staff.login.failed', actor: loginActor, subject: `staff:${account.id}`, outcome: 'failed', ip, detail: { reason: 'suspended' } });
      throw accountSuspended();
    }
    if (account.totp_enrolled_at === null) {
      // Each password login shows a fresh secret, so a QR code seen earlier (say, over a shoulder) is worthless.
      const secret = generateTotpSecret();
      const secretEnc = cipher.encrypt(secret, totpSecretContext(account.id));
      await store.setPendingTotpSecret(db, account.id, secretEnc);
      const stamp = accountStamp(this.challengeKey, { password_hash: account.password_hash, totp_secret_enc: secretEnc });
      const url = otpauthUrl(secret, account.username);
      return {
        step: 'enrol_totp',
        enrolmentToken: await issueChallenge(this.challengeKey, { staffId: account.id, step: 'enrol', stamp }, now),
        otpauthUrl: new Sensitive(url),
        qrSvg: new Sensitive(await qrCodeSvg(url)),
      };
    }
    const stamp = accountStamp(this.challengeKey, account);
    return { step: 'totp', challengeToken: await issueChallenge(this.challengeKey, { staffId: account.id, step: 'totp', stamp }, now) };
  }

  /** The TOTP step of an enrolled account. */
  confirmTotp(challengeToken: string, code: string, ip?: string): Promise<SignedIn> {
    return this.finishLogin(challengeToken, 'totp', code, ip);
  }

  /** The first code from a newly scanned QR code: confirms the enrolment and signs in. */
  enrolTotp(enrolmentToken: string, code: string, ip?: string): Promise<SignedIn> {
    return this.finishLogin(enrolmentToken, 'enrol', code, ip);
  }

  private async finishLogin(token: string, step: ChallengeStep, code: string, ip: string | undefined): Promise<SignedIn> {
    const { db, clock, cipher, access } = this.deps;
    const now = clock.now();
    const challenge = await readChallenge(this.challengeKey, token, step, now);
    const account = challenge && (await store.selectAccountById(db, challenge.staffId));
    const valid = challenge && account?.totp_secret_enc && accountStamp(this.challengeKey, account) === challenge.stamp
      && (account.totp_enrolled_at === null) === (step === 'enrol');
    if (!account || !valid) throw signInExpired();
    if (account.suspended_at !== null) throw accountSuspended();
    const attempt = await this.reserveAttempt(account, now, ip);
    const secret = cipher.decrypt(account.totp_secret_enc!, totpSecretContext(account.id));
    const totpStep = totpStepOf(secret, code, now);
    // The step is claimed in the same statement that checks it, so one code cannot sign in twice.
    if (totpStep === undefined || !(await store.acceptTotpStep(db, account.id, totpStep, now))) {
      await this.countFailure(account.id, attempt, totpStep === undefined ? 'totp' : 'totp_replayed', ip);
      throw wrongCode();
    }
    const sessionId = randomUUID();
    const sessionToken = randomBytes(32).toString('base64url');
    const actor: StaffActor = { kind: 'staff', staffId: account.id, role: account.role, scope: scopeOfRow(account), sessionId, ip };
    await db.transaction().execute(async (trx) => {
      await store.insertSession(trx, { id: sessionId, staff_id: account.id, token_mac: this.sessionTokenMac(sessionToken), created_at: now });
      await access.record({ type: 'staff.login.succeeded', actor, subject: `staff:${account.id}`, outcome: 'done', ip, detail: { enrolled_totp: step === 'enrol' } }, trx);
    });
    return { sessionToken: new Sensitive(sessionToken), step: account.password_must_change ? 'change_password' : 'done' };
  }

  /** The staff member behind a session cookie; 401 when it is missing, unknown, ended, idle 15 minutes or 12 hours old. */
  async authenticate(sessionToken: string | undefined, ip: string | undefined): Promise<StaffPrincipal> {
    const { db, clock } = this.deps;
    if (!sessionToken || !sessionTokenPattern.test(sessionToken)) throw sessionEnded();
    const row = await store.selectSessionByTokenMac(db, this.sessionTokenMac(sessionToken));
    if (!row) throw sessionEnded();
    const now = clock.now();
    const idle = now.getTime() - new Date(row.last_seen_at).getTime() >= SESSION_IDLE_MS;
    const tooOld = now.getTime() - new Date(row.created_at).getTime() >= SESSION_MAX_MS;
    if (idle || tooOld) {
      await store.revokeSession(db, row.session_id, now);
      throw sessionEnded();
    }
    await store.touchSession(db, row.session_id, now);
    return {
      actor: { kind: 'staff', staffId: row.staff_id, role: row.role, scope: scopeOfRow(row), sessionId: row.session_id, ip },
      mustChangePassword: row.password_must_change,
    };
  }

  /** Replaces the password (the one-time one, or any); other sessions of the account end. */
  async changePassword(actor: StaffActor, current: string, next: string): Promise<void> {
    const { db, clock, access } = this.deps;
    const account = await store.selectAccountById(db, actor.staffId);
    if (!account) throw sessionEnded();
    const weakness = weakPasswordReason(account.username, next, current);
    if (weakness) throw weakPassword(weakness);
    const now = clock.now();
    const attempt = await this.reserveAttempt(account, now, actor.ip);
    if (!(await verifyPassword(current, account.password_hash))) {
      await this.countFailure(account.id, attempt, 'current_password', actor.ip);
      throw wrongCurrentPassword();
    }
    await store.releaseAttempt(db, account.id);
    const hash = await hashPassword(next, this.deps.passwordCost);
    await db.transaction().execute(async (trx) => {
      await store.updatePassword(trx, account.id, hash, false);
      await store.revokeOtherSessions(trx, account.id, actor.sessionId, now);
      await access.record({ type: 'staff.password.changed', actor, subject: `staff:${account.id}`, outcome: 'done', ip: actor.ip }, trx);
    });
  }

  async logout(actor: StaffActor): Promise<void> {
    await this.deps.db.transaction().execute(async (trx) => {
      await store.revokeSession(trx, actor.sessionId, this.deps.clock.now());
      await this.deps.access.record({ type: 'staff.logout', actor, subject: `staff:${actor.staffId}`, outcome: 'done', ip: actor.ip }, trx);
    });
  }

  /** Who is signed in and where they may act, with the place's name. */
  async profile(actor: StaffActor): Promise<StaffProfile> {
    const { db, geography, facilities } = this.deps;
    const row = await store.selectUsername(db, actor.staffId);
    if (!row) throw sessionEnded();
    const scope = actor.scope;
    const withScope = (described: StaffProfile['scope']): StaffProfile => ({ username: row.username, role: actor.role, scope: described });
    switch (scope.level) {
      case 'nation':
        return withScope({ level: 'nation', name: 'India' });
      case 'state': {
        const name = geography.listStates().find((s) => s.id === scope.stateId)?.name ?? '';
        return withScope({ level: 'state', stateId: scope.stateId, name });
      }
      case 'district': {
        const place = geography.placeOf(scope.districtId);
        return withScope({ level: 'district', stateId: place?.stateId, districtId: scope.districtId, name: place?.districtName ?? '' });
      }
      case 'facility': {
        const facility = await facilities.findById(scope.facilityId);
        const place = facility && geography.placeOf(facility.districtId);
        return withScope({ level: 'facility', stateId: place?.stateId, districtId: place?.districtId, facilityId: scope.facilityId, name: facility?.name ?? '' });
      }
    }
  }

  /** A staff account by username or id, disabled ones included (`teeka breach report --actor`). */
  async accountNamed(usernameOrId: string): Promise<{ id: string; username: string } | undefined> {
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(usernameOrId);
    const username = uuid ? undefined : normaliseUsername(usernameOrId);
    if (!uuid && username === undefined) return undefined;
    return store.selectAccountIdentity(this.deps.db, uuid ? { id: usernameOrId.toLowerCase() } : { username: username! });
  }

  /**
   * Suspends the account in the caller's transaction (an alert's, decision 0015): every session
   * ends now, and sign-in is refused until `reinstate`. False when it was suspended already.
   */
  suspend(trx: Db, staffId: string): Promise<boolean> {
    return store.suspendAccount(trx, staffId, this.deps.clock.now());
  }

  reinstate(trx: Db, staffId: string): Promise<void> {
    return store.reinstateAccount(trx, staffId);
  }

  /** Username and role of each account, for the security console. */
  async labels(ids: readonly string[]): Promise<Map<string, { username: string; role: StaffRole }>> {
    const rows = await store.selectAccountLabels(this.deps.db, ids);
    return new Map(rows.map((r) => [r.id, { username: r.username, role: r.role }]));
  }

  /** Records a refused staff request, so misused credentials show up in the audit log. */
  async recordDenied(actor: StaffActor, route: string): Promise<void> {
    await this.deps.access.record({ type: 'access.denied', actor, subject: `route:${route}`, outcome: 'denied', ip: actor.ip, detail: { reason: 'role' } });
  }

  private sessionTokenMac(token: string): string {
    return this.deps.cipher.mac('token', `staff-session:${token}`);
  }

  /** Claims one attempt before checking it (see store.reserveAttempt); refuses a locked account as slowly as a wrong password. */
  private async reserveAttempt(account: store.AccountRow, now: Date, ip: string | undefined): Promise<number> {
    const attempt = await store.reserveAttempt(this.deps.db, account.id, now, MAX_FAILED_ATTEMPTS);
    if (attempt !== undefined) return attempt;
    await verifyPassword('', await hashToWasteTimeOn(this.deps.passwordCost));
    await this.deps.access.record({ type: 'staff.login.failed', actor: loginActor, subject: `staff:${account.id}`, outcome: 'failed', ip, detail: { reason: 'locked' } });
    const lockedUntil = account.locked_until ? new Date(account.locked_until).getTime() : now.getTime() + LOCKOUT_MS;
    throw accountLocked(Math.max(1, Math.ceil((lockedUntil - now.getTime()) / 1000)));
  }

  /** Keeps the claimed attempt as a failure; the fifth in a row locks the account for 15 minutes. */
  private async countFailure(staffId: string, attempt: number, reason: string, ip: string | undefined): Promise<void> {
    const { db, clock, access } = this.deps;
    const now = clock.now();
    await db.transaction().execute(async (trx) => {
      await access.record({ type: 'staff.login.failed', actor: loginActor, subject: `staff:${staffId}`, outcome: 'failed', ip, detail: { reason } }, trx);
      if (attempt < MAX_FAILED_ATTEMPTS) return;
      const until = new Date(now.getTime() + LOCKOUT_MS);
      await store.lockAccount(trx, staffId, until);
      await access.record({ type: 'staff.locked', actor: loginActor, subject: `staff:${staffId}`, outcome: 'done', ip, detail: { until: until.toISOString() } }, trx);
    });
  }
}
