import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayInIndia, type IsoDate } from '../../../src/core/calendar-date.js';
import { CENTRE_OTPS_PER_STAFF_PER_HOUR } from '../../../src/modules/vaccination/walk-in-otp.js';
import { seedInstant } from '../../support/database.js';
import { createFamily, openSession, type OpenSession } from '../../support/booking-fixtures.js';
import { aadhaarFor, bearer, latestOtp, loginAs, sha256 } from '../../support/citizen.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';
import { signIn, signedInStaff, StaffBrowser } from './sign-in.js';

/** Walk-in registration at the centre (decision 0010), through the real staff API. */
let t: TestApp;
let today: IsoDate;
let session: OpenSession;
let vaccinator: StaffBrowser;

let nextMobile = 8_120_000_000;
const newMobile = () => String((nextMobile += 1));
let nextSeed = 60_000;
const person = (overrides: Record<string, unknown> = {}) => ({
  name: 'Lakshmi Narayanan', birth_year: 1970, gender_id: 2, photo_id_type: 1, photo_id_number: aadhaarFor((nextSeed += 1)), ...overrides,
});

async function walkInPlaces(places: number, taken = 0): Promise<void> {
  await sql`UPDATE vaccination_session SET walk_in_capacity = ${places}, walk_ins = ${taken} WHERE id = ${session.id}`.execute(t.database.db);
}

async function sendCode(browser: StaffBrowser, mobile: string) {
  const res = await browser.post('/api/staff/centre/walk-ins/otp', { mobile });
  expect(res.statusCode, res.body).toBe(202);
  return { token: res.json().walk_in_token as string, otp: latestOtp(t.outbox, mobile) };
}

const register = (browser: StaffBrowser, body: object) => browser.post('/api/staff/centre/walk-ins', body);

