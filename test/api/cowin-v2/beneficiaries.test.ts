import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BeneficiariesResponse } from '../../../src/api/cowin-v2/citizen-schema.js';
import { aadhaarFor, bearer, loginAs } from '../../support/citizen.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';

let t: TestApp;
let token: string;
const register = (payload: object, auth = token) =>
  t.app.inject({ method: 'POST', url: '/api/v2/registration/beneficiary/new', payload, headers: bearer(auth) });
const member = (seed: number, over: object = {}) => ({
  name: 'Asha Devi', birth_year: '1985', gender_id: 2, photo_id_type: 1, photo_id_number: aadhaarFor(seed), comorbidity_ind: 'N', consent_version: 'V1', ...over,
});

beforeAll(async () => {
  t = await createTestApp();
  token = await loginAs(t.app, t.outbox, '9812300001');
});
afterAll(() => t.close());

describe('registering family members', () => {
  it('returns a 14-digit reference id and lists the member in Co-WIN\'s shape, masked', async () => {
    const res = await register(member(1));
    expect(res.statusCode).toBe(200);
    const referenceId = res.json().beneficiary_reference_id;
    expect(referenceId).toMatch(/^[1-9]\d{13}$/);
    const list = await t.app.inject({ url: '/api/v2/appointment/beneficiaries', headers: bearer(token) });
    expect(list.headers['cache-control']).toBe('private, no-store');
    const [first] = list.json<BeneficiariesResponse>().beneficiaries;
    expect(first).toEqual({
      beneficiary_reference_id: referenceId,
      name: 'Asha Devi',
      birth_year: '1985',
      gender: 'Female',
      mobile_number: '0001',
      photo_id_type: 'Aadhaar Card',
      photo_id_number: `XXXX-XXXX-${aadhaarFor(1).slice(-4)}`,
      comorbidity_ind: 'N',
      vaccination_status: 'Not Vaccinated',
      vaccine: '',
      dose1_date: '',
      dose2_date: '',
      appointments: [],
    });
    expect(Object.keys(first!)).toEqual([
      'beneficiary_reference_id', 'name', 'birth_year', 'gender', 'mobile_number', 'photo_id_type', 'photo_id_number',
      'comorbidity_ind', 'vaccination_status', 'vaccine', 'dose1_date', 'dose2_date', 'appointments',
    ]);
  });

  it('serves the ID types and genders', async () => {
    const types = (await t.app.inject({ url: '/api/v2/registration/beneficiary/idTypes' })).json();
    expect(types.types).toEqual(expect.arrayContaining([{ id: 1, type: 'Aadhaar Card', type_l: expect.any(String) }]));
    const genders = (await t.app.inject({ url: '/api/v2/registration/beneficiary/genders' })).json();
    expect(genders.genders.map((g: { gender: string }) => g.gender)).toEqual(['Male', 'Female', 'Others']);
  });

  it.each([
    [{ name: '' }, 'Name'],
    [{ birth_year: '1800' }, 'Year of birth'],
    [{ gender_id: 9 }, 'gender'],
    [{ photo_id_type: 99 }, 'photo ID type'],
    [{ photo_id_number: '123412341234' }, 'Aadhaar'],
    [{ photo_id_type: 6, photo_id_number: 'ABCDE12345' }, 'PAN'],
    [{ photo_id_type: 8, photo_id_number: '12345678' }, 'assport'],
    [{ photo_id_type: 12, photo_id_number: 'AB1234567' }, 'oter'],
  ])('refuses %j with a 400 that names the field, and writes nothing', async (over, words) => {
    const before = (await t.app.inject({ url: '/api/v2/appointment/beneficiaries', headers: bearer(token) })).json<BeneficiariesResponse>().beneficiaries.length;
    const res = await register(member(50, over));
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toContain(words);
    const after = (await t.app.inject({ url: '/api/v2/appointment/beneficiaries', headers: bearer(token) })).json<BeneficiariesResponse>().beneficiaries.length;
    expect(after).toBe(before);
  });

  it('registers an ID number once nationwide, without saying under which mobile', async () => {
    const other = await loginAs(t.app, t.outbox, '9812300002');
    const res = await register(member(1, { name: 'Someone Else' }), other);
    expect(res.statusCode).toBe(409);
    expect(res.json().errorCode).toBe('PHOTO_ID_TAKEN');
    expect(res.body).not.toMatch(/9812300001|0001|Asha/);
  });

  it('allows at most 4 members per mobile', async () => {
    const owner = await loginAs(t.app, t.outbox, '9812300003');
    for (let i = 0; i < 4; i += 1) expect((await register(member(100 + i), owner)).statusCode).toBe(200);
    const fifth = await register(member(104), owner);
    expect(fifth.statusCode).toBe(409);
    expect(fifth.json().errorCode).toBe('MEMBER_LIMIT');
  });

  it('removes a member without doses, personal data and all, so the ID can be registered again', async () => {
    const owner = await loginAs(t.app, t.outbox, '9812300004');
    const referenceId = (await register(member(200), owner)).json().beneficiary_reference_id;
    const removed = await t.app.inject({ method: 'POST', url: '/api/v2/registration/beneficiary/delete', payload: { beneficiary_reference_id: referenceId }, headers: bearer(owner) });
    expect(removed.statusCode).toBe(204);
    const rows = await t.database.db.selectFrom('beneficiary').select('id').where('reference_id', '=', referenceId).execute();
    expect(rows).toEqual([]);
    expect((await register(member(200), owner)).statusCode).toBe(200);
  });

  it('requires a login', async () => {
    expect((await t.app.inject({ method: 'POST', url: '/api/v2/registration/beneficiary/new', payload: member(300) })).statusCode).toBe(401);
    expect((await t.app.inject({ url: '/api/v2/appointment/beneficiaries' })).statusCode).toBe(401);
  });
});
