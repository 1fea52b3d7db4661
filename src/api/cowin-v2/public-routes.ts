import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { replyCached } from '../../core/http-cache.js';
import type { MicroCache } from '../../core/micro-cache.js';
import type { AvailabilityQuery, CentreAvailability } from '../../modules/appointments/schema.js';
import type { Services } from '../../services.js';
import { readCoordinate, readDate, readId, readPincode, readVaccine } from './params.js';
import { presentCalendarCenter, presentFlatSessions, presentNearbyCenter } from './present.js';
import {
  CalendarByCenterResponse, CalendarResponse, CenterQuery, CowinError, DistrictQuery, DistrictsResponse,
  FindSessionsResponse, LatLongQuery, NearbyCentersResponse, PincodeQuery, StatesResponse,
} from './schema.js';

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
  const { geography, availability, facilities } = services;

  const calendar = (centres: CentreAvailability[]) =>
    ({ centers: centres.map((c) => presentCalendarCenter(c, geography.placeOf(c.facility.districtId))) });
  const flat = (centres: CentreAvailability[]) =>
    ({ sessions: centres.flatMap((c) => presentFlatSessions(c, geography.placeOf(c.facility.districtId))) });
  const range = (date: string | undefined, vaccine: string | undefined, days: number): AvailabilityQuery =>
    ({ from: readDate(date), days, vaccine: readVaccine(vaccine) });

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
      params: Type.Object({ state_id: Type.String() }),
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

  app.get('/appointment/sessions/public/findByPin', {
    schema: { tags: ['Co-WIN v2 availability'], summary: 'Sessions on one day at centres with a PIN code', querystring: PincodeQuery, response: { 200: FindSessionsResponse, ...errors } },
    config: { access: 'public' },
  }, (request, reply) => {
    const pincode = readPincode(request.query.pincode);
    const query = range(request.query.date, request.query.vaccine, 1);
    return replyCached(request, reply, cache, `fbp:${pincode}:${query.from}:${query.vaccine ?? ''}`,
      async () => flat(await availability.byPincode(pincode, query)));
  });

  app.get('/appointment/sessions/public/findByDistrict', {
    schema: { tags: ['Co-WIN v2 availability'], summary: 'Sessions on one day in a district', querystring: DistrictQuery, response: { 200: FindSessionsResponse, ...errors } },
    config: { access: 'public' },
  }, (request, reply) => {
    const districtId = readId(request.query.district_id, 'district_id');
    const query = range(request.query.date, request.query.vaccine, 1);
    return replyCached(request, reply, cache, `fbd:${districtId}:${query.from}:${query.vaccine ?? ''}`,
      async () => flat(await availability.inDistrict(districtId, query)));
  });

  app.get('/appointment/sessions/public/calendarByPin', {
    schema: { tags: ['Co-WIN v2 availability'], summary: 'Seven days of sessions at centres with a PIN code', querystring: PincodeQuery, response: { 200: CalendarResponse, ...errors } },
    config: { access: 'public' },
  }, (request, reply) => {
    const pincode = readPincode(request.query.pincode);
    const query = range(request.query.date, request.query.vaccine, 7);
    return replyCached(request, reply, cache, `cbp:${pincode}:${query.from}:${query.vaccine ?? ''}`,
      async () => calendar(await availability.byPincode(pincode, query)));
  });

  app.get('/appointment/sessions/public/calendarByDistrict', {
    schema: { tags: ['Co-WIN v2 availability'], summary: 'Seven days of sessions in a district', querystring: DistrictQuery, response: { 200: CalendarResponse, ...errors } },
    config: { access: 'public' },
  }, (request, reply) => {
    const districtId = readId(request.query.district_id, 'district_id');
    const query = range(request.query.date, request.query.vaccine, 7);
    return replyCached(request, reply, cache, `cbd:${districtId}:${query.from}:${query.vaccine ?? ''}`,
      async () => calendar(await availability.inDistrict(districtId, query)));
  });

  app.get('/appointment/sessions/public/calendarByCenter', {
    schema: { tags: ['Co-WIN v2 availability'], summary: 'Seven days of sessions at one centre', querystring: CenterQuery, response: { 200: CalendarByCenterResponse, ...errors } },
    config: { access: 'public' },
  }, (request, reply) => {
    const centerId = readId(request.query.center_id, 'center_id');
    const query = range(request.query.date, request.query.vaccine, 7);
    return replyCached(request, reply, cache, `cbc:${centerId}:${query.from}:${query.vaccine ?? ''}`, async () => {
      const centre = await availability.atCentre(centerId, query);
      return centre ? { centers: presentCalendarCenter(centre, geography.placeOf(centre.facility.districtId)) } : {};
    });
  });

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
