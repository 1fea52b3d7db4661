import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../support/test-app.js';
import { addStaff, signedInStaff, signIn, StaffBrowser } from './sign-in.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const MINUTE = 60_000;
const setCookie = (headers: Record<string, unknown>, name: string) =>
  ([headers['set-cookie']].flat() as string[]).find((line) => line?.startsWith(`${name}=`)) ?? '';

describe('the session cookie', () => {
  it('is HttpOnly, SameSite=Strict, Path=/ and, outside production, not Secure', async () => {
    const account = await addStaff(t, 'cookie.check', 'national_admin', 'nation');
    const res = await signIn(t, new StaffBrowser(t), account);
    const cookie = setCookie(res.headers, 'teeka_staff');
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; SameSite=Strict/);
    expect(cookie).toMatch(/; Path=\//);
    expect(cookie).toMatch(/; Max-Age=43200/);
    expect(cookie).not.toMatch(/; Secure/);
  });

  it('is Secure in production, and so is the CSRF secret cookie', async () => {
    const production = await createTestApp({ config: { env: 'production' } });
    try {
      const account = await addStaff(production, 'prod.cookie', 'national_admin', 'nation');
      const browser = new StaffBrowser(production);
      const csrf = await browser.send({ method: 'GET', url: '/api/staff/csrf', csrf: false });
      expect(setCookie(csrf.headers, 'teeka_staff_csrf')).toMatch(/; HttpOnly.*; SameSite=Strict|; SameSite=Strict.*; HttpOnly/);
      expect(setCookie(csrf.headers, 'teeka_staff_csrf')).toMatch(/; Secure/);
      const res = await signIn(production, browser, account);
      expect(setCookie(res.headers, 'teeka_staff')).toMatch(/; Secure/);
    } finally {
      await production.close();
    }
  });

  it('holds a 256-bit random token that the database keeps only as a MAC', async () => {
    const { browser, account } = await signedInStaff(t, 'vaccinator', 'facility:560001');
    const token = browser.sessionToken!;
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    const dump = JSON.stringify((await sql`SELECT * FROM staff_session`.execute(t.database.db)).rows);
    expect(dump).not.toContain(token);
    const accounts = JSON.stringify((await sql`SELECT * FROM staff_account`.execute(t.database.db)).rows);
    expect(accounts).not.toContain(account.password);
    expect(accounts).not.toContain(account.totpSecret!);
  });

  it('refuses a forged, malformed or missing cookie', async () => {
    for (const cookies of [{ teeka_staff: 'A'.repeat(43) }, { teeka_staff: 'not a token' }, {}] as Record<string, string>[]) {
      const res = await t.app.inject({ url: '/api/staff/me', cookies });
      expect(res.statusCode).toBe(401);
    }
  });
});

describe('session lifetime', () => {
  it('ends after 15 minutes without a request, and each request restarts the 15 minutes', async () => {
    const { browser } = await signedInStaff(t, 'district_admin', 'district:395');
    t.clock.advance(15 * MINUTE - 1000);
    expect((await browser.get('/api/staff/me')).statusCode).toBe(200);
    t.clock.advance(15 * MINUTE - 1000);
    expect((await browser.get('/api/staff/me')).statusCode).toBe(200);
    t.clock.advance(15 * MINUTE);
    const idle = await browser.get('/api/staff/me');
    expect(idle.statusCode).toBe(401);
    expect(idle.json().error).toMatch(/15 minutes/);
    // Ended for good: coming back within a minute does not revive it.
    t.clock.advance(-MINUTE);
    expect((await browser.get('/api/staff/me')).statusCode).toBe(401);
  });

  it('ends 12 hours after sign-in however active it is', async () => {
    const { browser } = await signedInStaff(t, 'state_admin', 'state:21');
    for (let elapsed = 0; elapsed < 12 * 60 - 14; elapsed += 14) {
      t.clock.advance(14 * MINUTE);
      expect((await browser.get('/api/staff/me')).statusCode).toBe(200);
    }
    t.clock.advance(14 * MINUTE);
    expect((await browser.get('/api/staff/me')).statusCode).toBe(401);
  });
});

describe('CSRF protection', () => {
  it('refuses a state-changing request without the token, or with a wrong one, and changes nothing', async () => {
    const { browser } = await signedInStaff(t, 'auditor', 'nation');
    const missing = await browser.post('/api/staff/logout', {}, false);
    expect(missing.statusCode).toBe(403);
    expect(missing.json().errorCode).toMatch(/^FST_CSRF_/);
    const wrong = await browser.post('/api/staff/logout', {}, `${browser.csrfToken!.slice(0, -2)}xx`);
    expect(wrong.statusCode).toBe(403);
    expect((await browser.get('/api/staff/me')).statusCode).toBe(200);
    expect((await browser.post('/api/staff/logout')).statusCode).toBe(204);
  });

  it('refuses a token of another session, and the secret cookie of another browser', async () => {
    const { browser: mine } = await signedInStaff(t, 'facility_admin', 'facility:560001');
    const { browser: theirs } = await signedInStaff(t, 'facility_admin', 'facility:560001');
    expect((await mine.post('/api/staff/password', { current: 'x', new: 'y' }, theirs.csrfToken!)).statusCode).toBe(403);
    // Their secret cookie and token together, with my session (cookie tossing): still bound to their session.
    mine.cookies.set('teeka_staff_csrf', theirs.cookies.get('teeka_staff_csrf')!);
    expect((await mine.post('/api/staff/logout', {}, theirs.csrfToken!)).statusCode).toBe(403);
  });

  it('guards sign-in too, and retires the signed-out token once signed in', async () => {
    const account = await addStaff(t, 'csrf.login', 'national_admin', 'nation');
    const browser = new StaffBrowser(t);
    expect((await browser.post('/api/staff/login', { username: account.username, password: account.password }, false)).statusCode).toBe(403);
    const signedOutToken = await browser.refreshCsrf();
    expect((await signIn(t, browser, account)).statusCode).toBe(200);
    expect((await browser.post('/api/staff/logout', {}, signedOutToken)).statusCode).toBe(403);
    await browser.refreshCsrf();
    expect((await browser.post('/api/staff/password', { current: account.password, new: 'a passphrase of my own' })).statusCode).toBe(200);
  });

  it('sets its secret in an HttpOnly, SameSite=Strict cookie, and asks nothing of GET requests', async () => {
    const csrf = await t.app.inject({ url: '/api/staff/csrf' });
    expect(csrf.statusCode).toBe(200);
    expect(csrf.headers['cache-control']).toBe('no-store');
    expect(setCookie(csrf.headers, 'teeka_staff_csrf')).toMatch(/HttpOnly/);
    expect(setCookie(csrf.headers, 'teeka_staff_csrf')).toMatch(/SameSite=Strict/);
    const { browser } = await signedInStaff(t, 'vaccinator', 'facility:560001');
    expect((await browser.send({ method: 'GET', url: '/api/staff/me', csrf: false })).statusCode).toBe(200);
  });
});
