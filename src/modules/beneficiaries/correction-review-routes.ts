import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { NoBody } from '../../core/no-body.js';
import type { Services } from '../../services.js';
import { staffOf } from '../staff/request-staff.js';
import { reviewRoles } from './correction-review-jurisdiction.js';
import { DecisionView, QueueView, RejectBody, ReviewView } from './correction-review-schema.js';
import type { Decision, Place } from './correction-review.js';

const ErrorView = Type.Object({ errorCode: Type.String(), error: Type.String() });
const errors = { 400: ErrorView, 401: ErrorView, 403: ErrorView, 404: ErrorView, 409: ErrorView, 429: ErrorView };
const RequestParams = Type.Object({ id: Type.String({ format: 'uuid' }) }, { additionalProperties: false });
const config = { access: 'staff' as const, staffRoles: [...reviewRoles] };

const presentPlace = (place: Place) => ({
  centre: place.centre,
  district: place.district && { id: place.district.id, name: place.district.name, state_id: place.district.stateId, state_name: place.district.stateName },
});

const presentDecision = (decision: Decision) => ({ id: decision.id, status: decision.status, certificates_reissued: decision.certificatesReissued });

/**
 * The correction-request queue for district, state and national administrators (decision 0011).
 * No route takes a name, mobile or ID number: a reviewer reaches a person only through an open
 * request in their jurisdiction, one at a time.
 */
export const correctionReviewRoutes: FastifyPluginAsyncTypebox<{ services: Services }> = async (app, { services }) => {
  const { correctionReview } = services;
  app.addHook('onSend', async (_request, reply) => {
    reply.header('cache-control', 'no-store');
  });

  app.get('/', {
    schema: { tags: ['Staff: corrections'], summary: 'Open correction requests in my jurisdiction, oldest first (no personal data)', response: { 200: QueueView, ...errors } },
    config,
  }, async (request) => {
    const queue = await correctionReview.queue(staffOf(request));
    return {
      total: queue.total,
      corrections: queue.entries.map((e) => ({ id: e.id, field: e.field, created_at: e.createdAt.toISOString(), ...presentPlace(e) })),
    };
  });

  app.get('/:id', {
    schema: {
      tags: ['Staff: corrections'], summary: 'Open one request: the current and the requested value of its field (recorded, counted against my daily limit, shown to the citizen)',
      params: RequestParams, response: { 200: ReviewView, ...errors },
    },
    config,
  }, async (request) => {
    const review = await correctionReview.open(staffOf(request), request.params.id);
    return {
      id: review.id, field: review.field, created_at: review.createdAt.toISOString(), ...presentPlace(review), reason: review.reason,
      ...(review.photoIdType === undefined ? {} : { photo_id_type: review.photoIdType }),
      current_value: review.currentValue, requested_value: review.requestedValue,
    };
  });

  app.post('/:id/accept', {
    schema: {
      tags: ['Staff: corrections'], summary: 'Accept: correct the record, revoke and reissue the person\'s certificates, tell the citizen by SMS',
      params: RequestParams, body: NoBody, response: { 200: DecisionView, ...errors },
    },
    config,
  }, async (request) => presentDecision(await correctionReview.accept(staffOf(request), request.params.id)));

  app.post('/:id/reject', {
    schema: {
      tags: ['Staff: corrections'], summary: 'Reject with a reason the citizen reads in the app; they are told by SMS',
      params: RequestParams, body: RejectBody, response: { 200: DecisionView, ...errors },
    },
    config,
  }, async (request) => presentDecision(await correctionReview.reject(staffOf(request), request.params.id, request.body.reason)));
};
