import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DistrictsResponse, StatesResponse } from '../../../src/api/cowin-v2/schema.js';
import { cowinSample } from '../../support/json-shape.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';

let t: TestApp;
const get = (url: string) => t.app.inject({ method: 'GET', url });

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('GET /api/v2/admin/location/states', () => {
  it('matches the real capture exactly: 37 states/UTs in Co-WIN\'s order, ttl 24', async () => {
    const res = await get('/api/v2/admin/location/states');
    expect(res.statusCode).toBe(200);
    expect(res.json<StatesResponse>()).toEqual(cowinSample('states.json'));
    expect(res.json<StatesResponse>().states).toHaveLength(37);
  });
});

describe('GET /api/v2/admin/location/districts/:state_id', () => {
  it('matches the real Maharashtra capture exactly, trailing space in "Aurangabad " included', async () => {
    const res = await get('/api/v2/admin/location/districts/21');
    expect(res.json<DistrictsResponse>()).toEqual(cowinSample('districts_state21.json'));
  });

  it('knows all 756 districts', async () => {
    const states = (await get('/api/v2/admin/location/states')).json<StatesResponse>().states;
    let total = 0;
    for (const state of states) total += (await get(`/api/v2/admin/location/districts/${state.state_id}`)).json<DistrictsResponse>().districts.length;
    expect(total).toBe(756);
  });

  it('gives an unknown state no districts, and a non-numeric one a 400 naming state_id', async () => {
    expect((await get('/api/v2/admin/location/districts/99')).json()).toEqual({ districts: [], ttl: 24 });
    const bad = await get('/api/v2/admin/location/districts/abc');
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toEqual({ errorCode: 'INVALID_INPUT', error: 'state_id must be a whole number' });
  });
});
