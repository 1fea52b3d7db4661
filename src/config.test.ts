import { describe, expect, it } from 'vitest';
import { assertProductionReady, ConfigError, loadConfig } from './config.js';

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

  it('reads working hours, a night shift across midnight included (decision 0015)', () => {
    expect(loadConfig({}).detection.workingHours).toEqual({ from: 7 * 60, to: 21 * 60 });
    expect(loadConfig({ TEEKA_WORKING_HOURS: '20:00-06:00' }).detection.workingHours).toEqual({ from: 20 * 60, to: 6 * 60 });
    expect(loadConfig({ TEEKA_WORKING_HOURS: '22:30 - 00:00' }).detection.workingHours).toEqual({ from: 22 * 60 + 30, to: 0 });
    expect(loadConfig({ TEEKA_WORKING_HOURS: '00:00-24:00' }).detection.workingHours).toEqual({ from: 0, to: 24 * 60 });
  });

  it.each([
    [{ TEEKA_WORKING_HOURS: '08:00-08:00' }, /TEEKA_WORKING_HOURS must be like 07:00-21:00, or 20:00-06:00 across midnight/],
    [{ TEEKA_WORKING_HOURS: '24:00-06:00' }, /TEEKA_WORKING_HOURS must be like/],
    [{ TEEKA_WORKING_HOURS: '20:00-24:30' }, /TEEKA_WORKING_HOURS must be like/],
    [{ PORT: 'eighty' }, /PORT must be a whole number/],
    [{ PORT: '70000' }, /PORT must be between/],
    [{ TEEKA_PUBLIC_RATE_LIMIT: '-5' }, /TEEKA_PUBLIC_RATE_LIMIT must be a whole number/],
    [{ TEEKA_ENV: 'staging' }, /TEEKA_ENV must be/],
    [{ TEEKA_ENV: 'production' }, /needs DATABASE_URL/],
    [{ TEEKA_ENV: 'production', DATABASE_URL: 'postgres://db/teeka', TEEKA_PUBLIC_URL: 'http://teeka.example' }, /needs TEEKA_PUBLIC_URL/],
    [{ TEEKA_TLS_CERT: '/etc/teeka/cert.pem' }, /TEEKA_TLS_CERT and TEEKA_TLS_KEY go together/],
    [{ TEEKA_HTTP_REDIRECT_PORT: '80' }, /TEEKA_HTTP_REDIRECT_PORT redirects to Teeka's own HTTPS: set TEEKA_TLS_CERT and TEEKA_TLS_KEY/],
    [{ TEEKA_TLS_CERT: 'c.pem', TEEKA_TLS_KEY: 'k.pem', PORT: '443', TEEKA_HTTP_REDIRECT_PORT: '443' }, /must differ from PORT/],
    [{ TEEKA_HEADERS_TIMEOUT_MS: '20000', TEEKA_REQUEST_TIMEOUT_MS: '10000' }, /TEEKA_HEADERS_TIMEOUT_MS must not be longer than TEEKA_REQUEST_TIMEOUT_MS/],
  ])('refuses %o', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });
});

describe('assertProductionReady (decision 0018)', () => {
  const ready = {
    TEEKA_ENV: 'production', DATABASE_URL: 'postgres://db/teeka', TEEKA_PUBLIC_URL: 'https://teeka.example',
    TEEKA_KEYRING: '/etc/teeka/keyring.json', TEEKA_SMS: 'https://sms.example/send', TEEKA_TRUST_PROXY: 'true', REDIS_URL: 'redis://cache:6379',
  };

  it('lets a development start through untouched', () => {
    expect(assertProductionReady(loadConfig({}))).toEqual([]);
  });

  it('lets a production start through when TLS ends at a trusted proxy or here', () => {
    expect(assertProductionReady(loadConfig(ready))).toEqual([]);
    expect(assertProductionReady(loadConfig({ ...ready, TEEKA_TRUST_PROXY: '', TEEKA_TLS_CERT: 'cert.pem', TEEKA_TLS_KEY: 'key.pem' }))).toEqual([]);
  });

  it.each([
    ['plain HTTP', { TEEKA_TRUST_PROXY: '' }, 'TEEKA_ENV=production does not serve plain HTTP: set TEEKA_TLS_CERT and TEEKA_TLS_KEY to PEM files to serve HTTPS, or put Teeka behind a TLS proxy and set TEEKA_TRUST_PROXY=true'],
    ['the SMS outbox', { TEEKA_SMS: 'outbox' }, "TEEKA_SMS=outbox is for development only (it shows every OTP at /__dev/outbox): set TEEKA_SMS to your SMS gateway's https URL"],
    ['generated keys', { TEEKA_KEYRING: '' }, 'TEEKA_ENV=production needs TEEKA_KEYRING, not generated development keys: make a keyring with "teeka keys generate --out <file>" and set TEEKA_KEYRING to its path'],
  ])('refuses %s, saying how to fix it', (_name, change, message) => {
    const config = loadConfig({ ...ready, ...change });
    expect(() => assertProductionReady(config)).toThrow(ConfigError);
    expect(() => assertProductionReady(config)).toThrow(message);
  });

  it('names every problem at once, one per line', () => {
    const config = loadConfig({ ...ready, TEEKA_TRUST_PROXY: '', TEEKA_SMS: '', TEEKA_KEYRING: '' });
    expect(() => assertProductionReady(config)).toThrow(/plain HTTP[^\n]*\nteeka: TEEKA_SMS=outbox[^\n]*\nteeka: TEEKA_ENV=production needs TEEKA_KEYRING/);
  });

  it('only warns that rate limits are per process without Redis', () => {
    expect(assertProductionReady(loadConfig({ ...ready, REDIS_URL: '' }))).toEqual([expect.stringMatching(/^REDIS_URL is not set: rate limits are counted per process/)]);
  });
});
