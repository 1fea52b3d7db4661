import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.js';

/**
 * Decision 0018: a client that sends slowly cannot hold a connection (slowloris). The limits here
 * are a few hundred milliseconds so the test runs fast; production's are seconds (config.ts).
 */

const HEADERS_TIMEOUT_MS = 300;
const REQUEST_TIMEOUT_MS = 600;
const IDLE_TIMEOUT_MS = 500;

let t: TestApp;
let port: number;
beforeAll(async () => {
  t = await createTestApp({
    config: { headersTimeoutMs: HEADERS_TIMEOUT_MS, requestTimeoutMs: REQUEST_TIMEOUT_MS, idleTimeoutMs: IDLE_TIMEOUT_MS, keepAliveTimeoutMs: 2000 },
  });
  await t.app.listen({ host: '127.0.0.1', port: 0 });
  port = (t.app.server.address() as net.AddressInfo).port;
});
afterAll(() => t.close());

interface Outcome {
  answer: string;
  /** From connecting to the server closing the connection. */
  elapsedMs: number;
}

/** Opens a raw connection, sends `first`, then `drip` every 50 ms until the server closes it (or 5 s pass). */
function slowClient(first: string, drip: string | undefined): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    let answer = '';
    let timer: NodeJS.Timeout | undefined;
    const socket = net.connect(port, '127.0.0.1', () => {
      socket.write(first);
      if (drip !== undefined) timer = setInterval(() => socket.writable && socket.write(drip), 50);
    });
    const giveUp = setTimeout(() => socket.destroy(new Error('the server kept the slow connection open for 5 s')), 5000);
    socket.on('data', (chunk) => { answer += chunk.toString(); });
    socket.on('error', () => {});
    socket.on('close', (hadError) => {
      clearInterval(timer);
      clearTimeout(giveUp);
      if (hadError && answer === '' && Date.now() - started >= 5000) reject(new Error('not cut off'));
      else resolve({ answer, elapsedMs: Date.now() - started });
    });
  });
}

describe('slow clients (decision 0018)', () => {
  it('cuts off a client that sends its headers a line at a time (slowloris)', async () => {
    const { answer, elapsedMs } = await slowClient('GET /healthz HTTP/1.1\r\nHost: teeka.test\r\n', 'X-Slow: 1\r\n');
    expect(elapsedMs).toBeGreaterThanOrEqual(HEADERS_TIMEOUT_MS - 50);
    expect(elapsedMs).toBeLessThan(HEADERS_TIMEOUT_MS + 1000);
    expect(answer).toMatch(/^HTTP\/1\.1 408 Request Timeout\r\n/);
    expect(JSON.parse(answer.split('\r\n\r\n')[1]!)).toEqual({ errorCode: 'REQUEST_TIMEOUT', error: 'The request took too long to arrive. Please try again.' });
  });

  it('cuts off a client that drips its body a byte at a time', async () => {
    const head = 'POST /api/verify HTTP/1.1\r\nHost: teeka.test\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"qr":"';
    const { elapsedMs } = await slowClient(head, 'x');
    expect(elapsedMs).toBeLessThan(REQUEST_TIMEOUT_MS + 1000);
  });

  it('closes a connection that sends nothing', async () => {
    const { answer, elapsedMs } = await slowClient('', undefined);
    expect(elapsedMs).toBeLessThan(IDLE_TIMEOUT_MS + 1000);
    expect(answer).not.toMatch(/^HTTP\/1\.1 200/);
  });

  it('still answers a client that sends its request at once', async () => {
    const { answer } = await slowClient('GET /healthz HTTP/1.1\r\nHost: teeka.test\r\nConnection: close\r\n\r\n', undefined);
    expect(answer).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
    expect(answer).toContain('{"status":"ok"}');
  });
});
