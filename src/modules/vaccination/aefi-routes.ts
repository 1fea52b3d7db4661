import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { Services } from '../../services.js';
import { staffOf } from '../staff/request-staff.js';
import type { AefiCase, AefiCaseSummary, AefiEntry, AefiList } from './aefi.js';
import {
  AefiCaseView, AefiFollowUpBody, AefiIdentificationBody, AefiIdentificationConfirmBody, AefiListQuery, AefiListView, AefiReportBody,
} from './aefi-schema.js';

const ErrorView = Type.Object({ errorCode: Type.String(), error: Type.String() });
const errors = { 400: ErrorView, 401: ErrorView, 403: ErrorView, 404: ErrorView, 409: ErrorView, 429: ErrorView, 503: ErrorView };
const centreRoles = ['vaccinator', 'facility_admin'] as const;
const overseers = ['district_admin', 'state_admin', 'national_admin'] as const;
const CaseParams = Type.Object({ case_id: Type.String({ format: 'uuid' }) }, { additionalProperties: false });
const PlaceId = Type.Integer({ minimum: 1, maximum: 2_147_483_647 });

const entryView = (e: AefiEntry) => ({ severity: e.severity, outcome: e.outcome, notes: e.notes, by: e.by, at: e.at.toISOString() });
const summaryView = (c: AefiCaseSummary) => ({
  case_id: c.caseId, facility_id: c.facilityId, vaccine: c.vaccine, batch_number: c.batchNumber, dose: c.dose, severity: c.severity,
  onset_at: c.onsetAt.toISOString(), outcome: c.outcome, age: c.age, gender: c.gender, reported_at: c.reportedAt.toISOString(),
});
const caseView = (c: AefiCase) => ({
  case_id: c.caseId, facility_id: c.facilityId, district_id: c.districtId, vaccine: c.vaccine, batch_number: c.batchNumber, dose: c.dose,
  administered_on: c.administeredOn, age: c.age, gender: c.gender, onset_at: c.onsetAt.toISOString(), symptoms: c.symptoms,
  severity: c.severity, outcome: c.outcome, reported: entryView(c.reported), follow_ups: c.followUps.map(entryView),
});
const listView = (l: AefiList) => ({ reports: l.cases.map(summaryView), counts: l.counts, total: l.total, page: l.page, per_page: l.perPage });

/**
 * Adverse events following immunisation (AEFI). Reporting one needs the person's record open at
 * the centre (decision 0010); the lists per centre and district show case, dose, severity, onset,
 * outcome, age and gender, and no one's identity. Follow-ups add to a case's history, never edit it.
 */
export const aefiRoutes: FastifyPluginAsyncTypebox<{ services: Services }> = async (app, { services }) => {
  app.addHook('onSend', async (_request, reply) => {
    reply.header('cache-control', 'no-store');
  });

  app.post('/identifications', {
    schema: {
      tags: ['Staff: AEFI'], summary: 'A person back to report an event: text a code to their own mobile from their certificate',
      body: AefiIdentificationBody, response: { 202: Type.Object({ identification_token: Type.String() }, { additionalProperties: false }), ...errors },
    },
    config: { access: 'staff', staffRoles: [...centreRoles] },
  }, async (request, reply) => {
    const { token } = await services.aefiIdentification.sendCode(staffOf(request), request.body.certificate_uvci);
    return reply.code(202).send({ identification_token: token });
  });

  app.post('/identifications/confirm', {
    schema: {
      tags: ['Staff: AEFI'], summary: 'Open the person\'s record at my centre with the code they read out',
      body: AefiIdentificationConfirmBody, response: { 204: Type.Null(), ...errors },
    },
    config: { access: 'staff', staffRoles: [...centreRoles] },
  }, async (request, reply) => {
    await services.aefiIdentification.confirm(staffOf(request), request.body.identification_token, request.body.otp);
    return reply.code(204).send(null);
  });

  app.post('/reports', {
    schema: {
      tags: ['Staff: AEFI'], summary: 'Report an adverse event after a dose (the person\'s record must be open at my centre)',
      description: 'Notes are for clinical facts only: never write the person\'s name, mobile, ID number or address.',
      body: AefiReportBody, response: { 201: AefiCaseView, ...errors },
    },
    config: { access: 'staff', staffRoles: [...centreRoles] },
  }, async (request, reply) => {
    const body = request.body;
    const reported = await services.aefi.report(staffOf(request), {
      certificateUvci: body.certificate_uvci, appointmentId: body.appointment_id, severity: body.severity, onsetAt: body.onset_at,
      symptoms: body.symptoms, outcome: body.outcome, notes: body.notes,
    });
    return reply.code(201).send(caseView(reported));
  });

  app.get('/reports/:case_id', {
    schema: { tags: ['Staff: AEFI'], summary: 'One case in my scope, with its follow-ups', params: CaseParams, response: { 200: AefiCaseView, ...errors } },
    config: { access: 'staff', staffRoles: [...centreRoles, ...overseers] },
  }, async (request) => caseView(await services.aefi.caseFor(staffOf(request), request.params.case_id)));

  app.post('/reports/:case_id/follow-ups', {
    schema: {
      tags: ['Staff: AEFI'], summary: 'Record how a case went on (its centre\'s facility admin, or its district admin)',
      description: 'Notes are for clinical facts only: never write the person\'s name, mobile, ID number or address.',
      params: CaseParams, body: AefiFollowUpBody, response: { 201: AefiCaseView, ...errors },
    },
    config: { access: 'staff', staffRoles: ['facility_admin', 'district_admin'] },
  }, async (request, reply) => {
    const followed = await services.aefi.followUp(staffOf(request), request.params.case_id, request.body);
    return reply.code(201).send(caseView(followed));
  });

  app.get('/centres/:facility_id/reports', {
    schema: {
      tags: ['Staff: AEFI'], summary: 'Cases reported at a centre in my scope, newest first, with counts per severity',
      params: Type.Object({ facility_id: PlaceId }, { additionalProperties: false }), querystring: AefiListQuery, response: { 200: AefiListView, ...errors },
    },
    config: { access: 'staff', staffRoles: [...centreRoles, ...overseers] },
  }, async (request) => listView(await services.aefi.listAtCentre(staffOf(request), request.params.facility_id, {
    severity: request.query.severity, page: request.query.page ?? 1, perPage: request.query.per_page ?? 25,
  })));

  app.get('/districts/:district_id/reports', {
    schema: {
      tags: ['Staff: AEFI'], summary: 'Cases reported in a district in my scope, newest first, with counts per severity',
      params: Type.Object({ district_id: PlaceId }, { additionalProperties: false }), querystring: AefiListQuery, response: { 200: AefiListView, ...errors },
    },
    config: { access: 'staff', staffRoles: [...overseers] },
  }, async (request) => listView(await services.aefi.listInDistrict(staffOf(request), request.params.district_id, {
    severity: request.query.severity, page: request.query.page ?? 1, perPage: request.query.per_page ?? 25,
  })));
};
