import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import csrfProtection from '@fastify/csrf-protection';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import underPressure from '@fastify/under-pressure';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { Redis } from 'ioredis';
import './api/citizen.js';
import { cowinAuthRoutes } from './api/cowin-v2/auth-routes.js';
import { cowinCitizenRoutes } from './api/cowin-v2/citizen-routes.js';
import { cowinPublicRoutes } from './api/cowin-v2/public-routes.js';
import type { Config } from './config.js';
import { citizenRightsRoutes } from './modules/beneficiaries/routes.js';
import { accessHistoryRoutes } from './modules/beneficiaries/access-history-routes.js';
import { correctionReviewRoutes } from './modules/beneficiaries/correction-review-routes.js';
import { staffCsrfOptions } from './modules/staff/csrf.js';
import { authenticateStaff, needsStaffCsrfToken, requireStaffRoleDeclarations } from './modules/staff/request-staff.js';
import { staffRoutes } from './modules/staff/routes.js';
import { centreRoutes } from './modules/vaccination/routes.js';
import { planningRoutes } from './modules/planning/routes.js';
import { walkInRoutes } from './modules/vaccination/walk-in-routes.js';
import { aefiRoutes } from './modules/vaccination/aefi-routes.js';
import { securityRoutes } from './modules/security/routes.js';
import { recordScopeRefusals } from './modules/security/scope-refusals.js';
import { partnerRoutes } from './modules/partners/routes.js';
import { authenticatePartner } from './modules/partners/request-partner.js';
import { cowinProtectedAuthRoutes } from './api/cowin-v2/protected-auth-routes.js';
import { documentSecurity, securitySchemes } from './api/openapi-security.js';
import { TOKEN_PATH } from './modules/partners/registration.js';
import { verificationRoutes, wellKnownRoutes } from './modules/certificates/routes.js';
import { requireAccessDeclarations } from './core/access-level.js';
import type { Clock } from './core/clock.js';
import type { DatabaseHandle } from './core/db.js';
import { AppError } from './core/errors.js';
import { answerClientError, answerFrameworkError, installErrorHandler } from './core/error-handler.js';
import { httpServerOptions } from './core/http-server.js';
import { docsContentSecurityPolicy, helmetOptions, PERMISSIONS_POLICY } from './core/security-headers.js';
import { readTlsFiles } from './core/tls.js';
import { healthRoutes } from './core/health-routes.js';
import { loggerOptions } from './core/logger.js';
import { MicroCache } from './core/micro-cache.js';
import { devOutboxRoutes } from './core/sms/dev-outbox-routes.js';
import type { Services } from './services.js';

export const webDistDir = fileURLToPath(new URL('../dist/web/', import.meta.url));

export interface AppDependencies {
  config: Config;
  database: DatabaseHandle;
  services: Services;
  clock: Clock;
  /** Shared rate-limit counters across instances; in-process counters when absent. */
  redis?: Redis | undefined;
  logger?: boolean;
  /** Where log lines go instead of stdout (tests read them). */
  logStream?: { write(line: string): void };
}

const PUBLIC_RATE_WINDOW_MS = 5 * 60 * 1000;

