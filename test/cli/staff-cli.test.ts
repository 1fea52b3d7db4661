import { spawnSync } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { openRuntime } from '../../src/runtime.js';
import { totpCode } from '../api/staff/sign-in.js';

const teeka = fileURLToPath(new URL('../../bin/teeka.js', import.meta.url));
let dataDir: string;

function run(args: string[], dir = dataDir) {
  return spawnSync(process.execPath, [teeka, ...args], {
    encoding: 'utf8',
    env: { ...process.env, TEEKA_DATA_DIR: dir, DATABASE_URL: '' },
    timeout: 90_000,
  });
}

const oneTimePasswordIn = (stdout: string) => /^One-time password: (\S+)$/m.exec(stdout)?.[1];

beforeAll(async () => {
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'teeka-staff-cli-'));
});
afterAll(() => fs.rm(dataDir, { recursive: true, force: true }));

describe('teeka staff add', () => {
  it('explains itself with --help', () => {
    const result = run(['staff', 'add', '--help']);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^Usage: teeka staff add/);
    // Commander wraps the help to the terminal's width.
    expect(result.stdout.replace(/\s+/g, ' ')).toMatch(/national_admin, state_admin, district_admin, facility_admin, vaccinator, auditor/);
    expect(run(['staff', '--help']).stdout).toMatch(/add/);
  });

  it('creates an account and prints its one-time password once', () => {
    const result = run(['staff', 'add', '--username', 'Meera.Nair', '--role', 'national_admin', '--scope', 'nation']);
    expect(result.stderr).not.toMatch(/Error/);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/Created staff account "meera.nair" \(national_admin, nation\)/);
    expect(oneTimePasswordIn(result.stdout)).toMatch(/^[a-z2-9]{5}(-[a-z2-9]{5}){3}$/);
  });

  it.each([
    [['--username', 'meera.nair', '--role', 'auditor', '--scope', 'nation'], /username is taken/],
    [['--username', 'x', '--role', 'auditor', '--scope', 'nation'], /3 to 64 lower-case letters/],
    [['--username', 'ravi.k', '--role', 'nurse', '--scope', 'nation'], /role must be one of national_admin, state_admin/],
    [['--username', 'ravi.k', '--role', 'vaccinator', '--scope', 'nation'], /A vaccinator works at facility level: give a scope like facility:560001/],
    [['--username', 'ravi.k', '--role', 'state_admin', '--scope', 'state:9999'], /There is no state 9999/],
    [['--username', 'ravi.k', '--role', 'district_admin', '--scope', 'block:7'], /scope must be nation, state:<id>/],
  ])('refuses %j with a message, not a stack trace', (args, message) => {
    const result = run(['staff', 'add', ...args]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^teeka: /);
    expect(result.stderr).toMatch(message);
    expect(result.stdout).not.toMatch(/One-time password/);
  });

  it('insists on --username, --role and --scope', () => {
    const result = run(['staff', 'add', '--username', 'ravi.k', '--role', 'auditor']);
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(/required option '--scope <scope>'/);
  });
});

// Seeding a fresh data directory takes about 10 s; one database engine is enough to prove it.
describe('demo staff from `teeka seed`', () => {
  const seededDir = () => path.join(dataDir, 'seeded');
  const credentialsFile = () => path.join(seededDir(), 'demo-credentials.json');

  beforeAll(async () => {
    await fs.mkdir(seededDir(), { recursive: true });
    // Another kind of demo account already listed: seeding staff must keep it.
    await fs.writeFile(credentialsFile(), JSON.stringify({ partners: [{ client_id: 'demo-partner' }] }), { mode: 0o644 });
    const result = run(['seed'], seededDir());
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/Demo staff: 6 accounts/);
  }, 120_000);

  it('writes one account per role to demo-credentials.json, readable by its owner only, keeping other keys', async () => {
    expect((await fs.stat(credentialsFile())).mode & 0o777).toBe(0o600);
    const credentials = JSON.parse(await fs.readFile(credentialsFile(), 'utf8'));
    expect(credentials.partners).toEqual([{ client_id: 'demo-partner' }]);
    expect(credentials.staff.map((s: { role: string }) => s.role)).toEqual(['national_admin', 'state_admin', 'district_admin', 'facility_admin', 'vaccinator', 'auditor']);
    expect(credentials.staff.map((s: { scope: string }) => s.scope.replace(/\d{6}$/, 'N'))).toEqual(['nation', 'state:21', 'district:395', 'facility:N', 'facility:N', 'nation']);
    for (const staff of credentials.staff) {
      expect(Object.keys(staff).sort()).toEqual(['password', 'role', 'scope', 'totp_secret', 'username']);
      expect(staff.password).toMatch(/^[a-z2-9]{5}(-[a-z2-9]{5}){3}$/);
      expect(staff.totp_secret).toMatch(/^[A-Z2-7]{32}$/);
    }
    expect(new Set(credentials.staff.map((s: { password: string }) => s.password)).size).toBe(6);
    expect(run(['seed'], seededDir()).stdout).toMatch(/Demo staff: already present/);
  });

  it('lets a demo vaccinator sign in with those credentials, and a new account with its one-time password', async () => {
    const added = run(['staff', 'add', '--username', 'mumbai.admin', '--role', 'district_admin', '--scope', 'district:395'], seededDir());
    expect(added.status, added.stderr).toBe(0);
    const { staff } = JSON.parse(await fs.readFile(credentialsFile(), 'utf8'));
    const vaccinator = staff.find((s: { role: string }) => s.role === 'vaccinator');

    const config = loadConfig({ TEEKA_DATA_DIR: seededDir() });
    const runtime = await openRuntime(config);
    try {
      await runtime.services.geography.load();
      const app = await buildApp({ config, database: runtime.database, services: runtime.services, clock: runtime.clock, logger: false });
      const csrf = await app.inject({ url: '/api/staff/csrf' });
      const headers = { 'x-csrf-token': csrf.json().token, cookie: `teeka_staff_csrf=${csrf.cookies[0]!.value}` };
      const login = await app.inject({ method: 'POST', url: '/api/staff/login', headers, payload: { username: vaccinator.username, password: vaccinator.password } });
      expect(login.json().step).toBe('totp');
      const signedIn = await app.inject({
        method: 'POST', url: '/api/staff/login/totp', headers, payload: { challenge_token: login.json().challenge_token, code: totpCode(vaccinator.totp_secret, new Date()) },
      });
      expect(signedIn.json()).toEqual({ step: 'done' });
      const session = signedIn.cookies.find((c) => c.name === 'teeka_staff')!.value;
      const me = await app.inject({ url: '/api/staff/me', cookies: { teeka_staff: session } });
      expect(me.json()).toMatchObject({ role: 'vaccinator', scope: { level: 'facility', district_id: 395, state_id: 21 } });

      const first = await app.inject({ method: 'POST', url: '/api/staff/login', headers, payload: { username: 'mumbai.admin', password: oneTimePasswordIn(added.stdout) } });
      expect(first.json().step).toBe('enrol_totp');
      await app.close();
    } finally {
      await runtime.close();
    }
  }, 60_000);
});
