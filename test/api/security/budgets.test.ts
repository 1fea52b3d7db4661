import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultSubjectBudgets } from '../../../src/config.js';
import { SubjectBudgets } from '../../../src/modules/access/budget.js';
import type { Actor } from '../../../src/modules/access/schema.js';
import { createFamily } from '../../support/booking-fixtures.js';
import { bearer } from '../../support/citizen.js';
import type { TestApp } from '../../support/test-app.js';
import { signIn, StaffBrowser } from '../staff/sign-in.js';
import {
  alertsOf, batchAt, bookPeople, inIndia, isSuspended, passTime, securityApp, sessionsAtCentres, staffMember, type BookedPerson, type TodaysSession,
} from './fixtures.js';

/**
 * Budgets of distinct people per hour and per day, by role (decision 0015), with the clock moved
 * by the test. Small budgets stand in for the real ones: a vaccinator 2 an hour and 3 a day, a
 * national administrator 1 an hour.
 */
let t: TestApp;
let session: TodaysSession;
let people: BookedPerson[];
let batchId: string;

beforeAll(async () => {
  t = await securityApp({
    budgets: { ...defaultSubjectBudgets, vaccinator: { perHour: 2, perDay: 3 }, national_admin: { perHour: 1, perDay: 5 } },
  });
  t.clock.set(inIndia('09:00'));
  [session] = await sessionsAtCentres(t, 1) as [TodaysSession];
  people = await bookPeople(t, session, 4);
  batchId = await batchAt(t, session);
  const opener = await staffMember(t, 'vaccinator', `facility:${session.facilityId}`);
  // Encounter grants belong to the centre: every vaccinator there may then open these people.
  for (const person of people) {
    const res = await opener.browser.post('/api/staff/centre/encounters', { appointment_id: person.appointmentId, security_code: person.securityCode });
    expect(res.statusCode, res.body).toBe(204);
  }
});
afterAll(() => t.close());

/** Opens the person's record to vaccinate them; the wrong last 4 of their ID stops short of recording a dose, after the read. */
const openRecord = (browser: StaffBrowser, person: BookedPerson) =>
  browser.post('/api/staff/centre/doses', { appointment_id: person.appointmentId, batch_id: batchId, photo_id_last4: '0000' });

describe('a vaccinator\'s budget', () => {
  it('does not count the roster, whose size is the centre\'s bookings', async () => {
    const { browser } = await staffMember(t, 'vaccinator', `facility:${session.facilityId}`);
    const roster = await browser.get('/api/staff/centre/roster');
    expect(roster.statusCode).toBe(200);
    expect(roster.json().appointments.filter((a: { name: string | null }) => a.name !== null).length).toBeGreaterThanOrEqual(4);
  });

  it('allows 2 different people an hour, reopening one costs nothing, the third is refused with 429 and an alert', async () => {
    const v = await staffMember(t, 'vaccinator', `facility:${session.facilityId}`);
    expect((await openRecord(v.browser, people[0]!)).json().errorCode).toBe('PHOTO_ID_MISMATCH');
    expect((await openRecord(v.browser, people[1]!)).json().errorCode).toBe('PHOTO_ID_MISMATCH');
    expect((await openRecord(v.browser, people[0]!)).json().errorCode).toBe('PHOTO_ID_MISMATCH');
    const refused = await openRecord(v.browser, people[2]!);
    expect(refused.statusCode).toBe(429);
    expect(refused.json()).toMatchObject({ errorCode: 'ACCESS_BUDGET_SPENT' });
    expect(refused.json().error).toContain('in the last hour');
    expect(refused.headers['retry-after']).toBe('3600');
    const [alert] = await alertsOf(t, v.staffId);
    expect(alert).toMatchObject({ rule: 'budget', severity: 'high', status: 'open', evidence: { window: 'hour', limit: 2, subject: people[2]!.beneficiaryId } });
    // The refused read is in the chain against the person, with the budget named.
    const denial = await t.database.db.selectFrom('audit_event').select(['detail']).where('actor_id', '=', v.staffId)
      .where('type', '=', 'access.denied').where('subject', '=', people[2]!.beneficiaryId).executeTakeFirstOrThrow();
    expect(denial.detail).toMatchObject({ reason: 'budget', window: 'hour', limit: 2, role: 'vaccinator' });
    expect(await isSuspended(t, v.staffId)).toBe(true);
    expect((await v.browser.get('/api/staff/me')).statusCode).toBe(401);

    // Reinstated after review, the account starts with its whole budget.
    const auditor: Actor = { kind: 'staff', staffId: (await staffMember(t, 'auditor', 'nation')).staffId, role: 'auditor', scope: { level: 'nation' }, sessionId: 'review' };
    const [suspension] = await t.services.security.listSuspensions();
    await t.services.security.reinstate(auditor as Actor & { kind: 'staff' }, suspension!.id, 'A mass-vaccination camp: checked with the centre');
    const browser = new StaffBrowser(t);
    expect((await signIn(t, browser, { username: v.username, password: v.password, totpSecret: v.totpSecret })).statusCode).toBe(200);
    await browser.refreshCsrf();
    expect((await openRecord(browser, people[2]!)).json().errorCode).toBe('PHOTO_ID_MISMATCH');
  });

  it('counts the day from midnight in India: 3 people, an hour apart, and the fourth is refused', async () => {
    const v = await staffMember(t, 'vaccinator', `facility:${session.facilityId}`);
    expect((await openRecord(v.browser, people[0]!)).json().errorCode).toBe('PHOTO_ID_MISMATCH');
    expect((await openRecord(v.browser, people[1]!)).json().errorCode).toBe('PHOTO_ID_MISMATCH');
    await passTime(t, 61, [v.browser]);
    expect((await openRecord(v.browser, people[2]!)).json().errorCode).toBe('PHOTO_ID_MISMATCH');
    // The first two are outside the hour now, but still in the day: opening them again is free.
    expect((await openRecord(v.browser, people[0]!)).json().errorCode).toBe('PHOTO_ID_MISMATCH');
    await passTime(t, 61, [v.browser]);
    const refused = await openRecord(v.browser, people[3]!);
    expect(refused.statusCode).toBe(429);
    expect(refused.json().error).toContain('today');
    expect((await alertsOf(t, v.staffId)).map((a) => [a.rule, a.evidence.window])).toEqual([['budget', 'day']]);
  });

  it('starts afresh the next day', async () => {
    const v = await staffMember(t, 'vaccinator', `facility:${session.facilityId}`);
    const budgets = new SubjectBudgets({ ...defaultSubjectBudgets, vaccinator: { perHour: 2, perDay: 3 } });
    const actor: Actor = { kind: 'staff', staffId: v.staffId, role: 'vaccinator', scope: { level: 'facility', facilityId: session.facilityId }, sessionId: 'x' };
    const read = (i: number, at: Date) => ({ request: { subject: { kind: 'beneficiary' as const, id: people[i]!.beneficiaryId }, purpose: 'vaccinate' as const, fields: ['photo_id' as const] }, at });
    for (const [i, at] of [[0, inIndia('10:00')], [1, inIndia('12:00')], [2, inIndia('14:00')]] as const) {
      const { request } = read(i, at);
      expect(await budgets.breachBy(t.database.db, actor, request, at)).toBeUndefined();
      await budgets.noteGranted(t.database.db, actor, request, at);
    }
    expect(await budgets.breachBy(t.database.db, actor, read(3, inIndia('16:00')).request, inIndia('16:00'))).toEqual({ window: 'day', limit: 3 });
    const nextMorning = new Date(inIndia('00:30').getTime() + 24 * 60 * 60 * 1000);
    expect(await budgets.breachBy(t.database.db, actor, read(3, nextMorning).request, nextMorning)).toBeUndefined();
  });
});

