import { compactVerify, importJWK } from 'jose';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { fixedClock } from '../../src/core/clock.js';
import { merkleRootOf } from '../../src/modules/access/merkle.js';
import { expireSegments } from '../../src/modules/access/retention.js';
import type { Services } from '../../src/services.js';
import { allEvents, appendEvents, rewriteAndRehash } from '../support/audit-tamper.js';
import { databaseWithEmptyAuditLog } from '../support/audit-database.js';
import { testServices } from '../support/test-services.js';

const DAY = 24 * 60 * 60 * 1000;
const T0 = '2026-01-10T10:00:00Z';

// One database for the file; each test starts from an empty log and no checkpoints.
const database = databaseWithEmptyAuditLog();

function servicesAt(at = T0) {
  const clock = fixedClock(at);
  return { services: testServices(database.db, clock), clock };
}

/** Three segments of three rows each, each sealed by a checkpoint a minute apart. */
async function sealedChain(): Promise<{ services: Services; clock: ReturnType<typeof fixedClock> }> {
  const { services, clock } = servicesAt();
  for (let segment = 0; segment < 3; segment += 1) {
    await appendEvents(services, 3, `seg${segment}-`);
    await services.auditLog.checkpoint();
    clock.advance(60_000);
  }
  return { services, clock };
}

describe('signed audit checkpoints', () => {
  it('seals only what the chain grew by, each checkpoint linked to the one before', async () => {
    const { services } = servicesAt();
    expect(await services.auditLog.checkpoint()).toBeUndefined();
    await appendEvents(services, 3);
    const first = await services.auditLog.checkpoint();
    expect(first).toMatchObject({ firstSeq: 1, lastSeq: 3, prevHead: '0'.repeat(64) });
    expect(await services.auditLog.checkpoint()).toBeUndefined();
    await appendEvents(services, 2);
    const second = await services.auditLog.checkpoint();
    expect(second).toMatchObject({ firstSeq: 4, lastSeq: 5, prevHead: first!.headHash });
    const rows = await allEvents(database.db);
    expect(second!.headHash).toBe(rows.at(-1)!.hash);
    expect(second!.merkleRoot).toBe(merkleRootOf(rows.slice(3).map((r) => r.hash)));
  });

  it('verifies rows and checkpoints together, with progress', async () => {
    const { services } = await sealedChain();
    await appendEvents(services, 2, 'unsealed-');
    const progress: [number, number][] = [];
    const result = await services.access.verifyChain((done, total) => progress.push([done, total]));
    expect(result).toMatchObject({ ok: true, checked: 11, checkpoints: 3, sealedThrough: 9, firstSeq: 1, problems: [] });
    expect(progress.at(-1)).toEqual([11, 11]);
  });

  it('lets a third party check the export with the public key alone', async () => {
    const { services } = await sealedChain();
    const lines: string[] = [];
    for await (const line of services.auditLog.exportCheckpoints()) lines.push(line);
    const [keyLine, ...checkpointLines] = lines.map((l) => JSON.parse(l));
    expect(keyLine).toMatchObject({ type: 'teeka.audit.key', jwk: { kty: 'EC', crv: 'P-256', alg: 'ES256' } });
    expect(keyLine.jwk.d).toBeUndefined();
    const key = await importJWK(keyLine.jwk, 'ES256');
    let previousHead = '0'.repeat(64);
    for (const line of checkpointLines) {
      const { payload, protectedHeader } = await compactVerify(line.jws, key);
      const claims = JSON.parse(new TextDecoder().decode(payload));
      expect(protectedHeader.kid).toBe(keyLine.jwk.kid);
      expect(claims).toMatchObject({ first_seq: line.first_seq, last_seq: line.last_seq, head_hash: line.head_hash, prev_head: previousHead });
      previousHead = claims.head_hash;
    }
    expect(checkpointLines).toHaveLength(3);

    const since: string[] = [];
    for await (const line of services.auditLog.exportCheckpoints(6)) since.push(line);
    expect(since.slice(1).map((l) => JSON.parse(l).first_seq)).toEqual([7]);
    expect(await services.auditLog.verify({ held: `${lines.join('\n')}\n` })).toMatchObject({ ok: true, sealedThrough: 9 });
  });

  it('catches a row changed and the chain re-hashed after it, which the chain alone cannot', async () => {
    const { services } = await sealedChain();
    await rewriteAndRehash(database.db, 5, (event) => ({ ...event, subject: 'someone-else' }));
    const result = await services.access.verifyChain();
    expect(result).toMatchObject({ ok: false, brokenAt: 4 });
    expect(result.problem).toMatch(/Rows 4-6 do not match the checkpoint signed at .* \(head hash differs\)/);
  });

  it('names the first of the newest rows deleted', async () => {
    const { services } = await sealedChain();
    await sql`DELETE FROM audit_event WHERE seq >= 8`.execute(database.db);
    const result = await services.access.verifyChain();
    expect(result).toMatchObject({ ok: false, brokenAt: 8 });
    expect(result.problem).toMatch(/Rows 8-9 are missing/);
  });

  it.each([
    ['an altered head hash', sql`UPDATE audit_checkpoint SET head_hash = repeat('b', 64) WHERE first_seq = 4`, 4, /checkpoint for rows 4-6 is forged or altered: its head_hash differs from what was signed/],
    ['an altered range', sql`UPDATE audit_checkpoint SET last_seq = 5 WHERE first_seq = 4`, 4, /forged or altered: its last_seq differs/],
    ['a garbled signature', sql`UPDATE audit_checkpoint SET jws = jws || 'A' WHERE first_seq = 7`, 7, /forged or altered: its signature does not verify/],
    ['a deleted checkpoint', sql`DELETE FROM audit_checkpoint WHERE first_seq = 4`, 4, /checkpoint for rows 7-9 does not follow the one for rows 1-3/],
  ])('detects %s', async (_what, tamper, brokenAt, problem) => {
    const { services } = await sealedChain();
    await tamper.execute(database.db);
    const result = await services.access.verifyChain();
    expect(result).toMatchObject({ ok: false, brokenAt });
    expect(result.problem).toMatch(problem);
  });

  it('refuses checkpoints re-signed with another key, and a held export catches the rewrite behind them', async () => {
    const { services } = await sealedChain();
    const held: string[] = [];
    for await (const line of services.auditLog.exportCheckpoints()) held.push(line);
    // An insider rewrites row 2, re-hashes everything after it and re-signs every checkpoint with a key of their own.
    await rewriteAndRehash(database.db, 2, (event) => ({ ...event, subject: 'covered-up' }));
    await sql`DELETE FROM audit_checkpoint`.execute(database.db);
    const insider = servicesAt().services;
    await insider.auditLog.checkpoint();
    expect((await insider.access.verifyChain()).ok).toBe(true);

    const own = await services.access.verifyChain();
    expect(own).toMatchObject({ ok: false, brokenAt: 1 });
    expect(own.problem).toMatch(/it is signed by key [A-Za-z0-9_-]{43}, which is not one of the audit signing keys/);
    const againstHeld = await services.auditLog.verify({ held: held.join('\n') });
    expect(againstHeld).toMatchObject({ ok: false, brokenAt: 1 });
    expect(againstHeld.problem).toMatch(/Rows 1-3 do not match the checkpoint/);
  });
});

