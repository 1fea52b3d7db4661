import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyReply } from 'fastify';
import type { Config } from '../../config.js';
import { AppError } from '../../core/errors.js';
import { NoBody } from '../../core/no-body.js';
import type { Services } from '../../services.js';
import { staffRoles } from '../access/schema.js';
import { csrfBinding } from './csrf.js';
import { STAFF_SESSION_COOKIE, staffOf } from './request-staff.js';
import { ChainView, CsrfView, EnrolBody, ErrorView, LoginBody, LoginStepView, PasswordBody, ProfileView, SignedInView, TotpBody } from './schema.js';
import { SESSION_MAX_MS, type SignedIn } from './service.js';

export interface StaffRouteOptions {
  services: Services;
  config: Config;
}

const HOUR_MS = 60 * 60 * 1000;
const errors = { 400: ErrorView, 401: ErrorView, 403: ErrorView, 429: ErrorView };

/**
 * Staff sign-in (decision 0007): password, then TOTP (enrolled at first sign-in from a QR code),
 * then, for a one-time password, a password of their own. Every POST carries the `x-csrf-token`
 * from GET /csrf (checked in the api scope); fetch a new one after signing in.
 */
export const staffRoutes: FastifyPluginAsyncTypebox<StaffRouteOptions> = async (app, { services, config }) => {
  const { staff } = services;
  app.addHook('onSend', async (_request, reply) => {
    reply.header('cache-control', 'no-store');
  });

  // Per client address, on top of the per-account lockout: one address trying many usernames is password spraying.
  const signInLimit = {
    max: config.staffLoginsPerIpPerHour,
    timeWindow: HOUR_MS,
    errorResponseBuilder: (_request: unknown, context: { after: string }) =>
      new AppError('SIGN_IN_RATE_LIMITED', 429, `Too many sign-in attempts from your network. Please try again in ${context.after}.`),
  };

  const startSession = (reply: FastifyReply, signedIn: SignedIn) => {
    reply.setCookie(STAFF_SESSION_COOKIE, signedIn.sessionToken.reveal(), {
      httpOnly: true,
      sameSite: 'strict',
      path: '/',
      secure: config.env === 'production',
      maxAge: SESSION_MAX_MS / 1000,
    });
    return { step: signedIn.step };
  };

  app.get('/csrf', {
    schema: { tags: ['Staff'], summary: 'A CSRF token for this session, to send as x-csrf-token on every staff POST', response: { 200: CsrfView } },
    config: { access: 'public' },
  }, async (request, reply) => ({ token: reply.generateCsrf({ userInfo: csrfBinding(request) }) }));

  app.post('/login', {
    schema: {
      tags: ['Staff'], summary: 'Password step: answers with the TOTP step, or with a QR code to enrol at first sign-in',
      body: LoginBody, response: { 200: LoginStepView, ...errors },
    },
    config: { access: 'public', rateLimit: signInLimit },
  }, async (request) => {
    const next = await staff.startLogin(request.body.username, request.body.password, request.ip);
    if (next.step === 'totp') return { step: next.step, challenge_token: next.challengeToken };
    return { step: next.step, enrolment_token: next.enrolmentToken, otpauth_url: next.otpauthUrl.reveal(), qr_svg: next.qrSvg.reveal() };
  });

  app.post('/login/totp', {
    schema: { tags: ['Staff'], summary: 'TOTP step: sets the session cookie', body: TotpBody, response: { 200: SignedInView, ...errors } },
    config: { access: 'public', rateLimit: signInLimit },
  }, async (request, reply) => startSession(reply, await staff.confirmTotp(request.body.challenge_token, request.body.code, request.ip)));

  app.post('/totp/enrol', {
    schema: { tags: ['Staff'], summary: 'First code from the scanned QR code: confirms enrolment and sets the session cookie', body: EnrolBody, response: { 200: SignedInView, ...errors } },
    config: { access: 'public', rateLimit: signInLimit },
  }, async (request, reply) => startSession(reply, await staff.enrolTotp(request.body.enrolment_token, request.body.code, request.ip)));

  app.post('/password', {
    schema: { tags: ['Staff'], summary: 'Set a new password (at least 12 characters, not containing the username); ends other sessions', body: PasswordBody, response: { 200: SignedInView, ...errors } },
    config: { access: 'staff', staffRoles, staffBeforePasswordChange: true },
  }, async (request) => {
    await staff.changePassword(staffOf(request), request.body.current, request.body.new);
    return { step: 'done' as const };
  });

  app.post('/logout', {
    schema: { tags: ['Staff'], summary: 'End this session now', body: NoBody, response: { 204: Type.Null(), ...errors } },
    config: { access: 'staff', staffRoles, staffBeforePasswordChange: true },
  }, async (request, reply) => {
    await staff.logout(staffOf(request));
    reply.clearCookie(STAFF_SESSION_COOKIE, { path: '/' });
    return reply.code(204).send(null);
  });

  // Separation of duties: the security officer checks the log the administrators' actions are written to.
  app.get('/audit/chain', {
    schema: {
      tags: ['Staff'], summary: 'Auditors only: recompute the audit log\'s hash chain; any edited, deleted or reordered row breaks it',
      response: { 200: ChainView, ...errors },
    },
    config: { access: 'staff', staffRoles: ['auditor'] },
  }, async () => {
    const chain = await services.access.verifyChain();
    return { ok: chain.ok, checked: chain.checked, broken_at: chain.brokenAt, problem: chain.problem, sealed_through: chain.sealedThrough };
  });

  app.get('/me', {
    schema: { tags: ['Staff'], summary: 'Who is signed in, their role and where they may act', response: { 200: ProfileView, ...errors } },
    config: { access: 'staff', staffRoles, staffBeforePasswordChange: true },
  }, async (request) => {
    const { username, role, scope } = await staff.profile(staffOf(request));
    return {
      username,
      role,
      scope: { level: scope.level, state_id: scope.stateId, district_id: scope.districtId, facility_id: scope.facilityId, name: scope.name },
    };
  });
};
