import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../../src/modules/access/schema.js';
import type { TestApp } from '../../support/test-app.js';
import { nationalAdmin, registerPartner } from '../partners/partner-fixtures.js';
import { signIn, StaffBrowser } from '../staff/sign-in.js';
import {
  bookPeople, inIndia, isSuspended, liveSessionsOf, securityApp, sessionsAtCentres, staffMember, type BookedPerson, type SignedInStaff, type TodaysSession,
} from './fixtures.js';

/** The auditor's security console API (decision 0015): alerts, suspended credentials, reinstatement with a reason. */
let t: TestApp;
let home: TodaysSession;
let elsewhere: BookedPerson[];
let auditor: SignedInStaff;
let vaccinator: SignedInStaff;

/** The partner asks for people without a consent until the denials rule suspends it. */
async function tripDenials(partner: Actor): Promise<void> {
  for (let i = 0; i < 10; i += 1) {
    await expect(t.services.access.authorize(partner, { subject: { kind: 'beneficiary', id: elsewhere[i % 2]!.beneficiaryId }, purpose: 'partner-consent', fields: ['vaccination_status'] }))
      .rejects.toMatchObject({ statusCode: 404 });
  }
}

/** The vaccinator names an appointment at another centre: refused, alerted, suspended. */
async function tripJurisdiction(who: SignedInStaff, person: BookedPerson): Promise<void> {
  expect((await who.browser.post('/api/staff/centre/encounters', { appointment_id: person.appointmentId, security_code: '0000' })).statusCode).toBe(404);
}

beforeAll(async () => {
  t = await securityApp();
  t.clock.set(inIndia('09:00'));
  const [here, there] = await sessionsAtCentres(t, 2) as [TodaysSession, TodaysSession];
  home = here;
  elsewhere = await bookPeople(t, there, 2);
  auditor = await staffMember(t, 'auditor', 'nation');
  vaccinator = await staffMember(t, 'vaccinator', `facility:${home.facilityId}`);
  await tripJurisdiction(vaccinator, elsewhere[0]!);
});
afterAll(() => t.close());

