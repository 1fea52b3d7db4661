import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../../core/errors.js';
import { NoBody } from '../../core/no-body.js';
import type { Services } from '../../services.js';
import type { StaffRole } from '../access/schema.js';
import { staffOf } from '../staff/request-staff.js';
import type { Vaccine } from '../vaccination/vaccines.js';
import { MAX_CSV_BYTES, MAX_CSV_ROWS } from './csv.js';
import { centreColumns, sessionColumns } from './imports.js';
import {
  CentreBody, CentreChanges, CentreSaved, CentreView, Imported, ImportReport, NewVaccineBody, RowProblem, SessionBody, SessionChanges, SessionView,
  VaccineChanges, VaccineUpdated, VaccineView,
} from './schema.js';
import { vaccineView } from './vaccine-rules.js';

const ErrorView = Type.Object({ errorCode: Type.String(), error: Type.String() });
const errors = { 400: ErrorView, 401: ErrorView, 403: ErrorView, 404: ErrorView, 409: ErrorView };

const allStaff: readonly StaffRole[] = ['national_admin', 'state_admin', 'district_admin', 'facility_admin', 'vaccinator', 'auditor'];
const readers: readonly StaffRole[] = ['national_admin', 'state_admin', 'district_admin', 'facility_admin', 'auditor'];
const areaReaders: readonly StaffRole[] = ['national_admin', 'state_admin', 'district_admin', 'auditor'];
const centreCreators: readonly StaffRole[] = ['national_admin', 'state_admin', 'district_admin'];
const centreEditors: readonly StaffRole[] = [...centreCreators, 'facility_admin'];

