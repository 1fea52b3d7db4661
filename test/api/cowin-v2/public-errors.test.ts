import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../support/test-app.js';

let t: TestApp;
const get = (url: string) => t.app.inject({ method: 'GET', url });
const base = '/api/v2/appointment/sessions/public';

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('Co-WIN error envelope', () => {
  it.each([
    [`${base}/findByPin?date=01-05-2021`, 'USRRES0001', 'pincode'],
    [`${base}/calendarByPin?pincode=400080`, 'USRRES0001', 'date'],
    [`${base}/calendarByDistrict?date=01-05-2021`, 'USRRES0001', 'district_id'],
    [`${base}/calendarByDistrict?district_id=&date=01-05-2021`, 'USRRES0001', 'district_id'],
    [`${base}/calendarByCenter?date=01-05-2021`, 'USRRES0001', 'center_id'],
    ['/api/v2/appointment/centers/public/findByLatLong?long=72.8', 'USRRES0001', 'lat'],
  ])('%s is 400 %s naming %s', async (url, code, field) => {
    const res = await get(url);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({ errorCode: code, error: `Input parameter missing: ${field}` });
  });

  it.each(['abc', '12', '0400080', '4000801', '40008O'])('rejects PIN "%s" with APPOIN0018', async (pin) => {
    const res = await get(`${base}/calendarByPin?pincode=${pin}&date=01-05-2021`);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ errorCode: 'APPOIN0018' });
    expect(res.json().error).toMatch(/^Invalid Pincode/);
  });

  it.each(['2021-05-01', '31-02-2021', '32-01-2021', 'tomorrow', '1-5'])('rejects date "%s" with a 400 naming the date format', async (date) => {
    const res = await get(`${base}/calendarByDistrict?district_id=395&date=${date}`);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({ errorCode: 'INVALID_DATE', error: 'Invalid date: write it as DD-MM-YYYY, for example 31-03-2021' });
  });

  it('accepts the two-digit year one client sends', async () => {
    expect((await get(`${base}/calendarByDistrict?district_id=395&date=01-05-21`)).statusCode).toBe(200);
  });

  it.each([
    ['lat=91&long=72', 'lat'],
    ['lat=19&long=abc', 'long'],
    ['lat=1e3&long=72', 'lat'],
  ])('rejects coordinates %s naming %s', async (query, field) => {
    const res = await get(`/api/v2/appointment/centers/public/findByLatLong?${query}`);
    expect(res.statusCode).toBe(400);
    expect(res.json().errorCode).toBe('INVALID_INPUT');
    expect(res.json().error).toMatch(new RegExp(`^${field} must be`));
  });

  it.each([
    `${base}/calendarByDistrict?district_id=-1&date=01-05-2021`,
    `${base}/calendarByDistrict?district_id=1e9&date=01-05-2021`,
    `${base}/calendarByDistrict?district_id=99999999999999999999&date=01-05-2021`,
    `${base}/calendarByDistrict?district_id=395;DROP TABLE facility&date=01-05-2021`,
    `${base}/calendarByCenter?center_id=%00&date=01-05-2021`,
    `${base}/findByPin?pincode[]=400080&date=01-05-2021`,
  ])('never answers odd input with a 500: %s', async (url) => {
    const res = await get(url);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toHaveProperty('errorCode');
    expect(res.body).not.toMatch(/stack|select|postgres|at .*\.ts/i);
  });

  it('answers an unknown path with the envelope and 404', async () => {
    const res = await get('/api/v2/appointment/sessions/public/nowhere');
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ errorCode: 'NOT_FOUND' });
  });
});
