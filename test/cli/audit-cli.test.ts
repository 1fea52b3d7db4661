import { spawnSync } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/core/db.js';

const teeka = fileURLToPath(new URL('../../bin/teeka.js', import.meta.url));
let dataDir: string;

function run(args: string[]) {
  return spawnSync(process.execPath, [teeka, ...args], {
    encoding: 'utf8',
    env: { ...process.env, TEEKA_DATA_DIR: dataDir, DATABASE_URL: '', TEEKA_KEYRING: '' },
    timeout: 60_000,
  });
}

beforeAll(async () => {
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'teeka-audit-cli-'));
});
afterAll(() => fs.rm(dataDir, { recursive: true, force: true }));

// One data directory through the whole story, so the steps run in order: each spawns the CLI (a few seconds).
describe('teeka audit and teeka breach', () => {
  it('verifies an empty log, then seals, exports and verifies a growing one', async () => {
    const empty = run(['audit', 'verify']);
    expect(empty.status).toBe(0);
    expect(empty.stdout).toMatch(/^Audit log intact: 0 rows and 0 signed checkpoints verified; no checkpoint yet\.\n$/);

    expect(run(['staff', 'add', '--username', 'night.shift', '--role', 'auditor', '--scope', 'nation']).status).toBe(0);
    expect(run(['audit', 'checkpoint']).stdout).toMatch(/^Signed a checkpoint of row 1 /);

    const file = path.join(dataDir, 'held.jsonl');
    const exported = run(['audit', 'checkpoints', '--out', file]);
    expect(exported.status).toBe(0);
    expect(exported.stderr).toContain(`1 checkpoint and the public key written to ${file}`);
    const lines = (await fs.readFile(file, 'utf8')).trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.type)).toEqual(['teeka.audit.key', 'teeka.audit.checkpoint']);
    const key = JSON.parse(run(['audit', 'key']).stdout);
    expect(key).toEqual(lines[0].jwk);
    expect(key.d).toBeUndefined();

    const verified = run(['audit', 'verify', '--checkpoints', file]);
    expect(verified.status).toBe(0);
    expect(verified.stdout).toMatch(/Audit log intact: 1 row and 1 signed checkpoint verified; sealed through row 1\./);
    expect(verified.stderr).toMatch(/verifying the audit log .* 1\/1/);
    expect(run(['audit', 'expire']).stdout).toBe('Nothing to expire: no whole segment is older than the retention period.\n');
  }, 300_000);

  it('reports an actor\'s blast radius and writes the incident report', async () => {
    const out = path.join(dataDir, 'reports');
    const result = run(['breach', 'report', '--actor', 'night.shift', '--out', out, '--contact', '1075']);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^Incident INC-\d{8}-[0-9A-F]{6}: staff "night.shift"/);
    expect(result.stdout).toContain('People touched: 0 (0 accounts); reads: 0; refused attempts: 0');
    const files = (await fs.readdir(out)).sort();
    expect(files).toEqual([expect.stringMatching(/^INC-.*\.json$/), expect.stringMatching(/^INC-.*\.md$/)]);
    const report = JSON.parse(await fs.readFile(path.join(out, files[0]!), 'utf8'));
    expect(report).toMatchObject({ actor: { username: 'night.shift' }, affected: { people: 0 }, contact: '1075', log_integrity: { ok: true } });
    expect((await fs.stat(path.join(out, files[0]!))).mode & 0o777).toBe(0o600);
  }, 60_000);

  it.each([
    [['breach', 'report', '--actor', 'nobody.at.all'], /No staff account has the username or id "nobody.at.all"/],
    [['breach', 'report', '--actor', 'night.shift', '--notify'], /--notify needs --contact/],
    [['breach', 'report', '--actor', 'night.shift', '--since', 'yesterday'], /--since must be an ISO time/],
    [['audit', 'checkpoints', '--since-seq', 'ten'], /--since-seq must be a whole number/],
    [['audit', 'key', '--rotate', '--public'], /give one of --public, --create and --rotate/],
  ])('refuses %j with a message saying what to give', (args, message) => {
    const result = run(args);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(message);
  }, 60_000);

  it('rotates the audit key: the old one retired but still verifying what it signed, the new one signing', async () => {
    const oldKid = JSON.parse(run(['audit', 'key']).stdout).kid;
    const rotated = run(['audit', 'key', '--rotate']);
    expect(rotated.status).toBe(0);
    const newKid = /^Added audit signing key ([A-Za-z0-9_-]{43}) to /.exec(rotated.stdout)?.[1];
    expect(newKid).toBeDefined();
    expect(rotated.stdout).toContain(`; key ${oldKid} is retired and only verifies what it signed before `);
    expect(rotated.stdout).toMatch(/Recorded the rotation and sealed it with the new key \(rows \d+-\d+\)\.\nRestart every server now/);
    const keyringFile = path.join(dataDir, 'keyring.json');
    const { auditSigningKeys } = JSON.parse(await fs.readFile(keyringFile, 'utf8'));
    expect(auditSigningKeys.map((k: { kid: string }) => k.kid)).toEqual([oldKid, newKid]);
    expect(auditSigningKeys[0].retiredAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect((await fs.stat(keyringFile)).mode & 0o777).toBe(0o600);

    const jwks = JSON.parse(run(['audit', 'key', '--public']).stdout);
    expect(jwks.keys.map((k: { kid: string; d?: string }) => [k.kid, k.d])).toEqual([[oldKid, undefined], [newKid, undefined]]);
    expect(JSON.parse(run(['audit', 'key']).stdout).kid).toBe(newKid);

    const verified = run(['audit', 'verify']);
    expect(verified.status).toBe(0);
    expect(verified.stdout).toMatch(/^Audit log intact: \d+ rows and 2 signed checkpoints verified; sealed through row \d+\.\n$/);
    const file = path.join(dataDir, 'held-after-rotation.jsonl');
    expect(run(['audit', 'checkpoints', '--out', file]).stderr).toContain(`2 checkpoints and 2 public keys written to ${file}`);
    expect(run(['audit', 'verify', '--checkpoints', file]).status).toBe(0);
  }, 300_000);

  it('exits 1 and names the row after the database is edited', async () => {
    const database = await openDatabase({ dataDir });
    await sql`UPDATE audit_event SET outcome = 'failed' WHERE seq = 1`.execute(database.db);
    await database.close();
    const result = run(['audit', 'verify']);
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/^Audit log BROKEN at row 1: Row 1 was edited: its content does not match its hash\.\n/);
  }, 60_000);
});
