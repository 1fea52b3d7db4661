import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../support/test-app.js';
import {
  alertsOf, bookPeople, inIndia, isSuspended, liveSessionsOf, securityApp, sessionsAtCentres, staffMember, type BookedPerson, type TodaysSession,
} from './fixtures.js';

/**
 * Each detection rule fires (decision 0015); high ones suspend at once: the request that trips
 * the rule is refused, every session of the account ends, and sign-in is refused until an auditor
 * reinstates it.
 */
let t: TestApp;
let home: TodaysSession;
let elsewhere: TodaysSession;
let bookedElsewhere: BookedPerson[];
const logLines: string[] = [];
const webhookBodies: Record<string, unknown>[] = [];
let webhook: http.Server;

beforeAll(async () => {
  webhook = http.createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      webhookBodies.push(JSON.parse(body) as Record<string, unknown>);
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => webhook.listen(0, '127.0.0.1', resolve));
  t = await securityApp({ alertWebhook: `http://127.0.0.1:${(webhook.address() as AddressInfo).port}/alerts` }, { logLines });
  t.clock.set(inIndia('09:00'));
  [home, elsewhere] = await sessionsAtCentres(t, 2) as [TodaysSession, TodaysSession];
  bookedElsewhere = await bookPeople(t, elsewhere, 2);
});
afterAll(async () => {
  await t.close();
  await new Promise((resolve) => webhook.close(resolve));
});

describe('many refusals', () => {
  it('raise a high alert at the 10th within 10 minutes, which suspends the account', async () => {
    const v = await staffMember(t, 'vaccinator', `facility:${home.facilityId}`);
    for (let i = 1; i <= 10; i += 1) {
      // A vaccinator trying an administrator's screen: refused by role, and recorded.
      expect((await v.browser.get('/api/staff/planning/centres?district_id=1')).statusCode).toBe(403);
    }
    const alerts = await alertsOf(t, v.staffId);
    expect(alerts).toEqual([expect.objectContaining({ rule: 'denials', severity: 'high', evidence: expect.objectContaining({ denials: 10, window_minutes: 10 }) })]);
    expect(await isSuspended(t, v.staffId)).toBe(true);
    expect(await liveSessionsOf(t, v.staffId)).toBe(0);
    expect((await v.browser.get('/api/staff/me')).statusCode).toBe(401);
  });

  it('are counted over a sliding 10 minutes: 9, a pause, then 9 more raise nothing', async () => {
    const v = await staffMember(t, 'vaccinator', `facility:${home.facilityId}`);
    for (let i = 0; i < 9; i += 1) expect((await v.browser.get('/api/staff/planning/centres?district_id=1')).statusCode).toBe(403);
    t.clock.advance(11 * 60_000);
    for (let i = 0; i < 9; i += 1) expect((await v.browser.get('/api/staff/planning/centres?district_id=1')).statusCode).toBe(403);
    expect(await alertsOf(t, v.staffId)).toEqual([]);
    expect(await isSuspended(t, v.staffId)).toBe(false);
  });
});

