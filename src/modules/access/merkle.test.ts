import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { merkleRootOf } from './merkle.js';

const sha256 = (...parts: Buffer[]) => createHash('sha256').update(Buffer.concat(parts)).digest();

/** RFC 6962 §2.1 written out recursively, as the specification states it. */
function referenceRoot(leaves: Buffer[]): Buffer {
  if (leaves.length === 0) return sha256();
  if (leaves.length === 1) return sha256(Buffer.from([0]), leaves[0]!);
  let k = 1;
  while (k * 2 < leaves.length) k *= 2;
  return sha256(Buffer.from([1]), referenceRoot(leaves.slice(0, k)), referenceRoot(leaves.slice(k)));
}

const leafHashes = (n: number) => Array.from({ length: n }, (_, i) => createHash('sha256').update(`row ${i}`).digest('hex'));

describe('the audit Merkle tree', () => {
  it.each([0, 1, 2, 3, 4, 5, 7, 8, 9, 16, 17, 100, 1000])('matches RFC 6962 for %i leaves', (n) => {
    const leaves = leafHashes(n);
    expect(merkleRootOf(leaves)).toBe(referenceRoot(leaves.map((h) => Buffer.from(h, 'hex'))).toString('hex'));
  });

  it('changes with any leaf and with their order', () => {
    const leaves = leafHashes(6);
    const root = merkleRootOf(leaves);
    expect(merkleRootOf([...leaves.slice(0, 5), leafHashes(7)[6]!])).not.toBe(root);
    expect(merkleRootOf([leaves[1]!, leaves[0]!, ...leaves.slice(2)])).not.toBe(root);
    expect(merkleRootOf(leaves.slice(0, 5))).not.toBe(root);
  });
});
