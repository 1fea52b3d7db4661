import { Type, type Static } from '@sinclair/typebox';

/**
 * The partner API's shapes (decision 0017): registration by a national admin, the partner's own
 * API, and the citizen's consent screens. The web app imports these with `import type`. A partner is
 * an organisation, so its `name` is not a person's: no staff route here takes a person's details.
 */

const strict = { additionalProperties: false } as const;

export const partnerScopes = ['consented', 'vaccination_status', 'certificate_pull', 'aggregates'] as const;
export type PartnerScope = (typeof partnerScopes)[number];
export const PartnerScopeName = Type.Union([Type.Literal('consented'), Type.Literal('vaccination_status'), Type.Literal('certificate_pull'), Type.Literal('aggregates')]);

/** What a consent may name; each maps to the personal fields it lets the partner read (consents.ts). */
export const consentDataItems = ['vaccination_status', 'certificates'] as const;
export type ConsentDataItem = (typeof consentDataItems)[number];
export const ConsentDataItemName = Type.Union([Type.Literal('vaccination_status'), Type.Literal('certificates')]);

const Uuid = Type.String({ format: 'uuid' });
const Instant = Type.String({ format: 'date-time' });
const NullableInstant = Type.Unsafe<string | null>({ type: ['string', 'null'], format: 'date-time' });

// ---- Registration (staff, national admin) ----

export const Quotas = Type.Object({
  requests_per_minute: Type.Integer({ minimum: 1, maximum: 100_000, description: 'calls of any kind, token requests included' }),
  requests_per_day: Type.Integer({ minimum: 1, maximum: 100_000_000, description: 'per day in India time' }),
  subjects_per_day: Type.Integer({ minimum: 0, maximum: 10_000_000, description: 'distinct people whose data it may read per day' }),
}, strict);
export type Quotas = Static<typeof Quotas>;

// Key members are checked one by one in jwks.ts, which names the key and member that is wrong.
// Private members are named here only so that jwks.ts can refuse them with its own message.
const JwkMember = Type.String({ maxLength: 2048 });
const Jwk = Type.Object({
  kty: Type.Optional(Type.String({ maxLength: 10 })), crv: Type.Optional(Type.String({ maxLength: 10 })), kid: Type.Optional(Type.String({ maxLength: 100 })),
  use: Type.Optional(Type.String({ maxLength: 10 })), alg: Type.Optional(Type.String({ maxLength: 10 })),
  key_ops: Type.Optional(Type.Array(Type.String({ maxLength: 20 }), { maxItems: 8 })),
  x: Type.Optional(JwkMember), y: Type.Optional(JwkMember), n: Type.Optional(JwkMember), e: Type.Optional(JwkMember),
  d: Type.Optional(JwkMember), p: Type.Optional(JwkMember), q: Type.Optional(JwkMember), dp: Type.Optional(JwkMember),
  dq: Type.Optional(JwkMember), qi: Type.Optional(JwkMember), k: Type.Optional(JwkMember),
}, { ...strict, description: 'a public JWK: EC P-256 or RSA (2048 bits or more)' });
export const JwksInput = Type.Object({ keys: Type.Array(Jwk, { minItems: 1, maxItems: 5 }) }, strict);

const PartnerName = Type.String({ minLength: 2, maxLength: 100, description: 'the organisation, as citizens will see it on consent screens' });
const PartnerPurpose = Type.String({ minLength: 2, maxLength: 500, description: 'why it is registered, shown to citizens' });
const Scopes = Type.Array(PartnerScopeName, { minItems: 1, maxItems: 4, uniqueItems: true });
const IpAllowlist = Type.Array(Type.String({ minLength: 2, maxLength: 50, description: 'an IPv4/IPv6 address or CIDR block' }), { minItems: 1, maxItems: 50 });

export const NewPartnerBody = Type.Object({
  name: PartnerName,
  purpose: PartnerPurpose,
  scopes: Scopes,
  ip_allowlist: IpAllowlist,
  jwks: JwksInput,
  quotas: Type.Optional(Quotas),
}, strict);
export type NewPartnerBody = Static<typeof NewPartnerBody>;

export const PartnerChanges = Type.Object({
  name: Type.Optional(PartnerName),
  purpose: Type.Optional(PartnerPurpose),
  scopes: Type.Optional(Scopes),
  ip_allowlist: Type.Optional(IpAllowlist),
  jwks: Type.Optional(JwksInput),
  quotas: Type.Optional(Quotas),
  disabled: Type.Optional(Type.Boolean({ description: 'true stops the partner at once: its tokens stop working and its key is refused' })),
}, { ...strict, minProperties: 1 });
export type PartnerChanges = Static<typeof PartnerChanges>;

