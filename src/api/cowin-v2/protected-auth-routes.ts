import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { unauthenticated } from '../../core/errors.js';
import type { Services } from '../../services.js';
import { MobileBody, OtpBody, TxnResponse, WebTokenResponse } from './auth-routes.js';
import { CowinError } from './schema.js';

const errors = { 400: CowinError, 401: CowinError, 403: CowinError, 429: CowinError, 503: CowinError };
/** The key this file's own hook checks, stated in the API document (the routes are `public` to the api scope). */
const partnerApiKey = [{ partnerApiKey: [] }];

/**
 * Co-WIN's protected-API twins of the OTP login (API-NOTES.md §2 #24, §3.4): the same as the public
 * ones, for a registered partner calling with its `x-api-key` (decision 0017). The key is checked
 * before anything else, with the partner's allowlist, suspension and quotas; without a valid key
 * the answer is Co-WIN's 401. The OTP still goes to the citizen's own phone, and the answer is the
 * same for a registered and an unknown number, so the key opens no one's data.
 */
export const cowinProtectedAuthRoutes: FastifyPluginAsyncTypebox<{ services: Services }> = async (app, { services }) => {
  const { identity, partners } = services;
  app.addHook('onRequest', async (request) => {
    const apiKey = request.headers['x-api-key'];
    const partner = await partners.gate.partnerOfApiKey(typeof apiKey === 'string' ? apiKey : undefined, request.ip, `${request.method} ${request.routeOptions.url ?? ''}`);
    if (!partner) throw unauthenticated();
  });
  app.addHook('onSend', async (_request, reply) => {
    reply.header('cache-control', 'no-store');
  });

  app.post('/auth/generateOTP', {
    schema: { tags: ['Co-WIN v2 auth'], summary: 'Send a 6-digit OTP by SMS (x-api-key; the answer is the same for any valid number)', security: partnerApiKey, body: MobileBody, response: { 200: TxnResponse, ...errors } },
    config: { access: 'public' },
  }, async (request) => identity.requestOtp(request.body?.mobile === undefined ? undefined : String(request.body.mobile), request.ip));

  app.post('/auth/confirmOTP', {
    schema: { tags: ['Co-WIN v2 auth'], summary: 'Confirm the OTP (SHA-256 hex) and get a 15-minute token (x-api-key)', security: partnerApiKey, body: OtpBody, response: { 200: WebTokenResponse, ...errors } },
    config: { access: 'public' },
  }, async (request) => {
    const result = await identity.confirmOtp(request.body?.txnId, request.body?.otp, request.ip);
    return { token: result.token, isNewAccount: result.isNewAccount ? 'Y' as const : 'N' as const };
  });
};
