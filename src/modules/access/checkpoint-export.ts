import type { JWK } from 'jose';
import { AppError } from '../../core/errors.js';
import type { AuditPublicJwk, AuditVerificationKey, Checkpoint } from './checkpoints.js';

/**
 * The export a third party holds (`teeka audit checkpoints`): JSON lines, first one per audit
 * signing key, oldest first, each with its public JWK and, once rotated out, `retired_at`; then one
 * checkpoint per line with its compact JWS, whose `kid` names the key line that verifies it. The JWS
 * alone proves the checkpoint; the fields beside it repeat its claims for people reading the file.
 * Appending the output of `--since-seq` to an earlier file keeps it one valid export.
 */
export const KEY_LINE = 'teeka.audit.key';
export const CHECKPOINT_LINE = 'teeka.audit.checkpoint';

export function keyLine(key: { jwk: AuditPublicJwk; retiredAt?: Date | undefined }): string {
  return JSON.stringify({ type: KEY_LINE, jwk: key.jwk, ...(key.retiredAt ? { retired_at: key.retiredAt.toISOString() } : {}) });
}

export function checkpointLine(cp: Checkpoint): string {
  return JSON.stringify({
    type: CHECKPOINT_LINE, first_seq: cp.firstSeq, last_seq: cp.lastSeq, prev_head: cp.prevHead, head_hash: cp.headHash,
    merkle_root: cp.merkleRoot, signed_at: cp.signedAt.toISOString(), kid: cp.kid, jws: cp.jws,
  });
}

export interface CheckpointExport {
  /** Oldest first, in the order the file first names them. */
  keys: AuditVerificationKey[];
  checkpoints: Checkpoint[];
}

const HEX64 = /^[0-9a-f]{64}$/;
const invalid = (line: number, what: string) =>
  new AppError('CHECKPOINT_FILE_INVALID', 400, `Line ${line} of the checkpoint file ${what}; give a file written by "teeka audit checkpoints".`, 'checkpoints');

function checkpointOf(value: Record<string, unknown>, line: number): Checkpoint {
  const { first_seq: firstSeq, last_seq: lastSeq, prev_head: prevHead, head_hash: headHash, merkle_root: merkleRoot, signed_at: signedAt, kid, jws } = value;
  if (!Number.isSafeInteger(firstSeq) || !Number.isSafeInteger(lastSeq)) throw invalid(line, 'has no whole-number first_seq and last_seq');
  if (![prevHead, headHash, merkleRoot].every((h) => typeof h === 'string' && HEX64.test(h))) throw invalid(line, 'has a hash that is not 64 hex digits');
  const at = typeof signedAt === 'string' ? new Date(signedAt) : new Date(NaN);
  if (Number.isNaN(at.getTime())) throw invalid(line, 'has no signed_at time');
  if (typeof kid !== 'string' || typeof jws !== 'string') throw invalid(line, 'has no kid or jws');
  return { firstSeq: firstSeq as number, lastSeq: lastSeq as number, prevHead: prevHead as string, headHash: headHash as string, merkleRoot: merkleRoot as string, signedAt: at, kid, jws };
}

function retiredAtOf(value: unknown, line: number): Date | undefined {
  if (value === undefined) return undefined;
  const at = typeof value === 'string' ? new Date(value) : new Date(NaN);
  if (Number.isNaN(at.getTime())) throw invalid(line, 'has a retired_at that is not a time');
  return at;
}

/** Reads an export; duplicate lines (a file appended to twice) count once. */
export function parseCheckpointExport(text: string): CheckpointExport {
  const keys = new Map<string, AuditVerificationKey>();
  const checkpoints = new Map<number, Checkpoint>();
  text.split('\n').forEach((raw, index) => {
    if (raw.trim() === '') return;
    let value: Record<string, unknown>;
    try {
      value = JSON.parse(raw) as Record<string, unknown>;
    } catch {
      throw invalid(index + 1, 'is not JSON');
    }
    if (value.type === KEY_LINE) {
      const jwk = value.jwk as JWK | undefined;
      if (!jwk || typeof jwk.kid !== 'string') throw invalid(index + 1, 'has no key with a kid');
      const retiredAt = retiredAtOf(value.retired_at, index + 1);
      // A file appended to after a rotation names a key twice, before and after it retired: the earlier retirement holds.
      const earlier = keys.get(jwk.kid)?.retiredAt;
      keys.set(jwk.kid, { jwk: keys.get(jwk.kid)?.jwk ?? jwk, retiredAt: earlier && (!retiredAt || earlier < retiredAt) ? earlier : retiredAt });
    } else if (value.type === CHECKPOINT_LINE) {
      const cp = checkpointOf(value, index + 1);
      checkpoints.set(cp.firstSeq, cp);
    } else {
      throw invalid(index + 1, 'is neither a key nor a checkpoint');
    }
  });
  if (keys.size === 0) {
    throw new AppError('CHECKPOINT_FILE_INVALID', 400, 'The checkpoint file carries no public key line; give a file written by "teeka audit checkpoints".', 'checkpoints');
  }
  return { keys: [...keys.values()], checkpoints: [...checkpoints.values()].sort((a, b) => a.firstSeq - b.firstSeq) };
}
