import { Type, type Static } from '@sinclair/typebox';

/**
 * The planning API's shapes (administrators: vaccine catalogue, centres, sessions, CSV imports). The
 * staff web screens import these with `import type`. Names are snake_case like Co-WIN's; no staff
 * input is called `name` (decision 0008 keeps names of people out of staff endpoints, and a test
 * checks the word), so a centre's is `centre_name` and a vaccine's `vaccine`.
 */

const strict = { additionalProperties: false } as const;
/*
 * Request bounds (decision 0018) are what a column can hold: an integer column's range, text far
 * longer than any real value. The rules (a latitude inside India, a name of 3 to 120 characters, a
 * day from today to 60 days ahead) live in the services, which name the field and the rule.
 */
const INT32 = { minimum: -2_147_483_648, maximum: 2_147_483_647 } as const;
const Int = (options: { description?: string } = {}) => Type.Integer({ ...INT32, ...options });
const Text = (maxLength: number, options: { description?: string } = {}) => Type.String({ maxLength, ...options });
// `type: [x, 'null']` rather than a union: with Fastify's type coercion, a union would read null as 0 or "".
const NullableInteger = Type.Unsafe<number | null>({ type: ['integer', 'null'], ...INT32 });
const NullableString = Type.Unsafe<string | null>({ type: ['string', 'null'], maxLength: 100 });
const Time = Type.String({ maxLength: 8, pattern: '^\\d{1,2}:\\d{2}(:\\d{2})?$', description: 'HH:MM or HH:MM:SS, 24-hour' });

export const AgeGroup = Type.Object({
  min_age: Int(),
  max_age: NullableInteger,
  allow_all_age: Type.Boolean(),
}, strict);

export const EuDccCodes = Type.Object({
  vp: Text(200, { description: 'vaccine type (eHN value set vaccine-prophylaxis), e.g. 1157024006' }),
  mp: Text(200, { description: 'medicinal product (vaccine-medicinal-product), e.g. Covaxin' }),
  ma: Text(200, { description: 'marketing authorisation holder or manufacturer (vaccine-mah-manf), e.g. Bharat-Biotech' }),
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
  vaccine: Text(100, { description: 'the name, e.g. COVISHIELD; it never changes' }),
  manufacturer: Text(300),
  doses_in_series: Type.Optional(Int()),
  dose2_after_days: Int(),
  precaution_after_days: Int(),
  private_price_cap: Int(),
  eu_dcc: EuDccCodes,
  cvx_code: Type.Optional(NullableString),
  age_groups: Type.Array(AgeGroup, { maxItems: 20 }),
}, strict);
export type NewVaccineBody = Static<typeof NewVaccineBody>;

export const VaccineChanges = Type.Object({
  manufacturer: Type.Optional(Text(300)),
  dose2_after_days: Type.Optional(Int()),
  precaution_after_days: Type.Optional(Int()),
  private_price_cap: Type.Optional(Int()),
  eu_dcc: Type.Optional(EuDccCodes),
  cvx_code: Type.Optional(NullableString),
  age_groups: Type.Optional(Type.Array(AgeGroup, { maxItems: 20 })),
}, { ...strict, minProperties: 1 });
export type VaccineChanges = Static<typeof VaccineChanges>;

export const VaccineUpdated = Type.Object({
  vaccine: VaccineView,
  fees_capped: Type.Integer({ description: 'private centres whose fee was above the new cap and was set to it' }),
}, strict);

export const Ownership = Type.Union([Type.Literal('Govt'), Type.Literal('Private')]);
export const FeeType = Type.Union([Type.Literal('Free'), Type.Literal('Paid')]);

export const CentreVaccine = Type.Object({
  vaccine: Text(100),
  fee: Type.Optional(Int({ description: 'rupees per dose at a Paid centre; 0 or left out at a Free one' })),
}, strict);

const centreFields = {
  centre_name: Text(500),
  address: Text(1000),
  district_id: Int(),
  block_name: Text(500),
  pincode: Int(),
  lat: Type.Number({ minimum: -90, maximum: 90 }),
  long: Type.Number({ minimum: -180, maximum: 180 }),
  opens_at: Time,
  closes_at: Time,
  ownership: Ownership,
  fee_type: FeeType,
  vaccines: Type.Array(CentreVaccine, { maxItems: 50 }),
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
  date: Type.String({
    maxLength: 10, pattern: '^(\\d{4}-\\d{2}-\\d{2}|\\d{2}-\\d{2}-\\d{4})$',
    description: 'YYYY-MM-DD (or Co-WIN\'s DD-MM-YYYY), from today to 60 days ahead',
  }),
  vaccine: Text(100),
  capacity_dose1: Int(),
  capacity_dose2: Int(),
  min_age_limit: Int(),
  max_age_limit: Type.Optional(NullableInteger),
  allow_all_age: Type.Optional(Type.Boolean()),
  slots: Type.Array(Text(50), { maxItems: 50, description: 'Co-WIN slot strings inside opening hours, e.g. 09:00AM-11:00AM' }),
  walk_in_capacity: Type.Optional(Int({ description: 'doses kept for people who come without booking, on top of the online capacity' })),
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
