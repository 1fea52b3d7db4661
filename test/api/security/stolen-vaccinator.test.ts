import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../support/test-app.js';
import { bookPeople, inIndia, isSuspended, securityApp, sessionsAtCentres, staffMember, type BookedPerson, type TodaysSession } from './fixtures.js';

/**
 * The 2023 leak replayed against detection (issue 5, decision 0015): a stolen vaccinator login
 * used to read as many people as it can. It sees its own centre's roster, which its legitimate
 * work shows anyway; every attempt beyond it is refused, and the credential is suspended within a
 * few requests. The figures are printed.
 */
let t: TestApp;
let home: TodaysSession;
let bookedHere: BookedPerson[];
let bookedElsewhere: BookedPerson[];

beforeAll(async () => {
  t = await securityApp();
  t.clock.set(inIndia('10:00'));
  const [here, there] = await sessionsAtCentres(t, 2) as [TodaysSession, TodaysSession];
  home = here;
  bookedHere = await bookPeople(t, here, 8);
  bookedElsewhere = await bookPeople(t, there, 8);
});
afterAll(() => t.close());

/** Sends until the credential stops working; answers how many requests it took and how many people's records opened. */
async function attack(attempts: (() => Promise<LightMyRequestResponse>)[]): Promise<{ suspendedAfter: number | undefined; opened: number }> {
  let opened = 0;
  for (const [i, attempt] of attempts.entries()) {
    const res = await attempt();
    if (res.statusCode === 401) return { suspendedAfter: i, opened };
    if (res.statusCode === 204) opened += 1;
  }
  return { suspendedAfter: undefined, opened };
}

describe('a stolen vaccinator login', () => {
  it('guessing security codes at its own centre is suspended within 10 requests, having opened no one', async () => {
    const stolen = await staffMember(t, 'vaccinator', `facility:${home.facilityId}`);
    expect((await stolen.browser.get('/api/staff/centre/roster')).statusCode).toBe(200);
    const guesses = bookedHere.flatMap((person) => ['1111', '2222', '3333'].filter((code) => code !== person.securityCode).slice(0, 2).map((code) => () =>
      stolen.browser.post('/api/staff/centre/encounters', { appointment_id: person.appointmentId, security_code: code })));
    const result = await attack(guesses);
    process.stdout.write(`stolen vaccinator guessing codes: suspended after ${result.suspendedAfter} requests, ${result.opened} records opened\n`);
    expect(result.opened).toBe(0);
    expect(result.suspendedAfter).toBeLessThanOrEqual(10);
    expect(await isSuspended(t, stolen.staffId)).toBe(true);
  });

  it('replaying appointment ids from elsewhere (a leaked list) is suspended at the first', async () => {
    const stolen = await staffMember(t, 'vaccinator', `facility:${home.facilityId}`);
    const tries = bookedElsewhere.map((person) => () =>
      stolen.browser.post('/api/staff/centre/encounters', { appointment_id: person.appointmentId, security_code: '0000' }));
    const result = await attack(tries);
    process.stdout.write(`stolen vaccinator replaying leaked ids: suspended after ${result.suspendedAfter} requests, ${result.opened} records opened\n`);
    expect(result).toEqual({ suspendedAfter: 1, opened: 0 });
  });
});
