import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayInIndia, type IsoDate } from '../../src/core/calendar-date.js';
import type { Actor } from '../../src/modules/access/schema.js';
import type { AccessHistoryEntry, AccessHistoryResponse } from '../../src/modules/access/history-schema.js';
import { createFamily, openSession, type Family, type OpenSession } from '../support/booking-fixtures.js';
import { bearer } from '../support/citizen.js';
import { seedInstant } from '../support/database.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { signedInStaff } from './staff/sign-in.js';

/** Decision 0016: "Who accessed my data". */
let t: TestApp;
let today: IsoDate;
let session: OpenSession;
let centre: { name: string; district: string; state: string };
let family: Family;
let booked: string;

async function history(token: string, query = ''): Promise<AccessHistoryResponse> {
  const res = await t.app.inject({ url: `/api/citizen/access-history${query}`, headers: bearer(token) });
  expect(res.statusCode, res.body).toBe(200);
  expect(res.headers['cache-control']).toBe('private, no-store');
  return res.json();
}

const entriesAbout = (answer: AccessHistoryResponse, about: string): AccessHistoryEntry[] => answer.groups.find((g) => g.about === about)?.entries ?? [];

beforeAll(async () => {
  t = await createTestApp();
  today = todayInIndia(seedInstant());
  session = await openSession(t.database.db, today, 20);
  const facility = (await t.services.facilities.findById(session.facilityId))!;
  const place = t.services.geography.placeOf(facility.districtId)!;
  centre = { name: facility.name, district: place.districtName, state: place.stateName };

  // One member booked today and vaccinated, as the centre API does it; the other left alone.
  family = await createFamily(t, 2);
  booked = family.referenceIds[0]!;
  const booking = await t.app.inject({
    method: 'POST', url: '/api/v2/appointment/schedule', headers: bearer(family.token),
    payload: { session_id: session.id, slot: session.slots[0], beneficiaries: [booked] },
  });
  expect(booking.statusCode).toBe(200);
  const code = /Security code ref \.\.\d{4}: (\d{4})/.exec(t.outbox.list()[0]!.text)![1]!;
  const admin = await signedInStaff(t, 'facility_admin', `facility:${session.facilityId}`);
  const batch = await admin.browser.post(`/api/staff/centre/facilities/${session.facilityId}/batches`, {
    vaccine: session.vaccine, batch_number: 'HIST-001', expires_on: addDays(today, 60), quantity: 5,
  });
  expect(batch.statusCode).toBe(201);
  const { browser } = await signedInStaff(t, 'vaccinator', `facility:${session.facilityId}`);
  const entry = (await browser.get('/api/staff/centre/roster')).json().appointments.find((a: { name: string }) => a.name === 'Asha Devi');
  expect((await browser.post('/api/staff/centre/encounters', { appointment_id: entry.appointment_id, security_code: code })).statusCode).toBe(204);
  const dose = await browser.post('/api/staff/centre/doses', { appointment_id: entry.appointment_id, batch_id: batch.json().id, photo_id_last4: entry.photo_id_masked.slice(-4) });
  expect(dose.statusCode).toBe(201);
});
afterAll(() => t.close());

