import { randomUUID } from 'node:crypto';
import { createLocalJWKSet, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayInIndia } from '../../../src/core/calendar-date.js';
import { createFamily, type Family } from '../../support/booking-fixtures.js';
import { bearer } from '../../support/citizen.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';
import type { StaffBrowser } from '../staff/sign-in.js';
import { accessToken, asPartner, nationalAdmin, registerPartner, type TestPartner } from './partner-fixtures.js';

let t: TestApp;
let admin: StaffBrowser;
let wallet: TestPartner;
let healthApp: TestPartner;

const OTP_GAP_MS = 61_000;
const v1 = (path: string) => `/api/partner/v1${path}`;

async function ask(partner: TestPartner, body: Record<string, unknown> = {}) {
  return t.app.inject({
    method: 'POST', url: v1('/consent-requests'), headers: asPartner(await accessToken(t, partner)),
    payload: { purpose: 'Add your vaccination certificate to your DigiWallet', data: ['vaccination_status', 'certificates'], expires_in_days: 30, ...body },
  });
}

async function partnerGet(partner: TestPartner, path: string) {
  return t.app.inject({ url: v1(path), headers: asPartner(await accessToken(t, partner)) });
}

/** Asks the platform to text the account's own mobile, waiting out the resend gap after the login OTP. */
async function sendCode(family: Family, requestId: string): Promise<{ txnId: string; otp: string }> {
  t.clock.advance(OTP_GAP_MS);
  const res = await t.app.inject({ method: 'POST', url: `/api/citizen/consent-requests/${requestId}/otp`, headers: bearer(family.token) });
  expect(res.statusCode).toBe(200);
  const sms = t.outbox.list()[0]!.text;
  return { txnId: res.json().txnId, otp: /\b(\d{6})\b/.exec(sms)![1]! };
}

async function approve(family: Family, requestId: string, member = 0) {
  const { txnId, otp } = await sendCode(family, requestId);
  return t.app.inject({
    method: 'POST', url: `/api/citizen/consent-requests/${requestId}/approve`, headers: bearer(family.token),
    payload: { beneficiary_reference_id: family.referenceIds[member], txnId, otp },
  });
}

/** A partner's request, approved by a new family's first member; answers the subject handle. */
async function consented(partner: TestPartner, body: Record<string, unknown> = {}): Promise<{ family: Family; requestId: string; handle: string; consentId: string }> {
  const family = await createFamily(t, 2);
  const requestId = (await ask(partner, body)).json().id as string;
  const approved = await approve(family, requestId);
  expect(approved.statusCode).toBe(200);
  const view = (await partnerGet(partner, `/consent-requests/${requestId}`)).json();
  return { family, requestId, handle: view.subject, consentId: view.consent_id };
}

async function beneficiaryOf(referenceId: string): Promise<string> {
  return (await t.database.db.selectFrom('beneficiary').select('id').where('reference_id', '=', referenceId).executeTakeFirstOrThrow()).id;
}

/** A dose given at a demo centre, with the certificate the recording transaction issues. */
async function giveDose(referenceId: string, dose: number): Promise<void> {
  const beneficiaryId = await beneficiaryOf(referenceId);
  const place = await t.database.db.selectFrom('vaccination_session').select(['facility_id', 'vaccine']).orderBy('id').limit(1).executeTakeFirstOrThrow();
  const id = randomUUID();
  await t.database.db.insertInto('dose_record').values({
    id, beneficiary_id: beneficiaryId, dose, vaccine: place.vaccine, administered_on: addDays(todayInIndia(t.clock.now()), -30 * (3 - dose)),
    facility_id: place.facility_id, session_id: null, recorded_at: t.clock.now(), batch_id: null, vaccinator_id: null, administered_at: t.clock.now(),
  }).execute();
  await t.services.certificates.issueFor(t.database.db, { doseRecordId: id, beneficiaryId, dose });
}

beforeAll(async () => {
  t = await createTestApp();
  admin = await nationalAdmin(t);
  wallet = await registerPartner(t, admin, { name: 'DigiWallet India' });
  healthApp = await registerPartner(t, admin, { name: 'Swasthya App' });
});
afterAll(() => t.close());

