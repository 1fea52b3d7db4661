import { randomBytes, randomInt, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from './password-policy.js';

/**
 * Staff passwords, after OWASP's Password Storage Cheat Sheet: scrypt with N=2^15, r=8, p=1 and a
 * 16-byte salt per password, stored as a self-describing PHC string
 * (`$scrypt$ln=15,r=8,p=1$<salt>$<hash>`, unpadded base64) so the cost can rise later without
 * breaking stored hashes. Passwords are NFKC-normalised first (NIST SP 800-63B §5.1.1.2), so the
 * same password typed on two keyboards hashes alike.
 */
export const STAFF_PASSWORD_COST: PasswordCost = { ln: 15, r: 8, p: 1 };

/** scrypt's parameters: N = 2^ln, block size r, parallelism p. */
export interface PasswordCost { ln: number; r: number; p: number }
const SALT_BYTES = 16;
const HASH_BYTES = 32;
// 128·N·r is 32 MiB at these settings, exactly Node's default ceiling; leave headroom.
const MAX_MEMORY = 64 * 1024 * 1024;

export { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH };

const phcPattern = /^\$scrypt\$ln=(\d{1,2}),r=(\d{1,2}),p=(\d{1,2})\$([A-Za-z0-9+/]{16,})\$([A-Za-z0-9+/]{16,})$/;

function derive(password: string, salt: Buffer, cost: PasswordCost): Promise<Buffer> {
  const options: ScryptOptions = { N: 2 ** cost.ln, r: cost.r, p: cost.p, maxmem: MAX_MEMORY };
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFKC'), salt, HASH_BYTES, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

const unpadded = (bytes: Buffer) => bytes.toString('base64').replace(/=+$/, '');

export async function hashPassword(password: string, cost: PasswordCost = STAFF_PASSWORD_COST): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const hash = await derive(password, salt, cost);
  return `$scrypt$ln=${cost.ln},r=${cost.r},p=${cost.p}$${unpadded(salt)}$${unpadded(hash)}`;
}

/** Whether `password` matches `stored`, compared in constant time; false for a malformed hash. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const match = phcPattern.exec(stored);
  if (!match) return false;
  const cost = { ln: Number(match[1]), r: Number(match[2]), p: Number(match[3]) };
  // A hash edited in the database must not make one login cost minutes of CPU or gigabytes of memory.
  if (cost.ln < 10 || cost.r < 1 || cost.p < 1 || cost.p > 4 || 128 * 2 ** cost.ln * cost.r > MAX_MEMORY) return false;
  const expected = Buffer.from(match[5]!, 'base64');
  const actual = await derive(password, Buffer.from(match[4]!, 'base64'), cost);
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

const dummyHashes = new Map<string, Promise<string>>();

/**
 * A hash no password matches, checked when the username is unknown or the account is locked, so
 * those answers take as long as a wrong password (of the same cost) and timing does not tell which it was.
 */
export function hashToWasteTimeOn(cost: PasswordCost = STAFF_PASSWORD_COST): Promise<string> {
  const key = `${cost.ln},${cost.r},${cost.p}`;
  let dummy = dummyHashes.get(key);
  if (!dummy) dummyHashes.set(key, (dummy = hashPassword(randomBytes(32).toString('base64'), cost)));
  return dummy;
}

/** Why a new password is refused, or undefined when it is acceptable. */
export function weakPasswordReason(username: string, password: string, current?: string): string | undefined {
  const length = [...password.normalize('NFKC')].length;
  if (length < MIN_PASSWORD_LENGTH) return `The new password must be at least ${MIN_PASSWORD_LENGTH} characters long.`;
  if (length > MAX_PASSWORD_LENGTH) return `The new password must be at most ${MAX_PASSWORD_LENGTH} characters long.`;
  if (password.toLowerCase().includes(username.toLowerCase())) return 'The new password must not contain your username.';
  if (current !== undefined && password.normalize('NFKC') === current.normalize('NFKC')) {
    return 'The new password must differ from the current one.';
  }
  return undefined;
}

// No 0/o, 1/l/i: a one-time password is read off a terminal and typed by hand.
const READABLE = 'abcdefghjkmnpqrstuvwxyz23456789';

/** 20 characters from a CSPRNG (about 99 bits), in groups of five: `k7mq2-xw9dr-...`. */
export function generatePassword(): string {
  const groups: string[] = [];
  for (let g = 0; g < 4; g += 1) {
    let group = '';
    for (let i = 0; i < 5; i += 1) group += READABLE[randomInt(READABLE.length)];
    groups.push(group);
  }
  return groups.join('-');
}
