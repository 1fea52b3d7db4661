import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('API documentation', () => {
  it('serves an OpenAPI document naming every public Co-WIN path', async () => {
    const res = await t.app.inject({ url: '/api/docs/json' });
    expect(res.statusCode).toBe(200);
    const paths = Object.keys(res.json().paths);
    expect(paths).toEqual(expect.arrayContaining([
      '/api/v2/admin/location/states',
      '/api/v2/admin/location/districts/{state_id}',
      '/api/v2/appointment/sessions/public/findByPin',
      '/api/v2/appointment/sessions/public/findByDistrict',
      '/api/v2/appointment/sessions/public/calendarByPin',
      '/api/v2/appointment/sessions/public/calendarByDistrict',
      '/api/v2/appointment/sessions/public/calendarByCenter',
      '/api/v2/appointment/centers/public/findByLatLong',
    ]));
  });

  it('serves the documentation page', async () => {
    const res = await t.app.inject({ url: '/api/docs/' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
  });
});
