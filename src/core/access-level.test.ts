import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { requireAccessDeclarations } from './access-level.js';

describe('requireAccessDeclarations', () => {
  it('makes a route without config.access fail at start-up', async () => {
    const app = Fastify();
    requireAccessDeclarations(app);
    expect(() => app.get('/open', async () => 'oops')).toThrow(/must declare config.access/);
    await app.close();
  });

  it('accepts a route that declares its access level', async () => {
    const app = Fastify();
    requireAccessDeclarations(app);
    app.get('/public', { config: { access: 'public' } }, async () => 'fine');
    expect((await app.inject({ url: '/public' })).body).toBe('fine');
    await app.close();
  });
});