describe('an administrator\'s budget', () => {
  it('is small: a national administrator reviewing corrections opens one person an hour here', async () => {
    const requests: string[] = [];
    for (let i = 0; i < 2; i += 1) {
      const family = await createFamily(t, 1);
      const res = await t.app.inject({
        method: 'POST', url: '/api/citizen/corrections', headers: bearer(family.token),
        payload: { beneficiary_reference_id: family.referenceIds[0], field: 'birth_year', requested_value: '1986', reason: 'Wrong year' },
      });
      expect(res.statusCode, res.body).toBe(201);
      requests.push(res.json().id);
    }
    const admin = await staffMember(t, 'national_admin', 'nation');
    expect((await admin.browser.get(`/api/staff/corrections/${requests[0]}`)).statusCode).toBe(200);
    expect((await admin.browser.get(`/api/staff/corrections/${requests[0]}`)).statusCode).toBe(200);
    const refused = await admin.browser.get(`/api/staff/corrections/${requests[1]}`);
    expect(refused.statusCode).toBe(429);
    expect((await alertsOf(t, admin.staffId)).map((a) => a.rule)).toEqual(['budget']);
  });
});

describe('a partner\'s budget', () => {
  const partner: Actor = { kind: 'partner', partnerId: '7d1f0f5e-3c1a-4c55-9a53-1b7f0c1d2e3f', tokenId: 't' };
  const readOf = (id: string) => ({ subject: { kind: 'beneficiary' as const, id }, purpose: 'partner-consent' as const, fields: ['vaccination_status' as const] });

  it('is the default for partners unless the partner has its own quota', async () => {
    const withDefault = new SubjectBudgets({ ...defaultSubjectBudgets, partner: { perHour: 1, perDay: 10 } });
    const at = inIndia('11:00');
    expect(await withDefault.breachBy(t.database.db, partner, readOf(people[0]!.beneficiaryId), at)).toBeUndefined();
    await withDefault.noteGranted(t.database.db, partner, readOf(people[0]!.beneficiaryId), at);
    expect(await withDefault.breachBy(t.database.db, partner, readOf(people[1]!.beneficiaryId), at)).toEqual({ window: 'hour', limit: 1 });

    const ownQuota = new SubjectBudgets({ ...defaultSubjectBudgets, partner: { perHour: 1, perDay: 10 } }, async () => ({ perHour: 5, perDay: 5 }));
    expect(await ownQuota.breachBy(t.database.db, partner, readOf(people[1]!.beneficiaryId), at)).toBeUndefined();
  });
});
