import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayInIndia, type IsoDate } from '../../src/core/calendar-date.js';
import { fixedClock, type Clock } from '../../src/core/clock.js';
import { generateKeyring } from '../../src/core/crypto/keyring.js';
import type { DatabaseHandle } from '../../src/core/db.js';
import { DevOutbox } from '../../src/core/sms/dev-outbox.js';
import type { SmsGateway } from '../../src/core/sms/gateway.js';
import { hasValidVerhoeffCheckDigit } from '../../src/modules/beneficiaries/verhoeff.js';
import { signedCertificateFor } from '../../src/modules/certificates/download.js';
import { DEMO_MOBILES, planDemoFamilies } from '../../src/modules/demo/citizens.js';
import { seedDemoCitizens, type DemoCitizensCredentials } from '../../src/modules/demo/seed-citizens.js';
import { distanceKm } from '../../src/modules/facilities/service.js';
import { readReferenceGeography } from '../../src/modules/geography/reference-data.js';
import type { DemoStaffAccount } from '../../src/modules/staff/demo.js';
import { createServices, type Services } from '../../src/services.js';
import { testServices } from '../support/test-services.js';
import { seedInstant, seededDatabase } from '../support/database.js';

let database: DatabaseHandle;
beforeAll(async () => {
  database = await seededDatabase();
});
afterAll(() => database.close());

interface CentreRow { id: number; district_id: number; pincode: number; lat: number; long: number; fee_type: string; block_name: string }

describe('demo data', () => {
  it('has every district with at least 3 centres, and a few cities with 40 or more', async () => {
    const rows = await sql<{ district_id: number; n: number }>`
      SELECT d.id AS district_id, count(f.id)::int AS n FROM district d LEFT JOIN facility f ON f.district_id = d.id GROUP BY d.id`.execute(database.db);
    expect(rows.rows).toHaveLength(756);
    expect(Math.min(...rows.rows.map((r) => r.n))).toBeGreaterThanOrEqual(3);
    expect(rows.rows.find((r) => r.district_id === 395)!.n).toBeGreaterThanOrEqual(40);
  });

  it('puts centres on real PIN codes of their district, inside India, near each other', async () => {
    const { pincodes } = await readReferenceGeography();
    const pinsOf = new Map(pincodes.districts.map((d) => [d.district_id, new Set(d.pincodes)]));
    const centres = (await sql<CentreRow>`SELECT id, district_id, pincode, lat, long, fee_type, block_name FROM facility`.execute(database.db)).rows;
    const byDistrict = new Map<number, CentreRow[]>();
    for (const centre of centres) {
      const own = pinsOf.get(centre.district_id);
      if (own && own.size > 0) expect(own.has(centre.pincode), `centre ${centre.id} pincode`).toBe(true);
      expect(centre.lat).toBeGreaterThan(6.5);
      expect(centre.lat).toBeLessThan(37.1);
      expect(centre.long).toBeGreaterThan(68.1);
      expect(centre.long).toBeLessThan(97.4);
      byDistrict.set(centre.district_id, [...(byDistrict.get(centre.district_id) ?? []), centre]);
    }
    for (const [districtId, list] of byDistrict) {
      const widest = Math.max(...list.flatMap((a) => list.map((b) => distanceKm(a, b))));
      expect(widest, `district ${districtId} spread`).toBeLessThan(40);
    }
  });

  it('mixes government and private centres, free and paid, with block names', async () => {
    const kinds = (await sql<{ fee_type: string; n: number; fees: number }>`
      SELECT f.fee_type, count(DISTINCT f.id)::int AS n, count(v.facility_id)::int AS fees
      FROM facility f LEFT JOIN facility_vaccine_fee v ON v.facility_id = f.id GROUP BY f.fee_type`.execute(database.db)).rows;
    const paid = kinds.find((k) => k.fee_type === 'Paid')!;
    const free = kinds.find((k) => k.fee_type === 'Free')!;
    expect(paid.n).toBeGreaterThan(500);
    expect(paid.fees).toBeGreaterThanOrEqual(paid.n);
    expect(free.fees).toBe(0);
  });

  it('has sessions from the seed day for 14 days and no others', async () => {
    const today = todayInIndia(seedInstant());
    const dates = (await sql<{ date: string }>`SELECT DISTINCT date FROM vaccination_session ORDER BY date`.execute(database.db)).rows.map((r) => r.date);
    expect(dates).toEqual(Array.from({ length: 14 }, (_, i) => addDays(today, i)));
  });

  it('keeps a tenth of each session\'s dose-1 places, at least 2, for walk-ins, so walk-in registration works in the demo', async () => {
    const sessions = (await sql<{ capacity_dose1: number; walk_in_capacity: number; walk_ins: number }>`
      SELECT capacity_dose1, walk_in_capacity, walk_ins FROM vaccination_session`.execute(database.db)).rows;
    expect(sessions.length).toBeGreaterThan(1000);
    const otherwise = sessions.filter((s) => s.walk_in_capacity !== Math.max(2, Math.round(s.capacity_dose1 / 10)) || s.walk_ins !== 0);
    expect(otherwise).toEqual([]);
    // A session booked out online still takes walk-ins.
    expect(sessions.some((s) => s.capacity_dose1 === 0 && s.walk_in_capacity === 2)).toBe(true);
  });

  it('tops up the next days when time passes, and only them', async () => {
    const services = testServices(database.db, fixedClock(new Date(seedInstant().getTime() + 2 * 86_400_000)));
    await services.geography.load();
    const before = (await sql<{ n: number }>`SELECT count(*)::int AS n FROM vaccination_session`.execute(database.db)).rows[0]!.n;
    const created = await services.demo.ensureSessions();
    const after = (await sql<{ n: number }>`SELECT count(*)::int AS n FROM vaccination_session`.execute(database.db)).rows[0]!.n;
    expect(created).toBeGreaterThan(0);
    expect(after - before).toBe(created);
    expect(await services.demo.ensureSessions()).toBe(0);
  });
});

