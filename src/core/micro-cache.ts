import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type { Clock } from './clock.js';

const gzipAsync = promisify(gzip);

export interface CachedBody {
  /** The serialised JSON, computed once and sent as-is to every caller until it expires. */
  body: string;
  etag: string;
  /** The same bytes gzipped once: a district's week is ~140 kB of JSON and ~15 kB gzipped, which matters on 3G. */
  gzipped: Buffer;
  gzippedEtag: string;
  createdAt: number;
}

/**
 * A short-lived in-process cache for public answers (DESIGN.md principle 6). Concurrent misses
 * for one key share a single computation, so a burst of identical searches costs one query.
 * Entries live `ttlMs`; callers tell CDNs the remaining life so the total age stays within it.
 */
export class MicroCache {
  private readonly entries = new Map<string, CachedBody>();
  private readonly pending = new Map<string, Promise<CachedBody>>();

  constructor(
    private readonly clock: Clock,
    readonly ttlMs: number,
    private readonly maxEntries = 20_000,
  ) {}

  async get(key: string, compute: () => Promise<string>): Promise<CachedBody> {
    const now = this.clock.now().getTime();
    const hit = this.entries.get(key);
    if (hit && now - hit.createdAt < this.ttlMs) return hit;
    const inFlight = this.pending.get(key);
    if (inFlight) return inFlight;
    const computation = compute()
      .then(async (body) => {
        const etag = etagOf(body);
        const entry: CachedBody = {
          body,
          etag,
          gzipped: await gzipAsync(body),
          gzippedEtag: `${etag.slice(0, -1)}-gz"`,
          createdAt: now,
        };
        this.store(key, entry);
        return entry;
      })
      .finally(() => this.pending.delete(key));
    this.pending.set(key, computation);
    return computation;
  }

  /** Seconds a shared cache may keep `entry` so that its total age never passes the TTL. */
  remainingSeconds(entry: CachedBody): number {
    const left = this.ttlMs - (this.clock.now().getTime() - entry.createdAt);
    return Math.max(0, Math.floor(left / 1000));
  }

  clear(): void {
    this.entries.clear();
  }

  private store(key: string, entry: CachedBody): void {
    this.entries.delete(key);
    if (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    this.entries.set(key, entry);
  }
}

export function etagOf(body: string): string {
  return `"${createHash('sha1').update(body).digest('base64url').slice(0, 22)}"`;
}
