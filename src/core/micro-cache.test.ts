import { describe, expect, it } from 'vitest';
import { fixedClock } from './clock.js';
import { MicroCache } from './micro-cache.js';

describe('MicroCache', () => {
  it('computes once for concurrent misses of one key', async () => {
    const cache = new MicroCache(fixedClock('2026-01-01T00:00:00Z'), 5000);
    let computations = 0;
    const compute = async () => {
      computations += 1;
      await new Promise((resolve) => setImmediate(resolve));
      return '{"n":1}';
    };
    const results = await Promise.all(Array.from({ length: 20 }, () => cache.get('k', compute)));
    expect(computations).toBe(1);
    expect(new Set(results.map((r) => r.etag)).size).toBe(1);
  });

  it('recomputes once the entry is as old as the TTL', async () => {
    const clock = fixedClock('2026-01-01T00:00:00Z');
    const cache = new MicroCache(clock, 5000);
    let n = 0;
    const compute = async () => `{"n":${++n}}`;
    expect((await cache.get('k', compute)).body).toBe('{"n":1}');
    clock.advance(4999);
    expect((await cache.get('k', compute)).body).toBe('{"n":1}');
    clock.advance(1);
    expect((await cache.get('k', compute)).body).toBe('{"n":2}');
  });

  it('does not keep a failed computation', async () => {
    const cache = new MicroCache(fixedClock('2026-01-01T00:00:00Z'), 5000);
    await expect(cache.get('k', async () => { throw new Error('database down'); })).rejects.toThrow('database down');
    expect((await cache.get('k', async () => '[]')).body).toBe('[]');
  });

  it('forgets the oldest entry when full', async () => {
    const cache = new MicroCache(fixedClock('2026-01-01T00:00:00Z'), 5000, 2);
    let n = 0;
    const compute = async () => String(++n);
    await cache.get('a', compute);
    await cache.get('b', compute);
    await cache.get('c', compute);
    expect((await cache.get('b', compute)).body).toBe('2');
    expect((await cache.get('a', compute)).body).toBe('4');
  });
});
