import type { FastifyInstance } from 'fastify';

/**
 * Who may call a route. Every route under the API declares one (STYLE: "a route without one fails
 * at start-up"); personal data additionally needs a Ticket from the access module. 'partner' routes
 * take a registered partner's OAuth access token (decision 0017).
 */
export type AccessLevel = 'public' | 'citizen' | 'staff' | 'partner';

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: AccessLevel;
  }
}

// 'staff' routes also name their roles (config.staffRoles), checked by the staff module's own onRoute hook.
const knownLevels: readonly AccessLevel[] = ['public', 'citizen', 'staff', 'partner'];

/** Makes registering a route without `config.access` (or with an unknown one) a start-up error. */
export function requireAccessDeclarations(app: FastifyInstance): void {
  app.addHook('onRoute', (route) => {
    const access = route.config?.access;
    if (!access || !knownLevels.includes(access)) {
      throw new Error(`Route ${route.method} ${route.url} must declare config.access (one of ${knownLevels.join(', ')})`);
    }
  });
}
