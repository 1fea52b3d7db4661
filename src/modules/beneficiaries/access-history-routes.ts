import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { citizenOf } from '../../api/citizen.js';
import type { Services } from '../../services.js';
import { AccessHistoryQuery, AccessHistoryView } from '../access/history-schema.js';
import { accessHistoryOf } from './access-history.js';

const ErrorView = Type.Object({ errorCode: Type.String(), error: Type.String() });

/** "Who accessed my data" (decision 0016): Teeka's own citizen API, next to the DPDP rights in routes.ts. */
export const accessHistoryRoutes: FastifyPluginAsyncTypebox<{ services: Services }> = async (app, { services }) => {
  app.addHook('onSend', async (_request, reply) => {
    reply.header('cache-control', 'private, no-store');
  });

  app.get('/access-history', {
    schema: {
      tags: ['Citizen'],
      summary: 'Every read or change of this account\'s data by anyone but its owner, per family member, newest first',
      querystring: AccessHistoryQuery,
      response: { 200: AccessHistoryView, 400: ErrorView, 401: ErrorView, 404: ErrorView },
    },
    config: { access: 'citizen' },
  }, async (request) => accessHistoryOf(services, citizenOf(request), request.query));
};
