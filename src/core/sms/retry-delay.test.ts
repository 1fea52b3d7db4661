import { describe, expect, it } from 'vitest';
import { backoffDelayMs, MAX_BACKOFF_MS, retryAfterMs } from './retry-delay.js';

const ceilingJitter = (max: number) => max;

describe('backoffDelayMs', () => {
  it('doubles its ceiling with every retry', () => {
    expect([1, 2, 3, 4].map((retry) => backoffDelayMs(retry, 200, ceilingJitter))).toEqual([200, 400, 800, 1600]);
  });

  it('never waits longer than the cap', () => {
    expect(backoffDelayMs(30, 200, ceilingJitter)).toBe(MAX_BACKOFF_MS);
  });

  it('draws a whole number between zero and the ceiling', () => {
    for (let n = 0; n < 200; n++) {
      const wait = backoffDelayMs(3, 200);
      expect(Number.isInteger(wait)).toBe(true);
      expect(wait).toBeGreaterThanOrEqual(0);
      expect(wait).toBeLessThanOrEqual(800);
    }
  });
});

describe('retryAfterMs', () => {
  it('reads seconds', () => {
    expect(retryAfterMs('2')).toBe(2000);
    expect(retryAfterMs('0')).toBe(0);
  });

  it('ignores a missing, dated, negative or excessive value', () => {
    expect(retryAfterMs(null)).toBeUndefined();
    expect(retryAfterMs('Wed, 21 Oct 2015 07:28:00 GMT')).toBeUndefined();
    expect(retryAfterMs('-1')).toBeUndefined();
    expect(retryAfterMs('1.5')).toBeUndefined();
    expect(retryAfterMs('3600')).toBeUndefined();
  });
});
