import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('loadConfig', () => {
  it('has working defaults for a laptop', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ env: 'development', host: '127.0.0.1', port: 3000, publicRateLimit: 100, databaseUrl: undefined });
    expect(config.dataDir).toMatch(/\.teeka$/);
  });

  it('reads the public rate limit, where 0 turns it off', () => {
    expect(loadConfig({ TEEKA_PUBLIC_RATE_LIMIT: '0' }).publicRateLimit).toBe(0);
    expect(loadConfig({ TEEKA_PUBLIC_RATE_LIMIT: '2500' }).publicRateLimit).toBe(2500);
  });

  it.each([
    [{ PORT: 'eighty' }, /PORT must be a whole number/],
    [{ PORT: '70000' }, /PORT must be between/],
    [{ TEEKA_PUBLIC_RATE_LIMIT: '-5' }, /TEEKA_PUBLIC_RATE_LIMIT must be a whole number/],
    [{ TEEKA_ENV: 'staging' }, /TEEKA_ENV must be/],
    [{ TEEKA_ENV: 'production' }, /needs DATABASE_URL/],
    [{ TEEKA_ENV: 'production', DATABASE_URL: 'postgres://db/teeka', TEEKA_PUBLIC_URL: 'http://teeka.example' }, /needs TEEKA_PUBLIC_URL/],
  ])('refuses %o', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });
});
