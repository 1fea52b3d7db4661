import { createHmac } from 'node:crypto';
import { jwtVerify, SignJWT } from 'jose';

/**
 * The short-lived proof that a login passed its password step, carried to the TOTP step (or to
 * TOTP enrolment) by the client. HS256 under a key derived from the token key for this one use,
 * so a challenge can never pass as a citizen's token, nor the other way round. It names the
 * account by id only, and carries a stamp of the account's password hash and pending TOTP secret:
 * a password change, or a later login that shows a new QR code, ends every challenge issued before.
 */
export type ChallengeStep = 'totp' | 'enrol';
export const CHALLENGE_LIFETIME_SECONDS = 5 * 60;
const TYPE = 'teeka-staff-challenge';

export function challengeKey(tokenKey: Buffer): Buffer {
  return createHmac('sha256', tokenKey).update('teeka staff login challenge v1').digest();
}

export function accountStamp(key: Buffer, account: { password_hash: string; totp_secret_enc: string | null }): string {
  return createHmac('sha256', key).update(`${account.password_hash}\n${account.totp_secret_enc ?? ''}`).digest('base64url').slice(0, 22);
}

export async function issueChallenge(key: Buffer, challenge: { staffId: string; step: ChallengeStep; stamp: string }, now: Date): Promise<string> {
  const iat = Math.floor(now.getTime() / 1000);
  return new SignJWT({ step: challenge.step, stamp: challenge.stamp })
    .setProtectedHeader({ alg: 'HS256', typ: TYPE })
    .setSubject(challenge.staffId)
    .setIssuedAt(iat)
    .setExpirationTime(iat + CHALLENGE_LIFETIME_SECONDS)
    .sign(key);
}

/** The account and stamp of a valid, unexpired challenge for `step`, or undefined. */
export async function readChallenge(key: Buffer, token: string, step: ChallengeStep, now: Date): Promise<{ staffId: string; stamp: string } | undefined> {
  try {
    const { payload } = await jwtVerify(token, key, { algorithms: ['HS256'], typ: TYPE, currentDate: now, clockTolerance: 0 });
    if (payload.step !== step || typeof payload.sub !== 'string' || typeof payload.stamp !== 'string') return undefined;
    return { staffId: payload.sub, stamp: payload.stamp };
  } catch {
    return undefined;
  }
}
