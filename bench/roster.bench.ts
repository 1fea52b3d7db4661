/**
 * The vaccinator's roster at a busy centre: BENCH_ROSTER_PEOPLE (300) people booked today, each
 * name a recorded read under the roster grant. Three ways to the same list, each BENCH_ROSTER_RUNS
 * times, in turns so drift hits all three alike:
 *
 * - batch: CentreDayService.roster as it is (one query for the members, AccessService.authorizeMany
 *   appending every read in one transaction, one query for the encrypted names);
 * - one by one: the roster as it was before the batch (member, authorize, decrypt per person),
 *   kept only here as the baseline;
 * - bare SELECT: the same rows and encrypted names in one query with nothing checked, recorded or
 *   decrypted: the floor.
 *
 * Both real paths must give the same list and append one access event per booked person.
 * PGlite in memory, or DATABASE_URL. Prints one JSON line and writes it to bench/results/roster.json.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import { sql } from 'kysely';
import { todayInIndia } from '../src/core/calendar-date.js';
import { fixedClock } from '../src/core/clock.js';
import { generateKeyring } from '../src/core/crypto/keyring.js';
import { openPglite, openPostgres } from '../src/core/db.js';
import { migrate } from '../src/core/migrate.js';
import { DevOutbox } from '../src/core/sms/dev-outbox.js';
import { genderById } from '../src/modules/beneficiaries/person-fields.js';
import type { RosterEntry } from '../src/modules/vaccination/centre-day.js';
import type { Vaccinator } from '../src/modules/vaccination/encounter.js';
import { median, round, timed } from './measure.js';
import { createServices, type Services } from '../src/services.js';

const PEOPLE = Number(process.env.BENCH_ROSTER_PEOPLE ?? 300);
const RUNS = Number(process.env.BENCH_ROSTER_RUNS ?? 5);

const database = process.env.DATABASE_URL ? await openPostgres(process.env.DATABASE_URL) : await openPglite(undefined);

/** The roster before the batch: three round trips or more per person. The baseline, nothing else. */
async function rosterOneByOne(services: Services, staff: Vaccinator & { scope: { level: 'facility' } }): Promise<RosterEntry[]> {
  const today = todayInIndia(services.clock.now());
  const rows = await services.booking.rosterAt(staff.scope.facilityId, today);
  const entries: RosterEntry[] = [];
  for (const row of rows) {
    const member = await services.beneficiaries.memberById(row.beneficiary_id);
    if (!member) continue;
    let name: string | null = null;
    if (row.status === 'booked') {
      const ticket = await services.access.authorize(staff, {
        subject: { kind: 'beneficiary', id: member.id }, purpose: 'vaccination-roster', fields: ['name', 'birth_year', 'gender'],
      });
      name = (await services.beneficiaries.readPersonal(ticket)).name.reveal();
    }
    entries.push({
      appointmentId: row.id, slot: row.slot, dose: row.dose, vaccine: row.vaccine, status: row.status === 'completed' ? 'completed' : 'booked',
      name, age: Number(today.slice(0, 4)) - member.birthYear, gender: genderById(member.genderId)?.gender ?? '', photoIdMasked: member.photoIdMasked,
      walkIn: row.walk_in,
    });
  }
  return entries;
}

