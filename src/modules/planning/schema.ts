import { Type, type Static } from '@sinclair/typebox';

/**
 * The planning API's shapes (administrators: vaccine catalogue, centres, sessions, CSV imports). The
 * staff web screens import these with `import type`. Names are snake_case like Co-WIN's; no staff
 * input is called `name` (decision 0008 keeps names of people out of staff endpoints, and a test
 * checks the word), so a centre's is `centre_name` and a vaccine's `vaccine`.
 */

const strict = { additionalProperties: false } as const;
// `type: [x, 'null']` rather than a union: with Fastify's type coercion, a union would read null as 0 or "".
const NullableInteger = Type.Unsafe<number | null>({ type: ['integer', 'null'] });
const NullableString = Type.Unsafe<string | null>({ type: ['string', 'null'] });

export const AgeGroup = Type.Object({
  min_age: Type.Integer(),
  max_age: NullableInteger,
  allow_all_age: Type.Boolean(),
}, strict);

export const EuDccCodes = Type.Object({
  vp: Type.String({ description: 'vaccine type (eHN value set vaccine-prophylaxis), e.g. 1157024006' }),
  mp: Type.String({ description: 'medicinal product (vaccine-medicinal-product), e.g. Covaxin' }),
  ma: Type.String({ description: 'marketing authorisation holder or manufacturer (vaccine-mah-manf), e.g. Bharat-Biotech' }),
}, strict);

export const VaccineView = Type.Object({
  vaccine: Type.String({ description: 'the name, as Co-WIN spelt it, e.g. COVISHIELD' }),
  manufacturer: Type.String(),
  doses_in_series: Type.Integer(),
  dose2_after_days: Type.Integer(),
  precaution_after_days: Type.Integer(),
  private_price_cap: Type.Integer({ description: 'rupees per dose; a private centre\'s fee above it is set to it' }),
  eu_dcc: EuDccCodes,
  cvx_code: NullableString,
  age_groups: Type.Array(AgeGroup),
}, strict);
export type VaccineView = Static<typeof VaccineView>;

export const NewVaccineBody = Type.Object({
  vaccine: Type.String({ description: 'the name, e.g. COVISHIELD; it never changes' }),
  manufacturer: Type.String(),
  doses_in_series: Type.Optional(Type.Integer()),
  dose2_after_days: Type.Integer(),
  precaution_after_days: Type.Integer(),
  private_price_cap: Type.Integer(),
  eu_dcc: EuDccCodes,
  cvx_code: Type.Optional(NullableString),
  age_groups: Type.Array(AgeGroup),
}, strict);
export type NewVaccineBody = Static<typeof NewVaccineBody>;

export const VaccineChanges = Type.Object({
  manufacturer: Type.Optional(Type.String()),
  dose2_after_days: Type.Optional(Type.Integer()),
  precaution_after_days: Type.Optional(Type.Integer()),
  private_price_cap: Type.Optional(Type.Integer()),
  eu_dcc: Type.Optional(EuDccCodes),
  cvx_code: Type.Optional(NullableString),
  age_groups: Type.Optional(Type.Array(AgeGroup)),
}, { ...strict, minProperties: 1 });
export type VaccineChanges = Static<typeof VaccineChanges>;

export const VaccineUpdated = Type.Object({
  vaccine: VaccineView,
  fees_capped: Type.Integer({ description: 'private centres whose fee was above the new cap and was set to it' }),
}, strict);

export const Ownership = Type.Union([Type.Literal('Govt'), Type.Literal('Private')]);
export const FeeType = Type.Union([Type.Literal('Free'), Type.Literal('Paid')]);

export const CentreVaccine = Type.Object({
  vaccine: Type.String(),
  fee: Type.Optional(Type.Integer({ description: 'rupees per dose at a Paid centre; 0 or left out at a Free one' })),
}, strict);

