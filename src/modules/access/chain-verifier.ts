import { GENESIS_HASH, hashAuditEvent } from './hash-chain.js';
import { checkpointSignatureProblem, type Checkpoint, type TrustedAuditKeys } from './checkpoints.js';
import { MerkleTree } from './merkle.js';
import type { AuditEvent } from './schema.js';

/** The rows and checkpoints to check, each in order, in batches. */
export interface ChainSource {
  rowCount(): Promise<number>;
  rows(): AsyncIterable<AuditEvent[]>;
  checkpoints(): AsyncIterable<Checkpoint[]>;
  /**
   * True when the checkpoints are every one kept since the oldest retained row (the database's own
   * table), so rows before the first checkpoint cannot be legitimate. An exported file from
   * `--since-seq` starts later, and the rows before it are only checked for their links.
   */
  complete: boolean;
}

export interface VerifyOptions {
  keys: TrustedAuditKeys;
  /** Segments signed before this may have expired (retention, decision 0013); later ones must all be there. */
  retentionCutoff: Date;
  onProgress?: (checked: number, total: number) => void;
}

export interface ChainProblem {
  seq: number;
  what: string;
}

export interface ChainVerification {
  ok: boolean;
  /** Rows checked. */
  checked: number;
  /** The first bad row: edited, missing, inserted, out of order, or under a forged or mismatching checkpoint. */
  brokenAt?: number;
  /** What is wrong at `brokenAt`, in one sentence. */
  problem?: string;
  /** The first problems found, in order of row (at most 20). */
  problems: ChainProblem[];
  checkpoints: number;
  /** The last row a good checkpoint seals; rows after it are checked for their links only, until the next checkpoint. */
  sealedThrough?: number;
  /** The oldest row kept; earlier ones expired with their segments. */
  firstSeq?: number;
}

const MAX_PROBLEMS = 20;
const rangeOf = (cp: { firstSeq: number; lastSeq: number }) => (cp.firstSeq === cp.lastSeq ? `row ${cp.firstSeq}` : `rows ${cp.firstSeq}-${cp.lastSeq}`);
const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * Recomputes every row's hash and link, in order, and checks every checkpoint: its signature, its
 * place in the chain of checkpoints, and that the rows it covers still have its head hash and Merkle
 * root. One pass over each, so memory stays flat however long the log is. Problems are collected
 * rather than stopping at the first, because a deletion found late (a missing tail) can name an
 * earlier row than an edit found first.
 */
export class ChainVerifier {
  private readonly problems: ChainProblem[] = [];
  /** The problem at the lowest row, kept even when the list is full. */
  private first: ChainProblem | undefined;
  private reported = 0;
  /** Checkpoints whose own check failed: they seal nothing. */
  private readonly untrusted = new Set<Checkpoint>();
  private previousRow: AuditEvent | undefined;
  private rowBeforePrevious: AuditEvent | undefined;
  private firstRow: AuditEvent | undefined;
  private checked = 0;
  private checkpointsSeen = 0;
  private sealedThrough: number | undefined;
  /** The checkpoint whose rows are being read, with their Merkle tree so far. */
  private open: { cp: Checkpoint; tree: MerkleTree; head?: string; rowProblem: boolean } | undefined;
  private previousCheckpoint: Checkpoint | undefined;
  /** The newest key that signed a good checkpoint so far: a later checkpoint signed by an older key is a forgery. */
  private newestSigner: { kid: string; rank: number } | undefined;
  /** Checkpoints whose rows are all gone, before the first row kept: the newest of them anchors that row. */
  private readonly expired: Checkpoint[] = [];
  /** Segment ends named by `audit.segment.expired` events: an anchor must be one of them. */
  private readonly recordedExpiries = new Set<number>();
  private unread: Checkpoint[] = [];
  private queued: Checkpoint | undefined;
  private checkpointBatches: AsyncIterator<Checkpoint[]> | undefined;

  constructor(private readonly source: ChainSource, private readonly options: VerifyOptions) {}

  async verify(): Promise<ChainVerification> {
    const total = await this.source.rowCount();
    this.checkpointBatches = this.source.checkpoints()[Symbol.asyncIterator]();
    for await (const batch of this.source.rows()) {
      for (const row of batch) await this.checkRow(row);
      this.options.onProgress?.(this.checked, Math.max(total, this.checked));
    }
    await this.finish();
    const first = this.first;
    return {
      ok: this.reported === 0,
      checked: this.checked,
      ...(first ? { brokenAt: first.seq, problem: first.what } : {}),
      problems: [...this.problems].sort((a, b) => a.seq - b.seq).slice(0, MAX_PROBLEMS),
      checkpoints: this.checkpointsSeen,
      ...(this.sealedThrough === undefined ? {} : { sealedThrough: this.sealedThrough }),
      ...(this.firstRow ? { firstSeq: this.firstRow.seq } : {}),
    };
  }

