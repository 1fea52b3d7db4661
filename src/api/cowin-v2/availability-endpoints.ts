import type { TSchema } from '@sinclair/typebox';
import type { Services } from '../../services.js';
import { readDate, readId, readPincode, readVaccine } from './params.js';
import { presentCalendarCenter, presentFlatSessions } from './present.js';
import {
  CalendarByCenterResponse, CalendarResponse, CenterQuery, DistrictQuery, FindSessionsResponse, PincodeQuery,
} from './schema.js';
import type { AvailabilityQuery, CentreAvailability } from '../../modules/appointments/schema.js';

type Query = Record<string, string | undefined>;

/**
 * Co-WIN's five availability searches. The public API serves them under `/sessions/public/`
 * from the micro-cache; the protected API serves the same answers under `/sessions/`, live.
 * `key` names an answer for the cache; parsing in `key` rejects bad input before any work.
 */
export interface AvailabilityEndpoint {
  name: 'findByPin' | 'findByDistrict' | 'calendarByPin' | 'calendarByDistrict' | 'calendarByCenter';
  summary: string;
  querystring: TSchema;
  response: TSchema;
  key(query: Query): string;
  answer(query: Query): Promise<unknown>;
}

export function availabilityEndpoints({ availability, geography }: Pick<Services, 'availability' | 'geography'>): AvailabilityEndpoint[] {
  const calendar = (centres: CentreAvailability[]) =>
    ({ centers: centres.map((c) => presentCalendarCenter(c, geography.placeOf(c.facility.districtId))) });
  const flat = (centres: CentreAvailability[]) =>
    ({ sessions: centres.flatMap((c) => presentFlatSessions(c, geography.placeOf(c.facility.districtId))) });
  const range = (query: Query, days: number): AvailabilityQuery => ({ from: readDate(query.date), days, vaccine: readVaccine(query.vaccine) });
  const suffix = (q: AvailabilityQuery) => `${q.from}:${q.vaccine ?? ''}`;

  return [
    {
      name: 'findByPin', summary: 'Sessions on one day at centres with a PIN code', querystring: PincodeQuery, response: FindSessionsResponse,
      key: (q) => `fbp:${readPincode(q.pincode)}:${suffix(range(q, 1))}`,
      answer: async (q) => flat(await availability.byPincode(readPincode(q.pincode), range(q, 1))),
    },
    {
      name: 'findByDistrict', summary: 'Sessions on one day in a district', querystring: DistrictQuery, response: FindSessionsResponse,
      key: (q) => `fbd:${readId(q.district_id, 'district_id')}:${suffix(range(q, 1))}`,
      answer: async (q) => flat(await availability.inDistrict(readId(q.district_id, 'district_id'), range(q, 1))),
    },
    {
      name: 'calendarByPin', summary: 'Seven days of sessions at centres with a PIN code', querystring: PincodeQuery, response: CalendarResponse,
      key: (q) => `cbp:${readPincode(q.pincode)}:${suffix(range(q, 7))}`,
      answer: async (q) => calendar(await availability.byPincode(readPincode(q.pincode), range(q, 7))),
    },
    {
      name: 'calendarByDistrict', summary: 'Seven days of sessions in a district', querystring: DistrictQuery, response: CalendarResponse,
      key: (q) => `cbd:${readId(q.district_id, 'district_id')}:${suffix(range(q, 7))}`,
      answer: async (q) => calendar(await availability.inDistrict(readId(q.district_id, 'district_id'), range(q, 7))),
    },
    {
      name: 'calendarByCenter', summary: 'Seven days of sessions at one centre (`centers` is one object; `{}` when unknown)',
      querystring: CenterQuery, response: CalendarByCenterResponse,
      key: (q) => `cbc:${readId(q.center_id, 'center_id')}:${suffix(range(q, 7))}`,
      answer: async (q) => {
        const centre = await availability.atCentre(readId(q.center_id, 'center_id'), range(q, 7));
        return centre ? { centers: presentCalendarCenter(centre, geography.placeOf(centre.facility.districtId)) } : {};
      },
    },
  ];
}
