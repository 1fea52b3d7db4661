import { Type, type Static } from '@sinclair/typebox';

/** The vaccinator's API shapes (routes.ts); the staff console imports them as types. */

export const ErrorView = Type.Object({ errorCode: Type.String(), error: Type.String() });

export const RosterEntryView = Type.Object({
  appointment_id: Type.String(),
  slot: Type.String(),
  dose: Type.Integer(),
  vaccine: Type.String(),
  status: Type.Union([Type.Literal('booked'), Type.Literal('completed')]),
  /** Only while the appointment is still to be done. */
  name: Type.Union([Type.String(), Type.Null()]),
  age: Type.Integer(),
  gender: Type.String(),
  photo_id_masked: Type.String(),
  walk_in: Type.Boolean(),
});
export type RosterEntryView = Static<typeof RosterEntryView>;

export const RosterView = Type.Object({ appointments: Type.Array(RosterEntryView) });

export const BatchView = Type.Object({
  id: Type.String(),
  vaccine: Type.String(),
  batch_number: Type.String(),
  /** YYYY-MM-DD */
  expires_on: Type.String(),
  quantity_received: Type.Integer(),
  quantity_left: Type.Integer(),
  /** Unexpired and not empty, by the server's clock. */
  usable: Type.Boolean(),
});
export type BatchView = Static<typeof BatchView>;

// Bounds only (decision 0018); the stock service says what a valid batch number and quantity are.
export const ReceiveBatchBody = Type.Object({
  vaccine: Type.String({ maxLength: 50 }),
  batch_number: Type.String({ maxLength: 100 }),
  expires_on: Type.String({ maxLength: 10, pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD' }),
  quantity: Type.Integer({ minimum: -2_147_483_648, maximum: 2_147_483_647 }),
}, { additionalProperties: false });
export type ReceiveBatchBody = Static<typeof ReceiveBatchBody>;

export const RecordDoseBody = Type.Object({
  appointment_id: Type.String({ format: 'uuid' }), batch_id: Type.String({ format: 'uuid' }), photo_id_last4: Type.String({ minLength: 4, maxLength: 4 }),
}, { additionalProperties: false });

export const RecordedDoseView = Type.Object({
  dose: Type.Integer(), vaccine: Type.String(), batch_number: Type.String(), certificate: Type.Object({ uvci: Type.String(), kind: Type.String() }),
});
export type RecordedDoseView = Static<typeof RecordedDoseView>;