describe('GET /api/citizen/access-history', () => {
  it('tells the roster read, the encounter and the dose by the vaccinator\'s role and centre', async () => {
    const answer = await history(family.token);
    // Members in the family list's order (when registered), then the account's mobile number.
    expect(answer.groups.map((g) => g.about).slice(0, 2).sort()).toEqual([...family.referenceIds].sort());
    expect(answer.groups[2]!.about).toBe('account');
    const entries = entriesAbout(answer, booked);
    const atCentre = { kind: 'staff', role: 'vaccinator', centre: centre.name, district: centre.district, state: centre.state };
    expect(entries.map((e) => e.type)).toEqual(['dose.recorded', 'access.granted', 'encounter.opened', 'access.granted']);
    expect(entries[0]).toMatchObject({ actor: 'staff', who: atCentre, outcome: 'done', change: { dose: 1, vaccine: session.vaccine, certificates: 1 } });
    expect(entries[1]).toMatchObject({ who: atCentre, purpose: 'vaccinate', fields: ['photo_id'], outcome: 'allowed' });
    expect(entries[2]).toMatchObject({ who: atCentre, outcome: 'done', change: { method: 'security_code' } });
    expect(entries[3]).toMatchObject({ who: atCentre, purpose: 'vaccination-roster', fields: ['name', 'birth_year', 'gender'], outcome: 'allowed' });
    // Newest first, and nothing that names a member of staff or the batch.
    expect(entries.map((e) => e.seq)).toEqual([...entries.map((e) => e.seq)].sort((a, b) => b - a));
    expect(JSON.stringify(answer)).not.toMatch(/HIST-001|vaccinator\.\d|facility-admin/);
    expect(entriesAbout(answer, family.referenceIds[1]!)).toEqual([]);
  });

  it('leaves out the citizen\'s own reads and changes, which the download keeps as "you"', async () => {
    expect((await t.app.inject({ url: '/api/citizen/my-data', headers: bearer(family.token) })).statusCode).toBe(200);
    const answer = await history(family.token);
    expect(answer.groups.flatMap((g) => g.entries).filter((e) => e.actor === 'you' || e.who.kind === 'you')).toEqual([]);
    expect(answer.groups.flatMap((g) => g.entries).some((e) => e.purpose === 'export' || e.type === 'appointment.booked' || e.type === 'beneficiary.registered')).toBe(false);

    const exported = (await t.app.inject({ url: '/api/citizen/my-data', headers: bearer(family.token) })).json().access_history as (AccessHistoryEntry & { about: string })[];
    expect(exported).toContainEqual(expect.objectContaining({ type: 'access.granted', actor: 'you', who: { kind: 'you' }, purpose: 'export', about: 'account' }));
    expect(exported).toContainEqual(expect.objectContaining({ type: 'appointment.booked', actor: 'you', about: booked }));
    expect(exported).toContainEqual(expect.objectContaining({
      type: 'access.granted', purpose: 'vaccination-roster', about: booked, who: expect.objectContaining({ role: 'vaccinator', centre: centre.name }),
    }));
  });

  it('shows a refused attempt, with who tried', async () => {
    const member = (await t.services.beneficiaries.listMembers(await accountOf(family))).find((m) => m.referenceId === family.referenceIds[1])!;
    const elsewhere = await otherCentre();
    const stranger: Actor = { kind: 'staff', staffId: '00000000-0000-4000-8000-00000000abcd', role: 'vaccinator', scope: { level: 'facility', facilityId: elsewhere }, sessionId: 's' };
    await expect(t.services.access.authorize(stranger, { subject: { kind: 'beneficiary', id: member.id }, purpose: 'vaccinate', fields: ['photo_id'] })).rejects.toThrow();
    const [refused] = entriesAbout(await history(family.token, `?member=${family.referenceIds[1]}`), family.referenceIds[1]!);
    expect(refused).toMatchObject({ type: 'access.denied', outcome: 'denied', purpose: 'vaccinate', fields: ['photo_id'], who: { kind: 'staff', role: 'vaccinator' } });
    expect(refused!.who.centre).toBe((await t.services.facilities.findById(elsewhere))!.name);
  });

  it('keeps the vaccinator\'s role and centre on the encounter and dose events themselves', async () => {
    const member = (await t.services.beneficiaries.listMembers(await accountOf(family))).find((m) => m.referenceId === booked)!;
    const events = await t.database.db.selectFrom('audit_event').select(['type', 'detail'])
      .where('subject', '=', member.id).where('type', 'in', ['encounter.opened', 'dose.recorded']).orderBy('seq').execute();
    expect(events).toEqual([
      { type: 'encounter.opened', detail: expect.objectContaining({ role: 'vaccinator', facility_id: session.facilityId, method: 'security_code' }) },
      { type: 'dose.recorded', detail: expect.objectContaining({ role: 'vaccinator', facility_id: session.facilityId, dose: 1 }) },
    ]);
  });

  it('tells a staff event by its own role and centre, not by the same account\'s reads elsewhere', async () => {
    const other = await createFamily(t, 1);
    const member = (await t.services.beneficiaries.listMembers(await accountOf(other)))[0]!;
    const staffId = '00000000-0000-4000-8000-00000000beef';
    const asVaccinatorElsewhere: Actor = { kind: 'staff', staffId, role: 'vaccinator', scope: { level: 'facility', facilityId: await otherCentre() }, sessionId: 's1' };
    await expect(t.services.access.authorize(asVaccinatorElsewhere, { subject: { kind: 'beneficiary', id: member.id }, purpose: 'vaccinate', fields: ['photo_id'] })).rejects.toThrow();
    // The same account, moved to this centre as its administrator, reports an adverse event: no grant of that day says so.
    const asAdminHere: Actor = { kind: 'staff', staffId, role: 'facility_admin', scope: { level: 'facility', facilityId: session.facilityId }, sessionId: 's2' };
    await t.services.access.record({ type: 'aefi.reported', actor: asAdminHere, subject: member.id, outcome: 'done', detail: { dose: 1 } });
    const [reported, refused] = entriesAbout(await history(other.token), other.referenceIds[0]!);
    expect(reported).toMatchObject({ type: 'aefi.reported', who: { kind: 'staff', role: 'facility_admin', centre: centre.name, district: centre.district, state: centre.state } });
    expect(refused).toMatchObject({ type: 'access.denied', who: { kind: 'staff', role: 'vaccinator' } });
    expect(refused!.who.centre).not.toBe(centre.name);
  });

  it('pages by seq: older entries follow with no gap and no repeat', async () => {
    const all = entriesAbout(await history(family.token, `?member=${booked}&limit=200`), booked);
    const first = await history(family.token, `?member=${booked}&limit=2`);
    expect(first.groups).toHaveLength(1);
    expect(entriesAbout(first, booked)).toEqual(all.slice(0, 2));
    expect(first.next_before).toBe(all[1]!.seq);
    const second = await history(family.token, `?member=${booked}&limit=2&before=${first.next_before}`);
    expect(entriesAbout(second, booked)).toEqual(all.slice(2, 4));
    expect(second.next_before).toBeNull();
  });

  it('shows another account nothing of this family, and their own history as empty', async () => {
    const other = await createFamily(t, 1);
    const res = await t.app.inject({ url: `/api/citizen/access-history?member=${booked}`, headers: bearer(other.token) });
    expect(res.statusCode).toBe(404);
    const theirs = await history(other.token);
    expect(theirs.groups.map((g) => g.about)).toEqual([other.referenceIds[0], 'account']);
    expect(theirs.groups.flatMap((g) => g.entries)).toEqual([]);
  });

  it('needs a login', async () => {
    expect((await t.app.inject({ url: '/api/citizen/access-history' })).statusCode).toBe(401);
  });

  it.each([
    ['?member=12345', 'member'],
    ['?limit=201', 'limit'],
    ['?limit=0', 'limit'],
    ['?before=abc', 'before'],
  ])('refuses %s, naming %s', async (query, field) => {
    const res = await t.app.inject({ url: `/api/citizen/access-history${query}`, headers: bearer(family.token) });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toContain(field);
  });
});

async function accountOf(of: Family): Promise<string> {
  const member = await t.database.db.selectFrom('beneficiary').select('account_id').where('reference_id', '=', of.referenceIds[0]!).executeTakeFirstOrThrow();
  return member.account_id;
}

async function otherCentre(): Promise<number> {
  const row = await t.database.db.selectFrom('facility').select('id').where('id', '<>', session.facilityId).orderBy('id').limit(1).executeTakeFirstOrThrow();
  return row.id;
}
