import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFamily, type Family } from '../support/booking-fixtures.js';
import { bearer } from '../support/citizen.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let family: Family;

beforeAll(async () => {
  t = await createTestApp();
  family = await createFamily(t, 2);
});
afterAll(() => t.close());

describe('My data (export)', () => {
  it('exports everything held on the account, and logs the export where the citizen can see it', async () => {
    const res = await t.app.inject({ url: '/api/citizen/my-data', headers: bearer(family.token) });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('private, no-store');
    const data = res.json();
    expect(data.account.mobile).toMatch(/^\d{10}$/);
    expect(data.members).toHaveLength(2);
    const first = data.members.find((m: { beneficiary_reference_id: string }) => m.beneficiary_reference_id === family.referenceIds[0]);
    expect(first).toMatchObject({ name: 'Asha Devi', birth_year: 1985, gender: 'Male', photo_id_type: 'Aadhaar Card', doses: [], appointments: [] });
    expect(first.photo_id_number).toMatch(/^\d{12}$/);
    const again = (await t.app.inject({ url: '/api/citizen/my-data', headers: bearer(family.token) })).json();
    expect(again.access_history.filter((e: { type: string; purpose: string }) => e.type === 'access.granted' && e.purpose === 'export').length).toBeGreaterThanOrEqual(3);
    expect(again.access_history.some((e: { type: string }) => e.type === 'beneficiary.registered')).toBe(true);
  });

  it('needs a login', async () => {
    expect((await t.app.inject({ url: '/api/citizen/my-data' })).statusCode).toBe(401);
  });
});

describe('correction requests ("Raise an issue")', () => {
  it('queues a request without changing the record', async () => {
    const res = await t.app.inject({
      method: 'POST', url: '/api/citizen/corrections', headers: bearer(family.token),
      payload: { beneficiary_reference_id: family.referenceIds[0], field: 'birth_year', requested_value: '1984', reason: 'Typed the wrong year' },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toEqual({ id: expect.any(String), status: 'open' });
    const list = (await t.app.inject({ url: '/api/citizen/corrections', headers: bearer(family.token) })).json();
    expect(list.corrections).toEqual([expect.objectContaining({ beneficiary_reference_id: family.referenceIds[0], field: 'birth_year', status: 'open' })]);
    const data = (await t.app.inject({ url: '/api/citizen/my-data', headers: bearer(family.token) })).json();
    expect(data.members.every((m: { birth_year: number }) => m.birth_year === 1985)).toBe(true);
  });

  it('keeps the reason encrypted, and seals reasons written before that at the next start', async () => {
    const reason = 'My Aadhaar is 2345 6789 0123, the year is wrong';
    const res = await t.app.inject({
      method: 'POST', url: '/api/citizen/corrections', headers: bearer(family.token),
      payload: { beneficiary_reference_id: family.referenceIds[1], field: 'birth_year', requested_value: '1986', reason },
    });
    const { db } = t.database;
    const row = () => db.selectFrom('correction_request').select(['reason', 'reason_enc']).where('id', '=', res.json().id).executeTakeFirstOrThrow();
    const stored = await row();
    expect(stored.reason).toBeNull();
    expect(stored.reason_enc).not.toContain('2345');

    // As a request raised before migration 0013 was stored.
    await db.updateTable('correction_request').set({ reason, reason_enc: null }).where('id', '=', res.json().id).execute();
    expect(await t.services.corrections.sealPlainReasons()).toBe(1);
    const sealed = await row();
    expect(sealed.reason).toBeNull();
    expect(sealed.reason_enc).not.toContain('2345');
    expect(await t.services.corrections.sealPlainReasons()).toBe(0);
    await expect(db.updateTable('correction_request').set({ reason }).where('id', '=', res.json().id).execute()).rejects.toThrow(/correction_request_reason_once/);
  });

  it.each([
    [{ field: 'mobile', requested_value: '1', reason: 'x' }, 'CORRECTION_FIELD'],
    [{ field: 'name', requested_value: 'Asha 2', reason: 'x' }, 'NAME_DIGITS'],
    [{ field: 'name', requested_value: 'Asha Rani', reason: '' }, 'CORRECTION_REASON'],
    [{ field: 'photo_id', requested_value: '123412341234', reason: 'wrong digit' }, 'AADHAAR_INVALID'],
  ])('refuses %j with %s', async (payload, code) => {
    const res = await t.app.inject({
      method: 'POST', url: '/api/citizen/corrections', headers: bearer(family.token), payload: { beneficiary_reference_id: family.referenceIds[1], ...payload },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errorCode).toBe(code);
  });
});

describe('protected searches', () => {
  it('are live (not cached for others) and limited per account per day', async () => {
    const limited = await createTestApp({ config: { searchesPerAccountPerDay: 2 } });
    try {
      const other = await createFamily(limited, 0);
      const url = '/api/v2/appointment/sessions/calendarByDistrict?district_id=395&date=01-01-2030';
      const first = await limited.app.inject({ url, headers: bearer(other.token) });
      expect(first.statusCode).toBe(200);
      expect(first.headers['cache-control']).toBe('private, no-store');
      expect((await limited.app.inject({ url, headers: bearer(other.token) })).statusCode).toBe(200);
      const third = await limited.app.inject({ url, headers: bearer(other.token) });
      expect(third.statusCode).toBe(429);
      expect(third.json().errorCode).toBe('SEARCH_LIMIT');
      expect((await limited.app.inject({ url })).statusCode).toBe(401);
    } finally {
      await limited.close();
    }
  });
});
