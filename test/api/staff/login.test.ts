import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../support/test-app.js';
import { addStaff, freshCode, secretOfOtpauthUrl, signedInStaff, signIn, StaffBrowser, totpCode } from './sign-in.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const eventsOf = async (username: string) => {
  const row = await t.database.db.selectFrom('staff_account').select('id').where('username', '=', username).executeTakeFirstOrThrow();
  return (await t.services.access.eventsAbout([`staff:${row.id}`])).map((e) => e.type).reverse();
};

describe('first sign-in with a one-time password', () => {
  it('enrols TOTP from a QR code, then asks for a new password before anything else', async () => {
    const account = await addStaff(t, 'asha.vaccinator', 'vaccinator', 'facility:560001');
    const browser = new StaffBrowser(t);

    const login = await browser.post('/api/staff/login', { username: 'Asha.Vaccinator ', password: account.password });
    expect(login.statusCode).toBe(200);
    const step = login.json();
    expect(step.step).toBe('enrol_totp');
    expect(step.qr_svg).toMatch(/^<svg/);
    expect(step.otpauth_url).toMatch(/^otpauth:\/\/totp\/Teeka:asha\.vaccinator\?/);
    expect(new URL(step.otpauth_url).searchParams.get('issuer')).toBe('Teeka');
    expect(login.cookies.find((c) => c.name === 'teeka_staff')).toBeUndefined();

    const secret = secretOfOtpauthUrl(step.otpauth_url);
    const enrolled = await browser.post('/api/staff/totp/enrol', { enrolment_token: step.enrolment_token, code: freshCode(t, secret) });
    expect(enrolled.statusCode).toBe(200);
    expect(enrolled.json()).toEqual({ step: 'change_password' });
    expect(browser.sessionToken).toMatch(/^[A-Za-z0-9_-]{43}$/);

    await browser.refreshCsrf();
    expect((await browser.get('/api/staff/me')).statusCode).toBe(200);
    const blocked = await browser.get('/api/staff/audit/chain');
    expect(blocked.statusCode).toBe(403);

    const weak = await browser.post('/api/staff/password', { current: account.password, new: 'short' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json()).toMatchObject({ errorCode: 'WEAK_PASSWORD', error: expect.stringMatching(/at least 12/) });
    const withName = await browser.post('/api/staff/password', { current: account.password, new: 'my-ASHA.VACCINATOR-pass' });
    expect(withName.json().error).toMatch(/must not contain your username/);
    const wrongCurrent = await browser.post('/api/staff/password', { current: 'not-the-password', new: 'a long enough passphrase' });
    expect(wrongCurrent.statusCode).toBe(400);
    expect(wrongCurrent.json().errorCode).toBe('WRONG_PASSWORD');

    const changed = await browser.post('/api/staff/password', { current: account.password, new: 'correct horse battery staple' });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toEqual({ step: 'done' });
    expect((await browser.get('/api/staff/me')).json()).toMatchObject({ username: 'asha.vaccinator', role: 'vaccinator' });

    // The one-time password is spent.
    const again = await new StaffBrowser(t).post('/api/staff/login', { username: 'asha.vaccinator', password: account.password });
    expect(again.statusCode).toBe(401);
    const fresh = new StaffBrowser(t);
    const next = await fresh.post('/api/staff/login', { username: 'asha.vaccinator', password: 'correct horse battery staple' });
    expect(next.json()).toEqual({ step: 'totp', challenge_token: expect.any(String) });
    const signedIn = await fresh.post('/api/staff/login/totp', { challenge_token: next.json().challenge_token, code: freshCode(t, secret) });
    expect(signedIn.json()).toEqual({ step: 'done' });
    expect(await eventsOf('asha.vaccinator')).toEqual(expect.arrayContaining(['staff.account.created', 'staff.login.succeeded', 'staff.password.changed']));
  });

  it('refuses a code from another secret at enrolment, and a second enrolment of the same account', async () => {
    const account = await addStaff(t, 'enrol.twice', 'auditor', 'nation');
    const browser = new StaffBrowser(t);
    const first = (await browser.post('/api/staff/login', { username: account.username, password: account.password })).json();
    // A later password login shows a new QR code; the first one's token is then void.
    const second = (await browser.post('/api/staff/login', { username: account.username, password: account.password })).json();
    expect(secretOfOtpauthUrl(second.otpauth_url)).not.toBe(secretOfOtpauthUrl(first.otpauth_url));
    const stale = await browser.post('/api/staff/totp/enrol', { enrolment_token: first.enrolment_token, code: totpCode(secretOfOtpauthUrl(first.otpauth_url), t.clock.now()) });
    expect(stale.statusCode).toBe(401);
    expect(stale.json().errorCode).toBe('SIGN_IN_EXPIRED');
    const secret = secretOfOtpauthUrl(second.otpauth_url);
    expect((await browser.post('/api/staff/totp/enrol', { enrolment_token: second.enrolment_token, code: freshCode(t, secret) })).statusCode).toBe(200);
    await browser.refreshCsrf(); // a new session: tokens of the signed-out browser no longer verify
    const replayEnrol = await browser.post('/api/staff/totp/enrol', { enrolment_token: second.enrolment_token, code: freshCode(t, secret) });
    expect(replayEnrol.json().errorCode).toBe('SIGN_IN_EXPIRED');
  });

  it('lets an enrolment or TOTP challenge live 5 minutes', async () => {
    const account = await addStaff(t, 'slow.typist', 'state_admin', 'state:21');
    const browser = new StaffBrowser(t);
    const step = (await browser.post('/api/staff/login', { username: account.username, password: account.password })).json();
    t.clock.advance(5 * 60 * 1000);
    const late = await browser.post('/api/staff/totp/enrol', { enrolment_token: step.enrolment_token, code: totpCode(secretOfOtpauthUrl(step.otpauth_url), t.clock.now()) });
    expect(late.json().errorCode).toBe('SIGN_IN_EXPIRED');
  });
});

describe('wrong credentials', () => {
  it('gives one answer for an unknown username and a wrong password', async () => {
    await addStaff(t, 'real.person', 'district_admin', 'district:395');
    const unknown = await new StaffBrowser(t).post('/api/staff/login', { username: 'nobody.here', password: 'whatever it is' });
    const wrong = await new StaffBrowser(t).post('/api/staff/login', { username: 'real.person', password: 'whatever it is' });
    expect(unknown.statusCode).toBe(401);
    expect(wrong.statusCode).toBe(401);
    expect(unknown.json()).toEqual({ errorCode: 'STAFF_LOGIN_FAILED', error: 'Wrong username or password.' });
    expect(wrong.json()).toEqual(unknown.json());
  });

  it('refuses a wrong TOTP code and a replayed one', async () => {
    const { account } = await signedInStaff(t, 'facility_admin', 'facility:560001');
    const browser = new StaffBrowser(t);
    const challenge = () => new StaffBrowser(t).post('/api/staff/login', { username: account.username, password: account.password }).then((r) => r.json().challenge_token as string);

    const token = await challenge();
    const code = freshCode(t, account.totpSecret!);
    const wrongCode = code === '000000' ? '111111' : '000000';
    const wrong = await browser.post('/api/staff/login/totp', { challenge_token: token, code: wrongCode });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json()).toMatchObject({ errorCode: 'TOTP_INVALID' });
    expect((await browser.post('/api/staff/login/totp', { challenge_token: token, code: 'abcdef' })).statusCode).toBe(401);

    expect((await browser.post('/api/staff/login/totp', { challenge_token: token, code: code.replace(/(\d{3})/, '$1 ') })).statusCode).toBe(200);
    const replayed = await new StaffBrowser(t).post('/api/staff/login/totp', { challenge_token: await challenge(), code });
    expect(replayed.statusCode).toBe(401);
    expect(replayed.json().errorCode).toBe('TOTP_INVALID');
    // Nor the code of the step before, though it is inside the drift window.
    const earlier = totpCode(account.totpSecret!, new Date(t.clock.now().getTime() - 30_000));
    expect((await new StaffBrowser(t).post('/api/staff/login/totp', { challenge_token: await challenge(), code: earlier })).statusCode).toBe(401);
    expect(await eventsOf(account.username)).toEqual(expect.arrayContaining(['staff.login.failed']));
  });

  it('answers bad input with 400 naming the field', async () => {
    const browser = new StaffBrowser(t);
    const missing = await browser.post('/api/staff/login', { username: 'someone' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error).toMatch(/^password/);
    // Fields the schema does not name are refused, not dropped (decision 0018).
    const extra = await browser.post('/api/staff/login', { username: 'someone', password: 'x', role: 'national_admin' });
    expect(extra.statusCode).toBe(400);
    expect(extra.json()).toEqual({ errorCode: 'INVALID_INPUT', error: 'role: is not a field this request takes; leave it out' });
    const huge = await browser.post('/api/staff/login', { username: 'someone', password: 'x'.repeat(10_000) });
    expect(huge.statusCode).toBe(400);
    expect(huge.json().error).toMatch(/^password/);
  });

  it('treats a disabled account as unknown', async () => {
    const { account } = await signedInStaff(t, 'auditor', 'nation');
    await t.database.db.updateTable('staff_account').set({ disabled_at: t.clock.now() }).where('username', '=', account.username).execute();
    const res = await signIn(t, new StaffBrowser(t), account);
    expect(res.json()).toEqual({ errorCode: 'STAFF_LOGIN_FAILED', error: 'Wrong username or password.' });
  });
});

describe('who am I', () => {
  it('names the role and the scope with its place', async () => {
    const cases: [string, string, object][] = [
      ['national_admin', 'nation', { level: 'nation', name: 'India' }],
      ['state_admin', 'state:21', { level: 'state', state_id: 21, name: 'Maharashtra' }],
      ['district_admin', 'district:395', { level: 'district', state_id: 21, district_id: 395, name: 'Mumbai' }],
      ['vaccinator', 'facility:560001', { level: 'facility', facility_id: 560001, district_id: expect.any(Number), state_id: expect.any(Number), name: expect.any(String) }],
    ];
    for (const [role, scope, expected] of cases) {
      const { browser, account } = await signedInStaff(t, role, scope);
      const me = await browser.get('/api/staff/me');
      expect(me.statusCode).toBe(200);
      expect(me.json()).toEqual({ username: account.username, role, scope: expected });
      expect(me.headers['cache-control']).toBe('no-store');
    }
  });

  it('requires a session: 401 without one', async () => {
    const anonymous = new StaffBrowser(t);
    for (const res of [await anonymous.get('/api/staff/me'), await anonymous.post('/api/staff/logout'), await anonymous.post('/api/staff/password', { current: 'a', new: 'b' })]) {
      expect(res.statusCode).toBe(401);
      expect(res.json().errorCode).toBe('UNAUTHENTICATED');
    }
  });
});

describe('sign-out', () => {
  it('ends the session at once and clears the cookie', async () => {
    const { browser, account } = await signedInStaff(t, 'district_admin', 'district:395');
    const token = browser.sessionToken!;
    const out = await browser.post('/api/staff/logout');
    expect(out.statusCode).toBe(204);
    expect(out.cookies.find((c) => c.name === 'teeka_staff')?.value).toBe('');
    const reused = await t.app.inject({ url: '/api/staff/me', cookies: { teeka_staff: token } });
    expect(reused.statusCode).toBe(401);
    expect(await eventsOf(account.username)).toContain('staff.logout');
  });

  it('ends the other sessions when the password changes', async () => {
    const { browser: first, account } = await signedInStaff(t, 'state_admin', 'state:21');
    const second = new StaffBrowser(t);
    expect((await signIn(t, second, account)).statusCode).toBe(200);
    await second.refreshCsrf();
    expect((await second.post('/api/staff/password', { current: account.password, new: 'another long passphrase' })).statusCode).toBe(200);
    expect((await second.get('/api/staff/me')).statusCode).toBe(200);
    expect((await first.get('/api/staff/me')).statusCode).toBe(401);
  });
});
