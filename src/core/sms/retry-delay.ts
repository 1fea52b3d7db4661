import { randomInt } from 'node:crypto';

/** Returns a whole number in [0, maxInclusive]. */
export type Jitter = (maxInclusive: number) => number;

/** node:crypto rather than Math.random, as everywhere in Teeka (eslint enforces it). */
export const cryptoJitter: Jitter = (maxInclusive) => randomInt(0, maxInclusive + 1);

/** No single wait between attempts is longer than this, however many attempts are configured. */
export const MAX_BACKOFF_MS = 10_000;

/**
 * Exponential backoff with full jitter (AWS Architecture Blog, "Exponential Backoff and Jitter"):
 * wait a random time up to base * 2^(retry - 1). The randomness spreads out the retries of many
 * instances that failed together, so a recovering gateway is not hit by a synchronised wave.
 *
 * `retry` counts from 1 (the wait before the second attempt).
 */
export function backoffDelayMs(retry: number, baseDelayMs: number, jitter: Jitter = cryptoJitter): number {
  const ceiling = Math.min(MAX_BACKOFF_MS, baseDelayMs * 2 ** (retry - 1));
  return jitter(Math.floor(ceiling));
}

/** A gateway asking us to wait longer than this is ignored in favour of our own backoff: an OTP expires in minutes. */
export const RETRY_AFTER_CAP_MS = 30_000;

/**
 * Reads a `Retry-After` header given in seconds (RFC 9110 §10.2.3). The HTTP-date form, a
 * negative or absurd value gives undefined, and the caller falls back to its own backoff.
 */
export function retryAfterMs(header: string | null): number | undefined {
  if (header === null || !/^\d+$/.test(header.trim())) return undefined;
  const ms = Number(header.trim()) * 1000;
  return ms <= RETRY_AFTER_CAP_MS ? ms : undefined;
}
