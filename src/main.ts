import fs from 'node:fs/promises';
import path from 'node:path';
import { Command } from 'commander';
import { generateKeyring, KeyringError, loadKeyring, newCertificateSigningKey, serialiseKeyring } from './core/crypto/keyring.js';
import { assertProductionReady, ConfigError } from './config.js';
import { commandConfig, progress, withRuntime } from './cli/common.js';
import { registerAuditCommands } from './cli/audit-commands.js';
import { registerBreachCommands } from './cli/breach-commands.js';
import { registerCanaryCommands } from './cli/canary-commands.js';
import { AppError } from './core/errors.js';
import { staffRoles } from './modules/access/schema.js';
import { formatScope } from './modules/staff/scope.js';

const program = new Command()
  .name('teeka')
  .description('Teeka: the national vaccination platform (Co-WIN v2 compatible).\nSettings come from the environment; see README.md.')
  .showHelpAfterError();

program
  .command('serve')
  .description('Start the HTTP server (migrates first; in development also seeds demo data into an empty database).')
  .action(async () => {
    const settings = commandConfig();
    for (const warning of assertProductionReady(settings)) process.stderr.write(`teeka: warning: ${warning}\n`);
    // The server's code loads only for the commands that need it, so `teeka --help` answers at once.
    const { openRuntime, startServer } = await import('./runtime.js');
    const runtime = await openRuntime(settings);
    const server = await startServer(settings, runtime);
    process.stdout.write(`Teeka is listening on ${server.url}\n`);
    const stop = async () => {
      await server.close();
      await runtime.close();
      process.exit(0);
    };
    process.once('SIGINT', () => void stop());
    process.once('SIGTERM', () => void stop());
  });

program
  .command('migrate')
  .description('Apply pending database migrations (db/migrations) and exit.')
  .action(async () => {
    const settings = commandConfig();
    const [{ openDatabase }, { migrate }] = await Promise.all([import('./core/db.js'), import('./core/migrate.js')]);
    const database = await openDatabase({ databaseUrl: settings.databaseUrl, dataDir: settings.dataDir });
    try {
      const report = await migrate(database, (name) => process.stderr.write(`  applied ${name}\n`));
      process.stdout.write(`Migrations: ${report.applied.length} applied, ${report.alreadyApplied} already in place.\n`);
    } finally {
      await database.close();
    }
  });

program
  .command('seed')
  .description('Load demo data (real states and districts, demo centres, sessions from today for 14 days, demo staff, and demo citizens with doses and certificates). Development only; safe to run again.')
  .action(async () => {
    const settings = commandConfig();
    if (settings.env === 'production') throw new ConfigError('Demo data is for development only (TEEKA_ENV=production).');
    await withRuntime(async (runtime) => {
      const report = await runtime.services.demo.seed((p) => progress(p.step, p.done, p.total));
      process.stdout.write(
        `Seeded: geography ${report.geographyImported ? 'imported' : 'already present'}, ` +
          `${report.centresCreated} centres, ${report.sessionsCreated} sessions.\n`,
      );
      const demoStaff = await runtime.services.staff.seedDemoStaff(settings.dataDir);
      process.stdout.write(demoStaff
        ? `Demo staff: ${demoStaff.staff.length} accounts (one per role); usernames, passwords and TOTP secrets are in ${demoStaff.file}.\n`
        : 'Demo staff: already present.\n');
      if (demoStaff) {
        const { seedDemoCitizens } = await import('./modules/demo/seed-citizens.js');
        const citizens = await seedDemoCitizens({ services: runtime.services, servicesAt: runtime.servicesAt, staff: demoStaff.accounts, dataDir: settings.dataDir });
        const people = citizens.credentials.accounts.reduce((n, a) => n + a.members.length, 0);
        process.stdout.write(`Demo citizens: ${citizens.credentials.accounts.length} accounts, ${people} people with doses and certificates; their mobiles and today's appointment are in ${citizens.file}.\n`);
      }
    }, settings);
  });

const staff = program.command('staff').description('Manage staff accounts (decision 0007).');
staff
  .command('add')
  .description('Create a staff account and print its one-time password. At first sign-in its owner enrols an authenticator app and sets their own password.')
  .requiredOption('--username <username>', '3 to 64 lower-case letters, digits, ".", "_" or "-"')
  .requiredOption('--role <role>', `one of ${staffRoles.join(', ')}`)
  .requiredOption('--scope <scope>', 'nation (national_admin, auditor), state:<id> (state_admin), district:<id> (district_admin) or facility:<centre id> (facility_admin, vaccinator)')
  .action(async (options: { username: string; role: string; scope: string }) => {
    await withRuntime(async (runtime) => {
      await runtime.services.geography.load();
      const created = await runtime.services.staff.addAccount(options);
      process.stdout.write(
        `Created staff account "${created.username}" (${created.role}, ${formatScope(created.scope)}).\n` +
          `One-time password: ${created.oneTimePassword.reveal()}\n` +
          'Give it to its owner by a separate channel. It is shown only now and works once: at first sign-in they scan a QR code and choose their own password.\n',
      );
    });
  });

const keys = program.command('keys').description('Manage the keyring (data-encryption, blind-index, OTP and token keys).');
keys
  .command('generate')
  .description('Write a new keyring file for TEEKA_KEYRING (readable by its owner only). Refuses to overwrite.')
  .requiredOption('--out <file>', 'where to write the keyring')
  .action(async (options: { out: string }) => {
    try {
      await fs.writeFile(options.out, serialiseKeyring(generateKeyring()), { mode: 0o600, flag: 'wx' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new ConfigError(`${options.out} exists already; keys are never overwritten (old data would become unreadable)`);
      throw error;
    }
    process.stdout.write(`Keyring written to ${options.out}. Keep it out of the database and its backups, and set TEEKA_KEYRING to its path.\n`);
  });

keys
  .command('rotate')
  .description('Add a new certificate signing key to the keyring; certificates signed with the older keys keep verifying until those are retired.')
  .action(async () => {
    const settings = commandConfig();
    const file = settings.keyringPath ?? path.join(settings.dataDir, 'keyring.json');
    const keyring = await loadKeyring({ env: settings.env, keyringPath: settings.keyringPath, dataDir: settings.dataDir });
    keyring.signingKeys.push(newCertificateSigningKey());
    await fs.writeFile(file, serialiseKeyring(keyring), { mode: 0o600 });
    process.stdout.write(`A new signing key now signs certificates (${keyring.signingKeys.filter((k) => !k.retiredAt).length} keys trusted). Restart the servers to use it.\n`);
  });

registerAuditCommands(program);
registerBreachCommands(program);
registerCanaryCommands(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  // An AppError here is bad input to a command (`staff add --role nurse`): its message says what to fix.
  if (error instanceof ConfigError || error instanceof KeyringError || error instanceof AppError) {
    process.stderr.write(`teeka: ${error.message}\n`);
    process.exit(2);
  }
  throw error;
}
