import type { FastifyInstance } from 'fastify';
import type { Redis } from 'ioredis';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { fixedClock } from '../../src/core/clock.js';
import type { DatabaseHandle } from '../../src/core/db.js';
import { createServices, type Services } from '../../src/services.js';
import { seedInstant, seededDatabase } from './database.js';

export interface TestApp {
  app: FastifyInstance;
  services: Services;
  database: DatabaseHandle;
  clock: ReturnType<typeof fixedClock>;
  close(): Promise<void>;
}

/**
 * The real app on a fresh copy of the seeded database, with a clock stopped at the seed instant.
 * The public rate limit is off unless a test asks for one.
 */
export async function createTestApp(options: { rateLimit?: number; redis?: Redis; database?: DatabaseHandle } = {}): Promise<TestApp> {
  const database = options.database ?? (await seededDatabase());
  const clock = fixedClock(seedInstant());
  const services = createServices(database.db, clock);
  await services.geography.load();
  const config = { ...loadConfig({}), publicRateLimit: options.rateLimit ?? 0 };
  const app = await buildApp({ config, database, services, clock, redis: options.redis, logger: false });
  await app.ready();
  return {
    app,
    services,
    database,
    clock,
    async close() {
      await app.close();
      await database.close();
    },
  };
}