export async function buildApp(deps: AppDependencies): Promise<FastifyInstance> {
  const { config, services, clock } = deps;
  // Decision 0018: body limit, timeouts against slow clients, HTTPS, and schemas that refuse what
  // they do not name (Fastify's default silently drops unknown properties, so a misspelt or
  // smuggled field would pass unseen).
  const options: FastifyServerOptions = {
    logger: deps.logger === false ? false : loggerOptions(config.logLevel, deps.logStream),
    genReqId: () => randomUUID(),
    trustProxy: config.trustProxy,
    routerOptions: { ignoreTrailingSlash: true },
    ...httpServerOptions(config, readTlsFiles(config)),
    ajv: { customOptions: { removeAdditional: false } },
    frameworkErrors: answerFrameworkError,
    clientErrorHandler: answerClientError,
  };
  const app = Fastify(options).withTypeProvider<TypeBoxTypeProvider>();

  const webAppBuilt = fs.existsSync(webDistDir);
  installErrorHandler(app, { webApp: webAppBuilt });
  // Co-WIN clients post "" as well as "{}" to body-less endpoints such as getRecaptcha.
  const parseJson = app.getDefaultJsonParser('error', 'ignore');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = body.toString();
    if (text.trim() === '') return done(null, {});
    return parseJson(request, text, done);
  });
  await app.register(helmet, helmetOptions(config));
  app.addHook('onRequest', async (_request, reply) => {
    reply.header('permissions-policy', PERMISSIONS_POLICY);
  });
  await app.register(underPressure, {
    maxEventLoopDelay: config.maxEventLoopDelayMs, maxHeapUsedBytes: config.maxHeapUsedMb * 1024 * 1024, retryAfter: 5, exposeStatusRoute: false,
  });
  await app.register(rateLimit, { global: false, redis: deps.redis, nameSpace: 'teeka-rate:' });
  // Staff sessions live in a cookie, so staff requests need CSRF tokens (decision 0007); citizens use bearer tokens.
  await app.register(cookie);
  await app.register(csrfProtection, staffCsrfOptions({ production: config.env === 'production', tokenKey: services.cipher.hmacKey('token') }));
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Teeka API',
        version: '2.0.0',
        description: 'The Co-WIN v2 API (same paths and shapes, so existing clients only change the host) and Teeka\'s own API.',
      },
      components: { securitySchemes: securitySchemes(`${config.publicUrl}${TOKEN_PATH}`) },
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', transformStaticCSP: () => docsContentSecurityPolicy(config) });

  const publicCache = new MicroCache(clock, config.publicMaxStaleSeconds * 1000);

  await app.register(async (api) => {
    requireAccessDeclarations(api);
    requireStaffRoleDeclarations(api);
    documentSecurity(api);
    // Runs before any route's own hooks (rate limits keyed by account among them).
    api.addHook('onRequest', async (request) => {
      if (request.routeOptions.config.access === 'citizen') {
        request.citizen = await services.identity.authenticate(request.headers.authorization, request.ip);
      }
      if (request.routeOptions.config.access === 'staff') await authenticateStaff(request, services.staff);
      if (request.routeOptions.config.access === 'partner') await authenticatePartner(request, services.partners.gate);
    });
    // decision 0015: a staff request refused by a scope check is recorded, after its transaction, as a refusal.
    api.addHook('onError', recordScopeRefusals(services.access));
    services.security.reportTo(api.log);
    // decision 0007: every state-changing staff request, sign-in included, carries its session's CSRF token.
    api.addHook('onRequest', (request, reply, done) => (needsStaffCsrfToken(request) ? api.csrfProtection(request, reply, done) : done()));
    await api.register(healthRoutes, { database: deps.database });
    await api.register(devOutboxRoutes, { gateway: services.sms });
    await api.register(async (publicApi) => {
      if (config.publicRateLimit > 0) {
        publicApi.addHook('onRequest', publicApi.rateLimit({
          max: config.publicRateLimit,
          timeWindow: PUBLIC_RATE_WINDOW_MS,
          errorResponseBuilder: (_request, context) =>
            new AppError('RATE_LIMITED', 429, `Too many requests from your network. Please try again in ${context.after}.`),
        }));
      }
      await publicApi.register(cowinPublicRoutes, { prefix: '/api/v2', services, cache: publicCache });
      await publicApi.register(cowinAuthRoutes, { prefix: '/api/v2', services, config });
      await publicApi.register(verificationRoutes, { prefix: '/api', services });
    });
    await api.register(cowinCitizenRoutes, { prefix: '/api/v2', services, config });
    await api.register(citizenRightsRoutes, { prefix: '/api/citizen', services, publicUrl: config.publicUrl });
    await api.register(accessHistoryRoutes, { prefix: '/api/citizen', services });
    await api.register(wellKnownRoutes, { services });
    await api.register(staffRoutes, { prefix: '/api/staff', services, config });
    await api.register(centreRoutes, { prefix: '/api/staff/centre', services });
    await api.register(planningRoutes, { prefix: '/api/staff/planning', services });
    await api.register(walkInRoutes, { prefix: '/api/staff/centre/walk-ins', services });
    await api.register(aefiRoutes, { prefix: '/api/staff/aefi', services });
    await api.register(correctionReviewRoutes, { prefix: '/api/staff/corrections', services });
    await api.register(securityRoutes, { prefix: '/api/staff/security', services });
    await api.register(partnerRoutes, { services, config });
    await api.register(cowinProtectedAuthRoutes, { prefix: '/api/v2', services });
  });

  if (webAppBuilt) {
    await app.register(fastifyStatic, {
      root: webDistDir,
      wildcard: false,
      index: 'index.html',
      cacheControl: false,
      // Built assets carry a content hash in their names and never change; the page itself must be
      // revalidated, or a phone would keep pointing at last week's assets after a release.
      setHeaders: (res, filePath) => {
        res.header('cache-control', filePath.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  } else {
    app.log.warn(`Web app not built (${webDistDir} is missing): run "npm run build:web"`);
  }
  return app;
}
