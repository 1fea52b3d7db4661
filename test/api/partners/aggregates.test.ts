import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFamily } from '../../support/booking-fixtures.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';
import { accessToken, asPartner, nationalAdmin, registerPartner, type TestPartner } from './partner-fixtures.js';

let t: TestApp;
let council: TestPartner;
let districtId: number;
let vaccine: string;
const people: { id: string; referenceId: string }[] = [];

const aggregates = async (query: string) =>
  t.app.inject({ url: `/api/partner/v1/aggregates?${query}`, headers: asPartner(await accessToken(t, council)) });

/**
 * Twelve people born in 1985 (all "Male", as the fixture registers them), each given dose 1 at one
 * centre on 1 March 2021, three of them dose 2 the next day: dates before any demo data.
 */
beforeAll(async () => {
  t = await createTestApp();
  council = await registerPartner(t, await nationalAdmin(t), { name: 'Research Council', scopes: ['aggregates'] });
  const place = await t.database.db.selectFrom('vaccination_session').innerJoin('facility', 'facility.id', 'vaccination_session.facility_id')
    .select(['facility.id', 'facility.district_id', 'vaccination_session.vaccine']).orderBy('vaccination_session.id').limit(1).executeTakeFirstOrThrow();
  districtId = place.district_id;
  vaccine = place.vaccine;
  for (let i = 0; i < 3; i += 1) {
    const family = await createFamily(t, 4);
    for (const referenceId of family.referenceIds) {
      const row = await t.database.db.selectFrom('beneficiary').select('id').where('reference_id', '=', referenceId).executeTakeFirstOrThrow();
      people.push({ id: row.id, referenceId });
    }
  }
  const dose = (beneficiaryId: string, n: number, on: string) => ({
    id: randomUUID(), beneficiary_id: beneficiaryId, dose: n, vaccine, administered_on: on, facility_id: place.id, session_id: null,
    recorded_at: t.clock.now(), batch_id: null, vaccinator_id: null, administered_at: t.clock.now(),
  });
  await t.database.db.insertInto('dose_record').values([
    ...people.map((p) => dose(p.id, 1, '2021-03-01')),
    ...people.slice(0, 3).map((p) => dose(p.id, 2, '2021-03-02')),
  ]).execute();
});
afterAll(() => t.close());

describe('aggregates for research partners', () => {
  it('suppresses cells under 10 as null, keeping them in the answer, and rounds the rest', async () => {
    const res = await aggregates(`group_by=district,date&from=2021-03-01&to=2021-03-02&district_id=${districtId}`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ group_by: ['district', 'date'], from: '2021-03-01', to: '2021-03-02', suppression_threshold: 10, rounding_base: 5 });
    expect(body.cells).toEqual([
      { district_id: districtId, district_name: expect.any(String), date: '2021-03-01', doses: 10, suppressed: false },
      { district_id: districtId, district_name: expect.any(String), date: '2021-03-02', doses: null, suppressed: true },
    ]);
  });

  it('does not give the suppressed cell away by differencing a total against a breakdown', async () => {
    const total = (await aggregates(`from=2021-03-01&to=2021-03-02&district_id=${districtId}`)).json().cells;
    expect(total).toEqual([{ doses: 15, suppressed: false }]);
    // 15 - 10 = 5, yet three doses were given that day: the rounding hides the small cell's true size.
    expect(total[0].doses - 10).not.toBe(3);
  });

  it('counts by age band, gender and vaccine, and answers no identifier of anyone', async () => {
    const res = await aggregates(`group_by=age_band,gender,vaccine&from=2021-03-01&to=2021-03-01&district_id=${districtId}`);
    expect(res.json().cells).toEqual([{ age_band: '18-44', gender: 'Male', vaccine, doses: 10, suppressed: false }]);
    for (const person of people) {
      expect(res.body).not.toContain(person.id);
      expect(res.body).not.toContain(person.referenceId);
    }
    expect(res.body).not.toMatch(/Asha|Ravi|Meena|Arjun/);
  });

  it('answers only for the state asked about', async () => {
    const elsewhere = t.services.geography.listStates().find((s) => !t.services.geography.listDistricts(s.id).some((d) => d.id === districtId))!;
    const res = await aggregates(`group_by=district&from=2021-03-01&to=2021-03-02&state_id=${elsewhere.id}`);
    expect(res.json().cells).toEqual([]);
  });

  it('records each aggregate read', async () => {
    await aggregates('group_by=vaccine&from=2021-03-01&to=2021-03-31');
    const events = await t.database.db.selectFrom('audit_event').select(['type', 'detail']).where('actor_id', '=', council.id).where('type', '=', 'partner.aggregates_read').execute();
    expect(events).toContainEqual(expect.objectContaining({ detail: expect.objectContaining({ group_by: 'vaccine', from: '2021-03-01', to: '2021-03-31' }) }));
  });

  it.each([
    ['from=2021-03-02&to=2021-03-01', /^to:/],
    ['from=2021-01-01&to=2022-06-01', /^to: at most 366 days/],
    ['group_by=name&from=2021-03-01&to=2021-03-02', /group_by/],
    ['from=2021-03-01', /to/],
    ['from=2021-03-01&to=2021-03-02&mobile=9876543210', /mobile|additional/],
  ])('refuses %s with 400 naming the field', async (query, message) => {
    const res = await aggregates(query);
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatch(message);
  });
});
