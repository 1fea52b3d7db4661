import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { signedInStaff, type StaffBrowser } from '../api/staff/sign-in.js';
import { createFamily } from '../support/booking-fixtures.js';
import { bearer } from '../support/citizen.js';
import { registeredMethods as registered, type RegisteredRoute } from '../support/registered-routes.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { partnerToken, registerPartner } from './partner-client.js';

/**
 * OWASP API5:2023 Broken Function Level Authorization. Every route the app registers is called
 * with each credential that is not its own: a citizen's token on staff and partner routes, a staff
 * session on citizen and partner routes, a partner's token on citizen and staff routes, and a
 * vaccinator (the credential stolen in 2023) on every staff route its role is not named on. Role
 * and scope refusals for every staff role are test/api/staff/scope-enforcement.test.ts.
 */
vi.mock('../../src/core/access-level.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/core/access-level.js')>();
  const { notingRoutes } = await import('../support/registered-routes.js');
  return { ...actual, requireAccessDeclarations: notingRoutes(actual.requireAccessDeclarations) };
});

const PARTNER_IP = '203.0.113.80';
let t: TestApp;
let citizenToken: string;
let vaccinator: StaffBrowser;
let nationalAdmin: StaffBrowser;
let partnerAccess: string;

beforeAll(async () => {
  t = await createTestApp();
  citizenToken = (await createFamily(t, 1)).token;
  vaccinator = (await signedInStaff(t, 'vaccinator', 'facility:560001')).browser;
  nationalAdmin = (await signedInStaff(t, 'national_admin', 'nation')).browser;
  const partner = await registerPartner(nationalAdmin, { scopes: ['consented', 'vaccination_status', 'certificate_pull', 'aggregates'], allow: [PARTNER_IP] });
  partnerAccess = await partnerToken(t.app, partner, PARTNER_IP, t.clock.now());
});
afterAll(() => t.close());

const routesFor = (access: string) => registered.filter((r) => r.access === access);
/** A URL that reaches the route: authentication runs before parameters are checked. */
const concrete = (url: string) => url.replace(/:[A-Za-z_]+/g, '1');
const request = (route: RegisteredRoute, headers: Record<string, string> = {}): InjectOptions => ({
  method: route.method as InjectOptions['method'], url: concrete(route.url), headers, ...(route.method === 'GET' || route.method === 'DELETE' ? {} : { payload: {} }),
});

describe('the inventory this file attacks', () => {
  it('holds every kind of route', () => {
    for (const access of ['public', 'citizen', 'staff', 'partner']) expect(routesFor(access).length, access).toBeGreaterThan(0);
    expect(registered.length).toBeGreaterThan(60);
  });
});

describe('a credential used where it does not belong', () => {
  it('a citizen\'s token opens no staff route (401) and no partner route (401)', async () => {
    for (const route of [...routesFor('staff'), ...routesFor('partner')]) {
      const res = await t.app.inject(request(route, bearer(citizenToken)));
      expect(res.statusCode, `${route.method} ${route.url}`).toBe(401);
    }
  });

  it('a staff session, with its CSRF token, opens no citizen route (401) and no partner route (401)', async () => {
    const csrf = await vaccinator.refreshCsrf();
    for (const route of [...routesFor('citizen'), ...routesFor('partner')]) {
      const res = await vaccinator.send({ ...request(route), csrf });
      expect(res.statusCode, `${route.method} ${route.url}`).toBe(401);
    }
  });

  it('a partner\'s access token, from its allowed address, opens no citizen route and no staff route (401)', async () => {
    for (const route of [...routesFor('citizen'), ...routesFor('staff')]) {
      const res = await t.app.inject({ ...request(route, bearer(partnerAccess)), remoteAddress: PARTNER_IP });
      expect(res.statusCode, `${route.method} ${route.url}`).toBe(401);
    }
  });
});

describe('a vaccinator\'s session on the routes of other roles', () => {
  it('is refused with 403 on every staff route that does not name vaccinators, and each refusal is recorded', async () => {
    const forbidden = routesFor('staff').filter((r) => !r.staffRoles.includes('vaccinator'));
    expect(forbidden.map((r) => `${r.method} ${r.url}`)).toEqual(expect.arrayContaining([
      'POST /api/staff/partners', 'GET /api/staff/audit/chain', 'GET /api/staff/corrections', 'POST /api/staff/planning/vaccines',
    ]));
    const before = await deniedByRole();
    for (const route of forbidden) {
      const res = await vaccinator.send(request(route));
      expect(res.statusCode, `${route.method} ${route.url}`).toBe(403);
      expect(res.json().errorCode).toBe('ROLE_FORBIDDEN');
    }
    expect(await deniedByRole()).toBe(before + forbidden.length);
  });
});

async function deniedByRole(): Promise<number> {
  const rows = await t.database.db.selectFrom('audit_event').select('seq').where('type', '=', 'access.denied').where('subject', 'like', 'route:%').execute();
  return rows.length;
}