describe('outside the jurisdiction', () => {
  it('an appointment at another centre answers 404, raises a high alert against that person, and suspends', async () => {
    const v = await staffMember(t, 'vaccinator', `facility:${home.facilityId}`);
    const res = await v.browser.post('/api/staff/centre/encounters', { appointment_id: bookedElsewhere[0]!.appointmentId, security_code: '0000' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ errorCode: 'NOT_FOUND', error: 'No such appointment, or it is not yours to see.' });
    expect(await alertsOf(t, v.staffId)).toEqual([
      expect.objectContaining({ rule: 'jurisdiction', severity: 'high', evidence: expect.objectContaining({ subject: bookedElsewhere[0]!.beneficiaryId }) }),
    ]);
    const denial = await t.database.db.selectFrom('audit_event').select(['type', 'subject', 'detail']).where('actor_id', '=', v.staffId)
      .where('outcome', '=', 'denied').executeTakeFirstOrThrow();
    expect(denial).toMatchObject({ type: 'access.denied', subject: bookedElsewhere[0]!.beneficiaryId, detail: { reason: 'jurisdiction', route: 'POST /api/staff/centre/encounters' } });
    expect((await v.browser.get('/api/staff/centre/roster')).statusCode).toBe(401);
  });

  it('a suspended account is refused at sign-in, after the right password', async () => {
    const v = await staffMember(t, 'vaccinator', `facility:${home.facilityId}`);
    await v.browser.post('/api/staff/centre/doses', { appointment_id: bookedElsewhere[1]!.appointmentId, batch_id: bookedElsewhere[1]!.appointmentId, photo_id_last4: '0000' });
    expect(await isSuspended(t, v.staffId)).toBe(true);
    const wrong = await v.browser.post('/api/staff/login', { username: v.username, password: 'not-the-password-at-all' });
    expect(wrong.statusCode).toBe(401);
    const right = await v.browser.post('/api/staff/login', { username: v.username, password: v.password });
    expect(right.statusCode).toBe(403);
    expect(right.json().errorCode).toBe('STAFF_SUSPENDED');
  });

  it('a place outside the scope is recorded as a refusal, and counts towards many refusals', async () => {
    const admin = await staffMember(t, 'district_admin', `district:${home.districtId}`);
    const res = await admin.browser.get(`/api/staff/centre/facilities/${elsewhere.facilityId}/batches`);
    expect(res.statusCode).toBe(404);
    const denial = await t.database.db.selectFrom('audit_event').select(['subject', 'detail']).where('actor_id', '=', admin.staffId)
      .where('outcome', '=', 'denied').executeTakeFirstOrThrow();
    expect(denial).toMatchObject({ subject: `facility:${elsewhere.facilityId}`, detail: { reason: 'scope', district_id: home.districtId } });
    const counted = await t.database.db.selectFrom('security_denial').select('at').where('actor_id', '=', admin.staffId).execute();
    expect(counted).toHaveLength(1);
    expect(await isSuspended(t, admin.staffId)).toBe(false);
  });
});

describe('outside working hours', () => {
  it('a read at 22:30 in India raises one medium alert, which repeats add to, and suspends no one', async () => {
    const booked = await bookPeople(t, home, 1);
    t.clock.set(inIndia('22:30'));
    const v = await staffMember(t, 'vaccinator', `facility:${home.facilityId}`);
    expect((await v.browser.get('/api/staff/centre/roster')).statusCode).toBe(200);
    expect((await v.browser.get('/api/staff/centre/roster')).statusCode).toBe(200);
    const alerts = await alertsOf(t, v.staffId);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ rule: 'off_hours', severity: 'medium', status: 'open', evidence: { time_in_india: '22:30', working_hours: '07:00-21:00' } });
    expect(alerts[0]!.occurrences).toBeGreaterThanOrEqual(2);
    expect((await v.browser.get('/api/staff/me')).statusCode).toBe(200);
    expect(booked).toHaveLength(1);
    t.clock.set(inIndia('09:30'));
  });
});

describe('telling the auditors', () => {
  it('logs each new alert and suspension with ids only, and posts it to TEEKA_ALERT_WEBHOOK', async () => {
    const alerts = logLines.filter((line) => line.includes('security alert raised'));
    expect(alerts.length).toBeGreaterThan(0);
    expect(logLines.some((line) => line.includes('credential suspended'))).toBe(true);
    for (const line of alerts) {
      const entry = JSON.parse(line) as Record<string, unknown>;
      expect(entry).toMatchObject({ level: 40, rule: expect.any(String), actor_kind: 'staff' });
      expect(Object.keys(entry)).not.toContain('subject');
    }
    await expect.poll(() => webhookBodies.length).toBeGreaterThan(0);
    expect(Object.keys(webhookBodies[0]!).sort()).toEqual(['actor_id', 'actor_kind', 'alert_id', 'raised_at', 'rule', 'severity']);
  });
});
