import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { usingPostgres } from '../support/database.js';

const teeka = fileURLToPath(new URL('../../bin/teeka.js', import.meta.url));
let dataDir: string;

function run(args: string[], env: Record<string, string> = {}) {
  return spawnSync(process.execPath, [teeka, ...args], {
    encoding: 'utf8',
    env: { ...process.env, TEEKA_DATA_DIR: dataDir, DATABASE_URL: '', ...env },
    timeout: 60_000,
  });
}

beforeAll(async () => {
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'teeka-cli-'));
});
afterAll(() => fs.rm(dataDir, { recursive: true, force: true }));

describe('teeka CLI', () => {
  it.each([[[]], [['serve']], [['migrate']], [['seed']], [['keys', 'generate']]])('explains %j with --help', (args) => {
    const result = run([...args, '--help']);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^Usage: teeka/);
  });

  it('lists its commands', () => {
    expect(run(['--help']).stdout).toMatch(/serve[\s\S]*migrate[\s\S]*seed/);
  });

  it('migrates an empty data directory, then finds nothing left to do', () => {
    expect(run(['migrate']).stdout).toMatch(/Migrations: [1-9]\d* applied, 0 already in place/);
    expect(run(['migrate']).stdout).toMatch(/Migrations: 0 applied, [1-9]\d* already in place/);
  });

  it('refuses a bad setting with a message naming it, not a stack trace', () => {
    const result = run(['migrate'], { PORT: 'eighty' });
    expect(result.status).toBe(2);
    expect(result.stderr).toBe('teeka: PORT must be a whole number, got "eighty"\n');
  });

  it('refuses demo data in production', () => {
    const result = run(['seed'], { TEEKA_ENV: 'production', DATABASE_URL: 'postgres://127.0.0.1:1/none', TEEKA_PUBLIC_URL: 'https://teeka.example' });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/Demo data is for development only/);
  });

  // Seeding a fresh data directory takes about 10 s; one database engine is enough to prove it.
  it.skipIf(usingPostgres)('serves a fresh data directory: seeds it, listens and answers', async () => {
    const child = spawn(process.execPath, [teeka, 'serve'], {
      env: { ...process.env, TEEKA_DATA_DIR: path.join(dataDir, 'serve'), DATABASE_URL: '', PORT: '0', LOG_LEVEL: 'warn' },
    });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let output = '';
        child.stdout.on('data', (chunk: Buffer) => {
          output += chunk.toString();
          const match = /Teeka is listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
          if (match) resolve(match[1]!);
        });
        child.on('exit', (code) => reject(new Error(`serve exited with ${code}`)));
      });
      const states = await fetch(`${url}/api/v2/admin/location/states`);
      expect(states.status).toBe(200);
      expect((await states.json()).states).toHaveLength(37);
      expect((await fetch(`${url}/readyz`)).status).toBe(200);
    } finally {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    }
  }, 90_000);
});

describe('teeka keys generate', () => {
  it('writes a keyring only its owner can read, and never overwrites one', async () => {
    const file = path.join(dataDir, 'keyring.json');
    const first = run(['keys', 'generate', '--out', file]);
    expect(first.status).toBe(0);
    expect((await fs.stat(file)).mode & 0o777).toBe(0o600);
    const keyring = JSON.parse(await fs.readFile(file, 'utf8'));
    expect(Object.keys(keyring.hmacKeys)).toEqual(['blindIndex', 'otp', 'token', 'captcha', 'securityCode']);
    const again = run(['keys', 'generate', '--out', file]);
    expect(again.status).toBe(2);
    expect(again.stderr).toMatch(/never overwritten/);
  });

  it('is required in production: the server refuses to start without TEEKA_KEYRING', () => {
    const result = run(['serve'], {
      TEEKA_ENV: 'production', DATABASE_URL: 'postgres://127.0.0.1:1/none', TEEKA_TRUST_PROXY: 'true', PORT: '0', TEEKA_PUBLIC_URL: 'https://teeka.example',
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/needs TEEKA_KEYRING/);
  });
});