async function count(table: 'beneficiary' | 'appointment' | 'account' | 'encounter_grant'): Promise<number> {
  const row = await t.database.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

beforeAll(async () => {
  t = await createTestApp();
  today = todayInIndia(seedInstant());
  session = await openSession(t.database.db, today, 20);
  await walkInPlaces(50);
  vaccinator = (await signedInStaff(t, 'vaccinator', `facility:${session.facilityId}`)).browser;
});
afterAll(() => t.close());

describe('walk-in registration', () => {
  it('registers a new person, who then appears on the roster, gets a dose recorded and a certificate', async () => {
    const mobile = newMobile();
    const { token, otp } = await sendCode(vaccinator, mobile);
    expect(t.outbox.list()[0]!.text).toContain('register for vaccination');
    const res = await register(vaccinator, { walk_in_token: token, otp, session_id: session.id, ...person({ name: 'Savitri Bai' }) });
    expect(res.statusCode, res.body).toBe(201);
    const walkIn = res.json();
    expect(walkIn).toMatchObject({ dose: 1, vaccine: session.vaccine });
    expect(session.slots).toContain(walkIn.slot);
    expect(Object.keys(walkIn).sort()).toEqual(['appointment_id', 'dose', 'slot', 'vaccine']);

    const confirmation = t.outbox.list()[0]!;
    expect(confirmation.to).toBe(mobile);
    expect(confirmation.text).toMatch(/reference ID \d{14}\. Security code \d{4}/);

    const roster = (await vaccinator.get('/api/staff/centre/roster')).json().appointments;
    const entry = roster.find((a: { appointment_id: string }) => a.appointment_id === walkIn.appointment_id);
    expect(entry).toMatchObject({ name: 'Savitri Bai', status: 'booked', dose: 1, gender: 'Female', walk_in: true });
    expect(roster.filter((a: { walk_in: boolean }) => a.walk_in)).toHaveLength(1);

    const admin = await signedInStaff(t, 'facility_admin', `facility:${session.facilityId}`);
    const batch = await admin.browser.post(`/api/staff/centre/facilities/${session.facilityId}/batches`, {
      vaccine: session.vaccine, batch_number: 'WALK-001', expires_on: addDays(today, 60), quantity: 10,
    });
    expect(batch.statusCode).toBe(201);
    // No security code is entered: the code the person read out already opened the encounter.
    const dose = await vaccinator.post('/api/staff/centre/doses', {
      appointment_id: walkIn.appointment_id, batch_id: batch.json().id, photo_id_last4: entry.photo_id_masked.slice(-4),
    });
    expect(dose.statusCode, dose.body).toBe(201);
    expect(dose.json()).toMatchObject({ dose: 1, batch_number: 'WALK-001', certificate: { kind: 'provisional' } });

    t.clock.advance(61_000);
    const token2 = await loginAs(t.app, t.outbox, mobile);
    const family = (await t.app.inject({ url: '/api/v2/appointment/beneficiaries', headers: bearer(token2) })).json().beneficiaries;
    expect(family).toHaveLength(1);
    expect(family[0]).toMatchObject({ name: 'Savitri Bai', vaccination_status: 'Partially Vaccinated', vaccine: session.vaccine });
  });

  it('answers the same for a mobile with an account and one without, and never echoes the number', async () => {
    const known = newMobile();
    await loginAs(t.app, t.outbox, known);
    t.clock.advance(61_000);
    const unknown = newMobile();
    const answers = [];
    for (const mobile of [known, unknown]) {
      const res = await vaccinator.post('/api/staff/centre/walk-ins/otp', { mobile });
      expect(res.body).not.toContain(mobile.slice(-4));
      answers.push({ status: res.statusCode, keys: Object.keys(res.json()), tokenLength: res.json().walk_in_token.length, type: res.headers['content-type'] });
    }
    expect(answers[0]).toEqual(answers[1]);
    expect(answers[0]!.status).toBe(202);
  });

  it('adds the person to an existing account without showing anything of it', async () => {
    const mobile = newMobile();
    const owner = await loginAs(t.app, t.outbox, mobile);
    await t.app.inject({
      method: 'POST', url: '/api/v2/registration/beneficiary/new', headers: bearer(owner),
      payload: { name: 'Gopal Krishnan', birth_year: '1960', gender_id: 1, photo_id_type: 1, photo_id_number: aadhaarFor((nextSeed += 1)) },
    });
    t.clock.advance(61_000);
    const accounts = await count('account');
    const { token, otp } = await sendCode(vaccinator, mobile);
    const res = await register(vaccinator, { walk_in_token: token, otp, session_id: session.id, ...person({ name: 'Kamakshi Krishnan' }) });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.body).not.toContain('Gopal');
    expect(Object.keys(res.json()).sort()).toEqual(['appointment_id', 'dose', 'slot', 'vaccine']);
    expect(await count('account')).toBe(accounts);
    const members = (await t.app.inject({ url: '/api/v2/appointment/beneficiaries', headers: bearer(owner) })).json().beneficiaries;
    expect(members.map((m: { name: string }) => m.name).sort()).toEqual(['Gopal Krishnan', 'Kamakshi Krishnan']);
  });

  it('gives the place back to the walk-in share when the person cancels, leaving online seats alone', async () => {
    const mobile = newMobile();
    const { token, otp } = await sendCode(vaccinator, mobile);
    expect((await register(vaccinator, { walk_in_token: token, otp, session_id: session.id, ...person() })).statusCode).toBe(201);
    const seats = () => t.database.db.selectFrom('vaccination_session').select(['walk_ins', 'booked_dose1']).where('id', '=', session.id).executeTakeFirstOrThrow();
    const before = await seats();
    t.clock.advance(61_000);
    const citizen = await loginAs(t.app, t.outbox, mobile);
    const booking = (await t.app.inject({ url: '/api/v2/appointment/beneficiaries', headers: bearer(citizen) })).json().beneficiaries[0].appointments[0];
    const cancel = await t.app.inject({ method: 'POST', url: '/api/v2/appointment/cancel', headers: bearer(citizen), payload: { appointment_id: booking.appointment_id } });
    expect(cancel.statusCode).toBe(204);
    expect(await seats()).toEqual({ walk_ins: before.walk_ins - 1, booked_dose1: before.booked_dose1 });
  });

  it('lists today\'s sessions at the centre with the walk-in places left', async () => {
    const res = await vaccinator.get('/api/staff/centre/walk-ins/sessions');
    expect(res.statusCode).toBe(200);
    const listed = res.json().sessions.find((s: { session_id: string }) => s.session_id === session.id);
    expect(listed).toMatchObject({ vaccine: session.vaccine, walk_in_capacity: 50, slots: session.slots });
    expect(listed.walk_ins_left).toBeLessThan(50);
  });
});

