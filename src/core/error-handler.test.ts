import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { installErrorHandler } from './error-handler.js';

describe('error envelope', () => {
  it('turns load shedding into 503 with Retry-After, not a 500', async () => {
    const app = Fastify();
    installErrorHandler(app, { webApp: false });
    app.get('/busy', async () => {
      throw Object.assign(new Error('Service Unavailable'), { statusCode: 503 });
    });
    const res = await app.inject({ method: 'GET', url: '/busy' });
    expect(res.statusCode).toBe(503);
    expect(res.headers['retry-after']).toBe('5');
    expect(res.json()).toEqual({ errorCode: 'SERVER_BUSY', error: 'Teeka is very busy right now. Please try again in a few seconds.' });
    await app.close();
  });

  it('hides anything unexpected behind a 500 naming the request', async () => {
    const app = Fastify();
    installErrorHandler(app, { webApp: false });
    app.get('/broken', async () => {
      throw new Error('relation "beneficiary" does not exist');
    });
    const res = await app.inject({ method: 'GET', url: '/broken' });
    expect(res.statusCode).toBe(500);
    expect(res.body).not.toContain('beneficiary');
    expect(res.json().errorCode).toBe('GERR001');
    await app.close();
  });
});
