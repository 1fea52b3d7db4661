/**
 * The audit log as evidence (decision 0013), at 100,000 rows (BENCH_AUDIT_ROWS):
 *
 * 1. Appends through AccessService.record, the path every request takes (BENCH_AUDIT_APPENDS of
 *    them), to show that checkpoints add nothing there: the append is the same code as before.
 * 2. Checkpoints: the chain is built in segments of BENCH_AUDIT_SEGMENT rows (a busy minute), each
 *    sealed as the server's timer would; then the whole chain at once, as the first checkpoint after
 *    an upgrade does.
 * 3. `teeka audit verify`: every row rehashed and relinked, every checkpoint's signature and Merkle
 *    root checked.
 *
 * Baselines in the same run, as ratios: the same appends as bare inserts (no lock, link or hash),
 * and the same rows read back with no checking.
 *
 * Rows are written straight into the table with real hashes (appending 100,000 through the service
 * one transaction each would only measure the append, which 1. does). PGlite in memory, or
 * DATABASE_URL. Prints one JSON line and writes it to bench/results/audit.json.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import { fixedClock } from '../src/core/clock.js';
import { generateKeyring } from '../src/core/crypto/keyring.js';
import { openPglite, openPostgres } from '../src/core/db.js';
import { migrate } from '../src/core/migrate.js';
import { DevOutbox } from '../src/core/sms/dev-outbox.js';
import { GENESIS_HASH, hashAuditEvent } from '../src/modules/access/hash-chain.js';
import type { AuditEvent } from '../src/modules/access/schema.js';
import { round, timed } from './measure.js';
import { createServices } from '../src/services.js';

const ROWS = Number(process.env.BENCH_AUDIT_ROWS ?? 100_000);
const SEGMENT = Number(process.env.BENCH_AUDIT_SEGMENT ?? 1_000);
const APPENDS = Number(process.env.BENCH_AUDIT_APPENDS ?? 2_000);

const database = process.env.DATABASE_URL ? await openPostgres(process.env.DATABASE_URL) : await openPglite(undefined);

try {
  await migrate(database);
  const { db } = database;
  const clock = fixedClock('2026-11-28T04:30:00Z');
  const services = createServices({ db, clock, keyring: generateKeyring(), sms: new DevOutbox(clock), maxBeneficiariesPerAccount: 4 });
  const staff = { kind: 'staff' as const, staffId: '5f3e1c2a-9b7d-4e6f-8a1b-2c3d4e5f6a7b', role: 'vaccinator' as const, scope: { level: 'facility' as const, facilityId: 560001 }, sessionId: 's', ip: '203.0.113.9' };

  // 1. Appends through the service.
  process.stderr.write(`audit: ${APPENDS} appends through AccessService.record...\n`);
  const appends = await timed(async () => {
    for (let i = 0; i < APPENDS; i += 1) {
      await services.access.record({ type: 'access.granted', actor: staff, subject: `b-${i}`, purpose: 'vaccinate', fields: ['name', 'photo_id'], outcome: 'allowed', ip: staff.ip, detail: { role: 'vaccinator', facility_id: 560001 } });
    }
  });
  await db.deleteFrom('audit_event').execute();

  // 1b. Baseline: the same rows inserted bare, one transaction each, with no lock, link or hash.
  const bareAppends = await timed(async () => {
    for (let i = 0; i < APPENDS; i += 1) {
      await db.transaction().execute((trx) => trx.insertInto('audit_event').values({
        seq: i + 1, at: clock.now(), type: 'access.granted', actor_kind: 'staff', actor_id: staff.staffId, subject: `b-${i}`, purpose: 'vaccinate',
        fields: ['name', 'photo_id'], outcome: 'allowed', ip: staff.ip, detail: JSON.stringify({ role: 'vaccinator', facility_id: 560001 }),
        prev_hash: GENESIS_HASH, hash: GENESIS_HASH,
      }).execute());
    }
  });
  await db.deleteFrom('audit_event').execute();

  // 2. The chain in segments, each sealed.
  process.stderr.write(`audit: ${ROWS} rows in segments of ${SEGMENT}, each sealed...\n`);
  let previous = GENESIS_HASH;
  let seq = 0;
  const segmentCheckpointMs: number[] = [];
  while (seq < ROWS) {
    const rows: AuditEvent[] = [];
    for (let i = 0; i < SEGMENT && seq < ROWS; i += 1) {
      seq += 1;
      const unsealed = {
        seq, at: new Date(clock.now().getTime() + seq * 100), type: 'access.granted', actorKind: 'staff', actorId: staff.staffId, subject: `3c1f7d2e-0000-4000-8000-${String(seq).padStart(12, '0')}`,
        purpose: 'vaccinate', fields: ['name', 'photo_id'], outcome: 'allowed', ip: staff.ip, detail: { role: 'vaccinator', facility_id: 560001 }, prevHash: previous,
      };
      const event = { ...unsealed, hash: hashAuditEvent(unsealed) };
      rows.push(event);
      previous = event.hash;
    }
    await db.insertInto('audit_event').values(rows.map((e) => ({
      seq: e.seq, at: e.at, type: e.type, actor_kind: e.actorKind, actor_id: e.actorId, subject: e.subject, purpose: e.purpose, fields: e.fields,
      outcome: e.outcome, ip: e.ip, detail: JSON.stringify(e.detail), prev_hash: e.prevHash, hash: e.hash,
    }))).execute();
    segmentCheckpointMs.push((await timed(() => services.auditLog.checkpoint())).ms);
    clock.advance(60_000);
  }

  // 3. Verify with one checkpoint per segment.
  process.stderr.write('audit: verifying...\n');
  const verified = await timed(() => services.auditLog.verify());
  if (!verified.value.ok) throw new Error(`the chain does not verify: ${verified.value.problem}`);

  // 3b. Baseline: reading every row back in the verifier's batches, with no hashing or checking.
  const bareRead = await timed(async () => {
    for (let after = 0; ;) {
      const batch = await db.selectFrom('audit_event').selectAll().where('seq', '>', after).orderBy('seq').limit(1000).execute();
      if (batch.length === 0) return;
      after = Number(batch[batch.length - 1]!.seq);
    }
  });

  // 2b. The whole chain in one checkpoint, then verified against it.
  await db.deleteFrom('audit_checkpoint').execute();
  const whole = await timed(() => services.auditLog.checkpoint());
  const verifiedOne = await timed(() => services.auditLog.verify());

  const sorted = [...segmentCheckpointMs].sort((a, b) => a - b);
  const report = {
    bench: 'audit',
    at: new Date().toISOString(),
    node: process.version,
    cpus: os.cpus().length,
    load_at_end: round(os.loadavg()[0]!, 2),
    database: process.env.DATABASE_URL ? 'postgresql' : 'pglite',
    rows: ROWS,
    appends_through_service: { count: APPENDS, per_s: Math.round(APPENDS / (appends.ms / 1000)), mean_ms: round(appends.ms / APPENDS, 2) },
    appends_bare_insert: { per_s: Math.round(APPENDS / (bareAppends.ms / 1000)), mean_ms: round(bareAppends.ms / APPENDS, 2) },
    append_ratio: round(bareAppends.ms / appends.ms, 2),
    checkpoint_per_segment: { segment_rows: SEGMENT, checkpoints: sorted.length, p50_ms: round(sorted[Math.floor(sorted.length / 2)]!), p99_ms: round(sorted[Math.floor(sorted.length * 0.99)]!) },
    checkpoint_whole_chain_ms: round(whole.ms),
    verify: { checkpoints: verified.value.checkpoints, ms: round(verified.ms), rows_per_s: Math.round(ROWS / (verified.ms / 1000)) },
    read_back_bare: { ms: round(bareRead.ms), rows_per_s: Math.round(ROWS / (bareRead.ms / 1000)) },
    verify_ratio: round(bareRead.ms / verified.ms, 2),
    verify_one_checkpoint: { ms: round(verifiedOne.ms), rows_per_s: Math.round(ROWS / (verifiedOne.ms / 1000)) },
  };
  const line = JSON.stringify(report);
  process.stdout.write(`${line}\n`);
  await fs.writeFile(new URL('./results/audit.json', import.meta.url), `${line}\n`);
} finally {
  await database.close();
}
