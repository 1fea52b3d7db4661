import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, type Config } from '../../src/config.js';
import { fixedClock } from '../../src/core/clock.js';
import { listenForHttpRedirects } from '../../src/core/https-redirect.js';
import { migrate } from '../../src/core/migrate.js';
import { readTlsFiles } from '../../src/core/tls.js';
import { startServer, type RunningServer } from '../../src/runtime.js';
import { emptyDatabase, seedInstant } from '../support/database.js';
import { testServices } from '../support/test-services.js';

/**
 * Decision 0018: built-in HTTPS from TEEKA_TLS_CERT / TEEKA_TLS_KEY, HSTS, and the plain-HTTP
 * listener that only redirects. The certificate is made for this run by the openssl CLI (node
 * cannot write X.509), self-signed for localhost, and trusted by these requests alone.
 */

const hasOpenssl = (() => {
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

let dir: string;
let cert: string;
let key: string;
let otherKey: string;

function makeKey(file: string): void {
  execFileSync('openssl', ['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', file], { stdio: 'ignore' });
}

beforeAll(() => {
  if (!hasOpenssl) return;
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'teeka-tls-'));
  [cert, key, otherKey] = ['cert.pem', 'key.pem', 'other-key.pem'].map((f) => path.join(dir, f)) as [string, string, string];
  makeKey(key);
  makeKey(otherKey);
  execFileSync('openssl', [
    'req', '-x509', '-key', key, '-out', cert, '-days', '2', '-subj', '/CN=localhost', '-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1',
  ], { stdio: 'ignore' });
});
afterAll(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

function get(url: string, options: https.RequestOptions = {}): Promise<Answer> {
  const client = url.startsWith('https:') ? https : http;
  return new Promise((resolve, reject) => {
    const request = client.get(url, { ...options, ...(url.startsWith('https:') ? { ca: fs.readFileSync(cert) } : {}) }, (response) => {
      let body = '';
      response.on('data', (chunk) => { body += chunk; });
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
    });
    request.on('error', reject);
  });
}

describe.skipIf(!hasOpenssl)('built-in HTTPS (decision 0018)', () => {
  let server: RunningServer;
  let closeDatabase: () => Promise<void>;

  beforeAll(async () => {
    // A production-like start on a database without demo data, serving TLS itself and redirecting port "0".
    const database = await emptyDatabase();
    await migrate(database);
    const clock = fixedClock(seedInstant());
    const config: Config = {
      ...loadConfig({ TEEKA_TLS_CERT: cert, TEEKA_TLS_KEY: key }), host: '127.0.0.1', port: 0, httpRedirectPort: 0, maxEventLoopDelayMs: 0, env: 'production',
    };
    const services = testServices(database.db, clock, config);
    await services.vaccines.load();
    server = await startServer(config, { database, services, clock, servicesAt: () => services, close: () => database.close() }, { logger: false });
    closeDatabase = () => database.close();
  });
  afterAll(async () => {
    await server?.close();
    await closeDatabase?.();
  });

  it('serves HTTPS with HSTS', async () => {
    expect(server.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const res = await get(`${server.url.replace('127.0.0.1', 'localhost')}/healthz`);
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toEqual({ status: 'ok' });
    expect(res.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    expect(res.headers['content-security-policy']).toContain('upgrade-insecure-requests');
  });

  it('does not speak plain HTTP on the HTTPS port', async () => {
    await expect(get(`${server.url.replace('https:', 'http:')}/healthz`)).rejects.toThrow();
  });

  it('redirects plain HTTP to the same path over HTTPS with 301', async () => {
    expect(server.redirectUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const httpsPort = new URL(server.url).port;
    const redirectPort = new URL(server.redirectUrl!).port;
    const res = await get(`${server.redirectUrl}/api/v2/admin/location/states?x=1`, { headers: { host: `localhost:${redirectPort}` } });
    expect(res.status).toBe(301);
    expect(res.headers.location).toBe(`https://localhost:${httpsPort}/api/v2/admin/location/states?x=1`);
    expect(JSON.parse(res.body).errorCode).toBe('USE_HTTPS');
  });
});

describe.skipIf(!hasOpenssl)('the redirect listener', () => {
  it('sends everyone to the public https address when there is one, whatever Host they send', async () => {
    const listener = await listenForHttpRedirects(
      { publicUrl: 'https://teeka.example', host: '127.0.0.1', headersTimeoutMs: 1000, requestTimeoutMs: 2000, idleTimeoutMs: 2000 }, 0, 443,
    );
    try {
      const res = await get(`http://127.0.0.1:${listener.port}/verify`, { headers: { host: 'evil.example' } });
      expect(res.status).toBe(301);
      expect(res.headers.location).toBe('https://teeka.example/verify');
    } finally {
      await listener.close();
    }
  });

  it('refuses a Host header that is not a host name', async () => {
    const listener = await listenForHttpRedirects(
      { publicUrl: 'http://localhost:3000', host: '127.0.0.1', headersTimeoutMs: 1000, requestTimeoutMs: 2000, idleTimeoutMs: 2000 }, 0, 3443,
    );
    try {
      const res = await get(`http://127.0.0.1:${listener.port}/`, { headers: { host: 'a b/c' } });
      expect(res.status).toBe(400);
      expect(res.headers.location).toBeUndefined();
    } finally {
      await listener.close();
    }
  });
});

describe.skipIf(!hasOpenssl)('TLS settings', () => {
  it('reads a certificate and its key', () => {
    expect(readTlsFiles({ tlsCertPath: cert, tlsKeyPath: key })?.cert.toString()).toContain('BEGIN CERTIFICATE');
  });

  it.each([
    ['a key that is not the certificate\'s', () => ({ tlsCertPath: cert, tlsKeyPath: otherKey }), /TEEKA_TLS_KEY is not the key of the certificate/],
    ['a missing file', () => ({ tlsCertPath: path.join(dir, 'nope.pem'), tlsKeyPath: key }), /TEEKA_TLS_CERT: cannot read .*nope\.pem \(ENOENT\)/],
    ['a key given as the certificate', () => ({ tlsCertPath: key, tlsKeyPath: key }), /TEEKA_TLS_CERT .* is not a PEM certificate/],
    ['a certificate given as the key', () => ({ tlsCertPath: cert, tlsKeyPath: cert }), /TEEKA_TLS_KEY .* is not an unencrypted PEM private key/],
  ])('refuses %s with a sentence', (_name, settings, message) => {
    expect(() => readTlsFiles(settings())).toThrow(ConfigError);
    expect(() => readTlsFiles(settings())).toThrow(message);
  });
});
