import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { sql } from 'kysely';
import type { DatabaseHandle } from './db.js';

const Status = Type.Object({ status: Type.String() });

/** Liveness (the process answers) and readiness (it can reach its database), for load balancers. */
export const healthRoutes: FastifyPluginAsyncTypebox<{ database: DatabaseHandle }> = async (app, { database }) => {
  app.get('/healthz', {
    schema: { tags: ['Health'], response: { 200: Status } },
    config: { access: 'public' },
  }, async (_request, reply) => reply.header('cache-control', 'no-store').send({ status: 'ok' }));

  app.get('/readyz', {
    schema: { tags: ['Health'], response: { 200: Status, 503: Status } },
    config: { access: 'public' },
  }, async (request, reply) => {
    reply.header('cache-control', 'no-store');
    try {
      await sql`SELECT 1`.execute(database.db);
      return reply.send({ status: 'ready' });
    } catch (error) {
      request.log.warn({ err: error }, 'database not reachable');
      return reply.code(503).send({ status: 'database unreachable' });
    }
  });
};
