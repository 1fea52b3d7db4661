import { calculateJwkThumbprint, importJWK, type JWK } from 'jose';
import { badPartnerInput } from './errors.js';

/** Algorithms a partner may sign its client assertions with (RFC 7518). */
export const assertionAlgorithms = ['ES256', 'RS256', 'PS256'] as const;

// RFC 7517/7518 members that belong to private or symmetric keys; none may be registered.
const secretMembers = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth', 'k'] as const;
const MIN_RSA_BITS = 2048;

/** A public key as stored: only the members a verifier needs, with a kid. */
export type PartnerJwk = JWK & { kid: string };

/**
 * Checks a partner's public keys and keeps only their public members. Each must be an EC P-256 or
 * RSA (2048 bits or more) signing key that jose can import; private material is refused outright,
 * because a partner that sent it has leaked its key and must make a new one. Keys without a kid get
 * their RFC 7638 thumbprint as kid.
 */
export async function validatePartnerJwks(jwks: { keys: readonly Record<string, unknown>[] }): Promise<{ keys: PartnerJwk[] }> {
  const keys: PartnerJwk[] = [];
  for (const [i, raw] of jwks.keys.entries()) {
    const field = `jwks.keys[${i}]`;
    const secret = secretMembers.find((m) => m in raw);
    if (secret) throw badPartnerInput(field, `holds private key material ("${secret}"). Register only the public key, and make a new key pair: this one is no longer secret`);
    const kid = raw.kid;
    if (kid !== undefined && (typeof kid !== 'string' || !/^[\x21-\x7e]{1,100}$/.test(kid))) throw badPartnerInput(`${field}.kid`, 'must be 1 to 100 printable characters');
    if (raw.use !== undefined && raw.use !== 'sig') throw badPartnerInput(`${field}.use`, 'must be "sig": these keys sign client assertions');
    const alg = raw.alg;
    if (alg !== undefined && !assertionAlgorithms.includes(alg as (typeof assertionAlgorithms)[number])) {
      throw badPartnerInput(`${field}.alg`, `must be one of ${assertionAlgorithms.join(', ')}`);
    }
    const key = publicMembers(raw, field);
    if (alg !== undefined && (alg === 'ES256') !== (key.kty === 'EC')) throw badPartnerInput(`${field}.alg`, 'ES256 goes with an EC P-256 key, RS256 and PS256 with an RSA key');
    try {
      await importJWK(key, key.kty === 'EC' ? 'ES256' : (alg as string | undefined) ?? 'RS256');
    } catch {
      throw badPartnerInput(field, 'is not a valid public key (check x and y, or n and e, are base64url)');
    }
    const published = { ...key, kid: (kid as string | undefined) ?? (await calculateJwkThumbprint(key, 'sha256')), use: 'sig', ...(alg ? { alg: alg as string } : {}) };
    if (keys.some((k) => k.kid === published.kid)) throw badPartnerInput(`${field}.kid`, `"${published.kid}" is used by another key; each key needs its own kid`);
    keys.push(published);
  }
  return { keys };
}

function publicMembers(raw: Record<string, unknown>, field: string): JWK {
  const text = (name: string): string => {
    const value = raw[name];
    if (typeof value !== 'string' || !/^[A-Za-z0-9_-]+$/.test(value)) throw badPartnerInput(`${field}.${name}`, 'is missing or not base64url');
    return value;
  };
  if (raw.kty === 'EC') {
    if (raw.crv !== 'P-256') throw badPartnerInput(`${field}.crv`, 'must be "P-256" for an EC key (ES256)');
    return { kty: 'EC', crv: 'P-256', x: text('x'), y: text('y') };
  }
  if (raw.kty === 'RSA') {
    const n = text('n');
    if (Buffer.from(n, 'base64url').length * 8 < MIN_RSA_BITS) throw badPartnerInput(`${field}.n`, `an RSA key must have at least ${MIN_RSA_BITS} bits`);
    return { kty: 'RSA', n, e: text('e') };
  }
  throw badPartnerInput(`${field}.kty`, 'must be "EC" (P-256) or "RSA"');
}
