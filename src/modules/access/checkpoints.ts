import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { CompactSign, compactVerify, decodeProtectedHeader, type JWK } from 'jose';
import type { AuditSigningKey } from '../../core/crypto/keyring.js';

/**
 * A signed checkpoint of the audit chain (decision 0013): one segment of rows, `firstSeq` to
 * `lastSeq`, sealed by the head hash (the hash of row `lastSeq`) and the RFC 6962 Merkle root of the
 * segment's row hashes. `prevHead` is the head hash the checkpoint before ended on (the genesis hash
 * for the first), so the checkpoints form a chain of their own, and the oldest one still kept
 * anchors the rows that follow it after older segments expired.
 *
 * The signature is a compact JWS (ES256, `kid` = RFC 7638 thumbprint) over the claims in
 * `CheckpointClaims`: anyone holding the public JWK verifies it with any JOSE library.
 */
export interface Checkpoint {
  firstSeq: number;
  lastSeq: number;
  prevHead: string;
  headHash: string;
  merkleRoot: string;
  signedAt: Date;
  kid: string;
  jws: string;
}

/** What the JWS payload says, in the names a third party reads. */
export interface CheckpointClaims {
  v: 1;
  first_seq: number;
  last_seq: number;
  prev_head: string;
  head_hash: string;
  merkle_root: string;
  signed_at: string;
}

export const CHECKPOINT_TYPE = 'teeka-audit-checkpoint+jws';

export type UnsignedCheckpoint = Omit<Checkpoint, 'kid' | 'jws'>;

const claimsOf = (checkpoint: UnsignedCheckpoint): CheckpointClaims => ({
  v: 1,
  first_seq: checkpoint.firstSeq,
  last_seq: checkpoint.lastSeq,
  prev_head: checkpoint.prevHead,
  head_hash: checkpoint.headHash,
  merkle_root: checkpoint.merkleRoot,
  signed_at: checkpoint.signedAt.toISOString(),
});

/** The public half of the audit signing key, as a JWK carrying its kid. */
export interface AuditPublicJwk extends JWK {
  kty: 'EC';
  crv: 'P-256';
  x: string;
  y: string;
  kid: string;
  alg: 'ES256';
  use: 'sig';
}

/** The public half of an audit signing key, never its private part. */
export function publicJwkOf(key: AuditSigningKey): AuditPublicJwk {
  const { crv, x, y } = createPublicKey(createPrivateKey(key.privateKeyPem)).export({ format: 'jwk' });
  return { kty: 'EC', crv: crv as 'P-256', x: x!, y: y!, kid: key.kid, alg: 'ES256', use: 'sig' };
}

export class CheckpointSigner {
  private readonly privateKey: KeyObject;
  readonly kid: string;
  readonly publicJwk: AuditPublicJwk;

  constructor(key: AuditSigningKey) {
    this.privateKey = createPrivateKey(key.privateKeyPem);
    this.kid = key.kid;
    this.publicJwk = publicJwkOf(key);
  }

  async sign(checkpoint: UnsignedCheckpoint): Promise<Checkpoint> {
    const jws = await new CompactSign(new TextEncoder().encode(JSON.stringify(claimsOf(checkpoint))))
      .setProtectedHeader({ alg: 'ES256', kid: this.kid, typ: CHECKPOINT_TYPE })
      .sign(this.privateKey);
    return { ...checkpoint, kid: this.kid, jws };
  }
}

/** A public audit key as a verifier receives it: from the keyring, or from a key line of an export. */
export interface AuditVerificationKey {
  jwk: JWK;
  retiredAt?: Date | undefined;
}

export interface TrustedAuditKey {
  publicKey: KeyObject;
  /** Checkpoints this key signed at or after this time are forgeries: a retired key may never sign. */
  retiredAt: Date | undefined;
  /** Its place among the keys, oldest 0: keys sign in this order, never going back to an older one. */
  rank: number;
}

/** Public keys a verifier trusts, by kid. */
export type TrustedAuditKeys = ReadonlyMap<string, TrustedAuditKey>;

/** Trusted keys from verification keys given oldest first. */
export function trustedKeysOf(keys: readonly AuditVerificationKey[]): TrustedAuditKeys {
  const trusted = new Map<string, TrustedAuditKey>();
  keys.forEach(({ jwk, retiredAt }, rank) => {
    if (jwk.kty !== 'EC' || jwk.crv !== 'P-256' || typeof jwk.kid !== 'string' || jwk.d !== undefined) {
      throw new TypeError('an audit verification key must be a public EC P-256 JWK with a kid');
    }
    const publicKey = createPublicKey({ key: { kty: jwk.kty, crv: jwk.crv, x: jwk.x!, y: jwk.y! }, format: 'jwk' });
    trusted.set(jwk.kid, { publicKey, retiredAt, rank });
  });
  return trusted;
}

/** A kid as a report may print it: the header is whatever a forger wrote, so nothing but base64url. */
export function printableKid(kid: unknown): string {
  return typeof kid === 'string' && /^[A-Za-z0-9_-]{1,86}$/.test(kid) ? kid : '(unreadable)';
}

/**
 * Checks a checkpoint's signature with a trusted key, that the claims it signs are the
 * checkpoint's own fields, and that its key was not retired when it signed; the reason when not,
 * so the report can say what is wrong with it.
 */
export async function checkpointSignatureProblem(checkpoint: Checkpoint, keys: TrustedAuditKeys): Promise<string | undefined> {
  let kid: unknown;
  try {
    kid = decodeProtectedHeader(checkpoint.jws).kid;
  } catch {
    return 'its signature is not a JWS';
  }
  const key = typeof kid === 'string' ? keys.get(kid) : undefined;
  if (!key) return `it is signed by key ${printableKid(kid)}, which is not one of the audit signing keys`;
  if (kid !== checkpoint.kid) return `its kid ${printableKid(checkpoint.kid)} is not the key that signed it (${printableKid(kid)})`;
  let claims: CheckpointClaims;
  try {
    const { payload, protectedHeader } = await compactVerify(checkpoint.jws, key.publicKey, { algorithms: ['ES256'] });
    if (protectedHeader.typ !== CHECKPOINT_TYPE) return 'its signature is not over a checkpoint';
    claims = JSON.parse(new TextDecoder().decode(payload)) as CheckpointClaims;
  } catch {
    return 'its signature does not verify';
  }
  const expected = claimsOf(checkpoint);
  const altered = (Object.keys(expected) as (keyof CheckpointClaims)[]).find((name) => claims[name] !== expected[name]);
  if (altered !== undefined) return `its ${altered} differs from what was signed`;
  // decision 0013 (Rotation): whoever stole a retired key must not be able to seal new rows with it.
  if (key.retiredAt && checkpoint.signedAt >= key.retiredAt) {
    return `it is signed at ${expected.signed_at} by key ${kid}, retired at ${key.retiredAt.toISOString()}`;
  }
  return undefined;
}
