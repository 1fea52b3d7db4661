import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { Services } from '../../services.js';
import { partnerOf, requirePartnerScopeDeclarations } from './request-partner.js';
import {
  AggregatesQuery, AggregatesView, CertificateListView, ConsentRequestBody, ConsentRequestParams, CreatedConsentRequestView, PartnerConsentRequestView,
  SubjectCertificateParams, SubjectParams, VaccinationStatusView,
} from './schema.js';

const ErrorView = Type.Object({ errorCode: Type.String(), error: Type.String() });
const errors = { 400: ErrorView, 401: ErrorView, 403: ErrorView, 404: ErrorView, 409: ErrorView, 429: ErrorView, 503: ErrorView };

/**
 * The partner API, v1 (decision 0017). A partner asks a citizen for consent and then reads, by the
 * opaque subject handle the consent gives it, only what the consent names; research partners read
 * suppressed aggregates. No call takes a mobile, an ID number or a name.
 */
export const partnerApiRoutes: FastifyPluginAsyncTypebox<{ services: Services; publicUrl: string }> = async (app, { services, publicUrl }) => {
  requirePartnerScopeDeclarations(app);
  const { consentRequests, subjects, aggregates } = services.partners;
  app.addHook('onSend', async (_request, reply) => {
    reply.header('cache-control', 'no-store');
  });

  app.post('/consent-requests', {
    schema: {
      tags: ['Partner API'], summary: 'Ask a citizen for consent; send them to approval_url to answer on Teeka',
      body: ConsentRequestBody, response: { 201: CreatedConsentRequestView, ...errors },
    },
    config: { access: 'partner', partnerScope: 'consented' },
  }, async (request, reply) => reply.code(201).send(await consentRequests.ask(partnerOf(request), request.body, publicUrl)));

  app.get('/consent-requests/:id', {
    schema: {
      tags: ['Partner API'], summary: 'Where a consent request stands; once approved, the consent id and the subject handle',
      params: ConsentRequestParams, response: { 200: PartnerConsentRequestView, ...errors },
    },
    config: { access: 'partner', partnerScope: 'consented' },
  }, async (request) => consentRequests.view(partnerOf(request), request.params.id));

  app.get('/subjects/:handle/vaccination-status', {
    schema: {
      tags: ['Partner API'], summary: 'Not, partially or fully vaccinated, signed by Teeka (needs a live consent naming vaccination_status)',
      params: SubjectParams, response: { 200: VaccinationStatusView, ...errors },
    },
    config: { access: 'partner', partnerScope: 'vaccination_status' },
  }, async (request) => subjects.vaccinationStatus(partnerOf(request), request.params.handle, publicUrl));

  app.get('/subjects/:handle/certificates', {
    schema: {
      tags: ['Partner API'], summary: 'The person\'s certificates (needs a live consent naming certificates)',
      params: SubjectParams, response: { 200: CertificateListView, ...errors },
    },
    config: { access: 'partner', partnerScope: 'certificate_pull' },
  }, async (request) => subjects.certificates(partnerOf(request), request.params.handle, publicUrl));

  app.get('/subjects/:handle/certificates/:certificateId', {
    schema: {
      tags: ['Partner API'], summary: 'One certificate as a PDF, signed now (needs a live consent naming certificates)',
      params: SubjectCertificateParams, response: errors,
    },
    config: { access: 'partner', partnerScope: 'certificate_pull' },
  }, async (request, reply) => {
    const pdf = await subjects.certificatePdf(partnerOf(request), request.params.handle, request.params.certificateId);
    // Exactly this content type, as Co-WIN clients compare it as a string.
    return reply.header('content-type', 'application/pdf').send(Buffer.from(pdf) as never);
  });

  app.get('/aggregates', {
    schema: {
      tags: ['Partner API'], summary: 'Doses by district, date, vaccine, age band and gender; cells under 10 suppressed, others rounded to 5',
      querystring: AggregatesQuery, response: { 200: AggregatesView, ...errors },
    },
    config: { access: 'partner', partnerScope: 'aggregates' },
  }, async (request) => aggregates.doseCounts(partnerOf(request), request.query));
};
