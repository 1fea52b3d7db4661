import fs from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { auditSigningKeyOf, loadKeyring, newAuditSigningKey, parseKeyring, serialiseKeyring } from '../core/crypto/keyring.js';
import { invalidInput } from '../core/errors.js';
import { CheckpointSigner } from '../modules/access/checkpoints.js';
import { openRuntime, type Runtime } from '../runtime.js';
import { commandConfig, progress } from './common.js';

async function withRuntime<T>(run: (runtime: Runtime) => Promise<T>): Promise<T> {
  const runtime = await openRuntime(commandConfig());
  try {
    return await run(runtime);
  } finally {
    await runtime.close();
  }
}

const count = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;

function wholeNumber(value: string, option: string): number {
  if (!/^\d{1,15}$/.test(value)) throw invalidInput(option, `${option} must be a whole number (a row's seq), got "${value}"`);
  return Number(value);
}

/** `teeka audit ...`: the audit log's checkpoints, verification, export and retention (decision 0013). */
export function registerAuditCommands(program: Command): void {
  const audit = program.command('audit').description('Verify, seal, export and expire the hash-chained audit log (decision 0013).');

  audit
    .command('verify')
    .description('Check every row of the audit log (hashes, links, order) and every signed checkpoint. Exit code 0 when intact, 1 when not, naming the first bad row.')
    .option('--checkpoints <file>', 'verify against checkpoints a third party held (a file from "teeka audit checkpoints") and the key in it, instead of the database\'s own')
    .action(async (options: { checkpoints?: string }) => {
      const held = options.checkpoints === undefined ? undefined : await fs.readFile(options.checkpoints, 'utf8');
      const result = await withRuntime((runtime) => runtime.services.auditLog.verify({
        held, onProgress: (done, total) => progress('verifying the audit log', done, total),
      }));
      if (result.ok) {
        process.stdout.write(
          `Audit log intact: ${count(result.checked, 'row')}${(result.firstSeq ?? 1) > 1 ? ` (the ${result.firstSeq! - 1} before them expired)` : ''} and ${count(result.checkpoints, 'signed checkpoint')} verified` +
            `${result.sealedThrough === undefined ? '; no checkpoint yet' : `; sealed through row ${result.sealedThrough}`}.\n`,
        );
        return;
      }
      process.stdout.write(`Audit log BROKEN at row ${result.brokenAt}: ${result.problem}\n`);
      for (const problem of result.problems.slice(1)) process.stdout.write(`  also row ${problem.seq}: ${problem.what}\n`);
      process.exitCode = 1;
    });

  audit
    .command('checkpoint')
    .description('Sign a checkpoint of the rows appended since the last one now (the server does this every minute and when it stops).')
    .action(async () => {
      const checkpoint = await withRuntime((runtime) => runtime.services.auditLog.checkpoint());
      process.stdout.write(checkpoint
        ? `Signed a checkpoint of ${checkpoint.firstSeq === checkpoint.lastSeq ? `row ${checkpoint.firstSeq}` : `rows ${checkpoint.firstSeq}-${checkpoint.lastSeq}`} (head ${checkpoint.headHash.slice(0, 16)}…).\n`
        : 'Nothing to sign: no rows since the last checkpoint.\n');
    });

  audit
    .command('checkpoints')
    .description('Export the signed checkpoints as JSON lines, the first line the public key (JWK), for a third party to hold and verify with that key alone.')
    .option('--since-seq <seq>', 'only checkpoints covering rows after this one (append the output to an earlier export)')
    .option('--out <file>', 'write to this file instead of standard output')
    .action(async (options: { sinceSeq?: string; out?: string }) => {
      const sinceSeq = options.sinceSeq === undefined ? 0 : wholeNumber(options.sinceSeq, '--since-seq');
      const file = options.out === undefined ? undefined : await fs.open(options.out, 'w');
      // Streamed: a year of minutes is half a million checkpoints.
      const write = (text: string) => (file ? file.write(text) : new Promise<void>((resolve) => (process.stdout.write(text) ? resolve() : process.stdout.once('drain', resolve))));
      let checkpoints = -1;
      try {
        await withRuntime(async (runtime) => {
          for await (const line of runtime.services.auditLog.exportCheckpoints(sinceSeq)) {
            await write(`${line}\n`);
            checkpoints += 1;
          }
        });
      } finally {
        await file?.close();
      }
      if (options.out !== undefined) process.stderr.write(`${count(checkpoints, 'checkpoint')} and the public key written to ${options.out}.\n`);
    });

  audit
    .command('expire')
    .description('Remove whole segments older than TEEKA_AUDIT_RETENTION_DAYS (at least 180); the rest stays verifiable. The server does this daily.')
    .action(async () => {
      const expired = await withRuntime((runtime) => runtime.services.auditLog.expire());
      process.stdout.write(expired
        ? `Expired rows ${expired.fromSeq}-${expired.throughSeq} (${expired.rows} rows, ${expired.checkpoints} checkpoints); recorded as row ${expired.recordedAt}.\n`
        : 'Nothing to expire: no whole segment is older than the retention period.\n');
    });

  audit
    .command('key')
    .description('Print the public key (JWK) that verifies the checkpoints; with --create, add an audit signing key to a keyring that has none.')
    .option('--create', 'add an audit signing key to the keyring (TEEKA_KEYRING, or the development keyring); never replaces one')
    .action(async (options: { create?: boolean }) => {
      const settings = commandConfig();
      if (options.create) {
        const file = settings.keyringPath ?? path.join(settings.dataDir, 'keyring.json');
        const keyring = parseKeyring(await fs.readFile(file, 'utf8'));
        if (keyring.auditSigningKey) {
          process.stdout.write(`${file} has an audit signing key already (kid ${keyring.auditSigningKey.kid}); it is never replaced, as that would orphan its checkpoints.\n`);
          return;
        }
        keyring.auditSigningKey = newAuditSigningKey();
        await fs.writeFile(file, serialiseKeyring(keyring), { mode: 0o600 });
        process.stdout.write(`Added an audit signing key (kid ${keyring.auditSigningKey.kid}) to ${file}.\n`);
        return;
      }
      const keyring = await loadKeyring({ env: settings.env, keyringPath: settings.keyringPath, dataDir: settings.dataDir });
      process.stdout.write(`${JSON.stringify(new CheckpointSigner(auditSigningKeyOf(keyring)).publicJwk)}\n`);
    });
}
