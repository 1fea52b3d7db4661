import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/modules/access/schema.js';
import { incidentReportJson, incidentReportMarkdown } from '../../src/modules/reports/incident-report.js';
import { createFamily } from '../support/booking-fixtures.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const HOUR = 60 * 60 * 1000;
const CONTACT = '1075 or dpo@teeka.example';
const PUBLIC_URL = 'https://teeka.example';

interface Household {
  mobile: string;
  accountId: string;
  people: { id: string; referenceId: string }[];
}

let t: TestApp;
let rogue: Actor & { kind: 'staff' };
let honest: Actor & { kind: 'staff' };
let households: Household[];
let startedAt: Date;

/** A family registered through the real API, with the mobile its OTP went to and its members' ids. */
async function household(members: number): Promise<Household> {
  const family = await createFamily(t, members);
  const mobile = t.outbox.list()[0]!.to;
  const rows = await t.database.db.selectFrom('beneficiary').select(['id', 'reference_id', 'account_id'])
    .where('reference_id', 'in', family.referenceIds).orderBy('reference_id').execute();
  return { mobile, accountId: rows[0]!.account_id, people: rows.map((r) => ({ id: r.id, referenceId: r.reference_id })) };
}

async function staffActor(username: string): Promise<Actor & { kind: 'staff' }> {
  const created = await t.services.staff.addAccount({ username, role: 'vaccinator', scope: 'facility:560001' });
  return { kind: 'staff', staffId: created.id, role: 'vaccinator', scope: { level: 'facility', facilityId: 560001 }, sessionId: 'session', ip: '203.0.113.9' };
}

/** A read the access module granted, as it records one (the grant itself is not what is under test). */
const granted = (actor: Actor, subject: string, fields: string[], purpose: 'vaccinate' | 'vaccination-roster' = 'vaccinate') =>
  t.services.access.record({ type: 'access.granted', actor, subject, purpose: purpose as never, fields, outcome: 'allowed', ip: '203.0.113.9', detail: { role: 'vaccinator', facility_id: 560001 } });

beforeAll(async () => {
  t = await createTestApp();
  await t.services.geography.load();
  rogue = await staffActor('rogue.vaccinator');
  honest = await staffActor('honest.vaccinator');
  households = [await household(2), await household(1), await household(1)];
  const [a, b, c] = households as [Household, Household, Household];
  startedAt = t.clock.now();
  // The rogue login opens three people of two households over two hours, and is refused once.
  await granted(rogue, a.people[0]!.id, ['name', 'birth_year', 'gender'], 'vaccination-roster');
  t.clock.advance(HOUR);
  await granted(rogue, a.people[0]!.id, ['name', 'photo_id']);
  await granted(rogue, a.people[1]!.id, ['name', 'photo_id']);
  await t.services.access.record({ type: 'access.denied', actor: rogue, subject: c.people[0]!.id, purpose: 'vaccinate', fields: ['name'], outcome: 'denied' });
  t.clock.advance(HOUR);
  await granted(rogue, b.people[0]!.id, ['name', 'photo_id', 'birth_year']);
  // Another vaccinator's work is nobody's breach.
  await granted(honest, c.people[0]!.id, ['name', 'photo_id']);
  // Detection suspended the login afterwards.
  t.clock.advance(HOUR);
  await t.services.access.record({ type: 'staff.suspended', actor: { kind: 'system', name: 'detection' }, subject: `staff:${rogue.staffId}`, outcome: 'done' });
  t.outbox.clear();
});
afterAll(() => t.close());