describe('walk-in refusals', () => {
  it('needs a staff session, the right role and the CSRF token', async () => {
    for (const [method, url] of [['GET', '/sessions'], ['POST', '/otp'], ['POST', '/']] as const) {
      const res = await t.app.inject({ method, url: `/api/staff/centre/walk-ins${url}`, payload: method === 'POST' ? {} : undefined });
      expect(res.statusCode, url).toBe(401);
    }
    const citizen = await createFamily(t, 0);
    expect((await t.app.inject({ url: '/api/staff/centre/walk-ins/sessions', headers: bearer(citizen.token) })).statusCode).toBe(401);
    const district = await signedInStaff(t, 'district_admin', 'district:395');
    expect((await district.browser.get('/api/staff/centre/walk-ins/sessions')).statusCode).toBe(403);
    expect((await district.browser.post('/api/staff/centre/walk-ins/otp', { mobile: newMobile() })).statusCode).toBe(403);
    expect((await vaccinator.post('/api/staff/centre/walk-ins/otp', { mobile: newMobile() }, 'not-the-token')).statusCode).toBe(403);
  });

  it('refuses a bad mobile, naming the field, and sends nothing', async () => {
    const before = t.outbox.list().length;
    for (const mobile of ['12345', '', '5123456789']) {
      const res = await vaccinator.post('/api/staff/centre/walk-ins/otp', { mobile });
      expect(res.statusCode).toBe(400);
      expect(res.body).toMatch(/mobile/i);
      expect(res.body).not.toContain(mobile || 'x-no-mobile');
    }
    expect(t.outbox.list().length).toBe(before);
  });

  it('refuses each bad field as citizen registration does, writing nothing and keeping the code usable', async () => {
    const mobile = newMobile();
    const { token, otp } = await sendCode(vaccinator, mobile);
    const base = { walk_in_token: token, otp, session_id: session.id };
    const counts = [await count('beneficiary'), await count('account'), await count('appointment')];
    // The messages citizen registration gives, each naming the field to fix.
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ name: 'R2D2' }, /^Name cannot contain digits/], [{ name: '' }, /^Name is required/], [{ birth_year: 1850 }, /^Year of birth cannot be earlier/],
      [{ gender_id: 7 }, /choose a gender/], [{ photo_id_type: 99 }, /photo ID type/], [{ photo_id_number: '1234' }, /^Aadhaar number must be 12 digits/],
      [{ comorbidity_ind: 'Q' }, /^Comorbidity must be Y/], [{ photo_id_type: 101 }, /Student Photo ID card can be used only by people aged 15 to 17/],
    ];
    for (const [bad, message] of cases) {
      const res = await register(vaccinator, { ...base, ...person(bad) });
      expect(res.statusCode, String(message)).toBe(400);
      expect(res.json().error, String(message)).toMatch(message);
    }
    const badSession = await register(vaccinator, { ...base, session_id: 'not-a-session', ...person() });
    expect(badSession.statusCode).toBe(400);
    expect(badSession.json().error).toMatch(/^session_id/);
    expect([await count('beneficiary'), await count('account'), await count('appointment')]).toEqual(counts);
    expect((await register(vaccinator, { ...base, ...person() })).statusCode).toBe(201);
  });

  it('locks the code after 3 wrong tries', async () => {
    const mobile = newMobile();
    const { token, otp } = await sendCode(vaccinator, mobile);
    const wrong = otp === '000000' ? '111111' : '000000';
    const body = (code: string) => ({ walk_in_token: token, otp: code, session_id: session.id, ...person() });
    const first = await register(vaccinator, body(wrong));
    expect(first.statusCode).toBe(400);
    expect(first.json()).toMatchObject({ errorCode: 'WRONG_CODE', error: expect.stringContaining('2 tries left') });
    expect((await register(vaccinator, body(wrong))).json().errorCode).toBe('WRONG_CODE');
    expect((await register(vaccinator, body(wrong))).statusCode).toBe(429);
    const after = await register(vaccinator, body(otp));
    expect(after.statusCode).toBe(429);
    expect(after.json().errorCode).toBe('CODE_LOCKED');
  });

  it('works only for the staff member who asked, at their centre', async () => {
    const { token, otp } = await sendCode(vaccinator, newMobile());
    const colleague = await signedInStaff(t, 'vaccinator', `facility:${session.facilityId}`);
    expect((await register(colleague.browser, { walk_in_token: token, otp, session_id: session.id, ...person() })).statusCode).toBe(404);
    const elsewhere = await signedInStaff(t, 'vaccinator', `facility:${session.facilityId + 1}`);
    const theirs = await sendCode(elsewhere.browser, newMobile());
    // A session at another centre is "not found", like one that does not exist.
    expect((await register(elsewhere.browser, { walk_in_token: theirs.token, otp: theirs.otp, session_id: session.id, ...person() })).statusCode).toBe(404);
    expect((await register(vaccinator, { walk_in_token: token, otp, session_id: session.id, ...person() })).statusCode).toBe(201);
  });

  it('answers 409 when the walk-in places are used up, writing nothing', async () => {
    await walkInPlaces(3, 3);
    const { token, otp } = await sendCode(vaccinator, newMobile());
    const counts = [await count('beneficiary'), await count('account'), await count('appointment'), await count('encounter_grant')];
    const res = await register(vaccinator, { walk_in_token: token, otp, session_id: session.id, ...person() });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ errorCode: 'WALK_INS_FULL', error: expect.stringContaining('walk-in places') });
    expect([await count('beneficiary'), await count('account'), await count('appointment'), await count('encounter_grant')]).toEqual(counts);
    expect((await vaccinator.get('/api/staff/centre/walk-ins/sessions')).json().sessions.find((s: { session_id: string }) => s.session_id === session.id))
      .toMatchObject({ walk_ins_left: 0 });
    await walkInPlaces(50);
    expect((await register(vaccinator, { walk_in_token: token, otp, session_id: session.id, ...person() })).statusCode).toBe(201);
  });

  it('answers 409 when the person\'s age does not fit the session', async () => {
    const { token, otp } = await sendCode(vaccinator, newMobile());
    const res = await register(vaccinator, { walk_in_token: token, otp, session_id: session.id, ...person({ birth_year: Number(today.slice(0, 4)) - 16 }) });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ errorCode: 'NOT_ELIGIBLE', error: expect.stringContaining('18 and above') });
  });

  it('refuses an ID document registered before, says to ask for the appointment code, and ends the walk-in', async () => {
    const taken = aadhaarFor(nextSeed + 10_000);
    const first = await sendCode(vaccinator, newMobile());
    expect((await register(vaccinator, { walk_in_token: first.token, otp: first.otp, session_id: session.id, ...person({ photo_id_number: taken }) })).statusCode).toBe(201);

    const { token, otp } = await sendCode(vaccinator, newMobile());
    const counts = [await count('beneficiary'), await count('account')];
    const res = await register(vaccinator, { walk_in_token: token, otp, session_id: session.id, ...person({ name: 'Somebody Else', photo_id_number: taken }) });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ errorCode: 'ALREADY_REGISTERED', error: expect.stringContaining('security code') });
    expect(res.body).not.toMatch(/Lakshmi|(?<![\w-])\d{10}(?![\w-])/);
    expect([await count('beneficiary'), await count('account')]).toEqual(counts);
    const again = await register(vaccinator, { walk_in_token: token, otp, session_id: session.id, ...person() });
    expect(again.json().errorCode).toBe('CODE_EXPIRED');
  });

  it('never lets a walk-in code log anyone in', async () => {
    const mobile = newMobile();
    const { otp } = await sendCode(vaccinator, mobile);
    const txn = await t.database.db.selectFrom('otp_transaction').select('id').where('purpose', '=', 'walk_in').orderBy('created_at', 'desc').executeTakeFirstOrThrow();
    const res = await t.app.inject({ method: 'POST', url: '/api/v2/auth/validateMobileOtp', payload: { txnId: txn.id, otp: sha256(otp) } });
    expect(res.statusCode).toBe(400);
    expect(res.body).not.toContain('token');
  });

  it(`stops a staff member after ${CENTRE_OTPS_PER_STAFF_PER_HOUR} codes in an hour`, async () => {
    const { browser, account } = await signedInStaff(t, 'facility_admin', `facility:${session.facilityId}`);
    for (let i = 0; i < CENTRE_OTPS_PER_STAFF_PER_HOUR; i += 1) await sendCode(browser, newMobile());
    const before = t.outbox.list().length;
    const res = await browser.post('/api/staff/centre/walk-ins/otp', { mobile: newMobile() });
    expect(res.statusCode).toBe(429);
    expect(res.json().errorCode).toBe('STAFF_OTP_LIMIT');
    expect(t.outbox.list().length).toBe(before);
    t.clock.advance(61 * 60 * 1000);
    const later = new StaffBrowser(t);
    expect((await signIn(t, later, account)).statusCode).toBe(200);
    await later.refreshCsrf();
    await sendCode(later, newMobile());
  });
});
