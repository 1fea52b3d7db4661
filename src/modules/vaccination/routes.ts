import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { Services } from '../../services.js';
import { staffOf } from '../staff/request-staff.js';
import { BatchView, ErrorView, ReceiveBatchBody, RecordDoseBody, RecordedDoseView, RosterView } from './schema.js';

const errors = { 400: ErrorView, 401: ErrorView, 403: ErrorView, 404: ErrorView, 409: ErrorView, 429: ErrorView };
const AppointmentBody = Type.Object({ appointment_id: Type.String({ format: 'uuid' }) }, { additionalProperties: false });

const centreRoles = ['vaccinator', 'facility_admin'] as const;
const stockRoles = ['facility_admin', 'district_admin', 'state_admin', 'national_admin'] as const;

/**
 * The vaccinator's API at the centre (decision 0008). None of these routes takes a mobile, an ID
 * number or a name: a person is reached only through today's roster and the code they give.
 */
export const centreRoutes: FastifyPluginAsyncTypebox<{ services: Services }> = async (app, { services }) => {
  app.addHook('onSend', async (_request, reply) => {
    reply.header('cache-control', 'no-store');
  });

  app.get('/roster', {
    schema: { tags: ['Staff: centre'], summary: "Today's appointments at my centre (name, age, gender, masked ID)", response: { 200: RosterView, ...errors } },
    config: { access: 'staff', staffRoles: [...centreRoles] },
  }, async (request) => ({
    appointments: (await services.centreDay.roster(staffOf(request))).map((e) => ({
      appointment_id: e.appointmentId, slot: e.slot, dose: e.dose, vaccine: e.vaccine, status: e.status, name: e.name,
      age: e.age, gender: e.gender, photo_id_masked: e.photoIdMasked, walk_in: e.walkIn,
    })),
  }));

  app.post('/encounters', {
    schema: {
      tags: ['Staff: centre'], summary: 'Open a person\'s record with the 4-digit security code they show',
      body: Type.Object({ appointment_id: Type.String({ format: 'uuid' }), security_code: Type.String({ maxLength: 4, pattern: '^\\d{4}$' }) }, { additionalProperties: false }),
      response: { 204: Type.Null(), ...errors },
    },
    config: { access: 'staff', staffRoles: [...centreRoles] },
  }, async (request, reply) => {
    await services.encounters.openWithSecurityCode(staffOf(request), request.body.appointment_id, request.body.security_code);
    return reply.code(204).send(null);
  });

  app.post('/encounters/otp', {
    schema: { tags: ['Staff: centre'], summary: 'Text a one-time code to the person\'s own mobile (never shown here)', body: AppointmentBody, response: { 202: Type.Null(), ...errors } },
    config: { access: 'staff', staffRoles: [...centreRoles] },
  }, async (request, reply) => {
    await services.encounters.sendOtp(staffOf(request), request.body.appointment_id);
    return reply.code(202).send(null);
  });

  app.post('/encounters/otp/confirm', {
    schema: {
      tags: ['Staff: centre'], summary: 'Open the record with the code the person reads out',
      body: Type.Object({ appointment_id: Type.String({ format: 'uuid' }), otp: Type.String({ maxLength: 6, pattern: '^\\d{6}$' }) }, { additionalProperties: false }),
      response: { 204: Type.Null(), ...errors },
    },
    config: { access: 'staff', staffRoles: [...centreRoles] },
  }, async (request, reply) => {
    await services.encounters.openWithOtp(staffOf(request), request.body.appointment_id, request.body.otp);
    return reply.code(204).send(null);
  });

  app.post('/doses', {
    schema: {
      tags: ['Staff: centre'], summary: 'Record the dose given (the encounter must be open); issues the certificate',
      body: RecordDoseBody,
      response: { 201: RecordedDoseView, ...errors },
    },
    config: { access: 'staff', staffRoles: [...centreRoles] },
  }, async (request, reply) => {
    const recorded = await services.doses.recordDose(staffOf(request), {
      appointmentId: request.body.appointment_id, batchId: request.body.batch_id, photoIdLast4: request.body.photo_id_last4,
    });
    return reply.code(201).send({
      dose: recorded.dose, vaccine: recorded.vaccine, batch_number: recorded.batchNumber,
      certificate: { uvci: recorded.certificate.uvci, kind: recorded.certificate.kind },
    });
  });

  const FacilityParams = Type.Object({ facility_id: Type.Integer({ minimum: 1, maximum: 2_147_483_647 }) }, { additionalProperties: false });
  const toView = (b: Awaited<ReturnType<Services['stock']['batchesAt']>>[number]) => ({
    id: b.id, vaccine: b.vaccine, batch_number: b.batchNumber, expires_on: b.expiresOn, quantity_received: b.quantityReceived,
    quantity_left: b.quantityLeft, usable: b.usable,
  });

  app.get('/facilities/:facility_id/batches', {
    schema: { tags: ['Staff: centre'], summary: 'Vaccine batches and stock at a centre in my scope', params: FacilityParams, response: { 200: Type.Object({ batches: Type.Array(BatchView) }), ...errors } },
    config: { access: 'staff', staffRoles: [...centreRoles, ...stockRoles.filter((r) => r !== 'facility_admin')] },
  }, async (request) => ({ batches: (await services.stock.batchesAt(staffOf(request), request.params.facility_id)).map(toView) }));

  app.post('/facilities/:facility_id/batches', {
    schema: {
      tags: ['Staff: centre'], summary: 'Receive a batch into a centre\'s stock (expired batches are refused)', params: FacilityParams,
      body: ReceiveBatchBody,
      response: { 201: BatchView, ...errors },
    },
    config: { access: 'staff', staffRoles: [...stockRoles] },
  }, async (request, reply) => {
    const batch = await services.stock.receiveBatch(staffOf(request), request.params.facility_id, {
      vaccine: request.body.vaccine, batchNumber: request.body.batch_number, expiresOn: request.body.expires_on, quantity: request.body.quantity,
    });
    return reply.code(201).send(toView(batch));
  });
};