const centreFields = {
  centre_name: Type.String(),
  address: Type.String(),
  district_id: Type.Integer(),
  block_name: Type.String(),
  pincode: Type.Integer(),
  lat: Type.Number(),
  long: Type.Number(),
  opens_at: Type.String({ description: 'HH:MM or HH:MM:SS, 24-hour' }),
  closes_at: Type.String({ description: 'HH:MM or HH:MM:SS, 24-hour' }),
  ownership: Ownership,
  fee_type: FeeType,
  vaccines: Type.Array(CentreVaccine),
};

export const CentreBody = Type.Object(centreFields, strict);
export type CentreBody = Static<typeof CentreBody>;

export const CentreChanges = Type.Partial(Type.Object(centreFields), { ...strict, minProperties: 1 });
export type CentreChanges = Static<typeof CentreChanges>;

export const CentreView = Type.Object({
  id: Type.Integer(),
  centre_name: Type.String(),
  address: Type.String(),
  state_id: Type.Integer(),
  state_name: Type.String(),
  district_id: Type.Integer(),
  district_name: Type.String(),
  block_name: Type.String(),
  pincode: Type.Integer(),
  lat: Type.Number(),
  long: Type.Number(),
  opens_at: Type.String(),
  closes_at: Type.String(),
  ownership: Ownership,
  fee_type: FeeType,
  vaccines: Type.Array(Type.Object({ vaccine: Type.String(), fee: Type.Integer() }, strict)),
}, strict);
export type CentreView = Static<typeof CentreView>;

/** Something the server changed in what was sent, and why (a fee above the national cap). */
export const Notice = Type.Object({ field: Type.String(), notice: Type.String() }, strict);
export type Notice = Static<typeof Notice>;

export const CentreSaved = Type.Object({ centre: CentreView, notices: Type.Array(Notice) }, strict);

const sessionFields = {
  date: Type.String({ description: 'YYYY-MM-DD (or Co-WIN\'s DD-MM-YYYY), from today to 60 days ahead' }),
  vaccine: Type.String(),
  capacity_dose1: Type.Integer(),
  capacity_dose2: Type.Integer(),
  min_age_limit: Type.Integer(),
  max_age_limit: Type.Optional(NullableInteger),
  allow_all_age: Type.Optional(Type.Boolean()),
  slots: Type.Array(Type.String(), { description: 'Co-WIN slot strings inside opening hours, e.g. 09:00AM-11:00AM' }),
  walk_in_capacity: Type.Optional(Type.Integer({ description: 'doses kept for people who come without booking, on top of the online capacity' })),
};

export const SessionBody = Type.Object(sessionFields, strict);
export type SessionBody = Static<typeof SessionBody>;

export const SessionChanges = Type.Partial(Type.Object(sessionFields), { ...strict, minProperties: 1 });
export type SessionChanges = Static<typeof SessionChanges>;

export const SessionView = Type.Object({
  id: Type.String(),
  centre_id: Type.Integer(),
  date: Type.String(),
  vaccine: Type.String(),
  min_age_limit: Type.Integer(),
  max_age_limit: NullableInteger,
  allow_all_age: Type.Boolean(),
  capacity_dose1: Type.Integer(),
  capacity_dose2: Type.Integer(),
  booked_dose1: Type.Integer(),
  booked_dose2: Type.Integer(),
  walk_in_capacity: Type.Integer(),
  walk_ins: Type.Integer(),
  slots: Type.Array(Type.String()),
}, strict);
export type SessionView = Static<typeof SessionView>;

/** One problem with one row of an uploaded CSV; row 1 is the header, as a spreadsheet numbers it. */
export const RowProblem = Type.Object({ row: Type.Integer(), field: Type.String(), error: Type.String() }, strict);
export type RowProblem = Static<typeof RowProblem>;

export const ImportReport = Type.Object({
  errorCode: Type.String(),
  error: Type.String(),
  problems: Type.Array(RowProblem),
}, strict);

export const Imported = Type.Object({
  imported: Type.Integer(),
  ids: Type.Array(Type.Union([Type.Integer(), Type.String()]), { description: 'the new centres\' or sessions\' ids, in the file\'s order' }),
  notices: Type.Array(Type.Object({ row: Type.Integer(), field: Type.String(), notice: Type.String() }, strict)),
}, strict);
