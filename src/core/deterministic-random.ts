import { createHash } from 'node:crypto';

/**
 * Repeatable pseudo-randomness for demo data: the same seed and label always give the same
 * sequence, so every machine seeds the same centres. SHA-256 in counter mode, from node:crypto.
 * Never use it for secrets or ids a stranger could guess; those come from crypto.randomUUID/randomBytes.
 */
export class DeterministicRandom {
  private counter = 0;
  private buffer = Buffer.alloc(0);
  private offset = 0;

  constructor(private readonly seed: string) {}

  /** An independent stream for one named thing (a district, a centre and day...). */
  fork(label: string | number): DeterministicRandom {
    return new DeterministicRandom(`${this.seed}/${label}`);
  }

  /** A float in [0, 1). */
  next(): number {
    if (this.offset + 6 > this.buffer.length) {
      this.buffer = createHash('sha256').update(`${this.seed}#${this.counter++}`).digest();
      this.offset = 0;
    }
    const value = this.buffer.readUIntBE(this.offset, 6) / 2 ** 48;
    this.offset += 6;
    return value;
  }

  /** An integer in [min, max]. */
  integer(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[Math.floor(this.next() * items.length)] as T;
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }
}
