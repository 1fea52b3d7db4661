import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditKeyIdOf, generateKeyring, KeyringError, loadKeyring, parseKeyring, serialiseKeyring } from './keyring.js';

describe('the audit signing key in the keyring', () => {
  it('is generated with new keyrings, with its thumbprint as kid, and survives a round trip', () => {
    const keyring = generateKeyring();
    const key = keyring.auditSigningKey!;
    expect(key.kid).toBe(auditKeyIdOf(key.privateKeyPem));
    expect(key.kid).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(parseKeyring(serialiseKeyring(keyring)).auditSigningKey).toEqual(key);
  });

  it('refuses a kid that names another key', () => {
    const file = JSON.parse(serialiseKeyring(generateKeyring()));
    file.auditSigningKey.kid = generateKeyring().auditSigningKey!.kid;
    expect(() => parseKeyring(JSON.stringify(file))).toThrow(new KeyringError('keyring: auditSigningKey.kid does not match its key'));
  });

  it('is added to a development keyring from before audit checkpoints, and required of a production one', async () => {
    const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'teeka-keyring-'));
    try {
      const old = JSON.parse(serialiseKeyring(generateKeyring()));
      delete old.auditSigningKey;
      const file = path.join(dataDir, 'keyring.json');
      await fs.writeFile(file, JSON.stringify(old), { mode: 0o600 });
      await expect(loadKeyring({ env: 'production', keyringPath: file, dataDir })).rejects.toThrow(/has no audit signing key: add one with "teeka audit key --create"/);
      const upgraded = await loadKeyring({ env: 'development', dataDir });
      expect(upgraded.auditSigningKey?.kid).toBeDefined();
      expect(upgraded.dataKeys).toEqual(parseKeyring(JSON.stringify(old)).dataKeys);
      expect(JSON.parse(await fs.readFile(file, 'utf8')).auditSigningKey.kid).toBe(upgraded.auditSigningKey!.kid);
      expect((await fs.stat(file)).mode & 0o777).toBe(0o600);
    } finally {
      await fs.rm(dataDir, { recursive: true, force: true });
    }
  });
});
