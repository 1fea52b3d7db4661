import type { FastifyInstance } from 'fastify';
import type { Redis } from 'ioredis';
import { buildApp } from '../../src/app.js';
import { loadConfig, type Config } from '../../src/config.js';
import { fixedClock } from '../../src/core/clock.js';
import type { DatabaseHandle } from '../../src/core/db.js';
import type { DevOutbox } from '../../src/core/sms/dev-outbox.js';
import type { Services } from '../../src/services.js';
import { seedInstant, seededDatabase } from './database.js';
import { testServices } from './test-services.js';

export interface TestApp {
  app: FastifyInstance;
  services: Services;
  /** Where test OTPs and booking messages land. */
  outbox: DevOutbox;
  database: DatabaseHandle;
  clock: ReturnType<typeof fixedClock>;
  close(): Promise<void>;
}

/**
 * The real app on a fresh copy of the seeded database, with a clock stopped at the seed instant.
 * The public rate limit is off unless a test asks for one.
 */
export async function createTestApp(options: {
  rateLimit?: number;
  redis?: Redis;
  database?: DatabaseHandle;
  config?: Partial<Config>;
  /** Collects the app's log lines (at debug level) instead of discarding them. */
  logLines?: string[];
} = {}): Promise<TestApp> {
  const database = options.database ?? (await seededDatabase());
  const clock = fixedClock(seedInstant());
  // Limits that would trip over the many logins of one test file are raised; tests of a limit set it back.
  // Load shedding is off: parallel test files on two cores stall the event loop for seconds at times.
  // Alerts do not suspend (decision 0015): one file's staff try many refused things on purpose;
  // tests of detection turn it back on (detection.autoSuspend).
  const defaults = loadConfig({});
  const config = {
    ...defaults, publicRateLimit: options.rateLimit ?? 0, otpRequestsPerIpPerHour: 100_000, staffLoginsPerIpPerHour: 100_000,
    maxEventLoopDelayMs: 0, detection: { ...defaults.detection, autoSuspend: false }, ...options.config,
  };
  const services = testServices(database.db, clock, config);
  await services.geography.load();
  await services.vaccines.load();
  const logLines = options.logLines;
  const app = await buildApp({
    config: logLines ? { ...config, logLevel: 'debug' } : config,
    database, services, clock, redis: options.redis,
    logger: logLines !== undefined,
    logStream: logLines && { write: (line: string) => void logLines.push(line) },
  });
  await app.ready();
  return {
    app,
    services,
    outbox: services.sms as DevOutbox,
    database,
    clock,
    async close() {
      await app.close();
      await database.close();
    },
  };
}
