import { createHmac } from 'node:crypto';
import type { FastifyCsrfProtectionOptions } from '@fastify/csrf-protection';
import type { FastifyRequest } from 'fastify';
import { STAFF_SESSION_COOKIE } from './request-staff.js';

export const STAFF_CSRF_COOKIE = 'teeka_staff_csrf';
export const CSRF_HEADER = 'x-csrf-token';

/**
 * What a CSRF token is bound to: the staff session cookie, or a fixed word before sign-in. A token
 * from another session does not verify, so a secret cookie planted from a sibling subdomain
 * ("cookie tossing") is useless without the victim's session, and signing in (a new session)
 * retires every token issued before it.
 */
export function csrfBinding(request: FastifyRequest): string {
  return request.cookies[STAFF_SESSION_COOKIE] || 'signed-out';
}

/**
 * @fastify/csrf-protection with its secret in an HttpOnly cookie of its own (the synchroniser-token
 * pattern over cookies), tokens read only from the `x-csrf-token` header (OWASP: a custom header a
 * cross-site form cannot set), and each token bound to the session by a key derived from the
 * keyring's token key.
 */
export function staffCsrfOptions(options: { production: boolean; tokenKey: Buffer }): FastifyCsrfProtectionOptions {
  return {
    cookieKey: STAFF_CSRF_COOKIE,
    cookieOpts: { path: '/', sameSite: 'strict', httpOnly: true, secure: options.production },
    getToken: (request) => {
      const token = request.headers[CSRF_HEADER];
      return typeof token === 'string' ? token : undefined;
    },
    getUserInfo: csrfBinding,
    csrfOpts: { userInfo: true, hmacKey: createHmac('sha256', options.tokenKey).update('teeka staff csrf v1').digest() },
  };
}
