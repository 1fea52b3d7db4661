import { createHash } from 'node:crypto';
import { compactVerify, decodeProtectedHeader, importJWK } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayInIndia } from '../../src/core/calendar-date.js';
import { revocationIdOf, signedCertificateFor } from '../../src/modules/certificates/download.js';
import { verifyShc } from '../../src/modules/certificates/formats/smart-health-card/verify.js';
import { seedInstant } from '../support/database.js';
import { createFamily, openSession, type Family } from '../support/booking-fixtures.js';
import { bearer } from '../support/citizen.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let family: Family;
let hc1: string;
let uvci: string;

/** Books today, opens the encounter with the slip's code and records dose 1, as a vaccinator would. */
async function vaccinate(f: Family): Promise<void> {
  const today = todayInIndia(seedInstant());
  const session = await openSession(t.database.db, today, 20);
  const booking = await t.app.inject({
    method: 'POST', url: '/api/v2/appointment/schedule', headers: bearer(f.token),
    payload: { session_id: session.id, slot: session.slots[0], beneficiaries: f.referenceIds },
  });
  const code = /Security code ref \.\.\d{4}: (\d{4})/.exec(t.outbox.list()[0]!.text)![1]!;
  const appointment = await t.database.db.selectFrom('appointment').select(['id', 'beneficiary_id'])
    .where('booking_id', '=', booking.json().appointment_confirmation_no).executeTakeFirstOrThrow();
  const scope = { level: 'facility' as const, facilityId: session.facilityId };
  const admin = await t.services.staff.addAccount({ username: `cert-admin-${session.facilityId}-${f.referenceIds[0]}`, role: 'facility_admin', scope });
  const vaccinator = await t.services.staff.addAccount({ username: `cert-vax-${session.facilityId}-${f.referenceIds[0]}`, role: 'vaccinator', scope });
  const asStaff = (id: string, role: 'facility_admin' | 'vaccinator') => ({ kind: 'staff' as const, staffId: id, role, scope, sessionId: 's' });
  const batch = await t.services.stock.receiveBatch(asStaff(admin.id, 'facility_admin'), session.facilityId, {
    vaccine: session.vaccine, batchNumber: `CERT-${f.referenceIds[0]!.slice(-6)}`, expiresOn: addDays(today, 30), quantity: 5,
  });
  await t.services.encounters.openWithSecurityCode(asStaff(vaccinator.id, 'vaccinator'), appointment.id, code);
  const member = await t.services.beneficiaries.memberById(appointment.beneficiary_id);
  await t.services.doses.recordDose(asStaff(vaccinator.id, 'vaccinator'), { appointmentId: appointment.id, batchId: batch.id, photoIdLast4: member!.photoIdMasked.slice(-4) });
}

beforeAll(async () => {
  t = await createTestApp();
  family = await createFamily(t, 1);
  await vaccinate(family);
  const citizen = await t.services.identity.authenticate(`Bearer ${family.token}`, '127.0.0.1');
  const signed = await signedCertificateFor(t.services, citizen, family.referenceIds[0]!);
  hc1 = signed.qrText;
  uvci = signed.uvci;
});
afterAll(() => t.close());

describe('certificate download (Co-WIN path)', () => {
  it('gives the member\'s certificate as application/pdf, exactly', async () => {
    const res = await t.app.inject({ url: `/api/v2/registration/certificate/public/download?beneficiary_reference_id=${family.referenceIds[0]}`, headers: bearer(family.token) });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('needs a token, and answers 404 for another account\'s member', async () => {
    const url = `/api/v2/registration/certificate/public/download?beneficiary_reference_id=${family.referenceIds[0]}`;
    expect((await t.app.inject({ url })).statusCode).toBe(401);
    const other = await createFamily(t, 1);
    expect((await t.app.inject({ url, headers: bearer(other.token) })).statusCode).toBe(404);
    const notYet = await t.app.inject({ url: `/api/v2/registration/certificate/public/download?beneficiary_reference_id=${other.referenceIds[0]}`, headers: bearer(other.token) });
    expect(notYet.statusCode).toBe(404);
  });
});

describe('SMART Health Card', () => {
  it('gives the same certificate as an shc:/ QR that verifies with the published JWKS', async () => {
    const res = await t.app.inject({ url: `/api/citizen/certificates/${family.referenceIds[0]}`, headers: bearer(family.token) });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.eu_dcc.startsWith('HC1:')).toBe(true);
    expect(body.smart_health_card.qr).toMatch(/^shc:\/\d+$/);
    const jwks = (await t.app.inject({ url: '/.well-known/jwks.json' })).json();
    expect(jwks.keys[0]).toMatchObject({ kty: 'EC', crv: 'P-256', use: 'sig', alg: 'ES256' });
    const checked = await verifyShc(body.smart_health_card.qr, jwks, seedInstant());
    expect(checked.valid).toBe(true);
    expect((await t.app.inject({ url: `/api/citizen/certificates/${family.referenceIds[0]}` })).statusCode).toBe(401);
  });
});

describe('verification', () => {
  const verify = (qr: string) => t.app.inject({ method: 'POST', url: '/api/verify', payload: { qr } });

  it('accepts Teeka\'s EU DCC and answers only the minimum', async () => {
    expect(hc1.startsWith('HC1:')).toBe(true);
    const res = await verify(hc1);
    expect(res.json()).toEqual({
      valid: true,
      certificate: { name: 'Asha Devi', age: Number(todayInIndia(seedInstant()).slice(0, 4)) - 1985, vaccine: expect.any(String), dose: '1/2', date: todayInIndia(seedInstant()), status: 'valid' },
    });
  });

  it('rejects a tampered QR', async () => {
    const middle = Math.floor(hc1.length / 2);
    const tampered = `${hc1.slice(0, middle)}${hc1[middle] === 'A' ? 'B' : 'A'}${hc1.slice(middle + 1)}`;
    const res = (await verify(tampered)).json();
    expect(res.valid).toBe(false);
    expect(res.reason).toBeTruthy();
    expect((await verify('not a certificate')).json().valid).toBe(false);
  });

  it('publishes a signed trust list whose key verifies the certificate\'s signature', async () => {
    const { jws } = (await t.app.inject({ url: '/api/verify/trust-list' })).json();
    const header = decodeProtectedHeader(jws);
    const list = JSON.parse(Buffer.from(jws.split('.')[1], 'base64url').toString());
    const signingKey = list.keys.find((k: { kid: string }) => k.kid === header.kid);
    await expect(compactVerify(jws, await importJWK(signingKey.jwk, 'ES256'))).resolves.toBeTruthy();
  });

  it('takes a revocation into account at once, and lists it by hash only', async () => {
    expect(await t.services.certificates.revoke(uvci, 'correction')).toBe(true);
    const res = (await verify(hc1)).json();
    expect(res).toMatchObject({ valid: false, reason: 'This certificate has been revoked.', certificate: { status: 'revoked' } });
    const { jws } = (await t.app.inject({ url: '/api/verify/revocations' })).json();
    const list = JSON.parse(Buffer.from(jws.split('.')[1], 'base64url').toString());
    expect(list.revoked_uvci_sha256).toContain(createHash('sha256').update(uvci).digest('hex'));
    expect(jws).not.toContain(uvci);
    const jwks = (await t.app.inject({ url: '/.well-known/jwks.json' })).json();
    const crl = (await t.app.inject({ url: `/.well-known/crl/${jwks.keys[0].kid}.json` })).json();
    expect(crl).toMatchObject({ kid: jwks.keys[0].kid, method: 'rid', ctr: 1, rids: [revocationIdOf(uvci)] });
  });
});
