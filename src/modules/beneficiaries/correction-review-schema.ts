import { Type, type Static } from '@sinclair/typebox';

/**
 * Shapes of the staff correction queue (/api/staff/corrections, decision 0011). A leaf file with no
 * Node imports, so the staff web app can `import type` from it.
 */
const Centre = Type.Union([Type.Object({ id: Type.Integer(), name: Type.String() }), Type.Null()]);
const District = Type.Union([
  Type.Object({ id: Type.Integer(), name: Type.String(), state_id: Type.Integer(), state_name: Type.String() }),
  Type.Null(),
]);

const Field = Type.Union([Type.Literal('name'), Type.Literal('birth_year'), Type.Literal('gender'), Type.Literal('photo_id')]);

/** One open request in a queue: what is to be corrected, when, and where; nothing about the person. */
export const QueueEntryView = Type.Object({
  id: Type.String({ format: 'uuid' }),
  field: Field,
  created_at: Type.String({ format: 'date-time' }),
  /** The centre that places the request in a district; null for the national queue. */
  centre: Centre,
  district: District,
}, { additionalProperties: false });

export const QueueView = Type.Object({
  /** Open requests in the reviewer's jurisdiction; `corrections` holds the oldest of them. */
  total: Type.Integer(),
  corrections: Type.Array(QueueEntryView),
}, { additionalProperties: false });

/** One request opened for review: the current and the requested value of its one field (a recorded read). */
export const ReviewView = Type.Object({
  id: Type.String({ format: 'uuid' }),
  field: Field,
  created_at: Type.String({ format: 'date-time' }),
  centre: Centre,
  district: District,
  /** What the citizen wrote about the mistake. */
  reason: Type.String(),
  /** For a photo ID, the document type the number belongs to (it is not corrected). */
  photo_id_type: Type.Optional(Type.String()),
  current_value: Type.String(),
  requested_value: Type.String(),
}, { additionalProperties: false });

export const RejectBody = Type.Object({
  reason: Type.Optional(Type.String({ maxLength: 2000, description: 'Shown to the citizen: why, and what to do instead (1 to 500 characters)' })),
}, { additionalProperties: false });

export const DecisionView = Type.Object({
  id: Type.String({ format: 'uuid' }),
  status: Type.Union([Type.Literal('accepted'), Type.Literal('rejected')]),
  /** Certificates revoked (reason "correction") and issued afresh from the corrected record. */
  certificates_reissued: Type.Integer(),
}, { additionalProperties: false });

export type QueueView = Static<typeof QueueView>;
export type QueueEntryView = Static<typeof QueueEntryView>;
export type ReviewView = Static<typeof ReviewView>;
export type RejectBody = Static<typeof RejectBody>;
export type DecisionView = Static<typeof DecisionView>;