describe('a partner asking for consent', () => {
  it('gets an approval link and names no one', async () => {
    const res = await ask(wallet, { redirect_uri: 'https://wallet.example/back' });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body).toEqual({
      id: expect.any(String), status: 'requested', approval_url: `http://localhost:3000/consent/${body.id}`,
      expires_at: new Date(t.clock.now().getTime() + 30 * 86_400_000).toISOString(), approve_by: new Date(t.clock.now().getTime() + 7 * 86_400_000).toISOString(),
    });
    const view = (await partnerGet(wallet, `/consent-requests/${body.id}`)).json();
    expect(view).toEqual({ id: body.id, status: 'requested', data: ['vaccination_status', 'certificates'], expires_at: body.expires_at, approve_by: body.approve_by });
  });

  it.each([
    [{ mobile: '9876543210' }, /mobile|additional/],
    [{ expires_in_days: 0 }, /expires_in_days/],
    [{ expires_in_days: 366 }, /expires_in_days/],
    [{ data: ['name'] }, /data/],
    [{ redirect_uri: 'http://wallet.example/back' }, /^redirect_uri:/],
    [{ redirect_uri: 'https://user:pw@wallet.example/back' }, /^redirect_uri:/],
  ])('refuses %o with 400 naming the field', async (changes, message) => {
    const res = await ask(wallet, changes);
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatch(message);
  });

  it('cannot see another partner\'s request', async () => {
    const id = (await ask(wallet)).json().id;
    expect((await partnerGet(healthApp, `/consent-requests/${id}`)).statusCode).toBe(404);
  });
});

describe('the citizen answering', () => {
  it('sees who asks, why, for what, until when, and their own family to choose from', async () => {
    const family = await createFamily(t, 2);
    const id = (await ask(wallet)).json().id;
    const res = await t.app.inject({ url: `/api/citizen/consent-requests/${id}`, headers: bearer(family.token) });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      id, partner: { name: 'DigiWallet India', purpose: 'Keeps citizens\' certificates in their phone wallet' },
      purpose: 'Add your vaccination certificate to your DigiWallet', data: ['vaccination_status', 'certificates'], status: 'requested',
    });
    expect(res.json().members).toHaveLength(2);
    expect(res.json().members).toEqual(expect.arrayContaining([
      { beneficiary_reference_id: family.referenceIds[0], name: 'Asha Devi' }, { beneficiary_reference_id: family.referenceIds[1], name: 'Ravi Kumar' },
    ]));
    expect((await t.app.inject({ url: `/api/citizen/consent-requests/${id}` })).statusCode).toBe(401);
  });

  it('approves with the OTP sent to their own mobile; a wrong code is counted', async () => {
    const family = await createFamily(t, 1);
    const id = (await ask(wallet)).json().id;
    const { txnId, otp } = await sendCode(family, id);
    expect(t.outbox.list()[0]!.text).toContain('DigiWallet India');
    const approveWith = (code: string) => t.app.inject({
      method: 'POST', url: `/api/citizen/consent-requests/${id}/approve`, headers: bearer(family.token),
      payload: { beneficiary_reference_id: family.referenceIds[0], txnId, otp: code },
    });
    const wrong = await approveWith(otp === '000000' ? '111111' : '000000');
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error).toMatch(/2 tries left/);
    const right = await approveWith(otp);
    expect(right.statusCode).toBe(200);
    expect(right.json()).toMatchObject({
      partner_name: 'DigiWallet India', beneficiary_reference_id: family.referenceIds[0], member_name: 'Asha Devi', status: 'approved', revoked_at: null, last_used_at: null,
    });
    expect((await approveWith(otp)).statusCode).toBe(409);
    const events = await t.database.db.selectFrom('audit_event').select(['type', 'actor_kind']).where('type', 'like', 'consent.%').where('actor_kind', '=', 'citizen').execute();
    expect(events).toContainEqual({ type: 'consent.approved', actor_kind: 'citizen' });
  });

  it('cannot approve for someone outside their family, and the code stays usable', async () => {
    const family = await createFamily(t, 1);
    const stranger = await createFamily(t, 1);
    const id = (await ask(wallet)).json().id;
    const { txnId, otp } = await sendCode(family, id);
    const res = await t.app.inject({
      method: 'POST', url: `/api/citizen/consent-requests/${id}/approve`, headers: bearer(family.token),
      payload: { beneficiary_reference_id: stranger.referenceIds[0], txnId, otp },
    });
    expect(res.statusCode).toBe(404);
    const ok = await t.app.inject({
      method: 'POST', url: `/api/citizen/consent-requests/${id}/approve`, headers: bearer(family.token),
      payload: { beneficiary_reference_id: family.referenceIds[0], txnId, otp },
    });
    expect(ok.statusCode).toBe(200);
    expect((await t.app.inject({ url: `/api/citizen/consent-requests/${id}`, headers: bearer(stranger.token) })).statusCode).toBe(404);
  });

  it('declines: the partner sees it, and it can no longer be approved', async () => {
    const family = await createFamily(t, 1);
    const id = (await ask(wallet)).json().id;
    const res = await t.app.inject({ method: 'POST', url: `/api/citizen/consent-requests/${id}/decline`, headers: bearer(family.token) });
    expect(res.statusCode).toBe(204);
    expect((await partnerGet(wallet, `/consent-requests/${id}`)).json().status).toBe('declined');
    t.clock.advance(OTP_GAP_MS);
    expect((await t.app.inject({ method: 'POST', url: `/api/citizen/consent-requests/${id}/otp`, headers: bearer(family.token) })).statusCode).toBe(409);
  });
});

