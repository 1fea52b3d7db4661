import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { citizenOf } from '../../api/citizen.js';
import { NoBody } from '../../core/no-body.js';
import type { Services } from '../../services.js';
import { ApproveConsentBody, CitizenConsentRequestView, ConsentList, ConsentParams, ConsentView } from './schema.js';

const ErrorView = Type.Object({ errorCode: Type.String(), error: Type.String() });
const errors = { 400: ErrorView, 401: ErrorView, 404: ErrorView, 409: ErrorView, 429: ErrorView, 503: ErrorView };

/** The citizen's consent screens (decision 0017): answer a partner's request, and "My consents". */
export const consentCitizenRoutes: FastifyPluginAsyncTypebox<{ services: Services }> = async (app, { services }) => {
  const consents = services.partners.citizenConsents;
  app.addHook('onSend', async (_request, reply) => {
    reply.header('cache-control', 'private, no-store');
  });

  app.get('/consent-requests/:id', {
    schema: {
      tags: ['Citizen: consents'], summary: 'A partner\'s consent request, with my family to choose from',
      params: ConsentParams, response: { 200: CitizenConsentRequestView, ...errors },
    },
    config: { access: 'citizen' },
  }, async (request) => consents.view(citizenOf(request), request.params.id));

  app.post('/consent-requests/:id/otp', {
    schema: {
      tags: ['Citizen: consents'], summary: 'Text a code to my own mobile to approve this request',
      params: ConsentParams, body: NoBody, response: { 200: Type.Object({ txnId: Type.String({ format: 'uuid' }) }), ...errors },
    },
    config: { access: 'citizen' },
  }, async (request) => consents.sendApprovalOtp(citizenOf(request), request.params.id));

  app.post('/consent-requests/:id/approve', {
    schema: {
      tags: ['Citizen: consents'], summary: 'Approve for one of my family, with the code from the SMS',
      params: ConsentParams, body: ApproveConsentBody, response: { 200: ConsentView, ...errors },
    },
    config: { access: 'citizen' },
  }, async (request) => consents.approve(citizenOf(request), request.params.id, request.body));

  app.post('/consent-requests/:id/decline', {
    schema: { tags: ['Citizen: consents'], summary: 'Decline this request', params: ConsentParams, body: NoBody, response: { 204: Type.Null(), ...errors } },
    config: { access: 'citizen' },
  }, async (request, reply) => {
    await consents.decline(citizenOf(request), request.params.id);
    return reply.code(204).send(null);
  });

  app.get('/consents', {
    schema: { tags: ['Citizen: consents'], summary: 'Every consent I gave, newest first', response: { 200: ConsentList, ...errors } },
    config: { access: 'citizen' },
  }, async (request) => consents.list(citizenOf(request)));

  app.post('/consents/:id/revoke', {
    schema: { tags: ['Citizen: consents'], summary: 'Revoke a consent; the partner\'s next read is refused', params: ConsentParams, body: NoBody, response: { 204: Type.Null(), ...errors } },
    config: { access: 'citizen' },
  }, async (request, reply) => {
    await consents.revoke(citizenOf(request), request.params.id);
    return reply.code(204).send(null);
  });
};
