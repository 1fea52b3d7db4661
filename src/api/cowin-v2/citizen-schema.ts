import { Type, type Static } from '@sinclair/typebox';

/** Co-WIN v2 protected shapes (API-NOTES.md §3.4), key order as captured. */

export const AppointmentView = Type.Object({
  appointment_id: Type.String({ format: 'uuid' }),
  center_id: Type.Integer(),
  name: Type.String(),
  state_name: Type.String(),
  district_name: Type.String(),
  block_name: Type.String(),
  from: Type.String(),
  to: Type.String(),
  dose: Type.Integer(),
  session_id: Type.String({ format: 'uuid' }),
  date: Type.String({ description: 'DD-MM-YYYY' }),
  slot: Type.String(),
});

export const BeneficiaryView = Type.Object({
  beneficiary_reference_id: Type.String({ description: '14 digits, as a string' }),
  name: Type.String(),
  birth_year: Type.String(),
  gender: Type.String(),
  mobile_number: Type.String({ description: 'last 4 digits only' }),
  photo_id_type: Type.String(),
  photo_id_number: Type.String({ description: 'masked' }),
  comorbidity_ind: Type.Union([Type.Literal('Y'), Type.Literal('N')]),
  vaccination_status: Type.Union([Type.Literal('Not Vaccinated'), Type.Literal('Partially Vaccinated'), Type.Literal('Vaccinated')]),
  vaccine: Type.String({ description: '"" when none' }),
  dose1_date: Type.String({ description: 'DD-MM-YYYY, "" when none' }),
  dose2_date: Type.String({ description: 'DD-MM-YYYY, "" when none' }),
  appointments: Type.Array(AppointmentView),
});
export type BeneficiaryView = Static<typeof BeneficiaryView>;

export const BeneficiariesResponse = Type.Object({ beneficiaries: Type.Array(BeneficiaryView) });
export type BeneficiariesResponse = Static<typeof BeneficiariesResponse>;

/*
 * Request bodies take every field Co-WIN clients send (API-NOTES §3.4) and nothing else (decision
 * 0018). Types and bounds are loose on purpose: the services answer a missing or malformed value
 * with Co-WIN's codes and a sentence; the schema only keeps out what no client would send.
 */
const smallNumber = Type.Integer({ minimum: 0, maximum: 9999 });
const looseId = Type.Union([Type.String({ maxLength: 40 }), Type.Integer({ minimum: 0, maximum: Number.MAX_SAFE_INTEGER })]);

export const NewBeneficiaryBody = Type.Object({
  name: Type.Optional(Type.String({ maxLength: 300 })),
  birth_year: Type.Optional(Type.Union([Type.String({ maxLength: 10 }), smallNumber])),
  gender_id: Type.Optional(Type.Union([smallNumber, Type.String({ maxLength: 10 })])),
  photo_id_type: Type.Optional(Type.Union([smallNumber, Type.String({ maxLength: 10 })])),
  photo_id_number: Type.Optional(Type.String({ maxLength: 60 })),
  comorbidity_ind: Type.Optional(Type.String({ maxLength: 10 })),
  consent_version: Type.Optional(Type.String({ maxLength: 20 })),
}, { additionalProperties: false });
export type NewBeneficiaryBody = Static<typeof NewBeneficiaryBody>;

export const ReferenceIdBody = Type.Object({ beneficiary_reference_id: Type.Optional(looseId) }, { additionalProperties: false });

export const IdTypesResponse = Type.Object({
  types: Type.Array(Type.Object({ id: Type.Integer(), type: Type.String(), type_l: Type.String() })),
  ttl: Type.Integer(),
});
export type IdTypesResponse = Static<typeof IdTypesResponse>;

export const GendersResponse = Type.Object({
  genders: Type.Array(Type.Object({ id: Type.Integer(), gender: Type.String(), gender_l: Type.String() })),
  ttl: Type.Integer(),
});
export type GendersResponse = Static<typeof GendersResponse>;

export const ScheduleBody = Type.Object({
  dose: Type.Optional(Type.Union([smallNumber, Type.String({ maxLength: 5 })])),
  session_id: Type.Optional(Type.String({ maxLength: 100 })),
  slot: Type.Optional(Type.String({ maxLength: 50 })),
  beneficiaries: Type.Optional(Type.Array(looseId, { maxItems: 20 })),
  center_id: Type.Optional(looseId),
  captcha: Type.Optional(Type.String({ maxLength: 20 })),
}, { additionalProperties: false });
export type ScheduleBody = Static<typeof ScheduleBody>;

export const ScheduleResponse = Type.Object({ appointment_confirmation_no: Type.String({ format: 'uuid' }) });

export const RescheduleBody = Type.Object({
  appointment_id: Type.Optional(Type.String({ maxLength: 100 })),
  session_id: Type.Optional(Type.String({ maxLength: 100 })),
  slot: Type.Optional(Type.String({ maxLength: 50 })),
  captcha: Type.Optional(Type.String({ maxLength: 20 })),
}, { additionalProperties: false });

export const CancelBody = Type.Object({
  appointment_id: Type.Optional(Type.String({ maxLength: 100 })),
  beneficiariesToCancel: Type.Optional(Type.Array(looseId, { maxItems: 20 })),
}, { additionalProperties: false });
