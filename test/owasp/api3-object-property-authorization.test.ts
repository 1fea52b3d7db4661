import { exportJWK, generateKeyPair } from 'jose';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../src/core/calendar-date.js';
import { signedInStaff, type StaffBrowser } from '../api/staff/sign-in.js';
import { createFamily, type Family } from '../support/booking-fixtures.js';
import { aadhaarFor, bearer } from '../support/citizen.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { today, vaccinatedToday, type Vaccinated } from './fixtures.js';
import { partnerToken, registerPartner } from './partner-client.js';

/**
 * OWASP API3:2023 Broken Object Property Level Authorization, both halves:
 * - mass assignment: a request naming a property the client may not set (an account, a status, a
 *   role, a stock count) is refused with 400 naming it, and writes nothing;
 * - excessive exposure: no answer carries an internal property (ciphertexts, blind indexes, MACs,
 *   password or TOTP material), checked both by name and by the stored values themselves.
 */
let t: TestApp;
let victim: Vaccinated;
let intruder: Family;
let admin: StaffBrowser;

beforeAll(async () => {
  t = await createTestApp();
  victim = await vaccinatedToday(t);
  intruder = await createFamily(t, 1);
  admin = (await signedInStaff(t, 'facility_admin', `facility:${victim.session.facilityId}`)).browser;
});
afterAll(() => t.close());

const refusedNaming = (res: { statusCode: number; json(): { errorCode: string; error: string } }, field: string) => {
  expect(res.statusCode).toBe(400);
  expect(res.json().errorCode).toBe('INVALID_INPUT');
  expect(res.json().error).toContain(field);
};

describe('mass assignment', () => {
  it('refuses a registration that sets the account, reference id or vaccination status', async () => {
    const intruderAccount = await accountOf(intruder);
    const count = async () => (await t.database.db.selectFrom('beneficiary').select('id').where('account_id', '=', intruderAccount).execute()).length;
    const before = await count();
    for (const [field, value] of [['account_id', await accountOf(victim.family)], ['beneficiary_reference_id', '12345678901234'], ['vaccination_status', 'Vaccinated']] as const) {
      const res = await t.app.inject({
        method: 'POST', url: '/api/v2/registration/beneficiary/new', headers: bearer(intruder.token),
        payload: { name: 'Mass Assigned', birth_year: '1990', gender_id: 1, photo_id_type: 1, photo_id_number: aadhaarFor(90_000 + before), comorbidity_ind: 'N', [field]: value },
      });
      refusedNaming(res, field);
    }
    expect(await count()).toBe(before);
  });

  it('refuses a correction that sets its own status or reviewer', async () => {
    for (const [field, value] of [['status', 'accepted'], ['reviewed_by', 'me']] as const) {
      const res = await t.app.inject({
        method: 'POST', url: '/api/citizen/corrections', headers: bearer(intruder.token),
        payload: { beneficiary_reference_id: intruder.referenceIds[0], field: 'name', requested_value: 'New Name', reason: 'typo', [field]: value },
      });
      refusedNaming(res, field);
    }
    expect((await t.app.inject({ url: '/api/citizen/corrections', headers: bearer(intruder.token) })).json().corrections).toEqual([]);
  });

  it('refuses staff requests that set a role, a stock count or a centre\'s id', async () => {
    const password = await admin.post('/api/staff/password', { current: 'x', new: 'y', role: 'national_admin' });
    refusedNaming(password, 'role');
    const batch = await admin.post(`/api/staff/centre/facilities/${victim.session.facilityId}/batches`, {
      vaccine: victim.session.vaccine, batch_number: 'MASS-1', expires_on: addDays(today(t), 30), quantity: 5, quantity_left: 5000,
    });
    refusedNaming(batch, 'quantity_left');
    expect(await t.database.db.selectFrom('vaccine_batch').select('id').where('batch_number', '=', 'MASS-1').execute()).toEqual([]);
    const centre = await admin.send({ method: 'PATCH', url: `/api/staff/planning/centres/${victim.session.facilityId}`, payload: { id: 1, district_id: 1 } });
    expect(centre.statusCode).toBe(400);
    expect(centre.json().errorCode).toBe('INVALID_INPUT');
  });
});

