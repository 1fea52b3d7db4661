import { Redis } from 'ioredis';
import { buildApp } from './app.js';
import { ConfigError, servesHttps, type Config } from './config.js';
import { systemClock, type Clock } from './core/clock.js';
import { openDatabase, type DatabaseHandle } from './core/db.js';
import { loadKeyring } from './core/crypto/keyring.js';
import { migrate } from './core/migrate.js';
import { listenForHttpRedirects } from './core/https-redirect.js';
import { createSmsGateway } from './core/sms/create-gateway.js';
import { seedDemoCitizens, type ServicesAt } from './modules/demo/seed-citizens.js';
import { createServices, type Services } from './services.js';

export interface Runtime {
  database: DatabaseHandle;
  services: Services;
  clock: Clock;
  /** The same services at another time (the demo citizens' past); they share the database and the keys. */
  servicesAt: ServicesAt;
  close(): Promise<void>;
}

/** Opens the database, applies migrations and wires the services: what every CLI command needs first. */
export async function openRuntime(config: Config, clock: Clock = systemClock): Promise<Runtime> {
  // Keys and the SMS gateway first: a production misconfiguration should stop us before we touch the database.
  const keyring = await loadKeyring({ env: config.env, keyringPath: config.keyringPath, dataDir: config.dataDir });
  const sms = smsGatewayFor(config, clock);
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await migrate(database);
  } catch (error) {
    await database.close();
    throw error;
  }
  const settings = { db: database.db, clock, keyring, sms, maxBeneficiariesPerAccount: config.maxBeneficiariesPerAccount, auditRetentionDays: config.auditRetentionDays,
    detection: config.detection };
  // Transparency SMS for the running platform only, not for the demo's replay of the past (decision 0016).
  const services = createServices({ ...settings, transparencySms: config.accessSms ? { publicUrl: config.publicUrl } : undefined });
  await services.vaccines.load();
  await services.corrections.sealPlainReasons();
  const servicesAt: ServicesAt = (at, messages) => createServices({ ...settings, clock: at, sms: messages });
  return { database, services, clock, servicesAt, close: () => database.close() };
}

function smsGatewayFor(config: Config, clock: Clock) {
  try {
    return createSmsGateway(config.sms, { env: config.env, clock, bodyTemplate: config.smsBodyTemplate });
  } catch (error) {
    // A bad TEEKA_SMS or template is a setting to fix, said in one line like any other.
    throw new ConfigError((error as Error).message);
  }
}

export interface RunningServer {
  url: string;
  /** The plain-HTTP listener that redirects to `url` (TEEKA_HTTP_REDIRECT_PORT). */
  redirectUrl?: string | undefined;
  close(): Promise<void>;
}

/** Starts the HTTP server on an open runtime; in development, seeds demo data first if the database is empty. */
export async function startServer(config: Config, runtime: Runtime, options: { logger?: boolean } = {}): Promise<RunningServer> {
  const { services } = runtime;
  if (config.env === 'production' && (await services.demo.isPresent())) {
    throw new ConfigError('This database holds the demo data (demo centres, staff whose passwords are in a developer\'s files, made-up citizens), which TEEKA_ENV=production refuses to serve: point DATABASE_URL at a fresh database, or run in development');
  }
  if (config.env === 'development') {
    await services.demo.seed((p) => process.stderr.write(`seeding ${p.step}: ${p.done}/${p.total}\n`));
    const demoStaff = await services.staff.seedDemoStaff(config.dataDir);
    if (demoStaff) {
      process.stderr.write(`seeded demo staff, one per role: credentials in ${demoStaff.file}\n`);
      const citizens = await seedDemoCitizens({ services, servicesAt: runtime.servicesAt, staff: demoStaff.accounts, dataDir: config.dataDir });
      process.stderr.write(`seeded demo citizens with doses and certificates: their mobiles are in ${citizens.file}\n`);
    }
  }
  await services.geography.load();
  const redis = config.redisUrl ? new Redis(config.redisUrl, { maxRetriesPerRequest: 2 }) : undefined;
  const app = await buildApp({ config, database: runtime.database, services, clock: runtime.clock, redis, logger: options.logger });
  // Demo sessions run from today to today+13; keep topping them up while a dev server runs for days.
  const topUp = config.env === 'development'
    ? setInterval(() => void services.demo.ensureSessions().catch((error) => app.log.error({ err: error }, 'demo top-up failed')), 60 * 60 * 1000)
    : undefined;
  topUp?.unref();
  const stopCatalogueRefresh = services.vaccines.refreshEvery(60 * 1000, (error) => app.log.error({ err: error }, 'vaccine catalogue refresh failed'));
  // Decision 0013: a signed checkpoint every minute, expiry daily; close() seals the last minute's rows.
  const auditUpkeep = services.auditLog.startUpkeep((error) => app.log.error({ err: error }, 'audit checkpoint or expiry failed'));
  await app.listen({ host: config.host, port: config.port });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  const redirects = config.httpRedirectPort === undefined
    ? undefined
    : await listenForHttpRedirects(config, config.httpRedirectPort, port).catch(async (error: unknown) => {
      await app.close();
      throw error;
    });
  return {
    url: `${servesHttps(config) ? 'https' : 'http'}://${host}:${port}`,
    redirectUrl: redirects && `http://${host}:${redirects.port}`,
    async close() {
      if (topUp) clearInterval(topUp);
      stopCatalogueRefresh();
      await redirects?.close();
      await app.close();
      // After the last request: its events are in the final checkpoint.
      await auditUpkeep.stop().catch((error: unknown) => app.log.error({ err: error }, 'final audit checkpoint failed'));
      redis?.disconnect();
    },
  };
}
