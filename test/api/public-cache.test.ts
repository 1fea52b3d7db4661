import { gunzipSync } from 'node:zlib';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CalendarResponse } from '../../src/api/cowin-v2/schema.js';
import { formatCowinDate, todayInIndia } from '../../src/core/calendar-date.js';
import { seedInstant } from '../support/database.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let url: string;

beforeAll(async () => {
  t = await createTestApp();
  url = `/api/v2/appointment/sessions/public/calendarByDistrict?district_id=395&date=${formatCowinDate(todayInIndia(seedInstant()))}`;
});
afterAll(() => t.close());

describe('public availability caching', () => {
  it('lets a CDN cache an answer for no longer than what is left of 5 seconds', async () => {
    const first = await t.app.inject({ url });
    expect(first.headers['cache-control']).toBe('public, max-age=5');
    t.clock.advance(3200);
    const later = await t.app.inject({ url });
    expect(later.headers['cache-control']).toBe('public, max-age=1');
    expect(later.headers.etag).toBe(first.headers.etag);
  });

  it('answers If-None-Match with an empty 304', async () => {
    const first = await t.app.inject({ url });
    const again = await t.app.inject({ url, headers: { 'if-none-match': String(first.headers.etag) } });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    const other = await t.app.inject({ url, headers: { 'if-none-match': '"something-else"' } });
    expect(other.statusCode).toBe(200);
  });

  it('shows a change in capacity within 5 seconds, and a new ETag with it', async () => {
    t.clock.advance(10_000);
    const before = await t.app.inject({ url });
    const centre = before.json<CalendarResponse>().centers.find((c) => c.sessions.some((s) => s.available_capacity_dose1 > 0))!;
    const session = centre.sessions.find((s) => s.available_capacity_dose1 > 0)!;
    await sql`UPDATE vaccination_session SET booked_dose1 = booked_dose1 + 1 WHERE id = ${session.session_id}`.execute(t.database.db);

    t.clock.advance(4000);
    const stale = (await t.app.inject({ url })).json<CalendarResponse>();
    expect(stale.centers.find((c) => c.center_id === centre.center_id)!.sessions.find((s) => s.session_id === session.session_id)!
      .available_capacity_dose1).toBe(session.available_capacity_dose1);

    t.clock.advance(1001);
    const fresh = await t.app.inject({ url });
    expect(fresh.headers.etag).not.toBe(before.headers.etag);
    expect(fresh.json<CalendarResponse>().centers.find((c) => c.center_id === centre.center_id)!.sessions
      .find((s) => s.session_id === session.session_id)!.available_capacity_dose1).toBe(session.available_capacity_dose1 - 1);
  });
});

describe('compression', () => {
  it('sends the same JSON gzipped to clients that take gzip, with its own ETag', async () => {
    const plain = await t.app.inject({ url });
    const zipped = await t.app.inject({ url, headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.headers.vary).toBe('accept-encoding');
    expect(gunzipSync(zipped.rawPayload).toString()).toBe(plain.body);
    expect(zipped.rawPayload.length).toBeLessThan(plain.rawPayload.length / 4);
    expect(zipped.headers.etag).not.toBe(plain.headers.etag);
    const revalidated = await t.app.inject({ url, headers: { 'accept-encoding': 'gzip', 'if-none-match': String(zipped.headers.etag) } });
    expect(revalidated.statusCode).toBe(304);
  });

  it('sends plain JSON when gzip is refused', async () => {
    const res = await t.app.inject({ url, headers: { 'accept-encoding': 'gzip;q=0, identity' } });
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(() => JSON.parse(res.body)).not.toThrow();
  });
});
