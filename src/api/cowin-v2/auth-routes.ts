import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { Config } from '../../config.js';
import { AppError } from '../../core/errors.js';
import { NoBody } from '../../core/no-body.js';
import type { Services } from '../../services.js';
import { citizenOf } from '../citizen.js';
import { CowinError } from './schema.js';

export interface CowinAuthOptions {
  services: Services;
  config: Config;
}

// Loose on purpose: Co-WIN answered missing or malformed fields with its own codes (USRAUT0010,
// USRAUT0012), which the identity service produces. Closed and bounded all the same (decision 0018):
// the fields are those real clients send (API-NOTES §3.3, §3.4), `secret` included, which Teeka ignores.
export const MobileBody = Type.Object({
  mobile: Type.Optional(Type.Union([Type.String({ maxLength: 20 }), Type.Number({ minimum: 0, maximum: 1e15 })])),
  secret: Type.Optional(Type.String({ maxLength: 512, description: 'the web app\'s CryptoJS ciphertext; accepted and ignored' })),
}, { additionalProperties: false });
export const OtpBody = Type.Object({
  otp: Type.Optional(Type.String({ maxLength: 100, description: 'SHA-256 hex of the 6 digits' })),
  txnId: Type.Optional(Type.String({ maxLength: 100 })),
}, { additionalProperties: false });
export const TxnResponse = Type.Object({ txnId: Type.String({ format: 'uuid' }) });
const TokenResponse = Type.Object({ token: Type.String() });
export const WebTokenResponse = Type.Object({ token: Type.String(), isNewAccount: Type.Union([Type.Literal('Y'), Type.Literal('N')]) });
const errors = { 400: CowinError, 401: CowinError, 429: CowinError, 503: CowinError };

const HOUR_MS = 60 * 60 * 1000;

/**
 * Co-WIN's OTP login, both variants: the public one (generateOTP/confirmOTP) and the one the
 * self-registration site and booking bots used (generateMobileOTP/validateMobileOtp). The OTP is
 * sent back as the SHA-256 hex of its 6 digits. Logout and the captcha need a token.
 */
export const cowinAuthRoutes: FastifyPluginAsyncTypebox<CowinAuthOptions> = async (app, { services, config }) => {
  const { identity } = services;
  // Per client address, on top of the per-mobile limits in the identity service: one address
  // asking OTPs for many numbers is an SMS-bombing or enumeration pattern.
  const otpRateLimit = {
    max: config.otpRequestsPerIpPerHour,
    timeWindow: HOUR_MS,
    errorResponseBuilder: (_request: unknown, context: { after: string }) =>
      new AppError('OTP_RATE_LIMITED', 429, `Too many OTP requests from your network. Please try again in ${context.after}.`),
  };
  const mobileOf = (body: { mobile?: string | number | undefined }) => (body.mobile === undefined ? undefined : String(body.mobile));

  for (const path of ['/auth/public/generateOTP', '/auth/generateMobileOTP']) {
    app.post(path, {
      schema: { tags: ['Co-WIN v2 auth'], summary: 'Send a 6-digit OTP by SMS (the answer is the same for any valid number)', body: MobileBody, response: { 200: TxnResponse, ...errors } },
      config: { access: 'public', rateLimit: otpRateLimit },
    }, async (request) => identity.requestOtp(mobileOf(request.body ?? {}), request.ip));
  }

  app.post('/auth/public/confirmOTP', {
    schema: { tags: ['Co-WIN v2 auth'], summary: 'Confirm the OTP (SHA-256 hex) and get a 15-minute token', body: OtpBody, response: { 200: TokenResponse, ...errors } },
    config: { access: 'public' },
  }, async (request) => {
    const { token } = await identity.confirmOtp(request.body?.txnId, request.body?.otp, request.ip);
    return { token };
  });

  app.post('/auth/validateMobileOtp', {
    schema: { tags: ['Co-WIN v2 auth'], summary: 'Confirm the OTP (SHA-256 hex); says whether the account is new', body: OtpBody, response: { 200: WebTokenResponse, ...errors } },
    config: { access: 'public' },
  }, async (request) => {
    const result = await identity.confirmOtp(request.body?.txnId, request.body?.otp, request.ip);
    return { token: result.token, isNewAccount: result.isNewAccount ? 'Y' as const : 'N' as const };
  });
};

/** Routes of the auth family that need a logged-in citizen; mounted outside the public rate limit. */
export const cowinSessionRoutes: FastifyPluginAsyncTypebox<CowinAuthOptions> = async (app, { services }) => {
  app.get('/auth/logout', {
    schema: { tags: ['Co-WIN v2 auth'], summary: 'Revoke this token now', response: { 204: Type.Null(), 401: CowinError } },
    config: { access: 'citizen' },
  }, async (request, reply) => {
    await services.identity.logout(citizenOf(request));
    return reply.code(204).send(null);
  });

  app.post('/auth/getRecaptcha', {
    schema: {
      tags: ['Co-WIN v2 auth'], summary: 'A captcha (svg-captcha style SVG) for the next schedule call',
      body: NoBody, response: { 200: Type.Object({ captcha: Type.String() }), 401: CowinError },
    },
    config: { access: 'citizen' },
  }, async (request, reply) => {
    reply.header('cache-control', 'no-store');
    return { captcha: await services.identity.issueCaptcha(citizenOf(request)) };
  });
};