try {
  await migrate(database);
  const { db } = database;
  // 10:00 in India: inside working hours, so no off-hours alert joins the reads.
  const clock = fixedClock('2026-11-28T04:30:00Z');
  const services = createServices({ db, clock, keyring: generateKeyring(), sms: new DevOutbox(clock), maxBeneficiariesPerAccount: 4 });
  process.stderr.write(`roster: seeding demo data and ${PEOPLE} people booked today at one centre...\n`);
  await services.demo.seed();
  const today = todayInIndia(clock.now());
  const session = await db.selectFrom('vaccination_session').select(['id', 'facility_id', 'slots'])
    .where('date', '=', today).orderBy('id').limit(1).executeTakeFirstOrThrow();
  await sql`UPDATE vaccination_session SET capacity_dose1 = ${PEOPLE}, booked_dose1 = ${PEOPLE} WHERE id = ${session.id}`.execute(db);

  const { cipher } = services;
  for (let i = 0; i < PEOPLE; i += 1) {
    const accountId = randomUUID();
    const beneficiaryId = randomUUID();
    const mobile = String(7_200_000_000 + i);
    const now = clock.now();
    await db.insertInto('account').values({
      id: accountId, mobile_enc: cipher.encrypt(mobile, `account.mobile:${accountId}`), mobile_bidx: `bench-${i}`, mobile_last4: mobile.slice(-4), created_at: now,
    }).execute();
    await db.insertInto('beneficiary').values({
      id: beneficiaryId, account_id: accountId, reference_id: String(90_000_000_000_000 + i), name_enc: cipher.encrypt(`Bench Person ${i}`, `beneficiary.name:${beneficiaryId}`),
      birth_year: 1960 + (i % 40), gender_id: 1 + (i % 2), photo_id_type: 1, photo_id_enc: cipher.encrypt(`9999${String(i).padStart(8, '0')}`, `beneficiary.photo_id:${beneficiaryId}`),
      photo_id_masked: `XXXX-XXXX-${String(i).padStart(4, '0').slice(-4)}`, comorbidity: false, consent_version: 'bench', created_at: now,
    }).execute();
    const appointmentId = randomUUID();
    await db.insertInto('appointment').values({
      id: appointmentId, booking_id: appointmentId, account_id: accountId, beneficiary_id: beneficiaryId, session_id: session.id, dose: 1,
      slot: session.slots[i % session.slots.length]!, security_code_enc: cipher.encrypt('1234', `appointment.security_code:${appointmentId}`),
      security_code_mac: `bench-${i}`, status: 'booked', created_at: now, updated_at: now,
    }).execute();
  }
  const account = await services.staff.addAccount({ username: 'bench-vaccinator', role: 'vaccinator', scope: { level: 'facility', facilityId: session.facility_id } });
  const staff = { kind: 'staff' as const, staffId: account.id, role: 'vaccinator' as const, scope: { level: 'facility' as const, facilityId: session.facility_id }, sessionId: 'bench', ip: '203.0.113.9' };

  const eventsNow = async () => Number((await db.selectFrom('audit_event').select((eb) => eb.fn.countAll<number>().as('n'))
    .where('type', '=', 'access.granted').where('purpose', '=', 'vaccination-roster').executeTakeFirstOrThrow()).n);

  /** The floor: the same rows and ciphertexts in one query, nothing checked, recorded or decrypted. */
  const bareSelect = () => db.selectFrom('appointment')
    .innerJoin('vaccination_session', 'vaccination_session.id', 'appointment.session_id')
    .innerJoin('beneficiary', 'beneficiary.id', 'appointment.beneficiary_id')
    .select(['appointment.id', 'appointment.slot', 'appointment.dose', 'appointment.status', 'vaccination_session.vaccine', 'beneficiary.birth_year',
      'beneficiary.gender_id', 'beneficiary.photo_id_masked', 'beneficiary.name_enc'])
    .where('vaccination_session.facility_id', '=', session.facility_id).where('vaccination_session.date', '=', today)
    .where('appointment.status', 'in', ['booked', 'completed']).orderBy('appointment.slot').orderBy('appointment.created_at')
    .execute();

  const timings = { batch: [] as number[], oneByOne: [] as number[], bare: [] as number[] };
  for (let run = 0; run < RUNS; run += 1) {
    process.stderr.write(`roster: run ${run + 1} of ${RUNS}...\n`);
    const before = await eventsNow();
    const oneByOne = await timed(() => rosterOneByOne(services, staff));
    const between = await eventsNow();
    const batch = await timed(() => services.centreDay.roster(staff));
    const after = await eventsNow();
    const bare = await timed(bareSelect);
    if (JSON.stringify(batch.value) !== JSON.stringify(oneByOne.value)) throw new Error('the batch roster differs from the one-by-one roster');
    if (batch.value.length !== PEOPLE || bare.value.length !== PEOPLE) throw new Error(`expected ${PEOPLE} people on the roster, got ${batch.value.length}`);
    if (between - before !== PEOPLE || after - between !== PEOPLE) throw new Error('each roster view must record one access event per booked person');
    timings.oneByOne.push(oneByOne.ms);
    timings.batch.push(batch.ms);
    timings.bare.push(bare.ms);
  }

  const report = {
    bench: 'roster',
    at: new Date().toISOString(),
    node: process.version,
    cpus: os.cpus().length,
    load_at_end: round(os.loadavg()[0]!, 2),
    database: process.env.DATABASE_URL ? 'postgresql' : 'pglite',
    people: PEOPLE,
    runs: RUNS,
    one_by_one: { median_ms: round(median(timings.oneByOne)), per_person_ms: round(median(timings.oneByOne) / PEOPLE, 2) },
    batch: { median_ms: round(median(timings.batch)), per_person_ms: round(median(timings.batch) / PEOPLE, 2) },
    bare_select: { median_ms: round(median(timings.bare)) },
    speedup: round(median(timings.oneByOne) / median(timings.batch), 2),
    bare_ratio: round(median(timings.bare) / median(timings.batch), 3),
  };
  const line = JSON.stringify(report);
  process.stdout.write(`${line}\n`);
  await fs.writeFile(new URL('./results/roster.json', import.meta.url), `${line}\n`);
} finally {
  await database.close();
}
