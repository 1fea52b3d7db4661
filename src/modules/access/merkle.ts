import { createHash } from 'node:crypto';

/**
 * The Merkle tree hash of RFC 6962 §2.1 (Certificate Transparency), over the audit rows' own
 * SHA-256 hashes as leaves: leaf = SHA-256(0x00 || row hash), node = SHA-256(0x01 || left || right),
 * the left subtree always the largest power of two below the size. The domain bytes stop a node from
 * passing for a leaf; the fixed shape lets anyone recompute a root from the rows alone.
 *
 * Built as a stack of perfect subtrees, so a segment of any length costs O(log n) memory and one
 * pass: leaves arrive in order while the verifier or the checkpoint job reads the chain in batches.
 */
export class MerkleTree {
  /** Roots of perfect subtrees, largest first, with their leaf counts (strictly decreasing powers of two). */
  private readonly stack: { size: number; hash: Buffer }[] = [];
  private count = 0;

  /** Adds one leaf: a row hash as 64 hex digits. */
  add(rowHashHex: string): void {
    let node: { size: number; hash: Buffer } = { size: 1, hash: createHash('sha256').update(LEAF).update(Buffer.from(rowHashHex, 'hex')).digest() };
    for (let top = this.stack.at(-1); top && top.size === node.size; top = this.stack.at(-1)) {
      this.stack.pop();
      node = { size: top.size * 2, hash: nodeHash(top.hash, node.hash) };
    }
    this.stack.push(node);
    this.count += 1;
  }

  get size(): number {
    return this.count;
  }

  /** The root, hex; the empty tree's root is SHA-256 of nothing, as RFC 6962 defines it. */
  root(): string {
    if (this.stack.length === 0) return createHash('sha256').digest('hex');
    // Folding right to left joins the smaller subtrees first, which is exactly RFC 6962's split.
    let hash = this.stack.at(-1)!.hash;
    for (let i = this.stack.length - 2; i >= 0; i -= 1) hash = nodeHash(this.stack[i]!.hash, hash);
    return hash.toString('hex');
  }
}

const LEAF = Buffer.from([0]);
const NODE = Buffer.from([1]);

function nodeHash(left: Buffer, right: Buffer): Buffer {
  return createHash('sha256').update(NODE).update(left).update(right).digest();
}

export function merkleRootOf(rowHashes: Iterable<string>): string {
  const tree = new MerkleTree();
  for (const hash of rowHashes) tree.add(hash);
  return tree.root();
}