export const PartnerView = Type.Object({
  id: Uuid,
  client_id: Type.String({ description: 'iss and sub of its client assertions' }),
  name: Type.String(),
  purpose: Type.String(),
  scopes: Type.Array(PartnerScopeName),
  ip_allowlist: Type.Array(Type.String()),
  key_ids: Type.Array(Type.String(), { description: 'kid of each registered public key' }),
  quotas: Quotas,
  disabled: Type.Boolean(),
  created_at: Instant,
  api_key_created_at: NullableInstant,
  token_url: Type.String({ description: 'the aud its client assertions must carry' }),
});
export type PartnerView = Static<typeof PartnerView>;

export const PartnerList = Type.Object({ partners: Type.Array(PartnerView) });
export type PartnerList = Static<typeof PartnerList>;

export const ApiKeyView = Type.Object({ api_key: Type.String({ description: 'shown once; Teeka keeps only a keyed MAC of it' }) });
export type ApiKeyView = Static<typeof ApiKeyView>;

// ---- OAuth token endpoint (RFC 6749 §4.4, RFC 7523) ----

export const TokenForm = Type.Object({
  grant_type: Type.Optional(Type.String({ maxLength: 100 })),
  client_assertion_type: Type.Optional(Type.String({ maxLength: 100 })),
  client_assertion: Type.Optional(Type.String({ maxLength: 8000 })),
  client_id: Type.Optional(Type.String({ maxLength: 100, pattern: '^[A-Za-z0-9._-]+$' })),
  scope: Type.Optional(Type.String({ maxLength: 200 })),
}, strict);
export type TokenForm = Static<typeof TokenForm>;

export const TokenView = Type.Object({
  access_token: Type.String(),
  token_type: Type.Literal('Bearer'),
  expires_in: Type.Integer(),
  scope: Type.String(),
});
export type TokenView = Static<typeof TokenView>;

export const OAuthErrorView = Type.Object({ error: Type.String(), error_description: Type.String() });

// ---- Partner API ----

export const ConsentRequestBody = Type.Object({
  purpose: Type.String({ minLength: 2, maxLength: 200, description: 'why, in words the citizen will read' }),
  data: Type.Array(ConsentDataItemName, { minItems: 1, maxItems: 2, uniqueItems: true }),
  expires_in_days: Type.Integer({ minimum: 1, maximum: 365 }),
  redirect_uri: Type.Optional(Type.String({ maxLength: 500, description: 'https, or http://127.0.0.1 for testing' })),
}, strict);
export type ConsentRequestBody = Static<typeof ConsentRequestBody>;

export const consentStatuses = ['requested', 'approved', 'declined', 'revoked', 'expired'] as const;
export type ConsentStatus = (typeof consentStatuses)[number];
const ConsentStatusName = Type.Union([Type.Literal('requested'), Type.Literal('approved'), Type.Literal('declined'), Type.Literal('revoked'), Type.Literal('expired')]);

export const CreatedConsentRequestView = Type.Object({
  id: Uuid,
  status: Type.Literal('requested'),
  approval_url: Type.String({ description: 'send the citizen here; they sign in and approve on Teeka' }),
  expires_at: Instant,
  approve_by: Instant,
});
export type CreatedConsentRequestView = Static<typeof CreatedConsentRequestView>;

export const PartnerConsentRequestView = Type.Object({
  id: Uuid,
  status: ConsentStatusName,
  consent_id: Type.Optional(Uuid),
  subject: Type.Optional(Type.String({ description: 'the opaque handle of the person, for this partner only' })),
  data: Type.Array(ConsentDataItemName),
  expires_at: Instant,
  approve_by: Instant,
});
export type PartnerConsentRequestView = Static<typeof PartnerConsentRequestView>;

export const SubjectParams = Type.Object({ handle: Type.String({ maxLength: 43, pattern: '^[A-Za-z0-9_-]{43}$' }) }, strict);
export const SubjectCertificateParams = Type.Object({
  handle: Type.String({ maxLength: 43, pattern: '^[A-Za-z0-9_-]{43}$' }),
  certificateId: Uuid,
}, strict);
export const ConsentRequestParams = Type.Object({ id: Uuid }, strict);

export const vaccinationStatuses = ['not_vaccinated', 'partially_vaccinated', 'fully_vaccinated'] as const;
export type SubjectVaccinationStatus = (typeof vaccinationStatuses)[number];

