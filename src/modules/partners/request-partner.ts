import type { FastifyInstance, FastifyRequest } from 'fastify';
import { invalidAccessToken } from './errors.js';
import type { PartnerActor, PartnerGate } from './gate.js';
import { partnerScopes, type PartnerScope } from './schema.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the authentication hook on routes declared `access: 'partner'`. */
    partner?: PartnerActor;
  }
  interface FastifyContextConfig {
    /** The scope an `access: 'partner'` route needs; such a route without one fails at start-up. */
    partnerScope?: PartnerScope;
  }
}

/**
 * The api scope's check for `access: 'partner'` routes: a live access token (401), the partner
 * enabled and not suspended, the caller's address on its allowlist (403, recorded), its quotas
 * (429) and the route's scope (403).
 */
export async function authenticatePartner(request: FastifyRequest, gate: PartnerGate): Promise<void> {
  const config = request.routeOptions.config;
  request.partner = await gate.authenticateBearer(request.headers.authorization, request.ip, config.partnerScope, `${request.method} ${request.routeOptions.url ?? ''}`);
}

/** The partner of a `partner` route; the hook has already answered otherwise. */
export function partnerOf(request: FastifyRequest): PartnerActor {
  if (!request.partner) throw invalidAccessToken();
  return request.partner;
}

/** Makes an `access: 'partner'` route without a known scope a start-up error. */
export function requirePartnerScopeDeclarations(app: FastifyInstance): void {
  app.addHook('onRoute', (route) => {
    if (route.config?.access !== 'partner') return;
    if (!route.config.partnerScope || !partnerScopes.includes(route.config.partnerScope)) {
      throw new Error(`Route ${route.method} ${route.url} must declare config.partnerScope (one of ${partnerScopes.join(', ')})`);
    }
  });
}
