import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { Secret, TOTP } from 'otpauth';
import type { TestApp } from '../../support/test-app.js';

/**
 * A browser's view of the staff API for tests: it keeps cookies as a browser would, fetches the
 * CSRF token and sends it on POSTs. Other modules' staff tests can use `signedInStaff`.
 */
export class StaffBrowser {
  readonly cookies = new Map<string, string>();
  csrfToken: string | undefined;

  constructor(private readonly t: TestApp) {}

  async send(options: InjectOptions & { csrf?: boolean | string }): Promise<LightMyRequestResponse> {
    const { csrf, ...request } = options;
    const method = (request.method ?? 'GET').toUpperCase();
    const headers: Record<string, string> = { ...(request.headers as Record<string, string> | undefined) };
    const wantsCsrf = csrf ?? method !== 'GET';
    if (wantsCsrf) {
      if (typeof csrf === 'string') headers['x-csrf-token'] = csrf;
      else headers['x-csrf-token'] = this.csrfToken ?? (await this.refreshCsrf());
    }
    if (this.cookies.size > 0) headers.cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    const res = await this.t.app.inject({ ...request, method: method as InjectOptions['method'], headers });
    this.keepCookies(res);
    return res;
  }

  get(url: string) {
    return this.send({ method: 'GET', url });
  }

  post(url: string, payload?: object, csrf?: boolean | string) {
    return this.send({ method: 'POST', url, payload: payload ?? {}, ...(csrf === undefined ? {} : { csrf }) });
  }

  async refreshCsrf(): Promise<string> {
    const res = await this.send({ method: 'GET', url: '/api/staff/csrf', csrf: false });
    this.csrfToken = res.json().token as string;
    return this.csrfToken;
  }

  get sessionToken(): string | undefined {
    return this.cookies.get('teeka_staff');
  }

  private keepCookies(res: LightMyRequestResponse): void {
    for (const cookie of res.cookies as { name: string; value: string; maxAge?: number; expires?: Date }[]) {
      const expired = cookie.value === '' || cookie.maxAge === 0 || (cookie.expires !== undefined && cookie.expires.getTime() < Date.now());
      if (expired) this.cookies.delete(cookie.name);
      else this.cookies.set(cookie.name, cookie.value);
    }
  }
}

/** The code an authenticator app shows at `at`. */
export function totpCode(secret: string, at: Date): string {
  return TOTP.generate({ secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: 30, timestamp: at.getTime() });
}

export function secretOfOtpauthUrl(url: string): string {
  const secret = new URL(url).searchParams.get('secret');
  if (!secret) throw new Error('otpauth URL without a secret');
  return secret;
}

/** A code for a step after the last one used with this secret, moving the test clock on when needed (a code works once). */
const lastStep = new Map<string, number>();
export function freshCode(t: TestApp, secret: string): string {
  const step = () => Math.floor(t.clock.now().getTime() / 30_000);
  const last = lastStep.get(secret);
  if (last !== undefined && step() <= last) t.clock.advance((last + 1 - step()) * 30_000);
  lastStep.set(secret, step());
  return totpCode(secret, t.clock.now());
}

export interface StaffAccount {
  username: string;
  password: string;
  totpSecret?: string;
}

/** `teeka staff add` without the process: a new account with its one-time password. */
export async function addStaff(t: TestApp, username: string, role: string, scope: string): Promise<StaffAccount> {
  const created = await t.services.staff.addAccount({ username, role, scope });
  return { username: created.username, password: created.oneTimePassword.reveal() };
}

/** Password step then TOTP (enrolling at first sign-in); fills in `account.totpSecret`. Returns the final answer. */
export async function signIn(t: TestApp, browser: StaffBrowser, account: StaffAccount): Promise<LightMyRequestResponse> {
  const login = await browser.post('/api/staff/login', { username: account.username, password: account.password });
  if (login.statusCode !== 200) return login;
  const body = login.json();
  if (body.step === 'enrol_totp') {
    account.totpSecret = secretOfOtpauthUrl(body.otpauth_url);
    return browser.post('/api/staff/totp/enrol', { enrolment_token: body.enrolment_token, code: freshCode(t, account.totpSecret!) });
  }
  return browser.post('/api/staff/login/totp', { challenge_token: body.challenge_token, code: freshCode(t, account.totpSecret!) });
}

let nextStaff = 0;

/**
 * A staff member of `role` over `scope`, signed in, enrolled, with their own password set and a
 * CSRF token for the new session: ready to call any staff route.
 */
export async function signedInStaff(t: TestApp, role: string, scope: string): Promise<{ browser: StaffBrowser; account: StaffAccount }> {
  const account = await addStaff(t, `${role.replace('_', '-')}.${(nextStaff += 1)}`, role, scope);
  const browser = new StaffBrowser(t);
  const signedIn = await signIn(t, browser, account);
  if (signedIn.statusCode !== 200) throw new Error(`sign-in: ${signedIn.statusCode} ${signedIn.body}`);
  await browser.refreshCsrf();
  const password = `${account.password}-mine-now`;
  const changed = await browser.post('/api/staff/password', { current: account.password, new: password });
  if (changed.statusCode !== 200) throw new Error(`password: ${changed.statusCode} ${changed.body}`);
  account.password = password;
  return { browser, account };
}