describe('audit retention', () => {
  /** Segment 1 at T0, segment 2 at T0+100 days, two more rows at T0+181 days: only segment 1 is past 180 days. */
  async function agedChain() {
    const { services, clock } = servicesAt();
    await appendEvents(services, 3, 'old-');
    await services.auditLog.checkpoint();
    clock.advance(100 * DAY);
    await appendEvents(services, 3, 'mid-');
    await services.auditLog.checkpoint();
    clock.advance(81 * DAY);
    await appendEvents(services, 2, 'new-');
    return { services, clock };
  }

  it('removes whole segments past 180 days and keeps the rest verifiable from the anchor', async () => {
    const { services, clock } = await agedChain();
    expect(await services.auditLog.expire()).toEqual({ fromSeq: 1, throughSeq: 3, rows: 3, checkpoints: 0, recordedAt: 9 });
    expect(await services.auditLog.expire()).toBeUndefined();
    const rows = await allEvents(database.db);
    expect(rows[0]!.seq).toBe(4);
    expect(rows.at(-1)).toMatchObject({ seq: 9, type: 'audit.segment.expired', detail: expect.objectContaining({ through_seq: 3, rows: 3, retention_days: 180 }) });
    expect(await services.access.verifyChain()).toMatchObject({ ok: true, firstSeq: 4, checked: 6, checkpoints: 2, sealedThrough: 6 });

    // 100 days on, segment 2 goes too, and the first anchor with it.
    await services.auditLog.checkpoint();
    clock.advance(100 * DAY);
    await appendEvents(services, 1, 'later-');
    expect(await services.auditLog.expire()).toMatchObject({ fromSeq: 4, throughSeq: 6, rows: 3, checkpoints: 1 });
    expect(await services.access.verifyChain()).toMatchObject({ ok: true, firstSeq: 7, checkpoints: 2 });
  });

  it('still names tampering after expiry', async () => {
    const { services } = await agedChain();
    await services.auditLog.expire();
    await sql`UPDATE audit_event SET outcome = 'failed' WHERE seq = 5`.execute(database.db);
    expect(await services.access.verifyChain()).toMatchObject({ ok: false, brokenAt: 5 });
  });

  it('refuses rows deleted before their retention period ended', async () => {
    const { services } = await agedChain();
    await services.auditLog.expire();
    await sql`DELETE FROM audit_event WHERE seq <= 6`.execute(database.db);
    const result = await services.access.verifyChain();
    expect(result).toMatchObject({ ok: false, brokenAt: 7 });
    expect(result.problem).toMatch(/Rows 4-6 are gone, but the retention period has not passed/);
  });

  it('refuses an old segment deleted by hand, without its expiry recorded', async () => {
    const { services } = await agedChain();
    await sql`DELETE FROM audit_event WHERE seq <= 3`.execute(database.db);
    const result = await services.access.verifyChain();
    expect(result).toMatchObject({ ok: false, brokenAt: 4 });
    expect(result.problem).toMatch(/no audit.segment.expired event records that they expired/);
  });

  it('refuses a deleted anchor checkpoint', async () => {
    const { services } = await agedChain();
    await services.auditLog.expire();
    await sql`DELETE FROM audit_checkpoint WHERE first_seq = 1`.execute(database.db);
    const result = await services.access.verifyChain();
    expect(result).toMatchObject({ ok: false, brokenAt: 4 });
    expect(result.problem).toMatch(/no expired checkpoint accounts for the rows before it/);
  });

  it('keeps at least 180 days', async () => {
    await expect(expireSegments(database.db, new Date(), 90)).rejects.toThrow(/at least 180 days/);
    expect(loadConfig({}).auditRetentionDays).toBe(180);
    expect(loadConfig({ TEEKA_AUDIT_RETENTION_DAYS: '400' }).auditRetentionDays).toBe(400);
    expect(() => loadConfig({ TEEKA_AUDIT_RETENTION_DAYS: '90' })).toThrow('TEEKA_AUDIT_RETENTION_DAYS must be between 180 and 36500, got 90');
  });
});
