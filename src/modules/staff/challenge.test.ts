import { randomBytes } from 'node:crypto';
import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { accountStamp, challengeKey, issueChallenge, readChallenge } from './challenge.js';

const tokenKey = randomBytes(32);
const key = challengeKey(tokenKey);
const now = new Date('2026-01-15T10:00:00+05:30');
const later = (seconds: number) => new Date(now.getTime() + seconds * 1000);

describe('sign-in challenges', () => {
  it('name the account and step for 5 minutes', async () => {
    const token = await issueChallenge(key, { staffId: 's-1', step: 'totp', stamp: 'abc' }, now);
    expect(await readChallenge(key, token, 'totp', later(299))).toEqual({ staffId: 's-1', stamp: 'abc' });
    expect(await readChallenge(key, token, 'totp', later(300))).toBeUndefined();
  });

  it('do not pass for the other step, under another key, or as a citizen token', async () => {
    const token = await issueChallenge(key, { staffId: 's-1', step: 'enrol', stamp: 'abc' }, now);
    expect(await readChallenge(key, token, 'totp', now)).toBeUndefined();
    expect(await readChallenge(challengeKey(randomBytes(32)), token, 'enrol', now)).toBeUndefined();
    // A citizen's token is signed with the token key itself; the challenge key is derived from it.
    const citizenStyle = await new SignJWT({ step: 'enrol', stamp: 'abc' }).setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject('s-1').setIssuedAt(Math.floor(now.getTime() / 1000)).setExpirationTime('5m').sign(tokenKey);
    expect(await readChallenge(key, citizenStyle, 'enrol', now)).toBeUndefined();
  });

  it('stamp the password hash and the pending secret, so changing either ends old challenges', () => {
    const stamp = accountStamp(key, { password_hash: '$scrypt$a', totp_secret_enc: 'x' });
    expect(accountStamp(key, { password_hash: '$scrypt$a', totp_secret_enc: 'x' })).toBe(stamp);
    expect(accountStamp(key, { password_hash: '$scrypt$b', totp_secret_enc: 'x' })).not.toBe(stamp);
    expect(accountStamp(key, { password_hash: '$scrypt$a', totp_secret_enc: 'y' })).not.toBe(stamp);
    expect(accountStamp(key, { password_hash: '$scrypt$a', totp_secret_enc: null })).not.toBe(stamp);
  });
});
