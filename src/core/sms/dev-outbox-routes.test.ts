import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../clock.js';
import { DEFAULT_SMS_BODY_TEMPLATE } from './body-template.js';
import { DevOutbox } from './dev-outbox.js';
import { devOutboxRoutes } from './dev-outbox-routes.js';
import type { SmsGateway } from './gateway.js';
import { HttpSmsGateway } from './http-gateway.js';

async function appWith(gateway: SmsGateway) {
  const app = Fastify({ logger: false });
  await app.register(devOutboxRoutes, { gateway });
  return app;
}

describe('GET /__dev/outbox', () => {
  it('lists what the development outbox sent, newest first, uncached', async () => {
    const clock = fixedClock('2024-05-01T10:00:00.000Z');
    const outbox = new DevOutbox(clock);
    await outbox.send({ to: '9876543210', text: 'Your OTP is 111111', secrets: ['111111'] });
    clock.advance(60_000);
    await outbox.send({ to: '9876543210', text: 'Your OTP is 222222', secrets: ['222222'] });
    const app = await appWith(outbox);

    const res = await app.inject({ method: 'GET', url: '/__dev/outbox' });

    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.json()).toEqual([
      { to: '9876543210', text: 'Your OTP is 222222', at: '2024-05-01T10:01:00.000Z' },
      { to: '9876543210', text: 'Your OTP is 111111', at: '2024-05-01T10:00:00.000Z' },
    ]);
    await app.close();
  });

  it('does not exist with the production gateway', async () => {
    const app = await appWith(new HttpSmsGateway({ url: 'https://sms.example/send', bodyTemplate: DEFAULT_SMS_BODY_TEMPLATE }));

    const res = await app.inject({ method: 'GET', url: '/__dev/outbox' });

    expect(res.statusCode).toBe(404);
    await app.close();
  });
});
