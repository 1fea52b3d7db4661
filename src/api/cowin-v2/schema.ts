import { Type, type Static, type TProperties } from '@sinclair/typebox';

/**
 * Co-WIN v2 public shapes, key for key and type for type as the real API answered (see
 * shared/cowin-api/API-NOTES.md §3). The quirks are deliberate: clients in the field parse them.
 * The web app imports these types (`import type`) so the page and the API cannot drift apart.
 */

export const CowinError = Type.Object(
  { errorCode: Type.String(), error: Type.String() },
  { $id: 'CowinError', description: 'Co-WIN error envelope' },
);
export type CowinError = Static<typeof CowinError>;

export const StateItem = Type.Object({ state_id: Type.Integer(), state_name: Type.String() });
export const StatesResponse = Type.Object({ states: Type.Array(StateItem), ttl: Type.Integer() });
export type StatesResponse = Static<typeof StatesResponse>;

export const DistrictItem = Type.Object({ district_id: Type.Integer(), district_name: Type.String() });
export const DistrictsResponse = Type.Object({ districts: Type.Array(DistrictItem), ttl: Type.Integer() });
export type DistrictsResponse = Static<typeof DistrictsResponse>;

export const VaccineFee = Type.Object({ vaccine: Type.String(), fee: Type.String({ description: 'rupees, as a string' }) });

export const CalendarSession = Type.Object({
  session_id: Type.String({ format: 'uuid' }),
  date: Type.String({ description: 'DD-MM-YYYY' }),
  available_capacity: Type.Integer(),
  min_age_limit: Type.Integer(),
  max_age_limit: Type.Optional(Type.Integer({ description: 'present only when the session has an upper age limit' })),
  allow_all_age: Type.Boolean(),
  vaccine: Type.String(),
  slots: Type.Array(Type.String({ examples: ['09:30AM-10:30AM'] })),
  available_capacity_dose1: Type.Integer(),
  available_capacity_dose2: Type.Integer(),
});
export type CalendarSession = Static<typeof CalendarSession>;

export const CalendarCenter = Type.Object({
  center_id: Type.Integer(),
  name: Type.String(),
  address: Type.String(),
  state_name: Type.String(),
  district_name: Type.String(),
  block_name: Type.String(),
  pincode: Type.Integer({ description: 'a number here, a string in findByLatLong' }),
  lat: Type.Integer({ description: 'truncated to whole degrees, as Co-WIN did' }),
  long: Type.Integer({ description: 'truncated to whole degrees, as Co-WIN did' }),
  from: Type.String({ description: 'HH:MM:SS' }),
  to: Type.String({ description: 'HH:MM:SS' }),
  fee_type: Type.Union([Type.Literal('Free'), Type.Literal('Paid')]),
  sessions: Type.Array(CalendarSession),
  vaccine_fees: Type.Optional(Type.Array(VaccineFee, { description: 'only for Paid centres' })),
});
export type CalendarCenter = Static<typeof CalendarCenter>;

export const CalendarResponse = Type.Object({ centers: Type.Array(CalendarCenter) });
export type CalendarResponse = Static<typeof CalendarResponse>;

export const CalendarByCenterResponse = Type.Object(
  { centers: Type.Optional(CalendarCenter) },
  { description: '`centers` is one object, not an array; `{}` when the centre is unknown' },
);
export type CalendarByCenterResponse = Static<typeof CalendarByCenterResponse>;

export const FlatSession = Type.Object({
  center_id: Type.Integer(),
  name: Type.String(),
  address: Type.String(),
  state_name: Type.String(),
  district_name: Type.String(),
  block_name: Type.String(),
  pincode: Type.Integer(),
  from: Type.String(),
  to: Type.String(),
  lat: Type.Integer(),
  long: Type.Integer(),
  fee_type: Type.Union([Type.Literal('Free'), Type.Literal('Paid')]),
  session_id: Type.String({ format: 'uuid' }),
  date: Type.String(),
  available_capacity: Type.Integer(),
  available_capacity_dose1: Type.Integer(),
  available_capacity_dose2: Type.Integer(),
  fee: Type.String({ description: '"0" when free' }),
  min_age_limit: Type.Integer(),
  max_age_limit: Type.Optional(Type.Integer()),
  allow_all_age: Type.Boolean(),
  vaccine: Type.String(),
  slots: Type.Array(Type.String()),
});
export type FlatSession = Static<typeof FlatSession>;

export const FindSessionsResponse = Type.Object({ sessions: Type.Array(FlatSession) });
export type FindSessionsResponse = Static<typeof FindSessionsResponse>;

export const NearbyCenter = Type.Object({
  center_id: Type.Integer(),
  name: Type.String(),
  district_name: Type.String(),
  state_name: Type.String(),
  location: Type.String(),
  pincode: Type.String({ description: 'a string here, unlike the calendars' }),
  block_name: Type.String(),
  lat: Type.String({ description: 'eight decimals, as a string' }),
  long: Type.String({ description: 'eight decimals, as a string' }),
});
export type NearbyCenter = Static<typeof NearbyCenter>;

export const NearbyCentersResponse = Type.Object({ centers: Type.Array(NearbyCenter), ttl: Type.Integer() });
export type NearbyCentersResponse = Static<typeof NearbyCentersResponse>;

/**
 * Query strings stay loosely typed on purpose: Co-WIN answered a missing or malformed parameter with
 * its own error codes, which the facade produces itself, and ignored parameters it did not know
 * (API-NOTES §1). Decision 0018 still bounds them: short strings, and a few unknown ones at most.
 */
export function cowinQuery<T extends TProperties>(properties: T) {
  return Type.Object(properties, { additionalProperties: Type.String({ maxLength: 100 }), maxProperties: 20 });
}
const optionalText = Type.Optional(Type.String({ maxLength: 100 }));
export const PincodeQuery = cowinQuery({ pincode: optionalText, date: optionalText, vaccine: optionalText });
export const DistrictQuery = cowinQuery({ district_id: optionalText, date: optionalText, vaccine: optionalText });
export const CenterQuery = cowinQuery({ center_id: optionalText, date: optionalText, vaccine: optionalText });
export const LatLongQuery = cowinQuery({ lat: optionalText, long: optionalText });
