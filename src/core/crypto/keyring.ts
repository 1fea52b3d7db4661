import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes } from 'node:crypto';
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
 * - signingKeys: certificate signing keys; auditSigningKeys: the keys that sign audit checkpoints
 *   (decision 0013), kept apart so that certificate key rotation never touches the log's proofs.
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
  /**
   * The audit log's checkpoint keys (ES256), oldest first. The newest signs; every older one is
   * retired and kept only to verify the checkpoints it signed before its `retiredAt` (decision 0013,
   * Rotation). Empty only in a keyring file from before audit checkpoints: development adds one on
   * start, production refuses to start without it.
   */
  auditSigningKeys: AuditSigningKey[];
}

export interface AuditSigningKey {
  /** ECDSA P-256, PKCS #8 PEM. */
  privateKeyPem: string;
  /** RFC 7638 SHA-256 thumbprint of the public key, base64url: recomputable by anyone holding the public JWK. */
  kid: string;
  createdAt: string;
  /** ISO time after which a checkpoint signed with this key is a forgery. */
  retiredAt?: string | undefined;
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
  auditSigningKeys?: AuditSigningKey[];
  /** The single key of keyring files written before rotation; read, never written. */
  auditSigningKey?: AuditSigningKey;
}

export class KeyringError extends Error {}

function newKey(): Buffer {
  return randomBytes(32);
}

export function newCertificateSigningKey(now: Date = new Date()): CertificateSigningKey {
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return { privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), createdAt: now.toISOString() };
}

/** The RFC 7638 thumbprint of an EC private key's public half (members crv, kty, x, y in that order). */
export function auditKeyIdOf(privateKeyPem: string): string {
  const jwk = createPublicKey(createPrivateKey(privateKeyPem)).export({ format: 'jwk' });
  return createHash('sha256').update(JSON.stringify({ crv: jwk.crv, kty: jwk.kty, x: jwk.x, y: jwk.y })).digest('base64url');
}

export function newAuditSigningKey(now: Date = new Date()): AuditSigningKey {
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const privateKeyPem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  return { privateKeyPem, kid: auditKeyIdOf(privateKeyPem), createdAt: now.toISOString() };
}

function parseAuditSigningKey(key: AuditSigningKey, name: string): AuditSigningKey {
  if (typeof key?.privateKeyPem !== 'string' || !key.privateKeyPem.includes('PRIVATE KEY')) throw new KeyringError(`keyring: ${name} is not a PEM private key`);
  let kid: string;
  try {
    kid = auditKeyIdOf(key.privateKeyPem);
  } catch {
    throw new KeyringError(`keyring: ${name} is not an ECDSA P-256 private key`);
  }
  // A kid that names another key would make every checkpoint look forged to a third party.
  if (key.kid !== kid) throw new KeyringError(`keyring: ${name}.kid does not match its key`);
  if (key.retiredAt === undefined) return { privateKeyPem: key.privateKeyPem, kid, createdAt: String(key.createdAt) };
  const retiredAt = new Date(String(key.retiredAt));
  if (Number.isNaN(retiredAt.getTime())) throw new KeyringError(`keyring: ${name}.retiredAt is not an ISO time`);
  return { privateKeyPem: key.privateKeyPem, kid, createdAt: String(key.createdAt), retiredAt: retiredAt.toISOString() };
}

/** The audit keys of a keyring file, from the list or from the single key of files before rotation. */
function parseAuditSigningKeys(file: KeyringFile): AuditSigningKey[] {
  if (file.auditSigningKeys !== undefined && file.auditSigningKey !== undefined) {
    throw new KeyringError('keyring: has both auditSigningKey and auditSigningKeys; keep auditSigningKeys');
  }
  if (file.auditSigningKey !== undefined) return [parseAuditSigningKey(file.auditSigningKey, 'auditSigningKey')];
  if (file.auditSigningKeys === undefined) return [];
  if (!Array.isArray(file.auditSigningKeys)) throw new KeyringError('keyring: auditSigningKeys is not a list');
  const keys = file.auditSigningKeys.map((key, i) => parseAuditSigningKey(key, `auditSigningKeys[${i}]`));
  keys.forEach((key, i) => {
    if (keys.findIndex((other) => other.kid === key.kid) !== i) throw new KeyringError(`keyring: auditSigningKeys[${i}] repeats an earlier key`);
    // An older key left unretired could sign for ever: whoever stole it could forge new checkpoints.
    if (i < keys.length - 1 && key.retiredAt === undefined) throw new KeyringError(`keyring: auditSigningKeys[${i}] is older than the newest key but has no retiredAt`);
  });
  return keys;
}