describe('demo citizens', () => {
  let citizensDb: DatabaseHandle;
  let services: Services;
  let dataDir: string;
  let staff: DemoStaffAccount[];
  let credentials: DemoCitizensCredentials;
  let outbox: DevOutbox;
  const today = () => todayInIndia(seedInstant()) as IsoDate;

  beforeAll(async () => {
    citizensDb = await seededDatabase();
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'teeka-demo-citizens-'));
    // Two sets of services over one database and one keyring, as openRuntime's servicesAt gives.
    const keyring = generateKeyring();
    const servicesAt = (clock: Clock, sms: SmsGateway) => createServices({ db: citizensDb.db, clock, keyring, sms, maxBeneficiariesPerAccount: 4 });
    const clock = fixedClock(seedInstant());
    outbox = new DevOutbox(clock);
    services = servicesAt(clock, outbox);
    await services.geography.load();
    await services.vaccines.load();
    staff = (await services.staff.seedDemoStaff(dataDir))!.accounts;
    credentials = (await seedDemoCitizens({ services, servicesAt, staff, dataDir })).credentials;
  }, 60_000);

  afterAll(async () => {
    await citizensDb?.close();
    await fs.rm(dataDir, { recursive: true, force: true });
  });

  const centreId = () => (staff.find((s) => s.role === 'vaccinator')!.scope as { facilityId: number }).facilityId;

  async function logIn(mobile: string) {
    const { txnId } = await services.identity.requestOtp(mobile, undefined);
    const otp = /\b(\d{6})\b/.exec(outbox.list()[0]!.text)![1]!;
    const login = await services.identity.confirmOtp(txnId, createHash('sha256').update(otp).digest('hex'), undefined);
    return services.identity.authenticate(`Bearer ${login.token}`, undefined);
  }

  it('plans the same people and valid ID numbers from the same seed, and others from another', () => {
    const vaccine = { name: 'COVAXIN', dose2AfterDays: 28 };
    const plan = planDemoFamilies('teeka-demo-v1', today(), vaccine);
    expect(planDemoFamilies('teeka-demo-v1', today(), vaccine)).toEqual(plan);
    expect(planDemoFamilies('another-seed', today(), vaccine)).not.toEqual(plan);
    const people = plan.flatMap((f) => f.members);
    expect(people.length).toBeGreaterThanOrEqual(6);
    expect(people.length).toBeLessThanOrEqual(10);
    for (const person of people) {
      if (person.photoIdType === 1) expect(hasValidVerhoeffCheckDigit(person.photoIdNumber), person.name).toBe(true);
      if (person.photoIdType === 6) expect(person.photoIdNumber).toMatch(/^[A-Z]{3}P[A-Z]\d{4}[A-Z]$/);
      if (person.photoIdType === 8) expect(person.photoIdNumber).toMatch(/^[A-PR-WY][0-9]{7}$/);
    }
    expect(people.filter((p) => /[\u0900-\u097F]/.test(p.name)).length).toBeGreaterThanOrEqual(2);
  });

  it('registers them through the real services: encrypted, blind-indexed, nothing in plain text', async () => {
    const accounts = await sql<{ n: number }>`SELECT count(*)::int AS n FROM account`.execute(citizensDb.db);
    expect(accounts.rows[0]!.n).toBe(DEMO_MOBILES.length);
    const members = (await sql<Record<string, unknown>>`SELECT * FROM beneficiary`.execute(citizensDb.db)).rows;
    const people = credentials.accounts.flatMap((a) => a.members);
    expect(members).toHaveLength(people.length);
    const dump = JSON.stringify([members, (await sql`SELECT * FROM account`.execute(citizensDb.db)).rows]);
    const plan = planDemoFamilies('teeka-demo-v1', today(), { name: credentials.appointment_today.vaccine, dose2AfterDays: 0 });
    for (const person of plan.flatMap((f) => f.members)) {
      expect(dump).not.toContain(person.name);
      expect(dump).not.toContain(person.photoIdNumber);
    }
    for (const mobile of DEMO_MOBILES) expect(dump).not.toContain(mobile);
    expect((await sql<{ n: number }>`SELECT count(*)::int AS n FROM photo_id_claim`.execute(citizensDb.db)).rows[0]!.n).toBe(people.length);
    expect((await services.access.verifyChain()).ok).toBe(true);
  });

  it('gives past doses at the demo centre from batches in its stock, with the intervals the rules ask for', async () => {
    const doses = (await sql<{ beneficiary_id: string; dose: number; vaccine: string; administered_on: string; facility_id: number; batch_vaccine: string; batch_facility: number; vaccinator_id: string }>`
      SELECT d.beneficiary_id, d.dose, d.vaccine, d.administered_on, d.facility_id, b.vaccine AS batch_vaccine, b.facility_id AS batch_facility, d.vaccinator_id
      FROM dose_record d JOIN vaccine_batch b ON b.id = d.batch_id ORDER BY d.beneficiary_id, d.dose`.execute(citizensDb.db)).rows;
    expect(doses.length).toBeGreaterThanOrEqual(12);
    const vaccinatorId = staff.find((s) => s.role === 'vaccinator')!.id;
    for (const dose of doses) {
      expect(dose).toMatchObject({ facility_id: centreId(), batch_facility: centreId(), batch_vaccine: dose.vaccine, vaccinator_id: vaccinatorId });
      expect(dose.administered_on < today()).toBe(true);
    }
    expect(new Set(doses.map((d) => d.vaccine))).toEqual(new Set(['COVISHIELD', 'COVAXIN', 'CORBEVAX', 'SPUTNIK V', 'COVOVAX']));
    const byPerson = new Map<string, typeof doses>();
    for (const dose of doses) byPerson.set(dose.beneficiary_id, [...(byPerson.get(dose.beneficiary_id) ?? []), dose]);
    for (const list of byPerson.values()) {
      expect(list.map((d) => d.dose)).toEqual(list.map((_, i) => i + 1));
      const [first, second, third] = list;
      if (second) {
        expect(second.vaccine).toBe(first!.vaccine);
        expect(second.administered_on >= addDays(first!.administered_on as IsoDate, services.vaccines.byName(first!.vaccine)!.dose2AfterDays)).toBe(true);
      }
      if (third) expect(third.administered_on >= addDays(second!.administered_on as IsoDate, services.vaccines.byName(second!.vaccine)!.precautionAfterDays)).toBe(true);
    }
  });

  it('issues provisional, final and precaution certificates that download signed and verify', async () => {
    const kinds: string[] = [];
    for (const account of credentials.accounts) {
      const citizen = await logIn(account.mobile);
      for (const member of account.members) {
        const signed = await signedCertificateFor(services, citizen, member.beneficiary_reference_id);
        expect(signed.kind).toBe(member.certificate);
        kinds.push(signed.kind);
        const verified = await services.certificateVerifier.verify(signed.qrText);
        expect(verified, member.name).toMatchObject({ valid: true, certificate: { status: 'valid' } });
      }
    }
    expect(kinds.filter((k) => k === 'provisional').length).toBeGreaterThanOrEqual(2);
    expect(kinds.filter((k) => k === 'final').length).toBeGreaterThanOrEqual(2);
    expect(kinds.filter((k) => k === 'precaution')).toHaveLength(1);
  });

  it('books one person for today at the demo vaccinator\'s centre, whose dose a visitor can give with the listed code', async () => {
    const due = credentials.appointment_today;
    expect(due).toMatchObject({ date: today(), centre_id: centreId(), vaccinator: 'demo.vaccinator', dose: 2 });
    const account = staff.find((s) => s.role === 'vaccinator')!;
    const vaccinator = { kind: 'staff' as const, staffId: account.id, role: account.role, scope: account.scope, sessionId: 'test' };
    const entry = (await services.centreDay.roster(vaccinator)).find((e) => e.name === due.name)!;
    expect(entry).toMatchObject({ status: 'booked', dose: 2, vaccine: due.vaccine, photoIdMasked: due.photo_id_masked });
    await services.encounters.openWithSecurityCode(vaccinator, entry.appointmentId, due.security_code);
    const batch = (await services.stock.batchesAt(vaccinator, centreId())).find((b) => b.usable && b.vaccine === due.vaccine)!;
    const recorded = await services.doses.recordDose(vaccinator, { appointmentId: entry.appointmentId, batchId: batch.id, photoIdLast4: due.photo_id_masked.slice(-4) });
    expect(recorded.certificate.kind).toBe('final');
  });

  it('lists the mobiles and today\'s appointment in demo-credentials.json, readable by its owner only, beside the staff', async () => {
    const file = path.join(dataDir, 'demo-credentials.json');
    expect((await fs.stat(file)).mode & 0o777).toBe(0o600);
    const saved = JSON.parse(await fs.readFile(file, 'utf8'));
    expect(saved.staff).toHaveLength(6);
    expect(saved.citizens).toEqual(credentials);
    expect(saved.citizens.accounts.map((a: { mobile: string }) => a.mobile)).toEqual([...DEMO_MOBILES]);
    expect(saved.citizens.appointment_today.security_code).toMatch(/^\d{4}$/);
  });
});
