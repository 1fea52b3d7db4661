import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../support/test-app.js';
import { addStaff, freshCode, secretOfOtpauthUrl, signIn, StaffBrowser } from './sign-in.js';

/** DESIGN.md §1: no password, TOTP secret, code or session token reaches a log line, even at debug level. */
let t: TestApp;
const logLines: string[] = [];
const secrets: string[] = [];

beforeAll(async () => {
  t = await createTestApp({ logLines });
  const account = await addStaff(t, 'log.watcher', 'district_admin', 'district:395');
  const browser = new StaffBrowser(t);
  const step = (await browser.post('/api/staff/login', { username: account.username, password: account.password })).json();
  const secret = secretOfOtpauthUrl(step.otpauth_url);
  await browser.post('/api/staff/totp/enrol', { enrolment_token: step.enrolment_token, code: 'nope' });
  const code = freshCode(t, secret);
  await browser.post('/api/staff/totp/enrol', { enrolment_token: step.enrolment_token, code });
  const sessionToken = browser.sessionToken!;
  const csrfToken = await browser.refreshCsrf();
  await browser.post('/api/staff/password', { current: account.password, new: 'short' });
  const ownPassword = 'a password only I know';
  await browser.post('/api/staff/password', { current: account.password, new: ownPassword });
  await browser.post('/api/staff/logout', {}, false);
  await browser.post('/api/staff/logout');
  await new StaffBrowser(t).post('/api/staff/login', { username: account.username, password: 'a wrong password typed here' });
  await new StaffBrowser(t).post('/api/staff/login', { username: 'my password in the wrong field', password: 'x' });
  const again = new StaffBrowser(t);
  await signIn(t, again, { ...account, password: ownPassword, totpSecret: secret });
  secrets.push(
    account.password, ownPassword, 'a wrong password typed here', 'my password in the wrong field', secret,
    sessionToken, again.sessionToken!, csrfToken, step.enrolment_token, step.otpauth_url,
  );
  // (The 6-digit code is left out: six digits in a row turn up by chance in timestamps and durations.)
});
afterAll(() => t.close());

describe('staff sign-in in the logs', () => {
  it('was logged, at debug level, request by request', () => {
    expect(logLines.length).toBeGreaterThan(20);
    expect(logLines.join('\n')).toContain('/api/staff/login');
  });

  it('went through sign-in, enrolment, a password change and a second sign-in', () => {
    expect(secrets.every((secret) => typeof secret === 'string' && secret.length >= 12)).toBe(true);
  });

  it('carries no password, TOTP secret or code, session, CSRF or challenge token', () => {
    const text = logLines.join('\n');
    for (const secret of secrets) expect(text.includes(secret), `logs contain "${secret.slice(0, 6)}…"`).toBe(false);
  });
});
