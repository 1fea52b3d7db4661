import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { Config } from '../../config.js';
import { AppError } from '../../core/errors.js';
import { appointmentSlipPdf } from '../../modules/appointments/slip.js';
import { certificatePdfFor } from '../../modules/certificates/download.js';
import { photoIdTypes } from '../../modules/beneficiaries/id-documents.js';
import { familyOverview } from '../../modules/beneficiaries/overview.js';
import { genders } from '../../modules/beneficiaries/person-fields.js';
import { removeMember } from '../../modules/beneficiaries/removal.js';
import type { Services } from '../../services.js';
import { citizenOf } from '../citizen.js';
import { cowinSessionRoutes } from './auth-routes.js';
import { availabilityEndpoints } from './availability-endpoints.js';
import {
  BeneficiariesResponse, CancelBody, GendersResponse, IdTypesResponse, NewBeneficiaryBody, ReferenceIdBody,
  RescheduleBody, ScheduleBody, ScheduleResponse,
} from './citizen-schema.js';
import { invalidCaptcha } from '../../modules/appointments/errors.js';
import { missingParameter } from './params.js';
import { presentBeneficiaries } from './present-beneficiaries.js';
import { CowinError, cowinQuery } from './schema.js';

export interface CowinCitizenOptions {
  services: Services;
  config: Config;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const errors = { 400: CowinError, 401: CowinError, 404: CowinError, 409: CowinError, 429: CowinError };
const noContent = { 204: Type.Null() };
const asText = (value: unknown) => (value === undefined || value === null ? '' : String(value).trim());

/**
 * Co-WIN's protected API for a logged-in citizen: family members, live availability, booking and
 * the slip. Every route is `access: 'citizen'` (a valid, unrevoked token) and reaches only the
 * token's own account: another account's reference ids and appointment ids answer 404.
 */
export const cowinCitizenRoutes: FastifyPluginAsyncTypebox<CowinCitizenOptions> = async (app, options) => {
  const { services, config } = options;
  await app.register(cowinSessionRoutes, { services, config });
  // Personal answers must never sit in a shared cache.
  app.addHook('onSend', async (request, reply) => {
    if (request.routeOptions.config.access === 'citizen' && !reply.hasHeader('cache-control')) reply.header('cache-control', 'private, no-store');
  });

  app.get('/registration/beneficiary/idTypes', {
    schema: { tags: ['Co-WIN v2 registration'], summary: 'Photo ID types accepted for registration', response: { 200: IdTypesResponse } },
    config: { access: 'public' },
  }, async () => ({ types: photoIdTypes.map((t) => ({ id: t.id, type: t.type, type_l: t.type_l })), ttl: 24 }));

  app.get('/registration/beneficiary/genders', {
    schema: { tags: ['Co-WIN v2 registration'], summary: 'Genders', response: { 200: GendersResponse } },
    config: { access: 'public' },
  }, async () => ({ genders: genders.map((g) => ({ id: g.id, gender: g.gender, gender_l: g.gender_l })), ttl: 24 }));

  app.post('/registration/beneficiary/new', {
    schema: {
      tags: ['Co-WIN v2 registration'], summary: `Register a family member (at most ${config.maxBeneficiariesPerAccount} per mobile)`,
      body: NewBeneficiaryBody, response: { 200: Type.Object({ beneficiary_reference_id: Type.String() }), ...errors },
    },
    config: { access: 'citizen' },
  }, async (request) => {
    const member = await services.beneficiaries.register(citizenOf(request), request.body ?? {});
    return { beneficiary_reference_id: member.referenceId };
  });

  app.post('/registration/beneficiary/delete', {
    schema: { tags: ['Co-WIN v2 registration'], summary: 'Remove a member with no recorded dose, and their personal data', body: ReferenceIdBody, response: { ...noContent, ...errors } },
    config: { access: 'citizen' },
  }, async (request, reply) => {
    const referenceId = asText(request.body?.beneficiary_reference_id);
    if (!referenceId) throw missingParameter('beneficiary_reference_id');
    await removeMember(services, citizenOf(request), referenceId);
    return reply.code(204).send(null);
  });

  app.get('/appointment/beneficiaries', {
    schema: { tags: ['Co-WIN v2 appointments'], summary: 'The family members of this mobile, with status and live appointments', response: { 200: BeneficiariesResponse, ...errors } },
    config: { access: 'citizen' },
  }, async (request) => presentBeneficiaries(await familyOverview(services, citizenOf(request))));

  // Live searches: Co-WIN's protected calendars were not cached; at most N a day per account, as Co-WIN allowed.
  const searchLimit = {
    max: config.searchesPerAccountPerDay,
    timeWindow: DAY_MS,
    keyGenerator: (request: { citizen?: { accountId: string }; ip: string }) => `account:${request.citizen?.accountId ?? request.ip}`,
    errorResponseBuilder: () => new AppError('SEARCH_LIMIT', 429, `You have made ${config.searchesPerAccountPerDay} searches today, the daily limit. Please try again tomorrow.`),
  };
  for (const endpoint of availabilityEndpoints(services)) {
    app.get(`/appointment/sessions/${endpoint.name}`, {
      schema: { tags: ['Co-WIN v2 appointments'], summary: `${endpoint.summary} (live)`, querystring: endpoint.querystring, response: { 200: endpoint.response, ...errors } },
      config: { access: 'citizen', rateLimit: searchLimit },
    }, async (request) => {
      const query = request.query as Record<string, string | undefined>;
      endpoint.key(query);
      return endpoint.answer(query);
    });
  }

  app.post('/appointment/schedule', {
    schema: { tags: ['Co-WIN v2 appointments'], summary: 'Book a session slot for one or more members', body: ScheduleBody, response: { 200: ScheduleResponse, ...errors } },
    config: { access: 'citizen' },
  }, async (request) => {
    const citizen = citizenOf(request);
    const body = request.body ?? {};
    if (config.captchaOnSchedule && !(await services.identity.solvesCaptcha(citizen, body.captcha))) throw invalidCaptcha();
    const sessionId = asText(body.session_id);
    const slot = asText(body.slot);
    if (!sessionId) throw missingParameter('session_id');
    if (!slot) throw missingParameter('slot');
    const dose = body.dose === undefined || body.dose === '' ? undefined : Number(body.dose);
    if (dose !== undefined && ![1, 2, 3].includes(dose)) throw new AppError('INVALID_INPUT', 400, 'dose must be 1, 2 or 3', 'dose');
    const booked = await services.booking.schedule(citizen, {
      sessionId, slot, dose, referenceIds: (body.beneficiaries ?? []).map(asText).filter(Boolean),
    });
    return { appointment_confirmation_no: booked.bookingId };
  });

  app.post('/appointment/reschedule', {
    schema: { tags: ['Co-WIN v2 appointments'], summary: 'Move a booking to another session or slot', body: RescheduleBody, response: { ...noContent, ...errors } },
    config: { access: 'citizen' },
  }, async (request, reply) => {
    const citizen = citizenOf(request);
    const body = request.body ?? {};
    if (config.captchaOnSchedule && !(await services.identity.solvesCaptcha(citizen, body.captcha))) throw invalidCaptcha();
    for (const field of ['appointment_id', 'session_id', 'slot'] as const) if (!asText(body[field])) throw missingParameter(field);
    await services.booking.reschedule(citizen, asText(body.appointment_id), asText(body.session_id), asText(body.slot));
    return reply.code(204).send(null);
  });

  app.post('/appointment/cancel', {
    schema: { tags: ['Co-WIN v2 appointments'], summary: 'Cancel members\' places in a booking (all when none are named)', body: CancelBody, response: { ...noContent, ...errors } },
    config: { access: 'citizen' },
  }, async (request, reply) => {
    const body = request.body ?? {};
    if (!asText(body.appointment_id)) throw missingParameter('appointment_id');
    await services.booking.cancel(citizenOf(request), asText(body.appointment_id), (body.beneficiariesToCancel ?? []).map(asText).filter(Boolean));
    return reply.code(204).send(null);
  });

  for (const path of ['/registration/certificate/public/download', '/registration/certificate/download']) {
    app.get(path, {
      schema: {
        tags: ['Co-WIN v2 registration'], summary: 'The member\'s latest vaccination certificate (PDF with the EU DCC QR code)',
        querystring: cowinQuery({ beneficiary_reference_id: Type.Optional(Type.String({ maxLength: 40 })) }),
        response: errors,
      },
      config: { access: 'citizen' },
    }, async (request, reply) => {
      const referenceId = asText(request.query.beneficiary_reference_id);
      if (!referenceId) throw missingParameter('beneficiary_reference_id');
      const pdf = await certificatePdfFor(services, citizenOf(request), referenceId);
      // The 200 answer is PDF bytes, which the JSON response schema cannot describe.
      return reply.header('content-type', 'application/pdf').header('cache-control', 'private, no-store').send(Buffer.from(pdf) as never);
    });
  }

  app.get('/appointment/appointmentslip/download', {
    schema: {
      tags: ['Co-WIN v2 appointments'], summary: 'The appointment slip (PDF), with each member\'s security code',
      querystring: cowinQuery({ appointment_id: Type.Optional(Type.String({ maxLength: 100 })) }),
      response: errors,
    },
    config: { access: 'citizen' },
  }, async (request, reply) => {
    const bookingId = asText(request.query.appointment_id);
    if (!bookingId) throw missingParameter('appointment_id');
    const pdf = await appointmentSlipPdf(services, citizenOf(request), bookingId);
    // One client compares the content type as an exact string: no "; charset".
    return reply.header('content-type', 'application/pdf').header('cache-control', 'private, no-store').send(Buffer.from(pdf) as never);
  });
};
