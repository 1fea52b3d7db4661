import { compactVerify, importJWK } from 'jose';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/core/clock.js';
import { generateKeyring, newAuditSigningKey, parseKeyring, rotateAuditSigningKey, serialiseKeyring, type AuditSigningKey, type Keyring } from '../../src/core/crypto/keyring.js';
import { DevOutbox } from '../../src/core/sms/dev-outbox.js';
import { insertCheckpoint, selectLatestCheckpoint } from '../../src/modules/access/checkpoint-store.js';
import { CheckpointSigner } from '../../src/modules/access/checkpoints.js';
import { merkleRootOf } from '../../src/modules/access/merkle.js';
import { createServices } from '../../src/services.js';
import { allEvents, appendEvents } from '../support/audit-tamper.js';
import { databaseWithEmptyAuditLog } from '../support/audit-database.js';

const T0 = '2026-01-10T10:00:00Z';
const MINUTE = 60_000;

// One database for the file; each test starts from an empty log and no checkpoints.
const database = databaseWithEmptyAuditLog();

type TestClock = ReturnType<typeof fixedClock>;
const servicesWith = (keyring: Keyring, clock: TestClock) =>
  createServices({ db: database.db, clock, keyring, sms: new DevOutbox(clock), maxBeneficiariesPerAccount: 4 });

/**
 * Three rows sealed by the first key; then `teeka audit key --rotate` (a copy of the keyring, as the
 * CLI writes a new file) and its sealed record; then three rows sealed by the new key. `before` is
 * a server still running on the old keyring.
 */
async function rotatedChain() {
  const clock = fixedClock(T0);
  const keyring = generateKeyring();
  const before = servicesWith(keyring, clock);
  await appendEvents(before, 3, 'old-');
  await before.auditLog.checkpoint();
  clock.advance(MINUTE);

  const rotated = parseKeyring(serialiseKeyring(keyring));
  const { added, retired } = rotateAuditSigningKey(rotated, clock.now());
  const after = servicesWith(rotated, clock);
  const rotation = await after.auditLog.sealRotation(retired!.kid);
  clock.advance(MINUTE);
  await appendEvents(after, 3, 'new-');
  await after.auditLog.checkpoint();
  clock.advance(MINUTE);
  return { clock, before, after, rotation, oldKey: retired!, newKey: added };
}

/** What a thief holding `key` does: seals the rows after the newest checkpoint, with their true head and Merkle root. */
async function forgeCheckpoint(key: AuditSigningKey, signedAt: Date) {
  const latest = await selectLatestCheckpoint(database.db);
  const rows = (await allEvents(database.db)).filter((row) => row.seq > latest!.lastSeq);
  const forged = await new CheckpointSigner({ ...key, retiredAt: undefined }).sign({
    firstSeq: rows[0]!.seq, lastSeq: rows.at(-1)!.seq, prevHead: latest!.headHash, headHash: rows.at(-1)!.hash,
    merkleRoot: merkleRootOf(rows.map((row) => row.hash)), signedAt,
  });
  expect(await insertCheckpoint(database.db, forged)).toBe(true);
  return forged;
}

