import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { registeredMethods as registered } from '../support/registered-routes.js';
import { acceptingGateway, createAppWith, type CustomApp } from './custom-app.js';

/**
 * OWASP API9:2023 Improper Inventory Management. The inventory is the OpenAPI document at
 * /api/docs/json; the app as a production operator runs it must serve exactly what that document
 * lists (every route documented with the access it needs, every documented operation real) and no
 * debug, development or test route besides.
 */
const everyRoute = vi.hoisted(() => [] as { method: string; url: string }[]);
vi.mock('../../src/core/access-level.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/core/access-level.js')>();
  const { notingRoutes } = await import('../support/registered-routes.js');
  return { ...actual, requireAccessDeclarations: notingRoutes(actual.requireAccessDeclarations) };
});
// Every route of the whole app, the documentation's and static files' included: @fastify/swagger is
// registered on the root, so its onRoute hook sees them all; noting them here needs no other hook.
vi.mock('@fastify/swagger', async (importOriginal) => {
  const actual = await importOriginal<{ default: (app: FastifyInstance, options: object, done: (error?: Error) => void) => unknown }>();
  const plugin = (app: FastifyInstance, options: object, done: (error?: Error) => void) => {
    app.addHook('onRoute', (route) => {
      for (const method of [route.method].flat()) if (method !== 'HEAD') everyRoute.push({ method, url: route.url });
    });
    return actual.default(app, options, done);
  };
  Object.assign(plugin, actual.default);
  return { ...actual, default: plugin };
});

interface Operation {
  summary?: string;
  security?: Record<string, string[]>[];
  'x-staff-roles'?: string[];
}

let prod: CustomApp;
let documented: Map<string, Operation>;
let securitySchemes: Record<string, { type: string }>;

/** `/api/v2/admin/location/districts/:state_id` → `/api/v2/admin/location/districts/{state_id}` */
const openApiPath = (url: string) => url.replace(/:([A-Za-z_]+)/g, '{$1}');

beforeAll(async () => {
  prod = await createAppWith({ sms: acceptingGateway });
  const doc = (await prod.app.inject({ url: '/api/docs/json' })).json() as {
    paths: Record<string, Record<string, Operation>>; components: { securitySchemes: Record<string, { type: string }> };
  };
  documented = new Map(Object.entries(doc.paths).flatMap(([path, operations]) =>
    Object.entries(operations).map(([method, operation]) => [`${method.toUpperCase()} ${path}`, operation])));
  securitySchemes = doc.components.securitySchemes;
});
afterAll(() => prod.close());

describe('the inventory', () => {
  it('documents every route the app serves, and every /api operation says in a summary what it does', () => {
    expect(registered.length).toBeGreaterThan(60);
    const undocumented = registered.filter((r) => !documented.has(`${r.method} ${openApiPath(r.url)}`));
    expect(undocumented.map((r) => `${r.method} ${r.url}`)).toEqual([]);
    const unsummarised = [...documented].filter(([key, operation]) => key.includes(' /api/') && !operation.summary).map(([key]) => key);
    expect(unsummarised).toEqual([]);
  });

  it('hides no route from the document', () => {
    expect(registered.filter((r) => r.hidden).map((r) => `${r.method} ${r.url}`)).toEqual([]);
  });

  it('has every route declare who may call it: the public, a citizen, staff of named roles, or a partner with a named scope', () => {
    const undeclared = registered.filter((r) => {
      if (r.access === 'staff') return r.staffRoles.length === 0;
      if (r.access === 'partner') return !r.partnerScope;
      return r.access !== 'public' && r.access !== 'citizen';
    });
    expect(undeclared.map((r) => `${r.method} ${r.url}`)).toEqual([]);
    for (const access of ['public', 'citizen', 'staff', 'partner']) expect(registered.some((r) => r.access === access), access).toBe(true);
  });

  it('says of every operation which credential it takes, as its route declares, with the roles or scope', () => {
    const writes = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
    const expected = (r: (typeof registered)[number]) => {
      const csrf = writes.has(r.method) && (r.access === 'staff' || r.url.startsWith('/api/staff/'));
      switch (r.access) {
        case 'citizen': return [{ citizenToken: [] }];
        case 'partner': return [{ partnerToken: [r.partnerScope] }];
        case 'staff': return [csrf ? { staffSession: [], staffCsrf: [] } : { staffSession: [] }];
        default:
          // Co-WIN's protected OTP twins check the partner's x-api-key themselves.
          if (/^\/api\/v2\/auth\/(generateOTP|confirmOTP)$/.test(r.url)) return [{ partnerApiKey: [] }];
          return csrf ? [{ staffCsrf: [] }] : [];
      }
    };
    const wrong = registered.flatMap((r) => {
      const operation = documented.get(`${r.method} ${openApiPath(r.url)}`)!;
      const roles = r.access === 'staff' ? [...r.staffRoles] : undefined;
      const said = { security: operation.security ?? [], roles: operation['x-staff-roles'] };
      return JSON.stringify(said) === JSON.stringify({ security: expected(r), roles }) ? [] : [`${r.method} ${r.url}: ${JSON.stringify(said)}`];
    });
    expect(wrong).toEqual([]);
    expect(Object.keys(securitySchemes).sort()).toEqual(['citizenToken', 'partnerApiKey', 'partnerToken', 'staffCsrf', 'staffSession']);
    expect(securitySchemes.partnerToken).toMatchObject({
      type: 'oauth2', flows: { clientCredentials: { tokenUrl: expect.stringMatching(/^https:\/\/.+\/api\/partner\/oauth\/token$/) } },
    });
  });

  it('lists nothing the app does not serve', async () => {
    const served = new Set(registered.map((r) => `${r.method} ${openApiPath(r.url)}`));
    expect([...documented.keys()].filter((key) => !served.has(key))).toEqual([]);
  });
});

describe('routes outside the inventory in production', () => {
  it('are only the documentation itself and the web app\'s files: no development, debug or test route', () => {
    expect(everyRoute.length).toBeGreaterThan(registered.length);
    const apiRoutes = new Set(registered.map((r) => `${r.method} ${r.url}`));
    const others = everyRoute.filter((r) => !apiRoutes.has(`${r.method} ${r.url}`)).map((r) => `${r.method} ${r.url}`);
    for (const route of others) expect(route).toMatch(/^GET \/(api\/docs(\/.*)?|\*|index\.html|assets\/.*|[^/]*)$/);
    const everything = everyRoute.map((r) => r.url).join('\n');
    expect(everything).not.toMatch(/__dev|debug|\/test|phpinfo|actuator|\/metrics|\/status/i);
  });
});