export const VaccinationStatusView = Type.Object({
  status: Type.Union([Type.Literal('not_vaccinated'), Type.Literal('partially_vaccinated'), Type.Literal('fully_vaccinated')]),
  as_of: Instant,
  signed: Type.String({ description: 'compact JWS (ES256) over {sub, status, as_of, iss, aud, iat}; keys at /.well-known/jwks.json' }),
});
export type VaccinationStatusView = Static<typeof VaccinationStatusView>;

export const CertificateItem = Type.Object({
  certificate_id: Uuid,
  dose: Type.Integer(),
  vaccine: Type.String(),
  date: Type.String({ description: 'YYYY-MM-DD' }),
  kind: Type.Union([Type.Literal('provisional'), Type.Literal('final'), Type.Literal('precaution')]),
  download_url: Type.String(),
});
export const CertificateListView = Type.Object({ certificates: Type.Array(CertificateItem) });
export type CertificateListView = Static<typeof CertificateListView>;

export const aggregateDimensions = ['district', 'date', 'vaccine', 'age_band', 'gender'] as const;
export type AggregateDimension = (typeof aggregateDimensions)[number];

export const AggregatesQuery = Type.Object({
  group_by: Type.Optional(Type.String({ maxLength: 60, pattern: '^(district|date|vaccine|age_band|gender)(,(district|date|vaccine|age_band|gender))*$' })),
  from: Type.String({ maxLength: 10, pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'first day (YYYY-MM-DD, India time)' }),
  to: Type.String({ maxLength: 10, pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'last day, at most 366 days after from' }),
  state_id: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
  district_id: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000 })),
}, strict);
export type AggregatesQuery = Static<typeof AggregatesQuery>;

const NullableText = Type.Unsafe<string | null>({ type: ['string', 'null'] });
export const AggregateCell = Type.Object({
  district_id: Type.Optional(Type.Integer()),
  district_name: Type.Optional(Type.String()),
  date: Type.Optional(Type.String()),
  vaccine: Type.Optional(Type.String()),
  age_band: Type.Optional(Type.String()),
  gender: Type.Optional(NullableText),
  doses: Type.Unsafe<number | null>({ type: ['integer', 'null'], description: 'null when suppressed' }),
  suppressed: Type.Boolean(),
});
export const AggregatesView = Type.Object({
  group_by: Type.Array(Type.String()),
  from: Type.String(),
  to: Type.String(),
  suppression_threshold: Type.Integer({ description: 'cells with fewer doses are suppressed (null)' }),
  rounding_base: Type.Integer({ description: 'other cells are rounded to a multiple of this, against differencing' }),
  cells: Type.Array(AggregateCell),
});
export type AggregatesView = Static<typeof AggregatesView>;

// ---- Citizen ----

export const CitizenConsentRequestView = Type.Object({
  id: Uuid,
  partner: Type.Object({ name: Type.String(), purpose: Type.String() }),
  purpose: Type.String(),
  data: Type.Array(ConsentDataItemName),
  expires_at: Instant,
  approve_by: Instant,
  status: ConsentStatusName,
  redirect_uri: Type.Unsafe<string | null>({ type: ['string', 'null'], description: 'where the partner asked the citizen to be sent back' }),
  members: Type.Array(Type.Object({ beneficiary_reference_id: Type.String(), name: Type.String() })),
});
export type CitizenConsentRequestView = Static<typeof CitizenConsentRequestView>;

export const ApproveConsentBody = Type.Object({
  beneficiary_reference_id: Type.String({ maxLength: 14, pattern: '^\\d{14}$' }),
  txnId: Uuid,
  otp: Type.String({ maxLength: 6, pattern: '^\\d{6}$', description: 'the 6 digits from the SMS' }),
}, strict);
export type ApproveConsentBody = Static<typeof ApproveConsentBody>;

export const ConsentView = Type.Object({
  id: Uuid,
  partner_name: Type.String(),
  partner_purpose: Type.String(),
  purpose: Type.String(),
  data: Type.Array(ConsentDataItemName),
  beneficiary_reference_id: Type.String(),
  member_name: Type.String(),
  granted_at: Instant,
  expires_at: Instant,
  revoked_at: NullableInstant,
  status: Type.Union([Type.Literal('approved'), Type.Literal('revoked'), Type.Literal('expired')]),
  last_used_at: NullableInstant,
});
export type ConsentView = Static<typeof ConsentView>;

export const ConsentList = Type.Array(ConsentView);
export const ConsentParams = Type.Object({ id: Uuid }, strict);