describe('rotating the audit signing key', () => {
  it('records the rotation and seals it with the new key at once', async () => {
    const { rotation, oldKey, newKey } = await rotatedChain();
    expect(rotation).toMatchObject({ sealed: { firstSeq: 4, lastSeq: 4, kid: newKey.kid }, retiredKeyLastSigned: new Date(T0) });
    const rows = await allEvents(database.db);
    expect(rows[3]).toMatchObject({ type: 'audit.key.rotated', actorKind: 'system', detail: { kid: newKey.kid, retired_kid: oldKey.kid } });
  });

  it('verifies checkpoints signed before and after the rotation, each with the key its kid names', async () => {
    const { after, oldKey, newKey } = await rotatedChain();
    const checkpoints = await sql<{ kid: string }>`SELECT kid FROM audit_checkpoint ORDER BY first_seq`.execute(database.db);
    expect(checkpoints.rows.map((cp) => cp.kid)).toEqual([oldKey.kid, newKey.kid, newKey.kid]);
    expect(await after.access.verifyChain()).toMatchObject({ ok: true, checked: 7, checkpoints: 3, sealedThrough: 7 });
  });

  it('exports every key, so a third party holding only the export verifies each line by its kid', async () => {
    const { after, oldKey, newKey } = await rotatedChain();
    const lines: string[] = [];
    for await (const line of after.auditLog.exportCheckpoints()) lines.push(line);
    const parsed = lines.map((line) => JSON.parse(line));
    const keyLines = parsed.filter((line) => line.type === 'teeka.audit.key');
    expect(keyLines).toEqual([
      { type: 'teeka.audit.key', jwk: expect.objectContaining({ kid: oldKey.kid, kty: 'EC', crv: 'P-256' }), retired_at: oldKey.retiredAt },
      { type: 'teeka.audit.key', jwk: expect.objectContaining({ kid: newKey.kid }) },
    ]);
    expect(keyLines.every((line) => line.jwk.d === undefined)).toBe(true);
    const checkpointLines = parsed.filter((line) => line.type === 'teeka.audit.checkpoint');
    expect(checkpointLines).toHaveLength(3);
    for (const line of checkpointLines) {
      const jwk = keyLines.find((key) => key.jwk.kid === line.kid)!.jwk;
      const { protectedHeader } = await compactVerify(line.jws, await importJWK(jwk, 'ES256'));
      expect(protectedHeader.kid).toBe(line.kid);
    }
    expect(await after.auditLog.verify({ held: `${lines.join('\n')}\n` })).toMatchObject({ ok: true, checkpoints: 3, sealedThrough: 7 });
  });

  it('stops a server still on the old keyring from sealing past the retirement', async () => {
    const { before } = await rotatedChain();
    await appendEvents(before, 1, 'stale-');
    await expect(before.auditLog.checkpoint()).rejects.toThrow(/newest audit checkpoint is signed by key [A-Za-z0-9_-]{43}, which this keyring does not hold: the audit signing key was rotated; restart with the new keyring/);
  });

  it('refuses a checkpoint the retired key signed after its retirement', async () => {
    const { after, clock, oldKey } = await rotatedChain();
    await appendEvents(after, 2, 'covered-');
    await forgeCheckpoint(oldKey, clock.now());
    const result = await after.access.verifyChain();
    expect(result).toMatchObject({ ok: false, brokenAt: 8, sealedThrough: 7 });
    expect(result.problem).toBe(`The checkpoint for rows 8-9 is forged or altered: it is signed at ${clock.now().toISOString()} by key ${oldKey.kid}, retired at ${oldKey.retiredAt}.`);
    // The export carries the retirement, so a third party refuses it too.
    const lines: string[] = [];
    for await (const line of after.auditLog.exportCheckpoints()) lines.push(line);
    expect(await after.auditLog.verify({ held: lines.join('\n') })).toMatchObject({ ok: false, brokenAt: 8 });
  });

  it('refuses one the retired key dated before its retirement but placed after the new key signed', async () => {
    const { after, oldKey, newKey } = await rotatedChain();
    await appendEvents(after, 2, 'covered-');
    await forgeCheckpoint(oldKey, new Date(T0));
    const result = await after.access.verifyChain();
    expect(result).toMatchObject({ ok: false, brokenAt: 8 });
    expect(result.problem).toBe(`The checkpoint for rows 8-9 is forged: it is signed by key ${oldKey.kid}, retired before key ${newKey.kid} signed an earlier checkpoint.`);
  });

  it('names the kid of a checkpoint signed by a key no keyring holds', async () => {
    const { after, clock } = await rotatedChain();
    await appendEvents(after, 1, 'covered-');
    const stranger = newAuditSigningKey();
    await forgeCheckpoint(stranger, clock.now());
    const result = await after.access.verifyChain();
    expect(result).toMatchObject({ ok: false, brokenAt: 8 });
    expect(result.problem).toBe(`The checkpoint for row 8 is forged or altered: it is signed by key ${stranger.kid}, which is not one of the audit signing keys.`);
  });
});
