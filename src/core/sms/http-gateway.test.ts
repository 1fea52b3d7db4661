import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SMS_BODY_TEMPLATE } from './body-template.js';
import { SmsDeliveryError } from './gateway.js';
import { HttpSmsGateway, type HttpSmsGatewayOptions, type SmsLogger } from './http-gateway.js';

/** What the fake provider answers to one request; `hang` never answers, to provoke a timeout. */
type Reply = { status: number; headers?: Record<string, string>; body?: string } | 'hang';

interface ReceivedRequest {
  method: string | undefined;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A local stand-in for an SMS provider: answers from a script and records what it received. */
class FakeSmsProvider {
  readonly received: ReceivedRequest[] = [];
  private script: Reply[] = [];
  private readonly server: Server = createServer((request, response) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (body += chunk));
    request.on('end', () => {
      this.received.push({ method: request.method, headers: request.headers, body });
      const reply = this.script.shift() ?? { status: 200 };
      if (reply === 'hang') return;
      response.writeHead(reply.status, reply.headers).end(reply.body ?? '{"status":"ok"}');
    });
  });

  answer(...replies: Reply[]): void {
    this.script = replies;
  }

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/sms/send?apikey=k3y`;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

const MOBILE = '9876543210';
const OTP = '482916';
const TEXT = `Your Teeka OTP is ${OTP}. It expires in 3 minutes.`;

let provider: FakeSmsProvider;
let url: string;
let sleeps: number[];

beforeEach(async () => {
  provider = new FakeSmsProvider();
  url = await provider.start();
  sleeps = [];
});

afterEach(async () => {
  await provider.stop();
});

function gateway(options: Partial<HttpSmsGatewayOptions> = {}): HttpSmsGateway {
  return new HttpSmsGateway({
    url,
    bodyTemplate: DEFAULT_SMS_BODY_TEMPLATE,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    // The top of each backoff range, so the waits are predictable.
    jitter: (max) => max,
    ...options,
  });
}

const send = (sms: HttpSmsGateway) => sms.send({ to: MOBILE, text: TEXT, secrets: [OTP] });

describe('HttpSmsGateway', () => {
  it('posts the filled template as JSON with the configured headers', async () => {
    provider.answer({ status: 200 });
    await send(gateway({ headers: { 'x-api-key': 'secret-key' } }));

    expect(provider.received).toHaveLength(1);
    const [request] = provider.received;
    expect(request?.method).toBe('POST');
    expect(request?.headers['content-type']).toBe('application/json');
    expect(request?.headers['x-api-key']).toBe('secret-key');
    expect(JSON.parse(request?.body ?? '')).toEqual({ sender: 'TEEKA', mobile: `91${MOBILE}`, message: TEXT });
    expect(sleeps).toEqual([]);
  });

  it('does not let a configured content-type replace JSON', async () => {
    await send(gateway({ headers: { 'Content-Type': 'text/plain' } }));
    expect(provider.received[0]?.headers['content-type']).toBe('application/json');
  });

  it('retries server errors with exponentially growing waits, then delivers', async () => {
    provider.answer({ status: 500 }, { status: 502 }, { status: 503 }, { status: 200 });
    await send(gateway({ baseDelayMs: 200 }));

    expect(provider.received).toHaveLength(4);
    expect(sleeps).toEqual([200, 400, 800]);
  });

  it('retries once after a single 500', async () => {
    provider.answer({ status: 500 }, { status: 200 });
    await send(gateway());

    expect(provider.received).toHaveLength(2);
    expect(sleeps).toEqual([200]);
  });

  it('does not retry a 400, which would fail the same way again', async () => {
    provider.answer({ status: 400 });
    const failure = send(gateway());

    await expect(failure).rejects.toBeInstanceOf(SmsDeliveryError);
    await expect(failure).rejects.toThrow('SMS not delivered after 1 attempt (last: HTTP 400)');
    expect(provider.received).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });

  it('does not follow a redirect, which would post the OTP elsewhere', async () => {
    provider.answer({ status: 307, headers: { location: 'http://127.0.0.1:9/elsewhere' } });
    await expect(send(gateway())).rejects.toThrow(/HTTP 307/);
    expect(provider.received).toHaveLength(1);
  });

  it('gives up with SmsDeliveryError after maxAttempts', async () => {
    provider.answer({ status: 500 }, { status: 500 }, { status: 500 }, { status: 500 });
    const failure = send(gateway({ maxAttempts: 3 }));

    await expect(failure).rejects.toMatchObject({ name: 'SmsDeliveryError', attempts: 3, lastFailure: 'HTTP 500' });
    expect(provider.received).toHaveLength(3);
    expect(sleeps).toEqual([200, 400]);
  });

  it('makes four attempts by default', async () => {
    provider.answer({ status: 500 }, { status: 500 }, { status: 500 }, { status: 500 }, { status: 200 });
    await expect(send(gateway())).rejects.toMatchObject({ attempts: 4 });
    expect(provider.received).toHaveLength(4);
  });

  it('abandons an attempt that takes too long and retries', async () => {
    provider.answer('hang', { status: 200 });
    await send(gateway({ timeoutMs: 50 }));

    expect(provider.received).toHaveLength(2);
    expect(sleeps).toEqual([200]);
  });

  it('reports a timeout when every attempt hangs', async () => {
    provider.answer('hang', 'hang');
    await expect(send(gateway({ timeoutMs: 50, maxAttempts: 2 }))).rejects.toMatchObject({ lastFailure: 'timeout' });
  });

  it('waits as long as a 429 asks in Retry-After', async () => {
    provider.answer({ status: 429, headers: { 'retry-after': '2' } }, { status: 200 });
    await send(gateway());

    expect(provider.received).toHaveLength(2);
    expect(sleeps).toEqual([2000]);
  });

  it('falls back to its own backoff when Retry-After is beyond reason', async () => {
    provider.answer({ status: 429, headers: { 'retry-after': '86400' } }, { status: 200 });
    await send(gateway());

    expect(sleeps).toEqual([200]);
  });

  it('retries a refused connection and names the error code', async () => {
    await provider.stop();
    const failure = send(gateway({ maxAttempts: 2 }));

    await expect(failure).rejects.toMatchObject({ attempts: 2, lastFailure: 'network error ECONNREFUSED' });
    expect(sleeps).toEqual([200]);
    provider = new FakeSmsProvider();
    await provider.start();
  });

  it('never logs the text, the OTP, the full mobile or the URL', async () => {
    const lines: unknown[] = [];
    const logger: SmsLogger = {
      warn: (obj, msg) => lines.push(['warn', obj, msg]),
      error: (obj, msg) => lines.push(['error', obj, msg]),
    };
    provider.answer({ status: 500, body: TEXT }, 'hang', { status: 429, headers: { 'retry-after': '1' } }, { status: 400, body: TEXT });
    const failure = await send(gateway({ logger, timeoutMs: 50 })).catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(SmsDeliveryError);
    const everything = JSON.stringify(lines) + String(failure) + JSON.stringify(failure);
    expect(lines).toHaveLength(4);
    expect(everything).not.toContain(OTP);
    expect(everything).not.toContain('Teeka OTP');
    expect(everything).not.toContain(MOBILE);
    expect(everything).not.toContain('k3y');
    expect(everything).not.toContain('127.0.0.1');
    expect(everything).toContain('******3210');
    expect(lines[0]).toEqual(['warn', { attempt: 1, maxAttempts: 4, to: '******3210', failure: 'HTTP 500', status: 500, retryInMs: 200 }, 'SMS gateway attempt failed; retrying']);
    expect(lines[3]).toEqual(['error', { attempt: 4, maxAttempts: 4, to: '******3210', failure: 'HTTP 400', status: 400 }, 'SMS not delivered']);
  });

  it('refuses a mobile that is not 10 digits before calling the provider', async () => {
    await expect(gateway().send({ to: '98765', text: TEXT })).rejects.toThrow(/10-digit/);
    expect(provider.received).toHaveLength(0);
  });

  it('refuses a broken body template at construction', () => {
    expect(() => gateway({ bodyTemplate: '{"to":"{{to}}","text":{{text}}}' })).toThrow(/inside a string value/);
  });

  it('refuses credentials in the URL, which fetch would refuse on every message', () => {
    expect(() => gateway({ url: 'https://user:pass@sms.example/send' })).toThrow(/credentials/);
  });

  it('refuses nonsensical retry settings', () => {
    expect(() => gateway({ maxAttempts: 0 })).toThrow(/maxAttempts/);
    expect(() => gateway({ timeoutMs: -1 })).toThrow(/timeoutMs/);
    expect(() => gateway({ baseDelayMs: Number.NaN })).toThrow(/baseDelayMs/);
  });
});
