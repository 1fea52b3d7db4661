import { spawnSync } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/** `teeka canary plant` as an operator runs it (decision 0015). */
const teeka = fileURLToPath(new URL('../../bin/teeka.js', import.meta.url));
let dataDir: string;

const run = (args: string[]) => spawnSync(process.execPath, [teeka, ...args], {
  encoding: 'utf8', env: { ...process.env, TEEKA_DATA_DIR: dataDir, DATABASE_URL: '' }, timeout: 120_000,
});

beforeAll(async () => {
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'teeka-canary-'));
});
afterAll(() => fs.rm(dataDir, { recursive: true, force: true }));

describe('teeka canary plant', () => {
  it('refuses a bad count or district, naming the option', () => {
    const zero = run(['canary', 'plant', '--count', '0']);
    expect(zero.status).toBe(2);
    expect(zero.stderr).toBe('teeka: --count must be a whole number from 1 to 100, got "0"\n');
    const nowhere = run(['canary', 'plant', '--district', '999999']);
    expect(nowhere.status).toBe(2);
    expect(nowhere.stderr).toBe('teeka: There is no district 999999.\n');
  });

  it('plants canaries and prints how many, never which', () => {
    const result = run(['canary', 'plant', '--count', '2']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^Planted 2 canary accounts with [2-6] people\.\nWhich records they are is kept only as keyed MACs/);
    expect(result.stdout).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}/);
  });
});
