import { Type, type Static } from '@sinclair/typebox';

/**
 * Shapes of the walk-in API (/api/staff/centre/walk-ins, decision 0010). A leaf file with no Node
 * imports, so the staff web app can `import type` from it.
 */
export const WalkInSessionsView = Type.Object({
  sessions: Type.Array(Type.Object({
    session_id: Type.String(), vaccine: Type.String(), min_age_limit: Type.Integer(), max_age_limit: Type.Union([Type.Integer(), Type.Null()]),
    slots: Type.Array(Type.String()), walk_in_capacity: Type.Integer(), walk_ins_left: Type.Integer(),
  }, { additionalProperties: false })),
}, { additionalProperties: false });

export const WalkInCodeBody = Type.Object({
  mobile: Type.String({
    maxLength: 20,
    // What people type (country code, spaces, dashes, full-width digits); the identity rules say the rest, in Hindi too.
    pattern: '^[0-9\\uFF10-\\uFF19+()\\s.\\u2010-\\u2015\\u2212-]*$',
    description: 'The person\'s own mobile. It is never shown or logged, and the answer is the same for any number.',
  }),
}, { additionalProperties: false });

export const WalkInCodeView = Type.Object({
  walk_in_token: Type.String({ description: 'Opaque; works only for you, at your centre, with the code the person reads out' }),
}, { additionalProperties: false });

/** The person's fields are those of citizen registration, checked by the same rules with the same errors. */
export const WalkInBody = Type.Object({
  walk_in_token: Type.String({ maxLength: 100 }),
  otp: Type.String({ maxLength: 6, pattern: '^\\d{6}$', description: 'The 6-digit code the person reads out from their SMS' }),
  session_id: Type.String({ format: 'uuid', description: 'One of today\'s sessions at your centre (GET /walk-ins/sessions)' }),
  name: Type.Optional(Type.String({ maxLength: 300 })),
  birth_year: Type.Optional(Type.Union([Type.String({ maxLength: 10 }), Type.Integer({ minimum: 0, maximum: 9999 })])),
  gender_id: Type.Optional(Type.Union([Type.Integer({ minimum: 0, maximum: 9999 }), Type.String({ maxLength: 10, pattern: '^\\s*\\d*\\s*$' })])),
  photo_id_type: Type.Optional(Type.Union([Type.Integer({ minimum: 0, maximum: 9999 }), Type.String({ maxLength: 10 })])),
  photo_id_number: Type.Optional(Type.String({ maxLength: 60 })),
  comorbidity_ind: Type.Optional(Type.String({ maxLength: 1 })),
}, { additionalProperties: false });

export const WalkInView = Type.Object({
  appointment_id: Type.String({ description: 'Record the dose with POST /api/staff/centre/doses; the encounter is already open' }),
  slot: Type.String(), dose: Type.Integer(), vaccine: Type.String(),
}, { additionalProperties: false });

export type WalkInSessionsView = Static<typeof WalkInSessionsView>;
export type WalkInCodeBody = Static<typeof WalkInCodeBody>;
export type WalkInCodeView = Static<typeof WalkInCodeView>;
export type WalkInBody = Static<typeof WalkInBody>;
export type WalkInView = Static<typeof WalkInView>;