  private report(seq: number, what: string): void {
    this.reported += 1;
    if (this.first === undefined || seq < this.first.seq) this.first = { seq, what };
    if (this.problems.length < MAX_PROBLEMS * 5) this.problems.push({ seq, what });
  }

  /** The next checkpoint, checked on its own (signature, place in the chain of checkpoints), without taking it. */
  private async peek(): Promise<Checkpoint | undefined> {
    if (this.queued) return this.queued;
    while (this.unread.length === 0) {
      const next = await this.checkpointBatches!.next();
      if (next.done) return undefined;
      this.unread = [...next.value];
    }
    this.queued = await this.checkCheckpoint(this.unread.shift()!);
    return this.queued;
  }

  private take(): Checkpoint {
    const cp = this.queued!;
    this.queued = undefined;
    return cp;
  }

  private async checkCheckpoint(cp: Checkpoint): Promise<Checkpoint> {
    this.checkpointsSeen += 1;
    const signature = await checkpointSignatureProblem(cp, this.options.keys);
    const reportedBefore = this.reported;
    if (signature) this.report(cp.firstSeq, `The checkpoint for ${rangeOf(cp)} is forged or altered: ${signature}.`);
    else this.checkSignerOrder(cp);
    if (cp.lastSeq < cp.firstSeq) this.report(cp.firstSeq, `The checkpoint for rows ${cp.firstSeq}-${cp.lastSeq} covers no rows.`);
    const previous = this.previousCheckpoint;
    if (previous && (cp.firstSeq !== previous.lastSeq + 1 || cp.prevHead !== previous.headHash)) {
      this.report(Math.min(cp.firstSeq, previous.lastSeq + 1), `The checkpoint for ${rangeOf(cp)} does not follow the one for ${rangeOf(previous)}: a checkpoint is missing, inserted or altered.`);
    }
    if (!previous && cp.firstSeq === 1 && cp.prevHead !== GENESIS_HASH) this.report(1, `The first checkpoint (${rangeOf(cp)}) does not start from the genesis hash.`);
    if (this.reported > reportedBefore) this.untrusted.add(cp);
    this.previousCheckpoint = cp;
    return cp;
  }

  /**
   * Keys sign in keyring order (decision 0013, Rotation): once a newer key has signed, a checkpoint
   * by an older one, however it dates itself, was made with a retired key after its retirement.
   */
  private checkSignerOrder(cp: Checkpoint): void {
    const rank = this.options.keys.get(cp.kid)!.rank;
    const newest = this.newestSigner;
    if (newest && rank < newest.rank) {
      this.report(cp.firstSeq, `The checkpoint for ${rangeOf(cp)} is forged: it is signed by key ${cp.kid}, retired before key ${newest.kid} signed an earlier checkpoint.`);
      return;
    }
    this.newestSigner = { kid: cp.kid, rank };
  }

  private async checkRow(row: AuditEvent): Promise<void> {
    if (this.open && row.seq > this.open.cp.lastSeq) this.close();
    // Checkpoints that end before this row: expired ones ahead of the first row, or ones whose rows are gone.
    for (let cp = await this.peek(); cp && cp.lastSeq < row.seq; cp = await this.peek()) this.passWithoutRows(this.take());
    if (!this.open) {
      const cp = await this.peek();
      if (cp && cp.firstSeq <= row.seq) this.open = { cp: this.take(), tree: new MerkleTree(), rowProblem: false };
    }

    const start = this.firstRow === undefined ? this.startProblem(row) : undefined;
    const { hash, ...unsealed } = row;
    const problem = (start === undefined ? undefined : { seq: row.seq, what: start })
      ?? (this.firstRow === undefined ? undefined : this.linkProblem(row))
      ?? (hashAuditEvent(unsealed) === hash ? undefined : { seq: row.seq, what: `Row ${row.seq} was edited: its content does not match its hash.` });
    if (problem) this.report(problem.seq, problem.what);

    this.firstRow ??= row;
    if (this.open && row.seq >= this.open.cp.firstSeq) {
      this.open.tree.add(row.hash);
      if (row.seq === this.open.cp.lastSeq) this.open.head = row.hash;
      if (problem) this.open.rowProblem = true;
    }
    if (row.type === 'audit.segment.expired' && typeof row.detail.through_seq === 'number') this.recordedExpiries.add(row.detail.through_seq);
    this.rowBeforePrevious = this.previousRow;
    this.previousRow = row;
    this.checked += 1;
  }

  /** A checkpoint none of whose rows is there: expired, if ahead of the first row kept; deleted otherwise. */
  private passWithoutRows(cp: Checkpoint): void {
    if (this.firstRow === undefined) this.expired.push(cp);
    else this.report(cp.firstSeq, `${capitalised(rangeOf(cp))} ${cp.firstSeq === cp.lastSeq ? 'is' : 'are'} missing: the checkpoint signed at ${cp.signedAt.toISOString()} covers ${cp.firstSeq === cp.lastSeq ? 'it' : 'them'}.`);
  }

