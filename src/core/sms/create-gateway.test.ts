import { afterEach, describe, expect, it, vi } from 'vitest';
import { fixedClock } from '../clock.js';
import { createSmsGateway, DEFAULT_SMS_BODY_TEMPLATE } from './create-gateway.js';
import { DevOutbox } from './dev-outbox.js';
import { HttpSmsGateway } from './http-gateway.js';

const clock = fixedClock('2024-05-01T10:00:00Z');
const development = { env: 'development', clock } as const;
const production = { env: 'production', clock } as const;

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('createSmsGateway', () => {
  it('gives the outbox in development', () => {
    expect(createSmsGateway('outbox', development)).toBeInstanceOf(DevOutbox);
  });

  it('refuses the outbox in production, saying what to set instead', () => {
    expect(() => createSmsGateway('outbox', production)).toThrow(
      "TEEKA_SMS=outbox is for development only; set TEEKA_SMS to your SMS gateway's https URL",
    );
  });

  it('gives the HTTP gateway for a URL', () => {
    expect(createSmsGateway('http://sms.example/send', development)).toBeInstanceOf(HttpSmsGateway);
    expect(createSmsGateway('https://sms.example/send', production)).toBeInstanceOf(HttpSmsGateway);
  });

  it('refuses plain http to another machine in production', () => {
    expect(() => createSmsGateway('http://sms.example/send', production)).toThrow(/TEEKA_SMS must be an https URL/);
    expect(() => createSmsGateway('http://10.0.0.5/send', production)).toThrow(/https/);
    expect(() => createSmsGateway('http://127.example/send', production)).toThrow(/https/);
  });

  it('allows plain http to a relay on this machine in production', () => {
    for (const local of ['http://127.0.0.1:8080/send', 'http://localhost:8080/send', 'http://[::1]:8080/send']) {
      expect(createSmsGateway(local, production)).toBeInstanceOf(HttpSmsGateway);
    }
  });

  it('refuses anything else, naming TEEKA_SMS', () => {
    for (const setting of ['', 'console', 'ftp://sms.example', 'sms.example/send']) {
      expect(() => createSmsGateway(setting, development)).toThrow(/TEEKA_SMS/);
    }
  });

  it('refuses a body template that is not JSON', () => {
    expect(() => createSmsGateway('https://sms.example/send', { ...development, bodyTemplate: 'to={{to}}&m={{text}}' })).toThrow(/JSON/);
  });

  it('posts the default template, and turns credentials in the URL into a Basic header', async () => {
    const fetchSpy = vi.fn(async (_url: URL, _init: RequestInit) => new Response(null, { status: 200 }));
    vi.stubGlobal('fetch', fetchSpy);
    const gateway = createSmsGateway('https://teeka:p%40ss@sms.example/send', production);

    await gateway.send({ to: '9876543210', text: 'hello' });

    const [target, init] = fetchSpy.mock.calls[0] ?? [];
    expect(String(target)).toBe('https://sms.example/send');
    expect(new Headers(init?.headers).get('authorization')).toBe(`Basic ${Buffer.from('teeka:p@ss').toString('base64')}`);
    expect(init?.body).toBe(DEFAULT_SMS_BODY_TEMPLATE.replace('{{to}}', '9876543210').replace('{{text}}', 'hello'));
  });
});
