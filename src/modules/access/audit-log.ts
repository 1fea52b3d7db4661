import type { Clock } from '../../core/clock.js';
import { KeyringError, type AuditSigningKey } from '../../core/crypto/keyring.js';
import type { Db } from '../../core/db.js';
import { checkpointLine, keyLine, parseCheckpointExport } from './checkpoint-export.js';
import * as checkpointStore from './checkpoint-store.js';
import { CheckpointSigner, printableKid, publicJwkOf, trustedKeysOf, type AuditPublicJwk, type AuditVerificationKey, type Checkpoint } from './checkpoints.js';
import { verifyChain, type ChainSource, type ChainVerification } from './chain-verifier.js';
import { GENESIS_HASH } from './hash-chain.js';
import { MerkleTree } from './merkle.js';
import { expireSegments, retentionCutoff, type ExpiryReport } from './retention.js';
import type { AuditEvent } from './schema.js';
import * as store from './store.js';

const ROW_BATCH = 5000;
const CHECKPOINT_BATCH = 1000;
const MINUTE_MS = 60 * 1000;
const DAY_MS = 24 * 60 * MINUTE_MS;

export interface Upkeep {
  /** Stops the timers and seals what was appended since the last checkpoint. */
  stop(): Promise<void>;
}

/**
 * The audit log as evidence (decision 0013): signed checkpoints every minute, verification of the
 * rows against them, the export a third party holds, and expiry after the retention period. Appends
 * stay in AccessService.record; nothing here touches the append path, so sealing costs the writers
 * nothing: the Merkle work happens once a minute, over the rows appended in that minute.
 */
export class AuditLog {
  private readonly signer: CheckpointSigner;
  private readonly verificationKeys: { jwk: AuditPublicJwk; retiredAt: Date | undefined }[];
  private sealing: Promise<unknown> = Promise.resolve();

  /** `signingKeys`: the keyring's audit keys, oldest first; the newest signs, the retired ones only verify. */
  constructor(private readonly deps: { db: Db; clock: Clock; signingKeys: readonly AuditSigningKey[]; retentionDays: number }) {
    this.signer = new CheckpointSigner(deps.signingKeys.at(-1)!);
    this.verificationKeys = deps.signingKeys.map((key) => ({ jwk: publicJwkOf(key), retiredAt: key.retiredAt === undefined ? undefined : new Date(key.retiredAt) }));
  }

  /** The public key that signs new checkpoints. */
  get publicJwk(): AuditPublicJwk {
    return this.signer.publicJwk;
  }

  /** Every public key that verifies checkpoints, oldest first, with the time each retired. */
  get publicKeys(): AuditVerificationKey[] {
    return this.verificationKeys;
  }

  /**
   * Seals the rows appended since the last checkpoint, if any: their Merkle root and head hash,
   * linked to the previous checkpoint's head, signed. Runs one at a time in this process; across
   * instances the first to write a segment wins (checkpoint-store.insertCheckpoint).
   */
  checkpoint(): Promise<Checkpoint | undefined> {
    const run = this.sealing.then(() => this.sealNewRows());
    this.sealing = run.catch(() => undefined);
    return run;
  }

  private async sealNewRows(): Promise<Checkpoint | undefined> {
    const { db, clock } = this.deps;
    const latest = await checkpointStore.selectLatestCheckpoint(db);
    // A server started before `teeka audit key --rotate` would sign past its key's retirement, and
    // every such checkpoint would then fail verification: the rotation's own checkpoint stops it here.
    if (latest && !this.verificationKeys.some((key) => key.jwk.kid === latest.kid)) {
      throw new KeyringError(`the newest audit checkpoint is signed by key ${printableKid(latest.kid)}, which this keyring does not hold: the audit signing key was rotated; restart with the new keyring`);
    }
    const lastSeq = await store.selectLastSeq(db);
    const afterSeq = latest?.lastSeq ?? 0;
    if (lastSeq <= afterSeq) return undefined;
    const tree = new MerkleTree();
    let head: string | undefined;
    for (let after = afterSeq; after < lastSeq;) {
      const links = await store.selectChainLinks(db, after, lastSeq, ROW_BATCH);
      if (links.length === 0) break;
      for (const link of links) tree.add(link.hash);
      head = links.at(-1)!.hash;
      after = links.at(-1)!.seq;
    }
    if (head === undefined) return undefined;
    const checkpoint = await this.signer.sign({
      firstSeq: afterSeq + 1, lastSeq, prevHead: latest?.headHash ?? GENESIS_HASH, headHash: head, merkleRoot: tree.root(), signedAt: clock.now(),
    });
    return (await checkpointStore.insertCheckpoint(db, checkpoint)) ? checkpoint : undefined;
  }

