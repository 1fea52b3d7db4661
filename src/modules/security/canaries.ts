import type { Clock } from '../../core/clock.js';
import type { FieldCipher } from '../../core/crypto/field-cipher.js';
import type { Db } from '../../core/db.js';
import * as store from './store.js';

/** How stale the list may be: `teeka canary plant` runs in another process. */
const REFRESH_MS = 60 * 1000;

/**
 * Which subjects are canary records (decision 0015). The database keeps only HMACs of their ids
 * under the blind-index key, which lives outside it: a reader of the database (or of a dump) sees
 * ordinary accounts and people and a list of MACs, and cannot tell which rows those name.
 */
export class CanaryRegistry {
  private marks: Set<string> | undefined;
  private loadedAt = 0;

  constructor(private readonly deps: { cipher: FieldCipher; clock: Clock }) {}

  private markOf(subject: string): string {
    return this.deps.cipher.blindIndex('canary', subject);
  }

  /** Reads through `db` when the list is stale, so it works inside the caller's transaction. */
  async has(subject: string, db: Db): Promise<boolean> {
    const now = this.deps.clock.now().getTime();
    if (!this.marks || now - this.loadedAt >= REFRESH_MS || now < this.loadedAt) {
      this.marks = new Set(await store.selectCanaryMarks(db));
      this.loadedAt = now;
    }
    return this.marks.size > 0 && this.marks.has(this.markOf(subject));
  }

  async mark(trx: Db, subjects: readonly string[]): Promise<void> {
    await store.insertCanaryMarks(trx, subjects.map((s) => this.markOf(s)));
    this.marks = undefined;
  }
}
