import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { citizenOf } from '../../api/citizen.js';
import type { Services } from '../../services.js';
import { exportMyData } from './export.js';

const ErrorView = Type.Object({ errorCode: Type.String(), error: Type.String() });
const errors = { 400: ErrorView, 401: ErrorView, 404: ErrorView };

const CorrectionView = Type.Object({
  id: Type.String({ format: 'uuid' }),
  beneficiary_reference_id: Type.String(),
  field: Type.String(),
  status: Type.String(),
  created_at: Type.String({ format: 'date-time' }),
});

const MyDataView = Type.Object({
  exported_at: Type.String({ format: 'date-time' }),
  account: Type.Object({ mobile: Type.String() }),
  members: Type.Array(Type.Object({
    beneficiary_reference_id: Type.String(),
    name: Type.String(),
    birth_year: Type.Integer(),
    gender: Type.String(),
    photo_id_type: Type.String(),
    photo_id_number: Type.String(),
    comorbidity_ind: Type.String(),
    doses: Type.Array(Type.Object({ dose: Type.Integer(), vaccine: Type.String(), date: Type.String() })),
    appointments: Type.Array(Type.Object({
      appointment_id: Type.String(), center_id: Type.Integer(), name: Type.String(), dose: Type.Integer(),
      session_id: Type.String(), date: Type.String(), slot: Type.String(),
    })),
  })),
  correction_requests: Type.Array(CorrectionView),
  access_history: Type.Array(Type.Object({
    at: Type.String(), type: Type.String(), actor: Type.String(), purpose: Type.Union([Type.String(), Type.Null()]), outcome: Type.String(),
  })),
});

const CorrectionBody = Type.Object({
  beneficiary_reference_id: Type.Optional(Type.String()),
  field: Type.Optional(Type.String()),
  requested_value: Type.Optional(Type.Union([Type.String(), Type.Integer()])),
  reason: Type.Optional(Type.String()),
}, { additionalProperties: false });

/** Teeka's own citizen API: the rights the DPDP Act 2023 gives (access, correction, erasure). */
export const citizenRightsRoutes: FastifyPluginAsyncTypebox<{ services: Services }> = async (app, { services }) => {
  app.addHook('onSend', async (_request, reply) => {
    reply.header('cache-control', 'private, no-store');
  });

  app.get('/my-data', {
    schema: { tags: ['Citizen'], summary: 'Everything held on this account, decrypted for its owner; the export is logged', response: { 200: MyDataView, ...errors } },
    config: { access: 'citizen' },
  }, async (request) => exportMyData(services, citizenOf(request)));

  app.get('/corrections', {
    schema: { tags: ['Citizen'], summary: 'This account\'s correction requests', response: { 200: Type.Object({ corrections: Type.Array(CorrectionView) }), ...errors } },
    config: { access: 'citizen' },
  }, async (request) => ({
    corrections: (await services.corrections.listOwn(citizenOf(request))).map((c) => ({
      id: c.id, beneficiary_reference_id: c.referenceId, field: c.field, status: c.status, created_at: c.createdAt.toISOString(),
    })),
  }));

  app.post('/corrections', {
    schema: {
      tags: ['Citizen'], summary: 'Ask for a correction of name, year of birth, gender or photo ID ("Raise an issue")',
      body: CorrectionBody, response: { 201: Type.Object({ id: Type.String(), status: Type.String() }), ...errors },
    },
    config: { access: 'citizen' },
  }, async (request, reply) => {
    const body = request.body;
    const created = await services.corrections.request(citizenOf(request), {
      referenceId: String(body.beneficiary_reference_id ?? ''), field: body.field, requestedValue: body.requested_value, reason: body.reason,
    });
    return reply.code(201).send({ id: created.id, status: created.status });
  });
};
