import { buildApp } from '../../src/app.js';
import { loadConfig, type Config } from '../../src/config.js';
import { fixedClock } from '../../src/core/clock.js';
import { generateKeyring, type Keyring } from '../../src/core/crypto/keyring.js';
import { DevOutbox } from '../../src/core/sms/dev-outbox.js';
import type { SmsGateway } from '../../src/core/sms/gateway.js';
import { createServices } from '../../src/services.js';
import { seedInstant, seededDatabase } from '../support/database.js';
import type { TestApp } from '../support/test-app.js';

/**
 * Settings as a production operator sets them (assertProductionReady passes): TLS at a trusted
 * proxy, a keyring file, an https SMS gateway, and the rate limits as shipped. Load shedding is off
 * as in every test app: test files share two cores.
 */
export function productionConfig(overrides: Partial<Config> = {}): Config {
  return {
    ...loadConfig({}), env: 'production', publicUrl: 'https://teeka.example.in', trustProxy: true, sms: 'https://sms.example.in/send',
    keyringPath: '/etc/teeka/keyring.json', accessSms: false, maxEventLoopDelayMs: 0, ...overrides,
  };
}

/** An SMS provider that accepts every message (the app's `outbox` keeps a copy of each). */
export const acceptingGateway: SmsGateway = { send: async () => undefined };

export interface CustomApp extends TestApp {
  config: Config;
  keyring: Keyring;
}

/**
 * The real app wired as openRuntime wires it (detection settings, audit retention, transparency
 * SMS when switched on), on a fresh copy of the seeded database, with the SMS gateway given here
 * instead of the development outbox. Shaped as a TestApp so the citizen and staff helpers work:
 * its `outbox` holds a copy of every message the gateway accepted, for the test to read as the
 * phone's owner would. The app never serves it (there is no /__dev/outbox: the app's gateway is
 * not a DevOutbox).
 */
export async function createAppWith(options: {
  sms: SmsGateway;
  config?: Config;
  logLines?: string[];
  /** Another instance of the same deployment: its database, keys and clock (closing this app leaves them open). */
  instanceOf?: CustomApp;
}): Promise<CustomApp> {
  const shared = options.instanceOf;
  const database = shared?.database ?? (await seededDatabase());
  const clock = shared?.clock ?? fixedClock(seedInstant());
  const keyring = shared?.keyring ?? generateKeyring();
  const config = options.config ?? productionConfig();
  const delivered = new DevOutbox(clock);
  const sms: SmsGateway = {
    async send(message) {
      await options.sms.send(message);
      await delivered.send(message);
    },
  };
  const services = createServices({
    db: database.db, clock, keyring, sms, maxBeneficiariesPerAccount: config.maxBeneficiariesPerAccount,
    auditRetentionDays: config.auditRetentionDays, detection: config.detection, transparencySms: config.accessSms ? { publicUrl: config.publicUrl } : undefined,
  });
  await services.geography.load();
  await services.vaccines.load();
  const logLines = options.logLines;
  const app = await buildApp({
    config: logLines ? { ...config, logLevel: 'debug' } : config, database, services, clock,
    logger: logLines !== undefined, logStream: logLines && { write: (line: string) => void logLines.push(line) },
  });
  await app.ready();
  return {
    app, services, database, clock, config, keyring, outbox: delivered,
    async close() {
      await app.close();
      if (!shared) await database.close();
    },
  };
}
