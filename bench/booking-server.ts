/**
 * The server under test for booking.bench.ts: the real app on a fresh seeded database, with
 * accounts, members and sessions prepared through the real services, plus the baseline: the
 * minimal SQL of a booking (capacity update, appointment insert, audit event) through the same driver.
 */
import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { addDays, todayInIndia } from '../src/core/calendar-date.js';
import type { DevOutbox } from '../src/core/sms/dev-outbox.js';
import { verhoeffCheckDigit } from '../src/modules/beneficiaries/verhoeff.js';
import { openRuntime } from '../src/runtime.js';

const ACCOUNTS = Number(process.env.BENCH_ACCOUNTS ?? 500);
const MEMBERS_PER_ACCOUNT = 4;
const SESSIONS = Number(process.env.BENCH_SESSIONS ?? 50);
const SEATS_PER_SESSION = Number(process.env.BENCH_SEATS ?? 10);

const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'teeka-bench-'));
const config = {
  ...loadConfig({ ...process.env, TEEKA_DATA_DIR: dataDir }),
  publicRateLimit: 0, otpRequestsPerIpPerHour: 1e9, searchesPerAccountPerDay: 1e9, port: 0, logLevel: 'warn',
};
const runtime = await openRuntime(config);
const { services } = runtime;
const db = runtime.database.db;
await services.demo.seed();
await services.geography.load();
const app = await buildApp({ config, database: runtime.database, services, clock: runtime.clock, logger: false });
const outbox = services.sms as DevOutbox;
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** Valid Aadhaar-format numbers, so registrations pass the same validation citizens' do. */
function aadhaar(seed: number): string {
  const base = String(30_000_000_000 + seed * 7919).slice(0, 11);
  return `${base}${verhoeffCheckDigit(base)}`;
}

process.stderr.write(`booking: preparing ${ACCOUNTS} accounts with ${MEMBERS_PER_ACCOUNT} members each...\n`);
const tasks: { token: string; referenceId: string; sessionId: string; slot: string }[] = [];
const tomorrow = addDays(todayInIndia(new Date()), 1);
const sessions = (await db.selectFrom('vaccination_session').select(['id', 'slots'])
  .where('date', '=', tomorrow).where('min_age_limit', '=', 18).where('max_age_limit', 'is', null)
  .orderBy('id').limit(SESSIONS * 2).execute());
const apiSessions = sessions.slice(0, SESSIONS);
const baselineSessions = sessions.slice(SESSIONS, SESSIONS * 2);
await sql`UPDATE vaccination_session SET capacity_dose1 = ${SEATS_PER_SESSION}, booked_dose1 = 0 WHERE id IN (${sql.join(sessions.map((s) => s.id))})`.execute(db);
const memberIds: { accountId: string; beneficiaryId: string }[] = [];
for (let a = 0; a < ACCOUNTS; a += 1) {
  const mobile = String(7_100_000_000 + a);
  const { txnId } = await services.identity.requestOtp(mobile, '127.0.0.1');
  const otp = /\b(\d{6})\b/.exec(outbox.list()[0]!.text)![1]!;
  const login = await services.identity.confirmOtp(txnId, sha256(otp), '127.0.0.1');
  const citizen = await services.identity.authenticate(`Bearer ${login.token}`, '127.0.0.1');
  for (let m = 0; m < MEMBERS_PER_ACCOUNT; m += 1) {
    const member = await services.beneficiaries.register(citizen, {
      name: 'Bench Citizen', birth_year: '1985', gender_id: 1, photo_id_type: 1, photo_id_number: aadhaar(a * MEMBERS_PER_ACCOUNT + m), comorbidity_ind: 'N',
    });
    const session = apiSessions[tasks.length % apiSessions.length]!;
    tasks.push({ token: login.token, referenceId: member.referenceId, sessionId: session.id, slot: session.slots[0]! });
    memberIds.push({ accountId: citizen.accountId, beneficiaryId: member.id });
  }
}
outbox.clear();
await app.listen({ host: '127.0.0.1', port: 0 });
const address = app.server.address();
process.send!({ url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`, tasks, seats: SESSIONS * SEATS_PER_SESSION });

/** One booking attempt's minimal SQL, in one transaction, as the booking service issues it. */
async function minimalBooking(sessionId: string, member: { accountId: string; beneficiaryId: string }): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const taken = await sql`UPDATE vaccination_session SET booked_dose1 = booked_dose1 + 1 WHERE id = ${sessionId} AND booked_dose1 + 1 <= capacity_dose1`.execute(trx);
    if (Number(taken.numAffectedRows ?? 0) === 0) return false;
    const now = new Date();
    const id = randomUUID();
    await sql`INSERT INTO appointment (id, booking_id, account_id, beneficiary_id, session_id, dose, slot, security_code_enc, security_code_mac, status, created_at, updated_at)
      VALUES (${id}, ${id}, ${member.accountId}, ${member.beneficiaryId}, ${sessionId}, 1, '09:00AM-10:00AM', 'x', 'x', 'completed', ${now}, ${now})`.execute(trx);
    await sql`SELECT pg_advisory_xact_lock(7336434)`.execute(trx);
    const last = await sql<{ seq: number; hash: string }>`SELECT seq, hash FROM audit_event ORDER BY seq DESC LIMIT 1`.execute(trx);
    const seq = Number(last.rows[0]?.seq ?? 0) + 1;
    const hash = createHash('sha256').update(`${last.rows[0]?.hash ?? ''}${seq}`).digest('hex');
    await sql`INSERT INTO audit_event (seq, at, type, actor_kind, actor_id, subject, outcome, prev_hash, hash)
      VALUES (${seq}, ${now}, 'appointment.booked', 'citizen', ${member.accountId}, ${member.beneficiaryId}, 'done', ${last.rows[0]?.hash ?? ''}, ${hash})`.execute(trx);
    return true;
  });
}

process.on('message', async (message: { stop?: boolean; count?: boolean; baseline?: { attempts: number; concurrency: number } }) => {
  if (message.count) {
    const booked = await sql<{ n: number }>`SELECT count(*)::int AS n FROM appointment WHERE status = 'booked'`.execute(db);
    const seatsTaken = await sql<{ n: number }>`SELECT coalesce(sum(booked_dose1), 0)::int AS n FROM vaccination_session WHERE id IN (${sql.join(apiSessions.map((s) => s.id))})`.execute(db);
    process.send!({ confirmed: booked.rows[0]!.n, seatsTaken: seatsTaken.rows[0]!.n });
  } else if (message.baseline) {
    const { attempts, concurrency } = message.baseline;
    let next = 0;
    let booked = 0;
    const started = process.hrtime.bigint();
    await Promise.all(Array.from({ length: concurrency }, async () => {
      while (next < attempts) {
        const i = next++;
        if (await minimalBooking(baselineSessions[i % baselineSessions.length]!.id, memberIds[i % memberIds.length]!)) booked += 1;
      }
    }));
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    process.send!({ attemptsPerSecond: Math.round(attempts / seconds), booked, seconds });
  } else if (message.stop) {
    await app.close();
    await runtime.close();
    await fs.rm(dataDir, { recursive: true, force: true });
    process.exit(0);
  }
});
