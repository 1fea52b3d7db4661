import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditKeyIdOf, auditSigningKeysOf, generateKeyring, KeyringError, loadKeyring, parseKeyring, rotateAuditSigningKey, serialiseKeyring } from './keyring.js';

/** A keyring file as JSON, to spoil in tests. */
interface KeyringJson {
  auditSigningKeys?: Record<string, unknown>[];
  auditSigningKey?: Record<string, unknown>;
}

/** A keyring file as written before audit keys rotated: one `auditSigningKey`, no list. */
function singleKeyFile() {
  const file = JSON.parse(serialiseKeyring(generateKeyring()));
  file.auditSigningKey = file.auditSigningKeys![0]!;
  delete file.auditSigningKeys;
  return file;
}

describe('the audit signing keys in the keyring', () => {
  it('are generated with new keyrings, one key with its thumbprint as kid, and survive a round trip', () => {
    const keyring = generateKeyring();
    const [key] = auditSigningKeysOf(keyring);
    expect(keyring.auditSigningKeys).toHaveLength(1);
    expect(key!.kid).toBe(auditKeyIdOf(key!.privateKeyPem));
    expect(key!.kid).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(parseKeyring(serialiseKeyring(keyring)).auditSigningKeys).toEqual([key]);
  });

  it('rotate: the old key retired at that moment, the new one signing, both surviving a round trip', () => {
    const keyring = generateKeyring();
    const [old] = keyring.auditSigningKeys;
    const { added, retired } = rotateAuditSigningKey(keyring, new Date('2026-03-01T00:00:00Z'));
    expect(retired).toBe(old);
    expect(old!.retiredAt).toBe('2026-03-01T00:00:00.000Z');
    expect(added.retiredAt).toBeUndefined();
    expect(auditSigningKeysOf(keyring).at(-1)).toBe(added);
    const read = parseKeyring(serialiseKeyring(keyring));
    expect(read.auditSigningKeys).toEqual([old, added]);
    expect(JSON.parse(serialiseKeyring(read)).auditSigningKey).toBeUndefined();
  });

  it('reads a keyring file in the single-key format from before rotation', () => {
    const file = singleKeyFile();
    const keyring = parseKeyring(JSON.stringify(file));
    expect(keyring.auditSigningKeys).toEqual([file.auditSigningKey]);
    // Written back, it takes the list form.
    expect(JSON.parse(serialiseKeyring(keyring)).auditSigningKeys).toEqual([file.auditSigningKey]);
  });

  it.each([
    ['a kid that names another key', (file: KeyringJson) => { file.auditSigningKeys![0]!.kid = generateKeyring().auditSigningKeys[0]!.kid; }, 'keyring: auditSigningKeys[0].kid does not match its key'],
    ['the same in the single-key format', (file: KeyringJson) => { file.auditSigningKey = { ...file.auditSigningKeys![0]!, kid: 'x' }; delete file.auditSigningKeys; }, 'keyring: auditSigningKey.kid does not match its key'],
    ['both formats at once', (file: KeyringJson) => { file.auditSigningKey = file.auditSigningKeys![0]!; }, 'keyring: has both auditSigningKey and auditSigningKeys; keep auditSigningKeys'],
    ['an older key never retired, which could sign for ever', (file: KeyringJson) => { file.auditSigningKeys!.unshift({ ...generateKeyring().auditSigningKeys[0]! }); }, 'keyring: auditSigningKeys[0] is older than the newest key but has no retiredAt'],
    ['a key twice', (file: KeyringJson) => { file.auditSigningKeys!.unshift({ ...file.auditSigningKeys![0]!, retiredAt: '2026-01-01T00:00:00Z' }); }, 'keyring: auditSigningKeys[1] repeats an earlier key'],
    ['a retiredAt that is no time', (file: KeyringJson) => { file.auditSigningKeys![0]!.retiredAt = 'last year'; }, 'keyring: auditSigningKeys[0].retiredAt is not an ISO time'],
  ])('refuses %s', (_what, spoil, message) => {
    const file = JSON.parse(serialiseKeyring(generateKeyring())) as KeyringJson;
    spoil(file);
    expect(() => parseKeyring(JSON.stringify(file))).toThrow(new KeyringError(message));
  });

  it('has no key that may sign when the newest was retired by hand', () => {
    const keyring = generateKeyring();
    keyring.auditSigningKeys[0]!.retiredAt = new Date().toISOString();
    expect(() => auditSigningKeysOf(keyring)).toThrow(/newest audit signing key is retired: add a new one with "teeka audit key --rotate"/);
  });

  it('is added to a development keyring from before audit checkpoints, and required of a production one', async () => {
    const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'teeka-keyring-'));
    try {
      const old = JSON.parse(serialiseKeyring(generateKeyring()));
      delete old.auditSigningKeys;
      const file = path.join(dataDir, 'keyring.json');
      await fs.writeFile(file, JSON.stringify(old), { mode: 0o600 });
      await expect(loadKeyring({ env: 'production', keyringPath: file, dataDir })).rejects.toThrow(/has no audit signing key: add one with "teeka audit key --create"/);
      const upgraded = await loadKeyring({ env: 'development', dataDir });
      expect(upgraded.auditSigningKeys).toHaveLength(1);
      expect(upgraded.dataKeys).toEqual(parseKeyring(JSON.stringify(old)).dataKeys);
      expect(JSON.parse(await fs.readFile(file, 'utf8')).auditSigningKeys[0].kid).toBe(upgraded.auditSigningKeys[0]!.kid);
      expect((await fs.stat(file)).mode & 0o777).toBe(0o600);
    } finally {
      await fs.rm(dataDir, { recursive: true, force: true });
    }
  });

  it('loads a development keyring in the single-key format as it is', async () => {
    const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'teeka-keyring-'));
    try {
      const file = singleKeyFile();
      await fs.writeFile(path.join(dataDir, 'keyring.json'), JSON.stringify(file), { mode: 0o600 });
      const keyring = await loadKeyring({ env: 'development', dataDir });
      expect(auditSigningKeysOf(keyring)).toEqual([file.auditSigningKey]);
      expect(JSON.parse(await fs.readFile(path.join(dataDir, 'keyring.json'), 'utf8'))).toEqual(file);
    } finally {
      await fs.rm(dataDir, { recursive: true, force: true });
    }
  });
});
