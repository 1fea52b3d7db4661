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

export class CheckpointSigner {
  private readonly privateKey: KeyObject;
  readonly kid: string;
  readonly publicJwk: AuditPublicJwk;

  constructor(key: AuditSigningKey) {
    this.privateKey = createPrivateKey(key.privateKeyPem);
    this.kid = key.kid;
    const { crv, x, y } = createPublicKey(this.privateKey).export({ format: 'jwk' });
    this.publicJwk = { kty: 'EC', crv: crv as 'P-256', x: x!, y: y!, kid: key.kid, alg: 'ES256', use: 'sig' };
  }

  async sign(checkpoint: UnsignedCheckpoint): Promise<Checkpoint> {
    const jws = await new CompactSign(new TextEncoder().encode(JSON.stringify(claimsOf(checkpoint))))
      .setProtectedHeader({ alg: 'ES256', kid: this.kid, typ: CHECKPOINT_TYPE })
      .sign(this.privateKey);
    return { ...checkpoint, kid: this.kid, jws };
  }
}

/** Public keys a verifier trusts, by kid. */
export type TrustedAuditKeys = ReadonlyMap<string, KeyObject>;

export function trustedKeysOf(jwks: readonly JWK[]): TrustedAuditKeys {
  const keys = new Map<string, KeyObject>();
  for (const jwk of jwks) {
    if (jwk.kty !== 'EC' || jwk.crv !== 'P-256' || typeof jwk.kid !== 'string' || jwk.d !== undefined) {
      throw new TypeError('an audit verification key must be a public EC P-256 JWK with a kid');
    }
    keys.set(jwk.kid, createPublicKey({ key: { kty: jwk.kty, crv: jwk.crv, x: jwk.x!, y: jwk.y! }, format: 'jwk' }));
  }
  return keys;
}

/**
 * Checks a checkpoint's signature with a trusted key, and that the claims it signs are the
 * checkpoint's own fields; the reason when not, so the report can say what is wrong with it.
 */
export async function checkpointSignatureProblem(checkpoint: Checkpoint, keys: TrustedAuditKeys): Promise<string | undefined> {
  let kid: unknown;
  try {
    kid = decodeProtectedHeader(checkpoint.jws).kid;
  } catch {
    return 'its signature is not a JWS';
  }
  const key = typeof kid === 'string' ? keys.get(kid) : undefined;
  if (!key || kid !== checkpoint.kid) return 'it is signed by a key that is not the audit signing key';
  let claims: CheckpointClaims;
  try {
    const { payload, protectedHeader } = await compactVerify(checkpoint.jws, key, { algorithms: ['ES256'] });
    if (protectedHeader.typ !== CHECKPOINT_TYPE) return 'its signature is not over a checkpoint';
    claims = JSON.parse(new TextDecoder().decode(payload)) as CheckpointClaims;
  } catch {
    return 'its signature does not verify';
  }
  const expected = claimsOf(checkpoint);
  const altered = (Object.keys(expected) as (keyof CheckpointClaims)[]).find((name) => claims[name] !== expected[name]);
  return altered === undefined ? undefined : `its ${altered} differs from what was signed`;
}