describe('a partner reading under a consent', () => {
  it('reads nothing before approval: no handle, and a guessed one is 404', async () => {
    const id = (await ask(wallet)).json().id;
    expect((await partnerGet(wallet, `/consent-requests/${id}`)).json().subject).toBeUndefined();
    const guessed = 'A'.repeat(43);
    expect((await partnerGet(wallet, `/subjects/${guessed}/vaccination-status`)).statusCode).toBe(404);
  });

  it('gets a signed vaccination status with no identity data, recorded against the person', async () => {
    const { family, handle, consentId } = await consented(wallet);
    await giveDose(family.referenceIds[0]!, 1);
    const res = await partnerGet(wallet, `/subjects/${handle}/vaccination-status`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toEqual({ status: 'partially_vaccinated', as_of: t.clock.now().toISOString(), signed: expect.any(String) });
    expect(res.body).not.toMatch(/Asha|Devi|\d{14}/);
    const jwks = (await t.app.inject({ url: '/.well-known/jwks.json' })).json();
    const { payload } = await jwtVerify(body.signed, createLocalJWKSet(jwks), { issuer: 'http://localhost:3000', currentDate: t.clock.now() });
    expect(payload).toMatchObject({ sub: handle, status: 'partially_vaccinated', as_of: body.as_of, aud: wallet.clientId });
    const beneficiaryId = await beneficiaryOf(family.referenceIds[0]!);
    const reads = await t.database.db.selectFrom('audit_event').select(['type', 'actor_kind', 'purpose', 'fields'])
      .where('subject', '=', beneficiaryId).where('actor_kind', '=', 'partner').execute();
    expect(reads).toEqual([{ type: 'access.granted', actor_kind: 'partner', purpose: 'partner-consent', fields: ['vaccination_status'] }]);
    const mine = (await t.app.inject({ url: '/api/citizen/consents', headers: bearer(family.token) })).json();
    expect(mine).toContainEqual(expect.objectContaining({ id: consentId, last_used_at: t.clock.now().toISOString(), status: 'approved' }));
    // The citizen sees the read under "who accessed my data", by the partner's name and purpose.
    const history = (await t.app.inject({ url: `/api/citizen/access-history?member=${family.referenceIds[0]}`, headers: bearer(family.token) })).json();
    expect(history.groups.flatMap((g: { entries: unknown[] }) => g.entries)).toContainEqual(expect.objectContaining({
      who: { kind: 'partner', partner: 'DigiWallet India', partner_purpose: 'Keeps citizens\' certificates in their phone wallet' },
      purpose: 'partner-consent', fields: ['vaccination_status'], outcome: 'allowed',
    }));
  });

  it('pulls the certificates the consent names, as exact application/pdf', async () => {
    const { family, handle } = await consented(wallet);
    await giveDose(family.referenceIds[0]!, 1);
    await giveDose(family.referenceIds[0]!, 2);
    const list = await partnerGet(wallet, `/subjects/${handle}/certificates`);
    expect(list.statusCode).toBe(200);
    const certificates = list.json().certificates;
    expect(certificates.map((c: { dose: number; kind: string }) => [c.dose, c.kind])).toEqual([[1, 'provisional'], [2, 'final']]);
    expect(certificates[1].download_url).toBe(`http://localhost:3000/api/partner/v1/subjects/${handle}/certificates/${certificates[1].certificate_id}`);
    const pdf = await partnerGet(wallet, `/subjects/${handle}/certificates/${certificates[1].certificate_id}`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect((await partnerGet(wallet, `/subjects/${handle}/certificates/${randomUUID()}`)).statusCode).toBe(404);
  });

  it('reads only what the consent names', async () => {
    const { handle } = await consented(wallet, { data: ['vaccination_status'] });
    expect((await partnerGet(wallet, `/subjects/${handle}/vaccination-status`)).statusCode).toBe(200);
    expect((await partnerGet(wallet, `/subjects/${handle}/certificates`)).statusCode).toBe(404);
  });

  it('cannot read the subject of another partner\'s consent', async () => {
    const { family, handle } = await consented(wallet);
    expect((await partnerGet(healthApp, `/subjects/${handle}/vaccination-status`)).statusCode).toBe(404);
    // The same person consenting to the other partner too is another handle there, and each reads only by its own.
    const id = (await ask(healthApp)).json().id;
    expect((await approve(family, id)).statusCode).toBe(200);
    const theirs = (await partnerGet(healthApp, `/consent-requests/${id}`)).json().subject;
    expect(theirs).not.toBe(handle);
    expect((await partnerGet(healthApp, `/subjects/${theirs}/vaccination-status`)).statusCode).toBe(200);
    expect((await partnerGet(wallet, `/subjects/${theirs}/vaccination-status`)).statusCode).toBe(404);
  });

  it('stops at once when the citizen revokes', async () => {
    const { family, requestId, handle, consentId } = await consented(wallet);
    const token = await accessToken(t, wallet);
    expect((await t.app.inject({ url: v1(`/subjects/${handle}/vaccination-status`), headers: asPartner(token) })).statusCode).toBe(200);
    const revoked = await t.app.inject({ method: 'POST', url: `/api/citizen/consents/${consentId}/revoke`, headers: bearer(family.token) });
    expect(revoked.statusCode).toBe(204);
    expect((await t.app.inject({ url: v1(`/subjects/${handle}/vaccination-status`), headers: asPartner(token) })).statusCode).toBe(404);
    expect((await partnerGet(wallet, `/consent-requests/${requestId}`)).json().status).toBe('revoked');
    const mine = (await t.app.inject({ url: '/api/citizen/consents', headers: bearer(family.token) })).json();
    expect(mine.find((c: { id: string }) => c.id === consentId)).toMatchObject({ status: 'revoked', revoked_at: t.clock.now().toISOString() });
    const other = await createFamily(t, 1);
    expect((await t.app.inject({ method: 'POST', url: `/api/citizen/consents/${consentId}/revoke`, headers: bearer(other.token) })).statusCode).toBe(404);
  });

  it('stops when the consent expires', async () => {
    const { requestId, handle } = await consented(wallet, { expires_in_days: 1 });
    expect((await partnerGet(wallet, `/subjects/${handle}/vaccination-status`)).statusCode).toBe(200);
    t.clock.advance(86_400_000);
    expect((await partnerGet(wallet, `/subjects/${handle}/vaccination-status`)).statusCode).toBe(404);
    expect((await partnerGet(wallet, `/consent-requests/${requestId}`)).json().status).toBe('expired');
  });
});
