import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webDistDir } from '../../src/app.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/**
 * Decision 0018: the ministry's header list, on the web app's page, the API and the API
 * documentation, read off real responses.
 */

/** `default-src 'self'; img-src 'self' data:` → { 'default-src': ["'self'"], 'img-src': ["'self'", 'data:'] } */
function directives(policy: string | undefined): Record<string, string[]> {
  return Object.fromEntries((policy ?? '').split(';').map((d) => d.trim()).filter(Boolean).map((d) => {
    const [name, ...values] = d.split(/\s+/);
    return [name!, values];
  }));
}

let t: TestApp;
let proxied: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  proxied = await createTestApp({ config: { trustProxy: true } });
});
afterAll(async () => {
  await t.close();
  await proxied.close();
});

const page = { url: '/verify', headers: { accept: 'text/html' } };
const api = { url: '/api/v2/admin/location/states' };
const docs = { url: '/api/docs/' };

describe('security headers (decision 0018)', () => {
  it.skipIf(!fs.existsSync(webDistDir))('the built page has no inline script or style to allow', () => {
    const html = fs.readFileSync(`${webDistDir}/index.html`, 'utf8');
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(html).not.toMatch(/<style|\sstyle=|\son[a-z]+=/i);
  });

  it.each([['the web app', page], ['the API', api], ['an API error', { url: '/api/nowhere' }]])('%s carries a strict policy with no inline script', async (_name, request) => {
    const res = await t.app.inject(request);
    const csp = directives(res.headers['content-security-policy'] as string);
    expect(csp['script-src']).toEqual(["'self'"]);
    expect(csp['style-src']).toEqual(["'self'"]);
    expect(csp['script-src-attr']).toEqual(["'none'"]);
    expect(csp['default-src']).toEqual(["'self'"]);
    expect(csp['object-src']).toEqual(["'none'"]);
    expect(csp['base-uri']).toEqual(["'self'"]);
    expect(csp['form-action']).toEqual(["'self'"]);
    expect(csp['frame-ancestors']).toEqual(["'none'"]);
    expect(JSON.stringify(csp)).not.toContain('unsafe');
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['permissions-policy']).toBe('camera=(self), microphone=(), geolocation=(), payment=(), usb=(), display-capture=()');
  });

  it('relaxes only inline styles for the API documentation (Swagger UI), never script', async () => {
    for (const url of [docs.url, '/api/docs/json']) {
      const res = await t.app.inject({ url });
      expect(res.statusCode).toBe(200);
      const csp = directives(res.headers['content-security-policy'] as string);
      expect(csp['style-src']).toEqual(["'self'", "'unsafe-inline'"]);
      expect(csp['script-src']).toEqual(["'self'"]);
      expect(csp['frame-ancestors']).toEqual(["'none'"]);
      expect(csp['object-src']).toEqual(["'none'"]);
      expect(res.headers['permissions-policy']).toMatch(/^camera=\(self\)/);
    }
  });

  it('sends HSTS only when browsers reach Teeka over TLS, here behind a trusted proxy', async () => {
    const plain = await t.app.inject(api);
    expect(plain.headers['strict-transport-security']).toBeUndefined();
    expect(directives(plain.headers['content-security-policy'] as string)).not.toHaveProperty('upgrade-insecure-requests');
    for (const request of [page, api, docs]) {
      const res = await proxied.app.inject(request);
      expect(res.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
      expect(directives(res.headers['content-security-policy'] as string)).toHaveProperty('upgrade-insecure-requests');
    }
  });
});
