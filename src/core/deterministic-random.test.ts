import { describe, expect, it } from 'vitest';
import { DeterministicRandom } from './deterministic-random.js';

describe('DeterministicRandom', () => {
  it('repeats itself for the same seed and differs for another', () => {
    const draw = (seed: string) => Array.from({ length: 5 }, ((r) => () => r.integer(0, 1000))(new DeterministicRandom(seed)));
    expect(draw('a')).toEqual(draw('a'));
    expect(draw('a')).not.toEqual(draw('b'));
  });

  it('stays within bounds', () => {
    const random = new DeterministicRandom('bounds');
    for (let i = 0; i < 1000; i += 1) {
      const value = random.integer(3, 7);
      expect(value).toBeGreaterThanOrEqual(3);
      expect(value).toBeLessThanOrEqual(7);
    }
  });
});
