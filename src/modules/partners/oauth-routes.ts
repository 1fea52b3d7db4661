import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { AppError } from '../../core/errors.js';
import type { Services } from '../../services.js';
import { OAuthError } from './errors.js';
import { TOKEN_PATH } from './registration.js';
import { OAuthErrorView, TokenForm, TokenView } from './schema.js';

const FORM_TYPE = 'application/x-www-form-urlencoded';
const tokenParameters = new Set(Object.keys(TokenForm.properties));
/** Per client address, before anything is looked up: garbage from anywhere costs little and stops soon. */
const TOKEN_REQUESTS_PER_IP_PER_MINUTE = 120;

/**
 * RFC 6749 §3.2: form-encoded parameters; unknown ones are ignored (§3.1), a repeated one is an error.
 * Only this plugin parses forms.
 */
function parseTokenForm(body: string): Record<string, string> {
  const form: Record<string, string> = {};
  for (const [name, value] of new URLSearchParams(body)) {
    if (!tokenParameters.has(name)) continue;
    if (name in form) throw new OAuthError('invalid_request', `${name} is sent more than once.`);
    form[name] = value;
  }
  return form;
}

/**
 * The token endpoint (decision 0017): `POST /api/partner/oauth/token`, client credentials with a
 * `private_key_jwt` client assertion. Its answers and refusals are RFC 6749's JSON, never cached.
 */
export const partnerOAuthRoutes: FastifyPluginAsyncTypebox<{ services: Services; publicUrl: string }> = async (app, { services, publicUrl }) => {
  const tokenUrl = `${publicUrl}${TOKEN_PATH}`;

  app.addContentTypeParser(FORM_TYPE, { parseAs: 'string', bodyLimit: 16 * 1024 }, (_request, body, done) => {
    try {
      done(null, parseTokenForm(body.toString()));
    } catch (error) {
      done(error as Error, undefined);
    }
  });

  app.setErrorHandler((error, _request, reply) => {
    reply.header('cache-control', 'no-store').header('pragma', 'no-cache');
    if (error instanceof OAuthError) return reply.code(error.statusCode).send({ error: error.error, error_description: error.description });
    if (error instanceof AppError) {
      if (error.retryAfterSeconds !== undefined) reply.header('retry-after', String(error.retryAfterSeconds));
      return reply.code(error.statusCode).send({ error: error.statusCode === 403 ? 'invalid_client' : 'invalid_request', error_description: error.message });
    }
    const framework = error as { statusCode?: number; validation?: unknown; message: string };
    const status = framework.statusCode ?? 500;
    if (framework.validation || status === 415 || status === 413 || status === 400) {
      const description = status === 415 ? `Send the parameters as ${FORM_TYPE}.` : framework.message;
      return reply.code(status === 413 ? 413 : 400).send({ error: 'invalid_request', error_description: description });
    }
    throw error;
  });

  // Only forms: a JSON body would pass the same schema, but RFC 6749 clients never send one.
  app.addHook('preValidation', async (request) => {
    if (!(request.headers['content-type'] ?? '').toLowerCase().startsWith(FORM_TYPE)) throw new OAuthError('invalid_request', `Send the parameters as ${FORM_TYPE}.`);
  });

  app.post('/token', {
    schema: {
      tags: ['Partner API'], summary: 'An access token (5 minutes) for a client assertion signed with the partner\'s private key',
      description: `RFC 6749 §4.4 with RFC 7523 client authentication. Form-encoded: grant_type=client_credentials, client_assertion_type=urn:ietf:params:oauth:client-assertion-type:jwt-bearer, client_assertion (iss = sub = client_id, aud = ${tokenUrl}, exp at most 5 minutes ahead, a new jti each time), and optionally scope.`,
      consumes: [FORM_TYPE],
      body: TokenForm,
      response: { 200: TokenView, 400: OAuthErrorView, 401: OAuthErrorView, 403: OAuthErrorView, 429: OAuthErrorView },
    },
    config: {
      access: 'public',
      rateLimit: {
        max: TOKEN_REQUESTS_PER_IP_PER_MINUTE, timeWindow: 60_000,
        errorResponseBuilder: (_request: unknown, context: { after: string }) => new AppError('RATE_LIMITED', 429, `Too many token requests from this address. Try again in ${context.after}.`),
      },
    },
  }, async (request, reply) => {
    reply.header('cache-control', 'no-store').header('pragma', 'no-cache');
    return services.partners.tokens.issue(request.body, request.ip, tokenUrl);
  });
};
