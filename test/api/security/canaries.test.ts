import { createHash, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../../src/modules/access/schema.js';
import { validatePhotoId } from '../../../src/modules/beneficiaries/id-documents.js';
import { plantCanaries, type PlantReport } from '../../../src/modules/security/canary-plant.js';
import { bearer, loginAs } from '../../support/citizen.js';
import type { TestApp } from '../../support/test-app.js';
import { alertsOf, inIndia, isSuspended, securityApp, sessionsAtCentres, staffMember, type TodaysSession } from './fixtures.js';

/**
 * Canary records (decision 0015): synthetic citizens planted among real ones, told apart only by
 * keyed MACs, whose every touch raises a critical alert and suspends the credential.
 */
let t: TestApp;
let home: TodaysSession;
let elsewhere: TodaysSession;
let report: PlantReport;
let canaryAccounts: { id: string; mobile_enc: string }[];
let canaryPeople: { id: string; account_id: string; name_enc: string; photo_id_enc: string; photo_id_type: number; reference_id: string }[];

const markOf = (id: string) => t.services.cipher.blindIndex('canary', id);

beforeAll(async () => {
  t = await securityApp();
  t.clock.set(inIndia('09:00'));
  [home, elsewhere] = await sessionsAtCentres(t, 2) as [TodaysSession, TodaysSession];
  report = await plantCanaries(t.services, { count: 3, districtId: elsewhere.districtId });
  const marks = new Set((await t.database.db.selectFrom('canary_mark').select('mac').execute()).map((r) => r.mac));
  canaryAccounts = (await t.database.db.selectFrom('account').select(['id', 'mobile_enc']).execute()).filter((a) => marks.has(markOf(a.id)));
  canaryPeople = (await t.database.db.selectFrom('beneficiary').select(['id', 'account_id', 'name_enc', 'photo_id_enc', 'photo_id_type', 'reference_id']).execute())
    .filter((b) => marks.has(markOf(b.id)));
});
afterAll(() => t.close());

describe('teeka canary plant', () => {
  it('makes ordinary accounts and people: real tables, real encryption, valid ID numbers; only MACs mark them', async () => {
    expect(report.accounts).toBe(3);
    expect(canaryAccounts).toHaveLength(3);
    expect(canaryPeople).toHaveLength(report.people);
    expect(await t.database.db.selectFrom('canary_mark').select('mac').execute()).toHaveLength(report.accounts + report.people);
    for (const person of canaryPeople) {
      expect(canaryAccounts.map((a) => a.id)).toContain(person.account_id);
      expect(person.reference_id).toMatch(/^\d{14}$/);
      expect(t.services.cipher.decrypt(person.name_enc, `beneficiary.name:${person.id}`)).toMatch(/^[A-Z][a-z]+ [A-Z][a-z]+$/);
      const number = t.services.cipher.decrypt(person.photo_id_enc, `beneficiary.photo_id:${person.id}`);
      expect(validatePhotoId(person.photo_id_type, number).ok).toBe(true);
      // Keyed: neither the id nor a plain hash of it.
      const stored = await t.database.db.selectFrom('canary_mark').select('mac')
        .where('mac', 'in', [person.id, createHash('sha256').update(person.id).digest('base64url'), createHash('sha256').update(person.id).digest('hex')]).execute();
      expect(stored).toEqual([]);
    }
  });

  it('gives them bookings they cancelled, so they never stand on anyone\'s roster', async () => {
    expect(report.cancelledBookings).toBe(3);
    const rows = await t.database.db.selectFrom('appointment').select(['status']).where('beneficiary_id', 'in', canaryPeople.map((p) => p.id)).execute();
    expect(rows.length).toBe(report.people);
    expect(new Set(rows.map((r) => r.status))).toEqual(new Set(['cancelled']));
  });

  it('leaves no trace of the planting in the audit log', async () => {
    const events = await t.database.db.selectFrom('audit_event').select('type').where('type', 'like', '%canary%').execute();
    expect(events).toEqual([]);
    expect(await t.database.db.selectFrom('security_alert').select('id').execute()).toEqual([]);
  });

  it('cannot be reached by signing in with a canary\'s mobile: that makes an account of one\'s own', async () => {
    const account = canaryAccounts[0]!;
    const mobile = t.services.cipher.decrypt(account.mobile_enc, `account.mobile:${account.id}`);
    const token = await loginAs(t.app, t.outbox, mobile);
    const members = await t.app.inject({ url: '/api/v2/appointment/beneficiaries', headers: bearer(token) });
    expect(members.statusCode).toBe(200);
    expect(members.json().beneficiaries).toEqual([]);
  });
});

describe('a touch of a canary', () => {
  it('by a stolen login replaying an id from a dump: 404, a critical alert, suspended at once', async () => {
    const appointment = await t.database.db.selectFrom('appointment').select('id').where('beneficiary_id', '=', canaryPeople[0]!.id).executeTakeFirstOrThrow();
    const v = await staffMember(t, 'vaccinator', `facility:${home.facilityId}`);
    const res = await v.browser.post('/api/staff/centre/encounters', { appointment_id: appointment.id, security_code: '1234' });
    expect(res.statusCode).toBe(404);
    const alerts = await alertsOf(t, v.staffId);
    expect(alerts).toContainEqual(expect.objectContaining({ rule: 'canary', severity: 'critical', evidence: expect.objectContaining({ subject: canaryPeople[0]!.id }) }));
    expect(await isSuspended(t, v.staffId)).toBe(true);
    expect((await v.browser.get('/api/staff/me')).statusCode).toBe(401);
  });

  it('through the access module, by anyone: staff and partners suspended, a citizen reported, the platform refused', async () => {
    const canary = { kind: 'beneficiary' as const, id: canaryPeople[1]!.id };
    const admin = await t.services.staff.addAccount({ username: `canary.admin.${Date.now()}`, role: 'facility_admin', scope: `facility:${home.facilityId}` });
    const staff: Actor = { kind: 'staff', staffId: admin.id, role: 'facility_admin', scope: { level: 'facility', facilityId: home.facilityId }, sessionId: randomUUID() };
    await expect(t.services.access.authorize(staff, { subject: canary, purpose: 'vaccinate', fields: ['photo_id'] })).rejects.toMatchObject({ statusCode: 404 });
    expect(await isSuspended(t, admin.id)).toBe(true);

    const partner: Actor = { kind: 'partner', partnerId: randomUUID(), tokenId: randomUUID() };
    await expect(t.services.access.authorize(partner, { subject: canary, purpose: 'partner-consent', fields: ['vaccination_status'] })).rejects.toMatchObject({ statusCode: 404 });
    expect(await t.services.security.isSuspended('partner', partner.partnerId)).toBe(true);
    expect(await alertsOf(t, partner.partnerId)).toEqual([expect.objectContaining({ rule: 'canary', severity: 'critical' })]);

    const citizen: Actor = { kind: 'citizen', accountId: randomUUID(), sessionId: randomUUID() };
    await expect(t.services.access.authorize(citizen, { subject: canary, purpose: 'self-service', fields: ['name'] })).rejects.toMatchObject({ statusCode: 404 });
    expect(await alertsOf(t, citizen.accountId)).toEqual([expect.objectContaining({ rule: 'canary', severity: 'critical' })]);

    // The platform never texts a canary: its mobile belongs to no one we know. No alert: nobody misbehaved.
    const system: Actor = { kind: 'system', name: 'vaccination' };
    await expect(t.services.access.authorize(system, { subject: { kind: 'account', id: canaryAccounts[1]!.id }, purpose: 'notification', fields: ['mobile'] }))
      .rejects.toMatchObject({ statusCode: 404 });
    expect(await alertsOf(t, 'vaccination')).toEqual([]);
  });

  it('is planted again as easily: a second run adds more, and the first still watch', async () => {
    const more = await plantCanaries(t.services, { count: 1 });
    expect(more).toMatchObject({ accounts: 1, cancelledBookings: 0 });
    expect(await t.database.db.selectFrom('canary_mark').select('mac').execute()).toHaveLength(report.accounts + report.people + more.accounts + more.people);
    const partner: Actor = { kind: 'partner', partnerId: randomUUID(), tokenId: randomUUID() };
    await expect(t.services.access.authorize(partner, { subject: { kind: 'beneficiary', id: canaryPeople[2]!.id }, purpose: 'partner-consent', fields: ['vaccination_status'] }))
      .rejects.toMatchObject({ statusCode: 404 });
    expect(await t.services.security.isSuspended('partner', partner.partnerId)).toBe(true);
  });
});
