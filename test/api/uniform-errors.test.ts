import net from 'node:net';
import type { LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.js';

/**
 * Decision 0018 and DESIGN.md §1.7: whatever goes wrong, the client gets Co-WIN's envelope
 * `{"errorCode","error"}` with a sentence, and never a stack trace, SQL or a library's internals.
 */

function expectEnvelope(res: LightMyRequestResponse, status: number, errorCode: string): string {
  expect(res.statusCode).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/json/);
  const body = res.json();
  expect(Object.keys(body).sort()).toEqual(['error', 'errorCode']);
  expect(body.errorCode).toBe(errorCode);
  expect(res.body).not.toMatch(/\bat \S+ \(|\.[jt]s:\d+|node_modules|SELECT|relation|syntax error|stack/i);
  return body.error as string;
}

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('uniform errors (decision 0018)', () => {
  it('hides a database failure behind a 500 naming only the request', async () => {
    const broken = await createTestApp();
    try {
      // A real SQL error from a real route: the centres table is gone.
      await sql`ALTER TABLE facility RENAME TO facility_gone`.execute(broken.database.db);
      const res = await broken.app.inject({ url: '/api/v2/appointment/centers/public/findByLatLong?lat=19.07&long=72.87' });
      const message = expectEnvelope(res, 500, 'GERR001');
      expect(message).toMatch(/quote request [0-9a-f-]{36}/);
      expect(res.body).not.toContain('facility');
    } finally {
      await broken.close();
    }
  });

  it('answers JSON that does not parse without quoting it', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/verify', headers: { 'content-type': 'application/json' }, payload: '{"qr": "HC1:secret-looking' });
    expect(expectEnvelope(res, 400, 'INVALID_JSON')).toBe('The request body is not valid JSON.');
    expect(res.body).not.toContain('secret-looking');
  });

  it('refuses prototype poisoning as bad JSON', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/verify', headers: { 'content-type': 'application/json' }, payload: '{"qr":"x","__proto__":{"admin":true}}' });
    expectEnvelope(res, 400, 'INVALID_JSON');
  });

  it('names the field a schema refuses, and what it expects rather than a regular expression', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/verify', payload: { qr: '' } });
    expect(expectEnvelope(res, 400, 'INVALID_INPUT')).toMatch(/^qr: /);
    const pattern = await t.app.inject({ url: '/.well-known/crl/not-a-key.txt' });
    expect(expectEnvelope(pattern, 400, 'INVALID_INPUT')).toBe('file: is not in the expected form: a key id from jwks.json, then .json');
  });

  it('answers an unknown path, or a known path with another method, with 404', async () => {
    expect(expectEnvelope(await t.app.inject({ url: '/api/nowhere' }), 404, 'NOT_FOUND')).toBe('There is nothing at GET /api/nowhere.');
    // Fastify answers 404 rather than 405 for a method a path does not have.
    for (const method of ['DELETE', 'PUT', 'PATCH'] as const) {
      expectEnvelope(await t.app.inject({ method, url: '/api/v2/admin/location/states' }), 404, 'NOT_FOUND');
    }
  });

  it('refuses a body over 64 KiB with 413, before reading it', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/verify', payload: { qr: 'x'.repeat(70 * 1024) } });
    expect(expectEnvelope(res, 413, 'PAYLOAD_TOO_LARGE')).toBe('The request body is larger than 64 KiB, the most this address accepts.');
  });

  it('refuses a body in a format the route does not read with 415, naming the one it does', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/verify', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'qr=HC1' });
    expect(expectEnvelope(res, 415, 'UNSUPPORTED_MEDIA_TYPE')).toBe('Send the body with Content-Type: application/json.');
  });

  it('answers an address that cannot be decoded with 400', async () => {
    const res = await t.app.inject({ url: '/api/v2/admin/location/districts/%E0%A4%A' });
    expectEnvelope(res, 400, 'BAD_URL');
  });

  it('sheds load with 503 and Retry-After in the same envelope (@fastify/under-pressure)', async () => {
    // Any heap is over 1 MiB: every request after the first sample (1 s) is shed.
    const pressed = await createTestApp({ config: { maxHeapUsedMb: 1 } });
    try {
      await expect.poll(async () => (await pressed.app.inject({ url: '/healthz' })).statusCode, { timeout: 5000, interval: 100 }).toBe(503);
      const res = await pressed.app.inject({ url: '/api/v2/admin/location/states' });
      expect(expectEnvelope(res, 503, 'SERVER_BUSY')).toMatch(/try again/);
      expect(res.headers['retry-after']).toBe('5');
    } finally {
      await pressed.close();
    }
  });

  it('answers a connection that does not speak HTTP in the same envelope, then closes it', async () => {
    await t.app.listen({ host: '127.0.0.1', port: 0 });
    const { port } = t.app.server.address() as net.AddressInfo;
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = net.connect(port, '127.0.0.1', () => socket.write('HELLO / TEEKA\r\n\r\n'));
      let text = '';
      socket.on('data', (chunk) => { text += chunk.toString(); });
      socket.on('close', () => resolve(text));
      socket.on('error', reject);
    });
    expect(answer).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
    expect(JSON.parse(answer.split('\r\n\r\n')[1]!)).toEqual({ errorCode: 'BAD_REQUEST', error: 'The request is not valid HTTP.' });
  });
});
