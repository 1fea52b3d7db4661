import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { createTestApp } from '../support/test-app.js';

const url = '/api/v2/admin/location/states';
/** A fresh client address per test, so counters left in a shared Redis by an earlier run never interfere. */
const someIp = () => `10.${randomBytes(3).join('.')}`;

describe('public API rate limit', () => {
  it('answers the request past the limit with 429, Retry-After and the error envelope', async () => {
    const t = await createTestApp({ rateLimit: 3 });
    try {
      for (let i = 0; i < 3; i += 1) expect((await t.app.inject({ url })).statusCode).toBe(200);
      const limited = await t.app.inject({ url });
      expect(limited.statusCode).toBe(429);
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
      expect(limited.json()).toMatchObject({ errorCode: 'RATE_LIMITED' });
      expect(limited.json().error).toMatch(/try again in/);
    } finally {
      await t.close();
    }
  });

  it('counts each client address on its own', async () => {
    const t = await createTestApp({ rateLimit: 1 });
    try {
      expect((await t.app.inject({ url, remoteAddress: '192.0.2.1' })).statusCode).toBe(200);
      expect((await t.app.inject({ url, remoteAddress: '192.0.2.1' })).statusCode).toBe(429);
      expect((await t.app.inject({ url, remoteAddress: '192.0.2.2' })).statusCode).toBe(200);
    } finally {
      await t.close();
    }
  });

  describe('with REDIS_URL', () => {
    const redisUrl = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
    const clients: Redis[] = [];
    afterAll(() => clients.forEach((c) => c.disconnect()));

    it('holds across two instances sharing one Redis', async () => {
      const probe = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
      clients.push(probe);
      const reachable = await probe.connect().then(() => true, () => false);
      if (!reachable) throw new Error(`Redis is needed for this test at ${redisUrl} (set TEST_REDIS_URL)`);
      const first = await createTestApp({ rateLimit: 3, redis: new Redis(redisUrl) });
      const redisB = new Redis(redisUrl);
      clients.push(redisB);
      const second = await buildApp({
        config: { ...loadConfig({}), publicRateLimit: 3 },
        database: first.database,
        services: first.services,
        clock: first.clock,
        redis: redisB,
        logger: false,
      });
      try {
        const ip = someIp();
        expect((await first.app.inject({ url, remoteAddress: ip })).statusCode).toBe(200);
        expect((await second.inject({ url, remoteAddress: ip })).statusCode).toBe(200);
        expect((await first.app.inject({ url, remoteAddress: ip })).statusCode).toBe(200);
        expect((await second.inject({ url, remoteAddress: ip })).statusCode).toBe(429);
      } finally {
        await second.close();
        await first.close();
      }
    });
  });
});
