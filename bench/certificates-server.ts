/**
 * The server under test for certificates.bench.ts: the real app on a fresh seeded database with the
 * demo staff, one session today at the demo vaccinator's centre with a batch in stock, and citizens
 * booked into it through the real services (each with the security code a citizen would show). Two
 * bare routes give the baseline: HTTP and JSON on the same server, with nothing behind them.
 */
import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { addDays, todayInIndia, type IsoDate } from '../src/core/calendar-date.js';
import type { DevOutbox } from '../src/core/sms/dev-outbox.js';
import { verhoeffCheckDigit } from '../src/modules/beneficiaries/verhoeff.js';
import { slotsFor } from '../src/modules/demo/sessions.js';
import { openRuntime } from '../src/runtime.js';

const CITIZENS = Number(process.env.BENCH_CITIZENS ?? 600);

export interface DoseTask {
  token: string;
  referenceId: string;
  appointmentId: string;
  securityCode: string;
  photoIdLast4: string;
}

export interface CertificatesServerReady {
  url: string;
  vaccinator: { username: string; password: string; totpSecret: string };
  batchId: string;
  tasks: DoseTask[];
}

const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'teeka-bench-'));
const config = {
  ...loadConfig({ ...process.env, TEEKA_DATA_DIR: dataDir }),
  publicRateLimit: 0, otpRequestsPerIpPerHour: 1e9, staffLoginsPerIpPerHour: 1e6, port: 0, logLevel: 'warn',
};
const runtime = await openRuntime(config);
const { services } = runtime;
await services.demo.seed();
await services.geography.load();
const staff = await services.staff.seedDemoStaff(dataDir);
if (!staff) throw new Error('a fresh data directory should get the demo staff');
const vaccinator = staff.staff.find((s) => s.role === 'vaccinator')!;
const adminAccount = staff.accounts.find((a) => a.role === 'facility_admin')!;
if (adminAccount.scope.level !== 'facility') throw new Error('the demo facility admin works at one centre');
const facilityId = adminAccount.scope.facilityId;
const admin = { kind: 'staff' as const, staffId: adminAccount.id, role: adminAccount.role, scope: adminAccount.scope, sessionId: 'bench' };

const today = todayInIndia(new Date()) as IsoDate;
const centre = (await services.facilities.findById(facilityId))!;
const existing = (await services.availability.atCentre(facilityId, { from: today, days: 1 }))?.sessions ?? [];
const vaccine = ['COVISHIELD', 'COVAXIN', 'CORBEVAX', 'COVOVAX', 'SPUTNIK V'].find((v) => !existing.some((s) => s.date === today && s.vaccine === v && s.minAgeLimit === 18))!;
const session = {
  id: randomUUID(), facilityId, date: today, vaccine, minAgeLimit: 18, maxAgeLimit: null, allowAllAge: true,
  capacityDose1: CITIZENS, capacityDose2: 0, slots: slotsFor(centre.opensAt, centre.closesAt),
};
await services.availability.addSessions(services.db, [session]);
const batch = await services.stock.receiveBatch(admin, facilityId, { vaccine, batchNumber: 'BENCH-0001', expiresOn: addDays(today, 180), quantity: 100_000 });

process.stderr.write(`certificates: booking ${CITIZENS} citizens into today's ${vaccine} session at centre ${facilityId}...\n`);
const outbox = services.sms as DevOutbox;
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const tasks: DoseTask[] = [];
for (let i = 0; i < CITIZENS; i += 1) {
  const mobile = String(7_300_000_000 + i);
  const { txnId } = await services.identity.requestOtp(mobile, '127.0.0.1');
  const otp = /\b(\d{6})\b/.exec(outbox.list()[0]!.text)![1]!;
  const login = await services.identity.confirmOtp(txnId, sha256(otp), '127.0.0.1');
  const citizen = await services.identity.authenticate(`Bearer ${login.token}`, '127.0.0.1');
  const base = String(40_000_000_000 + i * 7919).slice(0, 11);
  const aadhaar = `${base}${verhoeffCheckDigit(base)}`;
  // Half the names in Devanagari, as the PDF's two scripts cost differently.
  const member = await services.beneficiaries.register(citizen, {
    name: i % 2 === 0 ? 'Rajesh Kumar Sharma' : 'सुनीता शर्मा', birth_year: '1980', gender_id: 1 + (i % 2), photo_id_type: 1, photo_id_number: aadhaar, comorbidity_ind: 'N',
  });
  const booked = await services.booking.schedule(citizen, { sessionId: session.id, slot: session.slots[0]!, referenceIds: [member.referenceId], dose: 1 });
  const [row] = await services.booking.liveBooking(citizen.accountId, booked.bookingId);
  tasks.push({ token: login.token, referenceId: member.referenceId, appointmentId: row!.id, securityCode: booked.members[0]!.securityCode, photoIdLast4: aadhaar.slice(-4) });
}
outbox.clear();

const app = await buildApp({ config, database: runtime.database, services, clock: runtime.clock, logger: false });
app.post('/__bench/bare', { config: { access: 'public' } }, async () => ({ ok: true }));
app.get('/__bench/bare', { config: { access: 'public' } }, async () => ({ ok: true }));
await app.listen({ host: '127.0.0.1', port: 0 });
const address = app.server.address();
const ready: CertificatesServerReady = {
  url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`,
  vaccinator: { username: vaccinator.username, password: vaccinator.password, totpSecret: vaccinator.totp_secret },
  batchId: batch.id,
  tasks,
};
process.send!(ready);

process.on('message', async (message: { cpu?: boolean; stop?: boolean }) => {
  // The bench asks for this process's CPU time around each phase: CPU seconds per dose do not depend
  // on what else the machine is running, where doses per second of wall time do.
  if (message.cpu) {
    const used = process.cpuUsage();
    process.send!({ micros: used.user + used.system });
    return;
  }
  await app.close();
  await runtime.close();
  await fs.rm(dataDir, { recursive: true, force: true });
  process.exit(0);
});