  private linkProblem(row: AuditEvent): ChainProblem | undefined {
    const previous = this.previousRow!;
    if (row.seq !== previous.seq + 1) {
      return { seq: row.seq, what: `Row ${row.seq} follows row ${previous.seq}: ${row.seq - previous.seq - 1} row(s) before it were deleted.` };
    }
    if (row.prevHash === previous.hash) return undefined;
    // A row slipped in (the rows after it renumbered) leaves the next one linking past it.
    if (this.rowBeforePrevious && row.prevHash === this.rowBeforePrevious.hash) {
      return { seq: previous.seq, what: `Row ${previous.seq} was inserted: row ${row.seq} links past it to row ${this.rowBeforePrevious.seq}.` };
    }
    return { seq: row.seq, what: `Row ${row.seq} does not link to row ${previous.seq}: a row before it was deleted, inserted or moved, or row ${previous.seq} was replaced.` };
  }

  /**
   * The oldest row kept starts the log (genesis), or follows a segment that expired: the newest
   * expired checkpoint's signed head hash is its link, that segment and all before it are older
   * than the retention period, and an `audit.segment.expired` event (checked in finish) says so.
   */
  private startProblem(row: AuditEvent): string | undefined {
    const anchor = this.expired.at(-1);
    if (!anchor) {
      if (row.seq === 1) return row.prevHash === GENESIS_HASH ? undefined : 'Row 1 does not start from the genesis hash: it was replaced.';
      // An export from `--since-seq` does not account for the rows before its first checkpoint.
      if (!this.source.complete) return undefined;
      return `Row ${row.seq} is the oldest row kept, but no expired checkpoint accounts for the rows before it: they were deleted.`;
    }
    const early = this.expired.find((cp) => cp.signedAt >= this.options.retentionCutoff);
    if (early) return `${capitalised(rangeOf(early))} ${early.firstSeq === early.lastSeq ? 'is' : 'are'} gone, but the retention period has not passed for them (checkpoint signed at ${early.signedAt.toISOString()}).`;
    if (row.seq !== anchor.lastSeq + 1 || row.prevHash !== anchor.headHash) {
      return `Row ${row.seq} does not link to the head of the last expired checkpoint (${rangeOf(anchor)}): rows were deleted after it.`;
    }
    return undefined;
  }

  /** Compares the rows read under a checkpoint with what it signed. */
  private close(): void {
    const { cp, tree, head, rowProblem } = this.open!;
    this.open = undefined;
    // A row problem inside the segment is already the more precise answer.
    if (rowProblem) return;
    if (head === undefined) {
      const lastSeen = this.previousRow && this.previousRow.seq >= cp.firstSeq ? this.previousRow.seq : cp.firstSeq - 1;
      const missing = { ...cp, firstSeq: lastSeen + 1 };
      this.report(lastSeen + 1, `${capitalised(rangeOf(missing))} ${missing.firstSeq === cp.lastSeq ? 'is' : 'are'} missing: the checkpoint signed at ${cp.signedAt.toISOString()} covers ${missing.firstSeq === cp.lastSeq ? 'it' : 'them'}.`);
      return;
    }
    if (head !== cp.headHash || tree.root() !== cp.merkleRoot) {
      this.report(cp.firstSeq, `${capitalised(rangeOf(cp))} ${cp.firstSeq === cp.lastSeq ? 'does' : 'do'} not match the checkpoint signed at ${cp.signedAt.toISOString()} (${head === cp.headHash ? 'Merkle root' : 'head hash'} differs): a row in this range was changed and the chain re-hashed after it.`);
      return;
    }
    if (!this.untrusted.has(cp)) this.sealedThrough = cp.lastSeq;
  }

  private async finish(): Promise<void> {
    if (this.open) this.close();
    for (let cp = await this.peek(); cp; cp = await this.peek()) this.passWithoutRows(this.take());
    const anchor = this.expired.at(-1);
    if (this.firstRow === undefined) {
      // Expiry always records its event after the rows it removed, so a log with checkpoints cannot be empty.
      if (anchor) this.report(anchor.lastSeq + 1, `The log is empty, but checkpoints cover rows up to ${anchor.lastSeq}: every row was deleted.`);
      return;
    }
    if (anchor && !this.recordedExpiries.has(anchor.lastSeq)) {
      this.report(this.firstRow.seq, `Rows up to ${anchor.lastSeq} are gone, but no audit.segment.expired event records that they expired.`);
    }
  }
}

export function verifyChain(source: ChainSource, options: VerifyOptions): Promise<ChainVerification> {
  return new ChainVerifier(source, options).verify();
}
