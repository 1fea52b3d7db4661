import type { FastifyInstance, RouteOptions } from 'fastify';

/**
 * Every route the real app registers, noted where a start-up check sees it (src/app.ts, decision 0003).
 * A test file mocks the module of the check and wraps it with `notingRoutes`; `vi.mock` is hoisted
 * above the imports, so the mock factory imports this module itself:
 *
 *   vi.mock('../../src/core/access-level.js', async (importOriginal) => {
 *     const actual = await importOriginal<typeof import('../../src/core/access-level.js')>();
 *     const { notingRoutes } = await import('../support/registered-routes.js');
 *     return { ...actual, requireAccessDeclarations: notingRoutes(actual.requireAccessDeclarations) };
 *   });
 *
 * Fastify adds a HEAD twin of every GET, with the same schema and config; neither list holds them.
 */

/** The routes as Fastify registered them, one entry per route. */
export const registeredRoutes: RouteOptions[] = [];

/** One method of a registered route, with what the access checks read from its config and schema. */
export interface RegisteredRoute {
  method: string;
  url: string;
  access: string;
  staffRoles: readonly string[];
  partnerScope: string | undefined;
  hidden: boolean;
}

/** The routes one method at a time. */
export const registeredMethods: RegisteredRoute[] = [];

/** The start-up check unchanged, except that it also notes each route it is shown. */
export function notingRoutes(check: (app: FastifyInstance) => void): (app: FastifyInstance) => void {
  return (app) => {
    check(app);
    app.addHook('onRoute', (route) => {
      if (route.method !== 'HEAD') registeredRoutes.push(route);
      for (const method of [route.method].flat()) {
        if (method === 'HEAD') continue;
        registeredMethods.push({
          method,
          url: route.url,
          access: route.config?.access ?? '',
          staffRoles: route.config?.staffRoles ?? [],
          partnerScope: (route.config as { partnerScope?: string } | undefined)?.partnerScope,
          hidden: Boolean((route.schema as { hide?: boolean } | undefined)?.hide),
        });
      }
    });
  };
}
