import fs from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { auditSigningKeysOf, KeyringError, loadKeyring, newAuditSigningKey, parseKeyring, rotateAuditSigningKey, serialiseKeyring } from '../core/crypto/keyring.js';
import { invalidInput } from '../core/errors.js';
import { publicJwkOf } from '../modules/access/checkpoints.js';
import { commandConfig, progress, withRuntime } from './common.js';

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
    .description('Export the signed checkpoints as JSON lines, first a line per public key (JWK, and when it retired), for a third party to hold and verify with those keys alone.')
    .option('--since-seq <seq>', 'only checkpoints covering rows after this one (append the output to an earlier export)')
    .option('--out <file>', 'write to this file instead of standard output')
    .action(async (options: { sinceSeq?: string; out?: string }) => {
      const sinceSeq = options.sinceSeq === undefined ? 0 : wholeNumber(options.sinceSeq, '--since-seq');
      const file = options.out === undefined ? undefined : await fs.open(options.out, 'w');
      // Streamed: a year of minutes is half a million checkpoints.
      const write = (text: string) => (file ? file.write(text) : new Promise<void>((resolve) => (process.stdout.write(text) ? resolve() : process.stdout.once('drain', resolve))));
      let lines = 0;
      let keys = 0;
      try {
        await withRuntime(async (runtime) => {
          keys = runtime.services.auditLog.publicKeys.length;
          for await (const line of runtime.services.auditLog.exportCheckpoints(sinceSeq)) {
            await write(`${line}\n`);
            lines += 1;
          }
        });
      } finally {
        await file?.close();
      }
      if (options.out !== undefined) process.stderr.write(`${count(lines - keys, 'checkpoint')} and ${keys === 1 ? 'the public key' : `${keys} public keys`} written to ${options.out}.\n`);
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
    .description('Print the public key (JWK) that signs new checkpoints; --public prints every audit key as a JWKS; --create adds a first key to a keyring that has none; --rotate replaces the signing key.')
    .option('--public', 'print every public key that verifies checkpoints, retired ones too, as a JWKS')
    .option('--create', 'add an audit signing key to the keyring (TEEKA_KEYRING, or the development keyring); never replaces one')
    .option('--rotate', 'retire the signing key now and add a new one that signs from now on; the retired key stays to verify what it signed')
    .action(async (options: { public?: boolean; create?: boolean; rotate?: boolean }) => {
      if ([options.public, options.create, options.rotate].filter(Boolean).length > 1) throw invalidInput('key', 'give one of --public, --create and --rotate');
      const settings = commandConfig();
      const file = settings.keyringPath ?? path.join(settings.dataDir, 'keyring.json');
      if (options.create) return createAuditKey(file);
      if (options.rotate) return rotateAuditKey(file);
      const keyring = await loadKeyring({ env: settings.env, keyringPath: settings.keyringPath, dataDir: settings.dataDir });
      const keys = auditSigningKeysOf(keyring);
      process.stdout.write(`${JSON.stringify(options.public ? { keys: keys.map(publicJwkOf) } : publicJwkOf(keys.at(-1)!))}\n`);
    });
}

async function createAuditKey(file: string): Promise<void> {
  const keyring = parseKeyring(await fs.readFile(file, 'utf8'));
  const current = keyring.auditSigningKeys.at(-1);
  if (current) {
    process.stdout.write(`${file} has an audit signing key already (kid ${current.kid}); it is never replaced, as that would orphan its checkpoints. To retire it, use --rotate.\n`);
    return;
  }
  const added = newAuditSigningKey();
  keyring.auditSigningKeys.push(added);
  await fs.writeFile(file, serialiseKeyring(keyring), { mode: 0o600 });
  process.stdout.write(`Added an audit signing key (kid ${added.kid}) to ${file}.\n`);
}

/**
 * Decision 0013, Rotation. The keyring is written first, so the new key is never lost; then the
 * rotation is recorded and sealed with the new key, which stops servers still on the old keyring
 * from sealing. A checkpoint such a server signed in between would fall after the retirement and
 * fail verification for ever, so the retirement moves past the old key's last signature.
 */
async function rotateAuditKey(file: string): Promise<void> {
  const keyring = parseKeyring(await fs.readFile(file, 'utf8'));
  if (keyring.auditSigningKeys.length === 0) throw new KeyringError(`${file} has no audit signing key to rotate: add one with "teeka audit key --create"`);
  const { added, retired } = rotateAuditSigningKey(keyring);
  await fs.writeFile(file, serialiseKeyring(keyring), { mode: 0o600 });
  process.stdout.write(`Added audit signing key ${added.kid} to ${file}${retired ? `; key ${retired.kid} is retired and only verifies what it signed before ${retired.retiredAt}` : ''}.\n`);
  const { sealed, retiredKeyLastSigned } = await withRuntime((runtime) => runtime.services.auditLog.sealRotation(retired?.kid));
  if (retired && retiredKeyLastSigned && retiredKeyLastSigned >= new Date(retired.retiredAt!)) {
    retired.retiredAt = new Date(retiredKeyLastSigned.getTime() + 1).toISOString();
    await fs.writeFile(file, serialiseKeyring(keyring), { mode: 0o600 });
    process.stdout.write(`A server signed with the old key during the rotation: its retirement moved to ${retired.retiredAt}.\n`);
  }
  process.stdout.write(sealed
    ? `Recorded the rotation and sealed it with the new key (rows ${sealed.firstSeq}-${sealed.lastSeq}).\n`
    : 'Recorded the rotation; another server sealed it first. Check with "teeka audit verify".\n');
  process.stdout.write('Restart every server now: until they restart with this keyring, they seal no new checkpoints.\n');
}
