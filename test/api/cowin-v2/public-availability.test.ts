import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatCowinDate, todayInIndia, addDays } from '../../../src/core/calendar-date.js';
import type { CalendarByCenterResponse, CalendarResponse, FindSessionsResponse, NearbyCentersResponse } from '../../../src/api/cowin-v2/schema.js';
import { distanceKm } from '../../../src/modules/facilities/service.js';
import { seedInstant } from '../../support/database.js';
import { cowinSample, shapeDifferences } from '../../support/json-shape.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';

const MUMBAI = 395;
const calendarSample = cowinSample<{ centers: unknown[] }>('calendarByPin_400080_2021-09-24.json');
const nearbySample = cowinSample('findByLatLong_mumbai_2021-09.json');
/** findBy* key order as observed in February 2022 (API-NOTES §3.2); no capture file exists. */
const flatSessionOrder = [
  'center_id', 'name', 'address', 'state_name', 'district_name', 'block_name', 'pincode', 'from', 'to', 'lat', 'long',
  'fee_type', 'session_id', 'date', 'available_capacity', 'available_capacity_dose1', 'available_capacity_dose2', 'fee',
  'min_age_limit', 'max_age_limit', 'allow_all_age', 'vaccine', 'slots',
];

let t: TestApp;
let today: string;
const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });

beforeAll(async () => {
  t = await createTestApp();
  today = formatCowinDate(todayInIndia(seedInstant()));
});
afterAll(() => t.close());