describe('the security console', () => {
  it('is for signed-in auditors and national administrators only', async () => {
    expect((await new StaffBrowser(t).get('/api/staff/security/alerts')).statusCode).toBe(401);
    const admin = await staffMember(t, 'district_admin', `district:${home.districtId}`);
    expect((await admin.browser.get('/api/staff/security/alerts')).statusCode).toBe(403);
    const national = await staffMember(t, 'national_admin', 'nation');
    expect((await national.browser.get('/api/staff/security/suspensions')).statusCode).toBe(200);
  });

  it('lists open alerts, newest first, with the count, who raised them and whether they are suspended', async () => {
    const res = await auditor.browser.get('/api/staff/security/alerts');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.open_count).toBe(1);
    expect(body.alerts).toEqual([expect.objectContaining({
      rule: 'jurisdiction', severity: 'high', status: 'open', occurrences: 1, actor_suspended: true,
      actor: { kind: 'staff', id: vaccinator.staffId, username: vaccinator.username, role: 'vaccinator' },
      evidence: expect.objectContaining({ subject: elsewhere[0]!.beneficiaryId, event_type: 'access.denied' }),
    })]);
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('lists suspended credentials with the alert that suspended each', async () => {
    const res = await auditor.browser.get('/api/staff/security/suspensions');
    expect(res.json().suspensions).toEqual([expect.objectContaining({
      actor: { kind: 'staff', id: vaccinator.staffId, username: vaccinator.username, role: 'vaccinator' },
      alert: expect.objectContaining({ rule: 'jurisdiction', severity: 'high' }),
    })]);
  });

  it('reinstates only with a reason, names the field otherwise, and 404s an unknown suspension', async () => {
    const [suspension] = (await auditor.browser.get('/api/staff/security/suspensions')).json().suspensions;
    const short = await auditor.browser.post(`/api/staff/security/suspensions/${suspension.id}/reinstate`, { reason: 'ok' });
    expect(short.statusCode).toBe(400);
    expect(short.json().error).toContain('characters');
    const unknown = await auditor.browser.post('/api/staff/security/suspensions/4d7bc5a2-8f0e-4b64-9b8e-5d0a1c2b3e4f/reinstate', { reason: 'Checked with the centre in charge' });
    expect(unknown.statusCode).toBe(404);
    expect(await isSuspended(t, vaccinator.staffId)).toBe(true);
  });

  it('reinstates: the reason is in the audit log, the owner signs in again, refusals counted afresh', async () => {
    const [suspension] = (await auditor.browser.get('/api/staff/security/suspensions')).json().suspensions;
    const reason = 'Called the centre: a typo in the appointment id, not misuse';
    expect((await auditor.browser.post(`/api/staff/security/suspensions/${suspension.id}/reinstate`, { reason })).statusCode).toBe(204);
    const event = await t.database.db.selectFrom('audit_event').select(['actor_id', 'subject', 'detail']).where('type', '=', 'actor.reinstated').executeTakeFirstOrThrow();
    expect(event).toMatchObject({ actor_id: auditor.staffId, subject: `staff:${vaccinator.staffId}`, detail: { reason, suspension_id: suspension.id } });
    expect((await auditor.browser.get('/api/staff/security/suspensions')).json().suspensions).toEqual([]);
    expect(await t.database.db.selectFrom('security_denial').select('at').where('actor_id', '=', vaccinator.staffId).execute()).toEqual([]);

    const browser = new StaffBrowser(t);
    const account = { username: vaccinator.username, password: vaccinator.password, totpSecret: vaccinator.totpSecret };
    expect((await signIn(t, browser, account)).statusCode).toBe(200);
    await browser.refreshCsrf();
    expect((await browser.get('/api/staff/centre/roster')).statusCode).toBe(200);
    expect(await liveSessionsOf(t, vaccinator.staffId)).toBe(1);
    vaccinator = { ...vaccinator, browser };
  });

  it('acknowledges an open alert once; it leaves the open list and stays in the full one', async () => {
    const [alert] = (await auditor.browser.get('/api/staff/security/alerts')).json().alerts;
    expect((await auditor.browser.post(`/api/staff/security/alerts/${alert.id}/acknowledge`)).statusCode).toBe(204);
    expect((await auditor.browser.post(`/api/staff/security/alerts/${alert.id}/acknowledge`)).statusCode).toBe(404);
    expect((await auditor.browser.get('/api/staff/security/alerts')).json()).toEqual({ alerts: [], open_count: 0 });
    const all = (await auditor.browser.get('/api/staff/security/alerts?status=all')).json();
    expect(all.alerts).toEqual([expect.objectContaining({ id: alert.id, status: 'acknowledged', acknowledged_at: expect.any(String), actor_suspended: false })]);
    expect((await auditor.browser.get('/api/staff/security/alerts?status=some')).statusCode).toBe(400);
  });

  it('suspends a reinstated account again when it trips a rule again', async () => {
    await tripJurisdiction(vaccinator, elsewhere[1]!);
    expect(await isSuspended(t, vaccinator.staffId)).toBe(true);
    const open = (await auditor.browser.get('/api/staff/security/alerts')).json();
    expect(open.open_count).toBe(1);
    expect(open.alerts[0]).toMatchObject({ rule: 'jurisdiction', actor_suspended: true });
  });

  it('reinstates a partner the same way: it may call again', async () => {
    const partner: Actor = { kind: 'partner', partnerId: randomUUID(), tokenId: randomUUID() };
    await tripDenials(partner);
    expect(await t.services.security.isSuspended('partner', partner.partnerId)).toBe(true);
    const suspensions = (await auditor.browser.get('/api/staff/security/suspensions')).json().suspensions as { id: string; actor: { kind: string; id: string } }[];
    const theirs = suspensions.find((s) => s.actor.id === partner.partnerId)!;
    expect(theirs.actor).toEqual({ kind: 'partner', id: partner.partnerId });
    expect((await auditor.browser.post(`/api/staff/security/suspensions/${theirs.id}/reinstate`, { reason: 'The partner fixed a bug that retried refused reads' })).statusCode).toBe(204);
    expect(await t.services.security.isSuspended('partner', partner.partnerId)).toBe(false);
  });

  it('names a registered partner by its registered name, in alerts and suspensions', async () => {
    const registered = await registerPartner(t, await nationalAdmin(t), { name: 'Sehat Wallet' });
    await tripDenials({ kind: 'partner', partnerId: registered.id, tokenId: randomUUID() });
    const named = { kind: 'partner', id: registered.id, name: 'Sehat Wallet' };
    const alerts = (await auditor.browser.get('/api/staff/security/alerts')).json().alerts as { rule: string; actor: { id: string } }[];
    expect(alerts.filter((a) => a.actor.id === registered.id)).toEqual([expect.objectContaining({ rule: 'denials', actor: named, actor_suspended: true })]);
    const suspensions = (await auditor.browser.get('/api/staff/security/suspensions')).json().suspensions as { actor: { id: string } }[];
    expect(suspensions.filter((s) => s.actor.id === registered.id)).toEqual([expect.objectContaining({ actor: named })]);
  });
});
