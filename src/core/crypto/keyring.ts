import { generateKeyPairSync, randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';

/**
 * Every secret key Teeka uses, kept outside the database (DESIGN.md §5), so that a dump of the
 * database alone reveals no mobile, ID number or name.
 *
 * - dataKeys: AES-256-GCM keys for encrypted columns. Each ciphertext names its key id, so old
 *   rows stay readable after `currentDataKey` moves on to a new key.
 * - hmacKeys: one HMAC-SHA-256 key per purpose, never shared between purposes: blind indexes
 *   (lookups and uniqueness), OTP hashes, login tokens, captcha answers, appointment security codes.
 */
export interface Keyring {
  dataKeys: Map<string, Buffer>;
  currentDataKey: string;
  hmacKeys: Record<HmacPurpose, Buffer>;
  /**
   * Certificate signing keys (ECDSA P-256, PKCS #8 PEM), oldest first. The newest unretired one
   * signs; every key stays in the trust list until retired, so rotation keeps old certificates valid.
   */
  signingKeys: CertificateSigningKey[];
}

export interface CertificateSigningKey {
  privateKeyPem: string;
  createdAt: string;
  retiredAt?: string | undefined;
}

export const hmacPurposes = ['blindIndex', 'otp', 'token', 'captcha', 'securityCode'] as const;
export type HmacPurpose = (typeof hmacPurposes)[number];

interface KeyringFile {
  version: 1;
  currentDataKey: string;
  dataKeys: Record<string, string>;
  hmacKeys: Record<string, string>;
  signingKeys?: CertificateSigningKey[];
}

export class KeyringError extends Error {}

function newKey(): Buffer {
  return randomBytes(32);
}

export function newCertificateSigningKey(now: Date = new Date()): CertificateSigningKey {
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return { privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), createdAt: now.toISOString() };
}

export function generateKeyring(): Keyring {
  const id = `dk-${randomBytes(4).toString('hex')}`;
  return {
    dataKeys: new Map([[id, newKey()]]),
    currentDataKey: id,
    hmacKeys: Object.fromEntries(hmacPurposes.map((purpose) => [purpose, newKey()])) as Record<HmacPurpose, Buffer>,
    signingKeys: [newCertificateSigningKey()],
  };
}

function decodeKey(value: unknown, name: string): Buffer {
  if (typeof value !== 'string') throw new KeyringError(`keyring: ${name} is missing`);
  const key = Buffer.from(value, 'base64');
  if (key.length !== 32) throw new KeyringError(`keyring: ${name} must be 32 bytes, base64`);
  return key;
}

export function parseKeyring(text: string): Keyring {
  let file: KeyringFile;
  try {
    file = JSON.parse(text) as KeyringFile;
  } catch {
    throw new KeyringError('keyring: not valid JSON');
  }
  if (file.version !== 1) throw new KeyringError('keyring: unknown version');
  const dataKeys = new Map(Object.entries(file.dataKeys ?? {}).map(([id, key]) => [id, decodeKey(key, `dataKeys.${id}`)]));
  if (!dataKeys.has(file.currentDataKey)) throw new KeyringError('keyring: currentDataKey names no data key');
  const hmacKeys = Object.fromEntries(
    hmacPurposes.map((purpose) => [purpose, decodeKey(file.hmacKeys?.[purpose], `hmacKeys.${purpose}`)]),
  ) as Record<HmacPurpose, Buffer>;
  const signingKeys = (file.signingKeys ?? []).map((key, i) => {
    if (typeof key?.privateKeyPem !== 'string' || !key.privateKeyPem.includes('PRIVATE KEY')) throw new KeyringError(`keyring: signingKeys[${i}] is not a PEM private key`);
    return { privateKeyPem: key.privateKeyPem, createdAt: String(key.createdAt), retiredAt: key.retiredAt };
  });
  return { dataKeys, currentDataKey: file.currentDataKey, hmacKeys, signingKeys };
}

export function serialiseKeyring(keyring: Keyring): string {
  const file: KeyringFile = {
    version: 1,
    currentDataKey: keyring.currentDataKey,
    dataKeys: Object.fromEntries([...keyring.dataKeys].map(([id, key]) => [id, key.toString('base64')])),
    hmacKeys: Object.fromEntries(hmacPurposes.map((p) => [p, keyring.hmacKeys[p].toString('base64')])),
    signingKeys: keyring.signingKeys,
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/**
 * Production reads the keyring named by TEEKA_KEYRING and refuses to start without one.
 * Development generates one on first start into the data directory, readable by its owner only.
 */
export async function loadKeyring(options: { env: 'development' | 'production'; keyringPath?: string; dataDir: string }): Promise<Keyring> {
  if (options.keyringPath) return parseKeyring(await fs.readFile(options.keyringPath, 'utf8'));
  if (options.env === 'production') {
    throw new KeyringError('TEEKA_ENV=production needs TEEKA_KEYRING: the path of a keyring file made with "teeka keys generate"');
  }
  const devPath = path.join(options.dataDir, 'keyring.json');
  try {
    const existing = parseKeyring(await fs.readFile(devPath, 'utf8'));
    // A development keyring from before certificates gets its first signing key.
    if (existing.signingKeys.length === 0) {
      existing.signingKeys.push(newCertificateSigningKey());
      await fs.writeFile(devPath, serialiseKeyring(existing), { mode: 0o600 });
    }
    return existing;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const keyring = generateKeyring();
  await fs.mkdir(options.dataDir, { recursive: true });
  await fs.writeFile(devPath, serialiseKeyring(keyring), { mode: 0o600, flag: 'wx' });
  return keyring;
}