describe('calendarByDistrict', () => {
  it('answers with centres shaped exactly like the real capture', async () => {
    const res = await get(`/api/v2/appointment/sessions/public/calendarByDistrict?district_id=${MUMBAI}&date=${today}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    const body = res.json<CalendarResponse>();
    expect(body.centers.length).toBeGreaterThanOrEqual(40);
    expect(shapeDifferences(body, calendarSample, ['vaccine_fees', 'max_age_limit'])).toEqual([]);
    for (const centre of body.centers) {
      expect(centre.district_name).toBe('Mumbai');
      expect(centre.state_name).toBe('Maharashtra');
      expect(centre.sessions.length).toBeGreaterThan(0);
      if (centre.fee_type === 'Paid') {
        expect(centre.vaccine_fees?.length).toBeGreaterThan(0);
        for (const fee of centre.vaccine_fees ?? []) expect(fee.fee).toMatch(/^\d+$/);
      } else {
        expect(centre).not.toHaveProperty('vaccine_fees');
      }
      for (const session of centre.sessions) {
        expect(session.available_capacity).toBe(session.available_capacity_dose1 + session.available_capacity_dose2);
        expect(session.slots.every((slot) => /^\d\d:\d\d[AP]M-\d\d:\d\d[AP]M$/.test(slot))).toBe(true);
        if (session.max_age_limit !== undefined) expect(session.allow_all_age).toBe(false);
      }
    }
  });

  it('covers exactly the seven days from the date asked for', async () => {
    const body = (await get(`/api/v2/appointment/sessions/public/calendarByDistrict?district_id=${MUMBAI}&date=${today}`)).json<CalendarResponse>();
    const week = Array.from({ length: 7 }, (_, i) => formatCowinDate(addDays(todayInIndia(seedInstant()), i)));
    const dates = new Set(body.centers.flatMap((c) => c.sessions.map((s) => s.date)));
    expect([...dates].every((d) => week.includes(d))).toBe(true);
    expect(dates.size).toBe(7);
  });

  it('offers the age-limit variants and vaccines Co-WIN had', async () => {
    const body = (await get(`/api/v2/appointment/sessions/public/calendarByDistrict?district_id=${MUMBAI}&date=${today}`)).json<CalendarResponse>();
    const sessions = body.centers.flatMap((c) => c.sessions);
    expect(new Set(sessions.map((s) => s.min_age_limit))).toEqual(new Set([12, 15, 18, 45]));
    expect(sessions.some((s) => s.min_age_limit === 18 && s.max_age_limit === 44)).toBe(true);
    expect(new Set(sessions.map((s) => s.vaccine))).toEqual(new Set(['COVISHIELD', 'COVAXIN', 'SPUTNIK V', 'CORBEVAX', 'COVOVAX']));
  });

  it('honours the vaccine filter, in any case, and ignores parameters it does not know', async () => {
    const res = await get(`/api/v2/appointment/sessions/public/calendarByDistrict?district_id=${MUMBAI}&date=${today}&vaccine=covaxin&dose=2&foo=bar`);
    const body = res.json<CalendarResponse>();
    expect(body.centers.length).toBeGreaterThan(0);
    expect(body.centers.every((c) => c.sessions.every((s) => s.vaccine === 'COVAXIN'))).toBe(true);
  });

  it('gives an empty list, not an error, for an unknown district or vaccine', async () => {
    for (const url of [
      `/api/v2/appointment/sessions/public/calendarByDistrict?district_id=999999&date=${today}`,
      `/api/v2/appointment/sessions/public/calendarByDistrict?district_id=${MUMBAI}&date=${today}&vaccine=ZYCOV-D`,
      `/api/v2/appointment/sessions/public/calendarByDistrict?district_id=${MUMBAI}&date=01-01-2020`,
    ]) {
      const res = await get(url);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ centers: [] });
    }
  });
});

describe('calendarByPin and findByPin', () => {
  let pincode: number;
  beforeAll(async () => {
    const body = (await get(`/api/v2/appointment/sessions/public/calendarByDistrict?district_id=${MUMBAI}&date=${today}`)).json<CalendarResponse>();
    pincode = body.centers[0]!.pincode;
  });

  it('lists only centres with that PIN', async () => {
    const body = (await get(`/api/v2/appointment/sessions/public/calendarByPin?pincode=${pincode}&date=${today}`)).json<CalendarResponse>();
    expect(body.centers.length).toBeGreaterThan(0);
    expect(body.centers.every((c) => c.pincode === pincode)).toBe(true);
    expect(shapeDifferences(body, calendarSample, ['vaccine_fees', 'max_age_limit'])).toEqual([]);
  });

  it('flattens one day of sessions in Co-WIN\'s key order, with fee "0" when free', async () => {
    const res = await get(`/api/v2/appointment/sessions/public/findByPin?pincode=${pincode}&date=${today}`);
    const body = res.json<FindSessionsResponse>();
    for (const session of body.sessions) {
      expect(Object.keys(session)).toEqual(flatSessionOrder.filter((k) => k !== 'max_age_limit' || 'max_age_limit' in session));
      expect(session.date).toBe(today);
      expect(typeof session.pincode).toBe('number');
      if (session.fee_type === 'Free') expect(session.fee).toBe('0');
      else expect(Number(session.fee)).toBeGreaterThan(0);
    }
  });

  it('answers an unused PIN with an empty list', async () => {
    expect((await get(`/api/v2/appointment/sessions/public/findByPin?pincode=999999&date=${today}`)).json()).toEqual({ sessions: [] });
    expect((await get(`/api/v2/appointment/sessions/public/calendarByPin?pincode=999999&date=${today}`)).json()).toEqual({ centers: [] });
  });
});

describe('findByDistrict', () => {
  it('returns one day of sessions across the district', async () => {
    const body = (await get(`/api/v2/appointment/sessions/public/findByDistrict?district_id=${MUMBAI}&date=${today}`)).json<FindSessionsResponse>();
    expect(body.sessions.length).toBeGreaterThan(20);
    expect(body.sessions.every((s) => s.date === today && s.district_name === 'Mumbai')).toBe(true);
    expect(body.sessions.some((s) => 'max_age_limit' in s)).toBe(true);
  });
});

describe('calendarByCenter', () => {
  it('returns `centers` as one object, not an array', async () => {
    const district = (await get(`/api/v2/appointment/sessions/public/calendarByDistrict?district_id=${MUMBAI}&date=${today}`)).json<CalendarResponse>();
    const wanted = district.centers[3]!;
    const res = await get(`/api/v2/appointment/sessions/public/calendarByCenter?center_id=${wanted.center_id}&date=${today}`);
    const body = res.json<CalendarByCenterResponse>();
    expect(Array.isArray(body.centers)).toBe(false);
    expect(body.centers).toEqual(wanted);
    expect(shapeDifferences(body.centers, calendarSample.centers[0], ['vaccine_fees', 'max_age_limit'])).toEqual([]);
  });

  it('answers {} for a centre that does not exist', async () => {
    const res = await get(`/api/v2/appointment/sessions/public/calendarByCenter?center_id=1&date=${today}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({});
  });
});

describe('findByLatLong', () => {
  it('lists the nearest centres first, with string pincode and 8-decimal string coordinates', async () => {
    const point = { lat: 19.076, long: 72.8777 };
    const res = await get(`/api/v2/appointment/centers/public/findByLatLong?lat=${point.lat}&long=${point.long}`);
    const body = res.json<NearbyCentersResponse>();
    expect(shapeDifferences(body, nearbySample)).toEqual([]);
    expect(body.ttl).toBe(24);
    expect(body.centers.length).toBeGreaterThan(10);
    const distances = body.centers.map((c) => distanceKm(point, { lat: Number(c.lat), long: Number(c.long) }));
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
    expect(Math.max(...distances)).toBeLessThanOrEqual(50);
    for (const centre of body.centers) {
      expect(centre.lat).toMatch(/^\d+\.\d{8}$/);
      expect(centre.pincode).toMatch(/^\d{6}$/);
    }
    expect(body.centers[0]!.district_name).toBe('Mumbai');
  });

  it('finds nothing in the middle of the sea', async () => {
    const body = (await get('/api/v2/appointment/centers/public/findByLatLong?lat=15&long=65')).json();
    expect(body).toEqual({ centers: [], ttl: 24 });
  });
});

describe('Co-WIN clients\' headers', () => {
  it('accepts any User-Agent, origin, referer, sec-* and Host-ish headers', async () => {
    const res = await get(`/api/v2/appointment/sessions/public/calendarByDistrict?district_id=${MUMBAI}&date=${today}`, {
      'user-agent': 'python-requests/2.25.1',
      origin: 'https://selfregistration.cowin.gov.in',
      referer: 'https://selfregistration.cowin.gov.in/',
      'sec-ch-ua': '" Not A;Brand";v="99", "Chromium";v="90"',
      'sec-fetch-site': 'cross-site',
      authority: 'cdn-api.co-vin.in',
      'access-control-allow-origin': '*',
      'accept-language': 'hi_IN',
    });
    expect(res.statusCode).toBe(200);
  });
});