describe('teeka breach report', () => {
  it('lists exactly the people the actor opened, by reference ID, with when, which fields and why', async () => {
    const report = await t.services.breaches.report({ actor: 'rogue.vaccinator' });
    const [a, b] = households as [Household, Household];
    const { radius } = report;
    expect(radius.actor).toMatchObject({ kind: 'staff', id: rogue.staffId, username: 'rogue.vaccinator', roles: ['vaccinator'], facilityIds: [560001] });
    expect(radius.people.map((p) => p.referenceId).sort()).toEqual([...a.people, ...b.people].map((p) => p.referenceId).sort());
    const first = radius.people.find((p) => p.referenceId === a.people[0]!.referenceId)!;
    expect(first).toMatchObject({ reads: 2, fields: ['birth_year', 'gender', 'name', 'photo_id'], purposes: ['vaccinate', 'vaccination-roster'] });
    expect(first.firstAt).toEqual(startedAt);
    expect(radius).toMatchObject({ reads: 4, refused: 1, accounts: 2, peoplePerField: { name: 3, photo_id: 3, birth_year: 2, gender: 1 } });
    expect(radius.firstAt).toEqual(startedAt);
    expect(radius.lastAt).toEqual(new Date(startedAt.getTime() + 2 * HOUR));
    // What detection did about it (B's alerts among them), not the account's creation before the breach.
    expect(report.actions.map((a) => a.type)).toContain('staff.suspended');
    expect(report.actions.map((a) => a.type)).not.toContain('staff.account.created');
    expect(report.notices).toEqual({ sent: 0, failed: 0, unreachable: 0, outstanding: 2 });
    expect(report.logIntegrity.ok).toBe(true);
  });

  it('finds the same incident by staff id, and counts only what happened since a time', async () => {
    const byName = await t.services.breaches.report({ actor: 'rogue.vaccinator' });
    expect((await t.services.breaches.report({ actor: rogue.staffId })).incidentId).toBe(byName.incidentId);
    const later = await t.services.breaches.report({ actor: rogue.staffId, since: new Date(startedAt.getTime() + 2 * HOUR) });
    expect(later.incidentId).not.toBe(byName.incidentId);
    expect(later.radius.people.map((p) => p.referenceId)).toEqual([households[1]!.people[0]!.referenceId]);
  });

  it('knows partners by the id the log records them under, and refuses an actor it cannot find', async () => {
    const partner: Actor = { kind: 'partner', partnerId: 'a6f1e2b0-0000-4000-8000-00000000beef', tokenId: 'token' };
    await t.services.access.record({ type: 'access.granted', actor: partner, subject: households[2]!.people[0]!.id, purpose: 'partner-consent', fields: ['birth_year'], outcome: 'allowed' });
    const report = await t.services.breaches.report({ actor: 'a6f1e2b0-0000-4000-8000-00000000beef' });
    expect(report.radius).toMatchObject({ actor: { kind: 'partner' }, reads: 1, accounts: 1 });
    await expect(t.services.breaches.report({ actor: 'nobody.here' })).rejects.toMatchObject({ code: 'BREACH_ACTOR_UNKNOWN', field: 'actor' });
  });

  it('writes a CERT-In report with counts, times and actions, and no name or mobile', async () => {
    const report = await t.services.breaches.report({ actor: 'rogue.vaccinator', contact: CONTACT });
    const json = incidentReportJson(report);
    expect(json).toMatchObject({
      incident_id: expect.stringMatching(/^INC-\d{8}-[0-9A-F]{6}$/),
      actor: { kind: 'staff', username: 'rogue.vaccinator', roles: ['vaccinator'], facility_ids: [560001] },
      period: { since: null, first_access: startedAt.toISOString() },
      affected: { people: 3, accounts: 2, reads: 4, refused_attempts: 1, people_per_field: { name: 3 } },
      actions_taken: expect.arrayContaining([expect.objectContaining({ action: 'staff.suspended' })]),
      notifications: { sent: 0, outstanding: 2 },
      log_integrity: { ok: true },
      contact: CONTACT,
    });
    const markdown = incidentReportMarkdown(report, `${report.incidentId}.json`);
    expect(markdown).toContain(`# Incident ${report.incidentId}`);
    expect(markdown).toContain('| People affected | 3 (2 accounts) |');
    expect(markdown).toContain('staff.suspended');
    for (const text of [JSON.stringify(json), markdown]) {
      for (const h of households) expect(text).not.toContain(h.mobile);
      expect(text).not.toMatch(/Asha Devi|Ravi Kumar|Meena Iyer/);
    }
  });

  it('texts each affected account once per incident, about its own people only', async () => {
    const notify = { contact: CONTACT, publicUrl: PUBLIC_URL };
    const progress: [number, number][] = [];
    const report = await t.services.breaches.report({ actor: 'rogue.vaccinator', notify: { ...notify, onProgress: (d, n) => progress.push([d, n]) } });
    expect(report.notices).toEqual({ sent: 2, failed: 0, unreachable: 0, outstanding: 0 });
    expect(progress.at(-1)).toEqual([2, 2]);
    const [a, b, c] = households as [Household, Household, Household];
    const messages = t.outbox.list();
    expect(messages.map((m) => m.to).sort()).toEqual([a.mobile, b.mobile].sort());

    const toA = messages.find((m) => m.to === a.mobile)!.text;
    const endings = a.people.map((p) => p.referenceId.slice(-4)).sort();
    expect(toA).toContain(`Teeka data breach notice ${report.incidentId}`);
    expect(toA).toContain(`whose reference IDs end ${endings[0]} and ${endings[1]}`);
    expect(toA).toMatch(/seeing: .*name.*ID document number/);
    expect(toA).toContain('We have blocked that access and reported it to CERT-In.');
    expect(toA).toContain(`${PUBLIC_URL}/my-data`);
    expect(toA).toContain(CONTACT);
    // Nothing about anyone else: not their reference IDs, mobiles, names, nor how many others.
    for (const other of [b, c]) {
      for (const person of other.people) expect(toA).not.toContain(person.referenceId.slice(-4));
      expect(toA).not.toContain(other.mobile);
    }
    expect(toA).not.toContain(a.mobile);
    expect(toA).not.toMatch(/Asha|Ravi|Meena|\b3 people\b|rogue/);
    const toB = messages.find((m) => m.to === b.mobile)!.text;
    expect(toB).toContain(`whose reference ID ends ${b.people[0]!.referenceId.slice(-4)}`);
    for (const person of a.people) expect(toB).not.toContain(person.referenceId.slice(-4));

    // Each notice read the mobile through a ticket, recorded like any other read.
    const reads = await t.services.access.eventsAbout([a.accountId, b.accountId, c.accountId]);
    expect(reads.filter((e) => e.purpose === 'breach-notice').map((e) => [e.type, e.subject, e.fields]).sort())
      .toEqual([['access.granted', a.accountId, ['mobile']], ['access.granted', b.accountId, ['mobile']]].sort());

    t.outbox.clear();
    const again = await t.services.breaches.report({ actor: 'rogue.vaccinator', notify });
    expect(again.incidentId).toBe(report.incidentId);
    expect(again.notices).toEqual({ sent: 2, failed: 0, unreachable: 0, outstanding: 0 });
    expect(t.outbox.list()).toEqual([]);
  });
});
