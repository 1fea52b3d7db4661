import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayInIndia } from '../../../src/core/calendar-date.js';
import { seedInstant } from '../../support/database.js';
import { createFamily, openSession } from '../../support/booking-fixtures.js';
import { bearer } from '../../support/citizen.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';
import { signedInStaff } from './sign-in.js';

let t: TestApp;
let today: string;

beforeAll(async () => {
  t = await createTestApp();
  today = todayInIndia(seedInstant());
});
afterAll(() => t.close());

describe('the centre API', () => {
  it('takes a booked citizen from the roster to a recorded dose, with the code they show', async () => {
    const family = await createFamily(t, 1);
    const session = await openSession(t.database.db, today, 20);
    const booking = await t.app.inject({
      method: 'POST', url: '/api/v2/appointment/schedule', headers: bearer(family.token),
      payload: { session_id: session.id, slot: session.slots[0], beneficiaries: family.referenceIds },
    });
    expect(booking.statusCode).toBe(200);
    const code = /Security code ref \.\.\d{4}: (\d{4})/.exec(t.outbox.list()[0]!.text)![1]!;
    const admin = await signedInStaff(t, 'facility_admin', `facility:${session.facilityId}`);
    const batch = await admin.browser.post(`/api/staff/centre/facilities/${session.facilityId}/batches`, {
      vaccine: session.vaccine, batch_number: 'CTR-001', expires_on: addDays(today as never, 60), quantity: 5,
    });
    expect(batch.statusCode).toBe(201);

    const { browser } = await signedInStaff(t, 'vaccinator', `facility:${session.facilityId}`);
    const roster = await browser.get('/api/staff/centre/roster');
    expect(roster.statusCode).toBe(200);
    const entry = roster.json().appointments.find((a: { name: string }) => a.name === 'Asha Devi');
    expect(entry.photo_id_masked).toMatch(/^XXXX-XXXX-\d{4}$/);

    expect((await browser.post('/api/staff/centre/encounters', { appointment_id: entry.appointment_id, security_code: code })).statusCode).toBe(204);
    const dose = await browser.post('/api/staff/centre/doses', {
      appointment_id: entry.appointment_id, batch_id: batch.json().id, photo_id_last4: entry.photo_id_masked.slice(-4),
    });
    expect(dose.statusCode).toBe(201);
    expect(dose.json()).toMatchObject({ dose: 1, batch_number: 'CTR-001', certificate: { kind: 'provisional' } });
  });

  it('needs the CSRF token on every state change', async () => {
    const { browser } = await signedInStaff(t, 'vaccinator', 'facility:560001');
    const res = await browser.post('/api/staff/centre/encounters', { appointment_id: '00000000-0000-4000-8000-000000000000', security_code: '1234' }, 'wrong-token');
    expect(res.statusCode).toBe(403);
  });

  it('is closed to roles that do not work at a centre, and to citizens', async () => {
    const { browser } = await signedInStaff(t, 'auditor', 'nation');
    expect((await browser.get('/api/staff/centre/roster')).statusCode).toBe(403);
    const family = await createFamily(t, 0);
    expect((await t.app.inject({ url: '/api/staff/centre/roster', headers: bearer(family.token) })).statusCode).toBe(401);
  });

  it('keeps stock in scope: a district admin elsewhere gets 404', async () => {
    const { browser } = await signedInStaff(t, 'district_admin', 'district:363');
    const res = await browser.get('/api/staff/centre/facilities/560001/batches');
    expect(res.statusCode).toBe(404);
  });
});

describe('no lookup oracle', () => {
  it('no staff endpoint accepts a mobile, an ID number or a name as input', async () => {
    const doc = (await t.app.inject({ url: '/api/docs/json' })).json();
    const forbidden = /^(name|full_?name|mobile|mobile_number|phone|photo_id_number|id_number|aadhaar|pan|passport|voter_id|beneficiary_reference_id)$/i;
    const offenders: string[] = [];
    for (const [path, operations] of Object.entries(doc.paths as Record<string, Record<string, { parameters?: { name: string }[]; requestBody?: { content?: Record<string, { schema?: { properties?: Record<string, unknown> } }> } }>>)) {
      if (!path.startsWith('/api/staff')) continue;
      for (const [method, operation] of Object.entries(operations)) {
        const names = [
          ...(operation.parameters ?? []).map((p) => p.name),
          ...Object.keys(operation.requestBody?.content?.['application/json']?.schema?.properties ?? {}),
        ];
        for (const name of names) if (forbidden.test(name)) offenders.push(`${method.toUpperCase()} ${path}: ${name}`);
      }
    }
    expect(Object.keys(doc.paths).filter((p) => p.startsWith('/api/staff')).length).toBeGreaterThan(8);
    // decision 0010: registering a walk-in takes the new person's mobile, name and ID number, and
    // answers with none of anyone's data; these routes, and only these, may take them.
    const walkInRegistration = [
      'POST /api/staff/centre/walk-ins/otp: mobile',
      'POST /api/staff/centre/walk-ins: name',
      'POST /api/staff/centre/walk-ins: photo_id_number',
    ];
    // decision 0017: a partner's name is an organisation's, given by the national admin who registers it.
    const partnerRegistration = ['POST /api/staff/partners: name', 'PATCH /api/staff/partners/{id}: name'];
    expect(offenders).toEqual(expect.arrayContaining(walkInRegistration));
    expect(offenders.filter((o) => !walkInRegistration.includes(o) && !partnerRegistration.includes(o))).toEqual([]);
  });
});