  /**
   * Checks every row and every checkpoint (chain-verifier.ts). With `held`, the text of an export a
   * third party kept, the rows are checked against those checkpoints and the key in that file
   * instead of the database's own: what a rewrite that also re-signed the table cannot survive.
   */
  async verify(options: { onProgress?: (checked: number, total: number) => void; held?: string } = {}): Promise<ChainVerification> {
    const { db, clock, retentionDays } = this.deps;
    const held = options.held === undefined ? undefined : parseCheckpointExport(options.held);
    const keys = trustedKeysOf(held ? held.keys : this.verificationKeys);
    const source: ChainSource = {
      complete: !held,
      rowCount: () => store.countEvents(db),
      rows: () => pages((after) => store.selectEventsAfter(db, after, ROW_BATCH), (row) => row.seq),
      checkpoints: () => (held
        ? (async function* () { yield held.checkpoints; })()
        : pages((after) => checkpointStore.selectCheckpointsEndingAfter(db, after, CHECKPOINT_BATCH), (cp) => cp.lastSeq)),
    };
    return verifyChain(source, { keys, retentionCutoff: retentionCutoff(clock.now(), retentionDays), onProgress: options.onProgress });
  }

  /** The export for a third party, line by line: every key, then checkpoints ending after `sinceSeq`. */
  async *exportCheckpoints(sinceSeq = 0): AsyncGenerator<string> {
    for (const key of this.verificationKeys) yield keyLine(key);
    for await (const batch of pages((after) => checkpointStore.selectCheckpointsEndingAfter(this.deps.db, after, CHECKPOINT_BATCH), (cp) => cp.lastSeq, sinceSeq)) {
      for (const cp of batch) yield checkpointLine(cp);
    }
  }

  /**
   * Right after `teeka audit key --rotate`, with the new key signing: records the rotation and seals
   * it, so that servers still on the old keyring stop sealing (sealNewRows). Returns when the
   * retired key last signed a checkpoint, which its retirement must come after.
   */
  async sealRotation(retiredKid: string | undefined): Promise<{ sealed: Checkpoint | undefined; retiredKeyLastSigned: Date | undefined }> {
    const { db, clock } = this.deps;
    await db.transaction().execute((trx) => store.appendAuditEvent(trx, {
      at: clock.now(), type: 'audit.key.rotated', actorKind: 'system', actorId: 'audit-key', subject: null, purpose: null,
      fields: [], outcome: 'done', ip: null, detail: { kid: this.signer.kid, retired_kid: retiredKid ?? null },
    }));
    const sealed = await this.checkpoint();
    return { sealed, retiredKeyLastSigned: retiredKid === undefined ? undefined : await checkpointStore.selectLastSignedAt(db, retiredKid) };
  }

  /** Removes segments past the retention period (at least 180 days), recording what went. */
  expire(): Promise<ExpiryReport | undefined> {
    const { db, clock, retentionDays } = this.deps;
    return expireSegments(db, clock.now(), retentionDays);
  }

  /** Everything one actor did, oldest first, in pages (the breach report). */
  eventsBy(actorId: string, since: Date | undefined): AsyncIterable<AuditEvent[]> {
    return pages((after) => store.selectEventsBy(this.deps.db, actorId, since, after, ROW_BATCH), (event) => event.seq);
  }

  /** Events about these subjects, newest first (a breach report's actions taken against the actor). */
  eventsAbout(subjects: string[], limit: number): Promise<AuditEvent[]> {
    return store.selectEventsAbout(this.deps.db, subjects, limit);
  }

  /**
   * The server's timers: a checkpoint every minute, expiry at start and then daily. Neither keeps
   * the process alive; failures go to `onError` and the next run tries again.
   */
  startUpkeep(onError: (error: unknown) => void): Upkeep {
    const seal = () => void this.checkpoint().catch(onError);
    const expire = () => void this.expire().catch(onError);
    const sealing = setInterval(seal, MINUTE_MS);
    const expiring = setInterval(expire, DAY_MS);
    sealing.unref();
    expiring.unref();
    expire();
    return {
      stop: async () => {
        clearInterval(sealing);
        clearInterval(expiring);
        await this.checkpoint();
      },
    };
  }
}

/** Pages through rows ordered by a key, each page starting after the last key of the one before. */
async function* pages<T>(page: (after: number) => Promise<T[]>, keyOf: (item: T) => number, start = 0): AsyncGenerator<T[]> {
  for (let after = start; ;) {
    const items = await page(after);
    if (items.length === 0) return;
    after = keyOf(items.at(-1)!);
    yield items;
  }
}
