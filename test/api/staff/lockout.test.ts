import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../support/test-app.js';
import { freshCode, signedInStaff, signIn, StaffBrowser, type StaffAccount } from './sign-in.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const MINUTE = 60_000;

const passwordStep = (account: StaffAccount, password = account.password) =>
  new StaffBrowser(t).post('/api/staff/login', { username: account.username, password });
const wrongPassword = (account: StaffAccount) => passwordStep(account, 'not my password at all');

async function wrongCodeFor(account: StaffAccount) {
  const challenge = (await passwordStep(account)).json().challenge_token as string;
  const right = freshCode(t, account.totpSecret!);
  return new StaffBrowser(t).post('/api/staff/login/totp', { challenge_token: challenge, code: right === '123456' ? '654321' : '123456' });
}

async function eventTypes(account: StaffAccount): Promise<string[]> {
  const { id } = await t.database.db.selectFrom('staff_account').select('id').where('username', '=', account.username).executeTakeFirstOrThrow();
  return (await t.services.access.eventsAbout([`staff:${id}`])).map((e) => e.type);
}

describe('lockout after 5 failures in a row', () => {
  it('locks for 15 minutes after 5 wrong passwords, even against the right one, then lets the owner in', async () => {
    const { account } = await signedInStaff(t, 'district_admin', 'district:395');
    for (let i = 0; i < 5; i += 1) expect((await wrongPassword(account)).statusCode).toBe(401);
    const locked = await passwordStep(account);
    expect(locked.statusCode).toBe(429);
    expect(locked.json()).toMatchObject({ errorCode: 'STAFF_LOCKED', error: expect.stringMatching(/15 minutes/) });
    expect(Number(locked.headers['retry-after'])).toBe(15 * 60);
    expect(await eventTypes(account)).toContain('staff.locked');

    t.clock.advance(15 * MINUTE - 1000);
    expect((await passwordStep(account)).statusCode).toBe(429);
    t.clock.advance(1000);
    expect((await signIn(t, new StaffBrowser(t), account)).statusCode).toBe(200);
  });

  it('counts wrong TOTP codes with wrong passwords', async () => {
    const { account } = await signedInStaff(t, 'vaccinator', 'facility:560001');
    for (let i = 0; i < 3; i += 1) await wrongPassword(account);
    expect((await wrongCodeFor(account)).statusCode).toBe(401);
    expect((await wrongCodeFor(account)).statusCode).toBe(401);
    expect((await passwordStep(account)).statusCode).toBe(429);
  });

  it('refuses the right code once locked, so a known password buys no extra guesses at the code', async () => {
    const { account } = await signedInStaff(t, 'auditor', 'nation');
    const challenge = (await passwordStep(account)).json().challenge_token as string;
    for (let i = 0; i < 5; i += 1) expect((await wrongCodeFor(account)).statusCode).toBe(401);
    const right = await new StaffBrowser(t).post('/api/staff/login/totp', { challenge_token: challenge, code: freshCode(t, account.totpSecret!) });
    expect(right.statusCode).toBe(429);
  });

  it('starts counting again after a full sign-in, not after the password step alone', async () => {
    const { account } = await signedInStaff(t, 'state_admin', 'state:21');
    for (let i = 0; i < 4; i += 1) await wrongPassword(account);
    expect((await signIn(t, new StaffBrowser(t), account)).statusCode).toBe(200);
    for (let i = 0; i < 4; i += 1) await wrongPassword(account);
    expect((await passwordStep(account)).statusCode).toBe(200);
    // The password step passed, but the count stands at 4: one wrong code locks.
    expect((await wrongCodeFor(account)).statusCode).toBe(401);
    expect((await passwordStep(account)).statusCode).toBe(429);
  });

  it('checks at most 5 of many wrong passwords sent at once', async () => {
    const { account } = await signedInStaff(t, 'national_admin', 'nation');
    const answers = await Promise.all(Array.from({ length: 12 }, () => wrongPassword(account)));
    const checked = answers.filter((res) => res.statusCode === 401).length;
    expect(checked).toBeLessThanOrEqual(5);
    expect(answers.filter((res) => res.statusCode === 429)).toHaveLength(12 - checked);
    expect((await passwordStep(account)).statusCode).toBe(429);
  });
});

describe('sign-in attempts per client address', () => {
  it('answers 429 past TEEKA_STAFF_LOGINS_PER_IP_PER_HOUR', async () => {
    const limited = await createTestApp({ config: { staffLoginsPerIpPerHour: 3 } });
    try {
      const browser = new StaffBrowser(limited);
      const attempt = () => browser.post('/api/staff/login', { username: 'someone.else', password: 'a guess of theirs' });
      for (let i = 0; i < 3; i += 1) expect((await attempt()).statusCode).toBe(401);
      const refused = await attempt();
      expect(refused.statusCode).toBe(429);
      expect(refused.json().errorCode).toBe('SIGN_IN_RATE_LIMITED');
    } finally {
      await limited.close();
    }
  });
});
