import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../support/test-app.js';
import { signedInStaff, StaffBrowser } from './sign-in.js';

/**
 * OWASP API5 (broken function-level authorisation): a route names the roles that may call it, and
 * every other role gets 403, recorded. Scope (which places a role reaches) is tested per role in
 * src/modules/staff/scope.test.ts; endpoint-level scope tests come with the routes that take places.
 */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const scopeOf: Record<string, string> = {
  national_admin: 'nation', state_admin: 'state:21', district_admin: 'district:395', facility_admin: 'facility:560001', vaccinator: 'facility:560001',
};

describe('a route for auditors only (GET /api/staff/audit/chain)', () => {
  it.each(Object.keys(scopeOf))('refuses a %s with 403 and records the refusal', async (role) => {
    const { browser } = await signedInStaff(t, role, scopeOf[role]!);
    const res = await browser.get('/api/staff/audit/chain');
    expect(res.statusCode).toBe(403);
    expect(res.json()).toEqual({ errorCode: 'ROLE_FORBIDDEN', error: 'Your role does not allow this.' });
    const denied = await t.services.access.eventsAbout(['route:GET /api/staff/audit/chain']);
    expect(denied[0]).toMatchObject({ type: 'access.denied', actorKind: 'staff', outcome: 'denied' });
  });

  it('answers an auditor', async () => {
    const { browser } = await signedInStaff(t, 'auditor', 'nation');
    const res = await browser.get('/api/staff/audit/chain');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ ok: true, checked: expect.any(Number) });
    expect(res.json().checked).toBeGreaterThan(0);
  });

  it('requires a session: 401 without one', async () => {
    expect((await new StaffBrowser(t).get('/api/staff/audit/chain')).statusCode).toBe(401);
  });
});
