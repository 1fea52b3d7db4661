import type { FastifyInstance, RouteOptions } from 'fastify';
import { partnerScopes } from '../modules/partners/schema.js';
import { STAFF_SESSION_COOKIE, staffCsrfApplies } from '../modules/staff/request-staff.js';

const partnerScopeWords: Record<(typeof partnerScopes)[number], string> = {
  consented: 'ask citizens for consents and read what a live one names',
  vaccination_status: 'a signed not/partially/fully vaccinated answer under a consent',
  certificate_pull: 'a citizen\'s certificates under a consent',
  aggregates: 'counts by district, date, vaccine, age band and gender; small cells suppressed',
};

/** The credentials Teeka's routes take, named in the OpenAPI document's components. */
export function securitySchemes(tokenUrl: string) {
  return {
    citizenToken: {
      type: 'http', scheme: 'bearer', bearerFormat: 'JWT',
      description: 'A citizen\'s token from /api/v2/auth/public/confirmOTP (15 minutes, one account and its members only).',
    },
    staffSession: {
      type: 'apiKey', in: 'cookie', name: STAFF_SESSION_COOKIE,
      description: 'Set by the staff sign-in (password, then TOTP); ends after 15 idle minutes. Each operation lists the roles it is for under x-staff-roles.',
    },
    staffCsrf: {
      type: 'apiKey', in: 'header', name: 'x-csrf-token',
      description: 'From GET /api/staff/csrf; every staff request that changes something needs it.',
    },
    partnerToken: {
      type: 'oauth2',
      description: 'A registered partner\'s 5-minute access token: client credentials with private_key_jwt (RFC 7523), from an allowed address.',
      flows: { clientCredentials: { tokenUrl, scopes: partnerScopeWords } },
    },
    partnerApiKey: {
      type: 'apiKey', in: 'header', name: 'x-api-key',
      description: 'A registered partner\'s key, for Co-WIN\'s protected API (shown once when a national admin issues it).',
    },
  } as const;
}

type Requirement = Record<string, string[]>[];

/** What a route takes, from its own declarations, so the document cannot drift from what is enforced. */
function requirementFor(route: RouteOptions, method: string): Requirement {
  const { access, partnerScope } = route.config ?? {};
  const csrf = staffCsrfApplies(method, access, route.url);
  switch (access) {
    case 'citizen': return [{ citizenToken: [] }];
    case 'partner': return [{ partnerToken: partnerScope ? [partnerScope] : [] }];
    case 'staff': return [csrf ? { staffSession: [], staffCsrf: [] } : { staffSession: [] }];
    default: return csrf ? [{ staffCsrf: [] }] : [];
  }
}

/**
 * Writes each operation's credentials into its schema as it is registered (OWASP API9: an
 * inventory that says who may call what). A route that checks a credential of its own (the
 * x-api-key twins of Co-WIN's protected API) declares `schema.security` itself and is left alone.
 */
export function documentSecurity(app: FastifyInstance): void {
  app.addHook('onRoute', (route) => {
    if (!route.schema || route.schema.hide || route.schema.security) return;
    const method = Array.isArray(route.method) ? route.method[0]! : route.method;
    const roles = route.config?.access === 'staff' ? { 'x-staff-roles': [...(route.config.staffRoles ?? [])] } : {};
    route.schema = { ...route.schema, security: requirementFor(route, method), ...roles };
  });
}
