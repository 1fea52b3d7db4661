import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webDistDir } from '../../src/app.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe.skipIf(!fs.existsSync(webDistDir))('the web app\'s own routes', () => {
  it.each(['/login', '/family', '/book/12345678901234?reschedule=x', '/my-data', '/verify'])('serve the page at %s, revalidated on each visit', async (url) => {
    const res = await t.app.inject({ url, headers: { accept: 'text/html,application/xhtml+xml' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.headers['cache-control']).toBe('no-cache');
  });

  it('leave API, development and asset paths a JSON 404', async () => {
    for (const url of ['/api/nowhere', '/__dev/nothing', '/assets/missing.js']) {
      const res = await t.app.inject({ url, headers: { accept: 'text/html' } });
      expect(res.statusCode).toBe(404);
      expect(res.json().errorCode).toBe('NOT_FOUND');
    }
  });
});