describe('mass assignment on the partner API', () => {
  const PARTNER_IP = '203.0.113.51';

  it('refuses a registration that picks its own client id or partner id, and a consent request that names a person', async () => {
    const national = (await signedInStaff(t, 'national_admin', 'nation')).browser;
    const { publicKey } = await generateKeyPair('ES256', { extractable: true });
    const body = { name: 'Chosen Id Ltd', purpose: 'mass assignment', scopes: ['consented'], ip_allowlist: [PARTNER_IP], jwks: { keys: [await exportJWK(publicKey)] } };
    for (const [field, value] of [['client_id', 'i-choose-my-own-id'], ['id', '00000000-0000-4000-8000-000000000001'], ['disabled', false]] as const) {
      refusedNaming(await national.post('/api/staff/partners', { ...body, [field]: value }), field);
    }
    expect((await national.get('/api/staff/partners')).json().partners).toEqual([]);
    const partner = await registerPartner(national, { scopes: ['consented'], allow: [PARTNER_IP] });
    const token = await partnerToken(t.app, partner, PARTNER_IP, t.clock.now());
    for (const [field, value] of [['beneficiary_reference_id', victim.family.referenceIds[0]!], ['mobile', '9876543210'], ['status', 'approved']] as const) {
      const res = await t.app.inject({
        method: 'POST', url: '/api/partner/v1/consent-requests', headers: bearer(token), remoteAddress: PARTNER_IP,
        payload: { purpose: 'Membership check', data: ['vaccination_status'], expires_in_days: 30, [field]: value },
      });
      refusedNaming(res, field);
    }
  });
});

async function accountOf(family: Family): Promise<string> {
  const row = await t.database.db.selectFrom('beneficiary').select('account_id').where('reference_id', '=', family.referenceIds[0]!).executeTakeFirstOrThrow();
  return row.account_id;
}

/** Every key in a JSON answer, at any depth. */
function keysOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(keysOf);
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => [k, ...keysOf(v)]);
  return [];
}

describe('what answers carry', () => {
  const internalName = /(_enc|_bidx|_mac|_hash)$|^(password|totp_secret|otp|security_code|token_mac|mobile_bidx|account_id)$/;

  it('no answer names an internal column or carries a stored ciphertext, blind index or MAC', async () => {
    const citizen = bearer(victim.family.token);
    const vaccinator = victim.vaccinator;
    const answers = [
      await t.app.inject({ url: '/api/v2/appointment/beneficiaries', headers: citizen }),
      await t.app.inject({ url: '/api/citizen/my-data', headers: citizen }),
      await t.app.inject({ url: '/api/citizen/corrections', headers: citizen }),
      await t.app.inject({ url: `/api/citizen/certificates/${victim.family.referenceIds[0]}`, headers: citizen }),
      await vaccinator.get('/api/staff/centre/roster'),
      await vaccinator.get('/api/staff/me'),
      await admin.get(`/api/staff/centre/facilities/${victim.session.facilityId}/batches`),
      await vaccinator.get(`/api/staff/aefi/centres/${victim.session.facilityId}/reports`),
      await t.app.inject({ url: `/api/v2/appointment/sessions/public/calendarByCenter?center_id=${victim.session.facilityId}&date=${today(t).split('-').reverse().join('-')}` }),
      await t.app.inject({ url: '/api/citizen/access-history', headers: citizen }),
      await t.app.inject({ url: '/api/citizen/consents', headers: citizen }),
      await (await signedInStaff(t, 'national_admin', 'nation')).browser.get('/api/staff/partners'),
    ];
    const db = t.database.db;
    const accountId = await accountOf(victim.family);
    const stored = [
      ...(await db.selectFrom('account').select(['mobile_enc', 'mobile_bidx']).where('id', '=', accountId).execute()).flatMap((r) => [r.mobile_enc, r.mobile_bidx]),
      ...(await db.selectFrom('beneficiary').select(['id', 'name_enc', 'photo_id_enc']).where('account_id', '=', accountId).execute()).flatMap((r) => [r.name_enc, r.photo_id_enc]),
      ...(await db.selectFrom('appointment').select(['security_code_enc', 'security_code_mac']).where('account_id', '=', accountId).execute()).flatMap((r) => [r.security_code_enc, r.security_code_mac]),
      ...(await db.selectFrom('staff_account').select(['password_hash', 'totp_secret_enc']).execute()).flatMap((r) => [r.password_hash, r.totp_secret_enc ?? '']).filter(Boolean),
      ...(await db.selectFrom('staff_session').select('token_mac').execute()).map((r) => r.token_mac),
      ...(await sql<{ token_mac: string }>`SELECT token_mac FROM partner_access_token`.execute(db)).rows.map((r) => r.token_mac),
    ];
    for (const answer of answers) {
      expect(answer.statusCode, answer.body).toBe(200);
      expect(keysOf(answer.json()).filter((k) => internalName.test(k))).toEqual([]);
      for (const value of stored) expect(answer.body.includes(value)).toBe(false);
    }
  });

  it('shows the citizen\'s own ID number and mobile masked in lists, in full only in their own export', async () => {
    const list = (await t.app.inject({ url: '/api/v2/appointment/beneficiaries', headers: bearer(victim.family.token) })).json();
    expect(list.beneficiaries[0].photo_id_number).toMatch(/^XXXX-XXXX-\d{4}$/);
    expect(list.beneficiaries[0].mobile_number).toMatch(/^\d{4}$/);
    const roster = (await victim.vaccinator.get('/api/staff/centre/roster')).json();
    for (const entry of roster.appointments) expect(Object.keys(entry)).not.toContain('photo_id_number');
  });
});
