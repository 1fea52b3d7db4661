import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInIndia } from '../../src/core/calendar-date.js';
import { isBookedAt } from '../../src/modules/appointments/booking.js';
import { AccessService } from '../../src/modules/access/service.js';
import type { AccessRequest } from '../../src/modules/access/schema.js';
import { ownerOfSubject } from '../../src/modules/beneficiaries/service.js';
import { seedInstant } from '../support/database.js';
import { createFamily, openSession } from '../support/booking-fixtures.js';
import { bearer } from '../support/citizen.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/**
 * The roster reads its people in one batch (AccessService.authorizeMany), and still records and
 * budgets every read on its own, as DESIGN.md §4 asks.
 */
let t: TestApp;
let facilityId: number;
let people: string[];

beforeAll(async () => {
  t = await createTestApp();
  const session = await openSession(t.database.db, todayInIndia(seedInstant()), 20);
  facilityId = session.facilityId;
  const family = await createFamily(t, 3);
  const booking = await t.app.inject({
    method: 'POST', url: '/api/v2/appointment/schedule', headers: bearer(family.token),
    payload: { session_id: session.id, slot: session.slots[0], beneficiaries: family.referenceIds },
  });
  expect(booking.statusCode).toBe(200);
  const rows = await t.database.db.selectFrom('appointment').select('beneficiary_id')
    .where('booking_id', '=', booking.json().appointment_confirmation_no).orderBy('created_at').execute();
  people = rows.map((r) => r.beneficiary_id);
});
afterAll(() => t.close());

let staffCount = 0;
async function vaccinator() {
  const scope = { level: 'facility' as const, facilityId };
  const account = await t.services.staff.addAccount({ username: `batch${(staffCount += 1)}at${facilityId}`, role: 'vaccinator', scope });
  return { kind: 'staff' as const, staffId: account.id, role: 'vaccinator' as const, scope, sessionId: 'test-session' };
}

const rosterReadsBy = (staffId: string) => t.database.db.selectFrom('audit_event').select(['subject', 'type', 'outcome'])
  .where('actor_id', '=', staffId).where('purpose', '=', 'vaccination-roster').orderBy('seq').execute();

const rosterRead = (id: string): AccessRequest => ({ subject: { kind: 'beneficiary', id }, purpose: 'vaccination-roster', fields: ['name', 'birth_year', 'gender'] });

describe('the roster in one batch', () => {
  it('names every booked person and records one read for each, which their own history shows', async () => {
    const staff = await vaccinator();
    const roster = await t.services.centreDay.roster(staff);
    expect(roster.filter((e) => e.name !== null)).toHaveLength(people.length);
    const reads = await rosterReadsBy(staff.staffId);
    expect(reads.map((r) => [r.type, r.outcome])).toEqual(people.map(() => ['access.granted', 'allowed']));
    expect(reads.map((r) => r.subject).sort()).toEqual([...people].sort());
    for (const person of people) {
      const seen = await t.services.access.eventsAbout([person]);
      expect(seen.filter((e) => e.actorId === staff.staffId && e.purpose === 'vaccination-roster')).toHaveLength(1);
    }
  });

  it('ends at a budget spent part-way, as reading one by one did: the reads before it stand, the refusal is recorded, nothing after', async () => {
    // The same rules and database with a daily limit of 2 people for the roster, which the real service does not set.
    const limited = new AccessService(
      t.database.db, t.clock,
      { ownerOf: ownerOfSubject, isOnRoster: isBookedAt, isReviewing: async () => false, consentCovers: async () => false },
      { 'vaccination-roster': 2 },
      t.services.auditLog,
    );
    const staff = await vaccinator();
    await expect(limited.authorizeMany(staff, people.map(rosterRead))).rejects.toMatchObject({ code: 'ACCESS_BUDGET_SPENT', statusCode: 429 });
    expect((await rosterReadsBy(staff.staffId)).map((r) => [r.subject, r.outcome])).toEqual([
      [people[0], 'allowed'], [people[1], 'allowed'], [people[2], 'denied'],
    ]);
    // Reopening people already read costs nothing, as with authorize.
    expect(await limited.authorizeMany(staff, people.slice(0, 2).map(rosterRead))).toHaveLength(2);
  });

  it('refuses someone not on this centre\'s roster with the same 404 as authorize, after the reads before them', async () => {
    const staff = await vaccinator();
    const stranger = (await createFamily(t, 1)).referenceIds[0]!;
    const strangerId = (await t.database.db.selectFrom('beneficiary').select('id').where('reference_id', '=', stranger).executeTakeFirstOrThrow()).id;
    await expect(t.services.access.authorizeMany(staff, [rosterRead(people[0]!), rosterRead(strangerId), rosterRead(people[1]!)]))
      .rejects.toMatchObject({ statusCode: 404 });
    expect((await rosterReadsBy(staff.staffId)).map((r) => [r.subject, r.outcome])).toEqual([[people[0], 'allowed'], [strangerId, 'denied']]);
  });
});
