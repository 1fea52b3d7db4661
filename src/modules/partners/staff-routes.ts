import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { NoBody } from '../../core/no-body.js';
import type { Services } from '../../services.js';
import { staffOf } from '../staff/request-staff.js';
import { presentPartner } from './registration.js';
import { ApiKeyView, NewPartnerBody, PartnerChanges, PartnerList, PartnerView } from './schema.js';

const ErrorView = Type.Object({ errorCode: Type.String(), error: Type.String() });
const errors = { 400: ErrorView, 401: ErrorView, 403: ErrorView, 404: ErrorView, 429: ErrorView, 503: ErrorView };
const PartnerParams = Type.Object({ id: Type.String({ format: 'uuid' }) }, { additionalProperties: false });
const admins = ['national_admin'] as const;

/** Partner registration (decision 0017): national admins only; every change is audited. */
export const partnerStaffRoutes: FastifyPluginAsyncTypebox<{ services: Services; publicUrl: string }> = async (app, { services, publicUrl }) => {
  const { registry } = services.partners;
  app.addHook('onSend', async (_request, reply) => {
    reply.header('cache-control', 'no-store');
  });

  app.get('/partners', {
    schema: { tags: ['Staff: partners'], summary: 'Registered partners', response: { 200: PartnerList, ...errors } },
    config: { access: 'staff', staffRoles: [...admins] },
  }, async () => ({ partners: (await registry.list()).map((p) => presentPartner(p, publicUrl)) }));

  app.post('/partners', {
    schema: {
      tags: ['Staff: partners'], summary: 'Register a partner: purpose, scopes, IP allowlist, public keys (JWKS) and quotas',
      body: NewPartnerBody, response: { 201: PartnerView, ...errors },
    },
    config: { access: 'staff', staffRoles: [...admins] },
  }, async (request, reply) => reply.code(201).send(presentPartner(await registry.register(staffOf(request), request.body), publicUrl)));

  app.get('/partners/:id', {
    schema: { tags: ['Staff: partners'], summary: 'One partner', params: PartnerParams, response: { 200: PartnerView, ...errors } },
    config: { access: 'staff', staffRoles: [...admins] },
  }, async (request) => presentPartner(await registry.find(request.params.id), publicUrl));

  app.patch('/partners/:id', {
    schema: {
      tags: ['Staff: partners'], summary: 'Change a partner, or disable it (its tokens stop working at once)',
      params: PartnerParams, body: PartnerChanges, response: { 200: PartnerView, ...errors },
    },
    config: { access: 'staff', staffRoles: [...admins] },
  }, async (request) => presentPartner(await registry.update(staffOf(request), request.params.id, request.body), publicUrl));

  app.post('/partners/:id/api-key', {
    schema: {
      tags: ['Staff: partners'], summary: 'A new x-api-key for the Co-WIN protected OTP endpoints, shown once; the old one stops working',
      params: PartnerParams, body: NoBody, response: { 200: ApiKeyView, ...errors },
    },
    config: { access: 'staff', staffRoles: [...admins] },
  }, async (request) => ({ api_key: await registry.issueApiKey(staffOf(request), request.params.id) }));
};