/**
 * The audit keys, oldest first, the newest signing: a keyring from before audit checkpoints has
 * none, and one whose newest key was retired has none that may sign; neither can run the server.
 */
export function auditSigningKeysOf(keyring: Keyring): AuditSigningKey[] {
  const newest = keyring.auditSigningKeys.at(-1);
  if (!newest) throw new KeyringError('the keyring has no audit signing key: add one with "teeka audit key --create" (decision 0013)');
  if (newest.retiredAt !== undefined) throw new KeyringError('the keyring\'s newest audit signing key is retired: add a new one with "teeka audit key --rotate" (decision 0013)');
  return keyring.auditSigningKeys;
}

/**
 * Retires the signing audit key at `now` and adds a new one, which signs from then on. `retired` is
 * the key this retired, none when the newest key was retired already.
 */
export function rotateAuditSigningKey(keyring: Keyring, now: Date = new Date()): { added: AuditSigningKey; retired: AuditSigningKey | undefined } {
  const newest = keyring.auditSigningKeys.at(-1);
  const retired = newest && newest.retiredAt === undefined ? newest : undefined;
  if (retired) retired.retiredAt = now.toISOString();
  const added = newAuditSigningKey(now);
  keyring.auditSigningKeys.push(added);
  return { added, retired };
}

export function generateKeyring(): Keyring {
  const id = `dk-${randomBytes(4).toString('hex')}`;
  return {
    dataKeys: new Map([[id, newKey()]]),
    currentDataKey: id,
    hmacKeys: Object.fromEntries(hmacPurposes.map((purpose) => [purpose, newKey()])) as Record<HmacPurpose, Buffer>,
    signingKeys: [newCertificateSigningKey()],
    auditSigningKeys: [newAuditSigningKey()],
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
  return { dataKeys, currentDataKey: file.currentDataKey, hmacKeys, signingKeys, auditSigningKeys: parseAuditSigningKeys(file) };
}

export function serialiseKeyring(keyring: Keyring): string {
  const file: KeyringFile = {
    version: 1,
    currentDataKey: keyring.currentDataKey,
    dataKeys: Object.fromEntries([...keyring.dataKeys].map(([id, key]) => [id, key.toString('base64')])),
    hmacKeys: Object.fromEntries(hmacPurposes.map((p) => [p, keyring.hmacKeys[p].toString('base64')])),
    signingKeys: keyring.signingKeys,
    ...(keyring.auditSigningKeys.length > 0 ? { auditSigningKeys: keyring.auditSigningKeys } : {}),
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/**
 * Production reads the keyring named by TEEKA_KEYRING and refuses to start without one.
 * Development generates one on first start into the data directory, readable by its owner only.
 */
export async function loadKeyring(options: { env: 'development' | 'production'; keyringPath?: string; dataDir: string }): Promise<Keyring> {
  if (options.keyringPath) {
    const keyring = parseKeyring(await fs.readFile(options.keyringPath, 'utf8'));
    if (keyring.auditSigningKeys.length === 0) {
      throw new KeyringError(`the keyring ${options.keyringPath} has no audit signing key: add one with "teeka audit key --create" (decision 0013)`);
    }
    return keyring;
  }
  if (options.env === 'production') {
    throw new KeyringError('TEEKA_ENV=production needs TEEKA_KEYRING: the path of a keyring file made with "teeka keys generate"');
  }
  const devPath = path.join(options.dataDir, 'keyring.json');
  try {
    const existing = parseKeyring(await fs.readFile(devPath, 'utf8'));
    // A development keyring from before certificates gets its first signing key, and one from
    // before audit checkpoints its audit signing key.
    const lacksSigningKey = existing.signingKeys.length === 0;
    const lacksAuditKey = existing.auditSigningKeys.length === 0;
    if (lacksSigningKey) existing.signingKeys.push(newCertificateSigningKey());
    if (lacksAuditKey) existing.auditSigningKeys.push(newAuditSigningKey());
    if (lacksSigningKey || lacksAuditKey) await fs.writeFile(devPath, serialiseKeyring(existing), { mode: 0o600 });
    return existing;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const keyring = generateKeyring();
  await fs.mkdir(options.dataDir, { recursive: true });
  await fs.writeFile(devPath, serialiseKeyring(keyring), { mode: 0o600, flag: 'wx' });
  return keyring;
}
