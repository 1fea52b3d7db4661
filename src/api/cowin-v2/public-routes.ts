import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { replyCached } from '../../core/http-cache.js';
import type { MicroCache } from '../../core/micro-cache.js';
import type { Services } from '../../services.js';
import { availabilityEndpoints } from './availability-endpoints.js';
import { readCoordinate, readId } from './params.js';
import { presentNearbyCenter } from './present.js';
import { CowinError, DistrictsResponse, LatLongQuery, NearbyCentersResponse, StatesResponse } from './schema.js';

export interface CowinPublicOptions {
  services: Services;
  cache: MicroCache;
}

/** Co-WIN told clients they may keep metadata for 24 hours. */
const METADATA_TTL_HOURS = 24;
const NEARBY_RADIUS_KM = 50;
const NEARBY_LIMIT = 50;

const errors = { 400: CowinError, 429: CowinError };

/**
 * The Co-WIN v2 public API: metadata and availability, no personal data, so every route is
 * `access: 'public'`, micro-cached and CDN-cacheable. Thin adapters only: rules live in the services.
 */
export const cowinPublicRoutes: FastifyPluginAsyncTypebox<CowinPublicOptions> = async (app, { services, cache }) => {
  const { geography, facilities } = services;

  app.get('/admin/location/states', {
    schema: { tags: ['Co-WIN v2 metadata'], summary: 'States and union territories', response: { 200: StatesResponse } },
    config: { access: 'public' },
  }, (request, reply) =>
    replyCached(request, reply, cache, 'states', async () => ({
      states: geography.listStates().map((s) => ({ state_id: s.id, state_name: s.name })),
      ttl: METADATA_TTL_HOURS,
    })));

  app.get('/admin/location/districts/:state_id', {
    schema: {
      tags: ['Co-WIN v2 metadata'],
      summary: 'Districts of a state (an unknown state has none)',
      params: Type.Object({ state_id: Type.String({ maxLength: 20 }) }, { additionalProperties: false }),
      response: { 200: DistrictsResponse, ...errors },
    },
    config: { access: 'public' },
  }, (request, reply) => {
    const stateId = readId(request.params.state_id, 'state_id');
    return replyCached(request, reply, cache, `districts:${stateId}`, async () => ({
      districts: geography.listDistricts(stateId).map((d) => ({ district_id: d.id, district_name: d.name })),
      ttl: METADATA_TTL_HOURS,
    }));
  });

  for (const endpoint of availabilityEndpoints(services)) {
    app.get(`/appointment/sessions/public/${endpoint.name}`, {
      schema: { tags: ['Co-WIN v2 availability'], summary: endpoint.summary, querystring: endpoint.querystring, response: { 200: endpoint.response, ...errors } },
      config: { access: 'public' },
    }, (request, reply) => {
      const query = request.query as Record<string, string | undefined>;
      return replyCached(request, reply, cache, endpoint.key(query), () => endpoint.answer(query));
    });
  }

  app.get('/appointment/centers/public/findByLatLong', {
    schema: {
      tags: ['Co-WIN v2 availability'],
      summary: `Centres within ${NEARBY_RADIUS_KM} km of a point, nearest first (at most ${NEARBY_LIMIT})`,
      querystring: LatLongQuery,
      response: { 200: NearbyCentersResponse, ...errors },
    },
    config: { access: 'public' },
  }, (request, reply) => {
    // Rounded to about 11 m, so that callers a few steps apart share one cache entry.
    const point = {
      lat: Number(readCoordinate(request.query.lat, 'lat').toFixed(4)),
      long: Number(readCoordinate(request.query.long, 'long').toFixed(4)),
    };
    return replyCached(request, reply, cache, `fbll:${point.lat}:${point.long}`, async () => ({
      centers: (await facilities.findNear(point, NEARBY_RADIUS_KM, NEARBY_LIMIT))
        .map((f) => presentNearbyCenter(f, geography.placeOf(f.districtId))),
      ttl: METADATA_TTL_HOURS,
    }));
  });
};
