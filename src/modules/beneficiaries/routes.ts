import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { citizenOf } from '../../api/citizen.js';
import type { Services } from '../../services.js';
import { certificateQrTextsFor } from '../certificates/download.js';
import { presentCorrection } from './corrections.js';
import { exportMyData } from './export.js';
import { CorrectionView, MyDataView } from './schema.js';

const ErrorView = Type.Object({ errorCode: Type.String(), error: Type.String() });
const errors = { 400: ErrorView, 401: ErrorView, 404: ErrorView };

// Bounds only (decision 0018): the corrections service names what is wrong with a value in its own words.
const CorrectionBody = Type.Object({
  beneficiary_reference_id: Type.Optional(Type.String({ maxLength: 20, pattern: '^\\s*\\d*\\s*$' })),
  field: Type.Optional(Type.String({ maxLength: 30 })),
  requested_value: Type.Optional(Type.Union([Type.String({ maxLength: 300 }), Type.Integer({ minimum: 0, maximum: 9999 })])),
  reason: Type.Optional(Type.String({ maxLength: 2000 })),
}, { additionalProperties: false });

/** Teeka's own citizen API: the rights the DPDP Act 2023 gives (access, correction, erasure). */
export const citizenRightsRoutes: FastifyPluginAsyncTypebox<{ services: Services; publicUrl: string }> = async (app, { services, publicUrl }) => {
  app.addHook('onSend', async (_request, reply) => {
    reply.header('cache-control', 'private, no-store');
  });

  app.get('/my-data', {
    schema: { tags: ['Citizen'], summary: 'Everything held on this account, decrypted for its owner; the export is logged', response: { 200: MyDataView, ...errors } },
    config: { access: 'citizen' },
  }, async (request) => exportMyData(services, citizenOf(request)));

  app.get('/certificates/:reference_id', {
    schema: {
      tags: ['Citizen'], summary: 'A member\'s latest certificate as QR texts: EU DCC (HC1:) and SMART Health Card (shc:/)',
      params: Type.Object({ reference_id: Type.String({ maxLength: 14, pattern: '^\\d{14}$' }) }, { additionalProperties: false }),
      response: {
        200: Type.Object({
          uvci: Type.String(), kind: Type.String(), eu_dcc: Type.String(),
          smart_health_card: Type.Object({ jws: Type.String(), qr: Type.String() }),
        }),
        ...errors,
      },
    },
    config: { access: 'citizen' },
  }, async (request) => {
    const certificate = await certificateQrTextsFor(services, citizenOf(request), request.params.reference_id, publicUrl);
    return {
      uvci: certificate.uvci, kind: certificate.kind, eu_dcc: certificate.euDcc,
      smart_health_card: { jws: certificate.smartHealthCard.jws, qr: certificate.smartHealthCard.qrNumeric },
    };
  });

  app.get('/corrections', {
    schema: { tags: ['Citizen'], summary: 'This account\'s correction requests', response: { 200: Type.Object({ corrections: Type.Array(CorrectionView) }), ...errors } },
    config: { access: 'citizen' },
  }, async (request) => ({
    corrections: (await services.corrections.listOwn(citizenOf(request))).map(presentCorrection),
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