const PlaceId = Type.Integer({ minimum: 1, maximum: 2_147_483_647 });
const CentreParams = Type.Object({ centre_id: PlaceId }, { additionalProperties: false });
const SessionParams = Type.Object({ session_id: Type.String({ format: 'uuid' }) }, { additionalProperties: false });
const VaccineParams = Type.Object({ vaccine: Type.String({ maxLength: 100 }) }, { additionalProperties: false });
const IsoDateText = Type.String({ maxLength: 10, pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD' });
const CsvText = Type.String({ maxLength: MAX_CSV_BYTES });

// Bodies with a nullable field are cast to their schema.ts types: the type provider's TypeBox
// cannot infer `type: [x, 'null']` (see schema.ts), which the validator has already checked.
const asView = (v: Vaccine) => vaccineView(v) as VaccineView;

/** Fastify also reads text/plain as a string; the uploads say what they are. */
async function requireCsv(request: FastifyRequest): Promise<void> {
  if (!/^text\/csv\s*(;|$)/i.test(request.headers['content-type'] ?? '')) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', 415, 'Send the file with Content-Type: text/csv.');
  }
}

function importReport(problems: RowProblem[]) {
  const rows = new Set(problems.map((p) => p.row)).size;
  return {
    errorCode: 'CSV_ROWS_INVALID',
    error: `${rows} row${rows === 1 ? ' has' : 's have'} problems, so nothing was imported. Fix them and upload the whole file again.`,
    problems,
  };
}

const csvSummary = (what: string, columns: { required: readonly string[]; optional: readonly string[] }, example: string) =>
  `Upload ${what} as CSV (Content-Type: text/csv, at most ${MAX_CSV_ROWS} rows, ${MAX_CSV_BYTES / 1024} KiB). ` +
  `Columns: ${columns.required.join(', ')}${columns.optional.length > 0 ? `; optional ${columns.optional.join(', ')}` : ''}. ${example} ` +
  'Every row is checked as the single-item route checks it; if any row has a problem, the answer is 422 with every problem by row and nothing is written.';

/**
 * The administrators' planning API (decision 0012): the vaccine catalogue, centres, sessions and CSV
 * uploads. Out-of-scope centres and districts answer 404 like missing ones. Public availability is
 * micro-cached for 5 seconds, so a change shows there within that time.
 */
export const planningRoutes: FastifyPluginAsyncTypebox<{ services: Services }> = async (app, { services }) => {
  const { planning, vaccines } = services;
  app.addHook('onSend', async (_request, reply) => {
    reply.header('cache-control', 'no-store');
  });
  // Only this plugin reads CSV bodies; the text is parsed by the import, row by row.
  app.addContentTypeParser('text/csv', { parseAs: 'string', bodyLimit: MAX_CSV_BYTES }, (_request, body, done) => done(null, body));

  app.get('/vaccines', {
    schema: { tags: ['Staff: planning'], summary: 'The vaccine catalogue', response: { 200: Type.Object({ vaccines: Type.Array(VaccineView) }), ...errors } },
    config: { access: 'staff', staffRoles: allStaff },
  }, async () => ({ vaccines: vaccines.list().map(asView) }));

  app.post('/vaccines', {
    schema: { tags: ['Staff: planning'], summary: 'Add a vaccine to the catalogue (national administrator)', body: NewVaccineBody, response: { 201: VaccineView, ...errors } },
    config: { access: 'staff', staffRoles: ['national_admin'] },
  }, async (request, reply) => reply.code(201).send(asView(await vaccines.create(staffOf(request), request.body as NewVaccineBody))));

  app.patch('/vaccines/:vaccine', {
    schema: {
      tags: ['Staff: planning'], summary: 'Change a vaccine\'s intervals, price cap, codes, manufacturer or age rules (national administrator); a lower cap lowers private fees above it',
      params: VaccineParams, body: VaccineChanges, response: { 200: VaccineUpdated, ...errors },
    },
    config: { access: 'staff', staffRoles: ['national_admin'] },
  }, async (request) => {
    const { vaccine, feesCapped } = await vaccines.update(staffOf(request), request.params.vaccine, request.body as VaccineChanges);
    return { vaccine: asView(vaccine), fees_capped: feesCapped };
  });

  app.get('/centres', {
    schema: {
      tags: ['Staff: planning'], summary: 'Centres of a district in my area', querystring: Type.Object({ district_id: PlaceId }, { additionalProperties: false }),
      response: { 200: Type.Object({ centres: Type.Array(CentreView) }), ...errors },
    },
    config: { access: 'staff', staffRoles: areaReaders },
  }, async (request) => ({ centres: await planning.centres.list(staffOf(request), request.query.district_id) }));

  app.post('/centres', {
    schema: {
      tags: ['Staff: planning'], summary: 'Create a centre in my area; a Paid fee above the vaccine\'s cap is set to the cap (see notices)',
      body: CentreBody, response: { 201: CentreSaved, ...errors },
    },
    config: { access: 'staff', staffRoles: centreCreators },
  }, async (request, reply) => reply.code(201).send(await planning.centres.create(staffOf(request), request.body)));

  app.get('/centres/:centre_id', {
    schema: { tags: ['Staff: planning'], summary: 'One centre in my area', params: CentreParams, response: { 200: CentreView, ...errors } },
    config: { access: 'staff', staffRoles: readers },
  }, async (request) => planning.centres.get(staffOf(request), request.params.centre_id));

  app.patch('/centres/:centre_id', {
    schema: {
      tags: ['Staff: planning'], summary: 'Change a centre\'s details, hours, vaccines or fees (a facility administrator: their own centre, not its district or ownership)',
      params: CentreParams, body: CentreChanges, response: { 200: CentreSaved, ...errors },
    },
    config: { access: 'staff', staffRoles: centreEditors },
  }, async (request) => planning.centres.update(staffOf(request), request.params.centre_id, request.body));

  app.get('/centres/:centre_id/sessions', {
    schema: {
      tags: ['Staff: planning'], summary: 'A centre\'s sessions with what is booked (default: today to 60 days ahead)', params: CentreParams,
      querystring: Type.Object({ from: Type.Optional(IsoDateText), to: Type.Optional(IsoDateText) }, { additionalProperties: false }),
      response: { 200: Type.Object({ sessions: Type.Array(SessionView) }), ...errors },
    },
    config: { access: 'staff', staffRoles: readers },
  }, async (request) => ({ sessions: await planning.sessions.list(staffOf(request), request.params.centre_id, request.query) }));

  app.post('/centres/:centre_id/sessions', {
    schema: { tags: ['Staff: planning'], summary: 'Plan a session at a centre', params: CentreParams, body: SessionBody, response: { 201: SessionView, ...errors } },
    config: { access: 'staff', staffRoles: centreEditors },
  }, async (request, reply) => reply.code(201).send(await planning.sessions.create(staffOf(request), request.params.centre_id, request.body as SessionBody)));

  app.patch('/sessions/:session_id', {
    schema: {
      tags: ['Staff: planning'], summary: 'Change a session; once booked, its day, vaccine, ages and slots stay and capacity cannot drop below what is booked',
      params: SessionParams, body: SessionChanges, response: { 200: SessionView, ...errors },
    },
    config: { access: 'staff', staffRoles: centreEditors },
  }, async (request) => planning.sessions.update(staffOf(request), request.params.session_id, request.body as SessionChanges));

  app.delete('/sessions/:session_id', {
    schema: {
      tags: ['Staff: planning'], summary: 'Delete a session nobody has booked (a booked one is closed by setting its capacities to what is booked)',
      params: SessionParams, body: NoBody, response: { 204: Type.Null(), ...errors },
    },
    config: { access: 'staff', staffRoles: centreEditors },
  }, async (request, reply) => {
    await planning.sessions.remove(staffOf(request), request.params.session_id);
    return reply.code(204).send(null);
  });

  app.post('/centres/import', {
    schema: {
      tags: ['Staff: planning'],
      summary: csvSummary('centres', centreColumns, 'vaccines: "COVISHIELD:780;COVAXIN:1410" at a Paid centre, "COVISHIELD;COVAXIN" at a Free one; opens_at and closes_at HH:MM; ownership Govt or Private; fee_type Free or Paid.'),
      consumes: ['text/csv'], body: CsvText, response: { 200: Imported, 422: ImportReport, ...errors, 413: ErrorView, 415: ErrorView },
    },
    bodyLimit: MAX_CSV_BYTES,
    preValidation: requireCsv,
    config: { access: 'staff', staffRoles: centreCreators },
  }, async (request, reply) => {
    const result = await planning.imports.importCentres(staffOf(request), request.body);
    return result.ok ? { imported: result.imported, ids: result.ids, notices: result.notices } : reply.code(422).send(importReport(result.problems));
  });

  app.post('/sessions/import', {
    schema: {
      tags: ['Staff: planning'],
      summary: csvSummary('sessions', sessionColumns, 'date YYYY-MM-DD; max_age_limit empty for no upper limit; slots separated by ";", e.g. "09:00AM-11:00AM;11:00AM-01:00PM".'),
      consumes: ['text/csv'], body: CsvText, response: { 200: Imported, 422: ImportReport, ...errors, 413: ErrorView, 415: ErrorView },
    },
    bodyLimit: MAX_CSV_BYTES,
    preValidation: requireCsv,
    config: { access: 'staff', staffRoles: centreEditors },
  }, async (request, reply) => {
    const result = await planning.imports.importSessions(staffOf(request), request.body);
    return result.ok ? { imported: result.imported, ids: result.ids, notices: result.notices } : reply.code(422).send(importReport(result.problems));
  });
};
