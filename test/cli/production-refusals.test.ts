import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';
import { fixedClock } from '../../src/core/clock.js';
import type { DatabaseHandle } from '../../src/core/db.js';
import { migrate } from '../../src/core/migrate.js';
import { startServer } from '../../src/runtime.js';
import type { Services } from '../../src/services.js';
import { emptyDatabase, seedInstant, seededDatabase } from '../support/database.js';
import { testServices } from '../support/test-services.js';

/**
 * Decision 0018: a production start refuses development settings, each with the fix. The settings
 * are checked before anything is opened; demo data needs the database, so startServer checks it.
 */

const teeka = fileURLToPath(new URL('../../bin/teeka.js', import.meta.url));
const production = { TEEKA_ENV: 'production', DATABASE_URL: 'postgres://127.0.0.1:1/none', TEEKA_PUBLIC_URL: 'https://teeka.example' };

describe('teeka serve in production', () => {
  it('names every development setting and its fix, and opens nothing', () => {
    const result = spawnSync(process.execPath, [teeka, 'serve'], {
      encoding: 'utf8', timeout: 60_000,
      env: { ...process.env, ...production, TEEKA_SMS: '', TEEKA_KEYRING: '', TEEKA_TRUST_PROXY: '', TEEKA_TLS_CERT: '', TEEKA_TLS_KEY: '' },
    });
    expect(result.status).toBe(2);
    expect(result.stderr.trim().split('\n')).toEqual([
      'teeka: TEEKA_ENV=production does not serve plain HTTP: set TEEKA_TLS_CERT and TEEKA_TLS_KEY to PEM files to serve HTTPS, or put Teeka behind a TLS proxy and set TEEKA_TRUST_PROXY=true',
      "teeka: TEEKA_SMS=outbox is for development only (it shows every OTP at /__dev/outbox): set TEEKA_SMS to your SMS gateway's https URL",
      'teeka: TEEKA_ENV=production needs TEEKA_KEYRING, not generated development keys: make a keyring with "teeka keys generate --out <file>" and set TEEKA_KEYRING to its path',
    ]);
  });
});

describe('demo data in production', () => {
  const clock = fixedClock(seedInstant());
  let demo: { database: DatabaseHandle; services: Services };
  let fresh: { database: DatabaseHandle; services: Services };

  beforeAll(async () => {
    const demoDatabase = await seededDatabase();
    demo = { database: demoDatabase, services: testServices(demoDatabase.db, clock) };
    const freshDatabase = await emptyDatabase();
    await migrate(freshDatabase);
    fresh = { database: freshDatabase, services: testServices(freshDatabase.db, clock) };
  });
  afterAll(async () => {
    await demo?.database.close();
    await fresh?.database.close();
  });

  it('is recognised by the demo centres every demo seed starts with', async () => {
    expect(await demo.services.demo.isPresent()).toBe(true);
    expect(await fresh.services.demo.isPresent()).toBe(false);
  });

  it('stops a production server before it listens, saying what to do', async () => {
    const config = { ...loadConfig({}), env: 'production' as const, port: 0 };
    const runtime = { ...demo, clock, servicesAt: () => demo.services, close: async () => {} };
    await expect(startServer(config, runtime, { logger: false })).rejects.toThrow(ConfigError);
    await expect(startServer(config, runtime, { logger: false })).rejects.toThrow(
      'This database holds the demo data (demo centres, staff whose passwords are in a developer\'s files, made-up citizens), which TEEKA_ENV=production refuses to serve: point DATABASE_URL at a fresh database, or run in development',
    );
  });
});
