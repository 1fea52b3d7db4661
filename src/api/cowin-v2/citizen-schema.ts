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

export const NewBeneficiaryBody = Type.Object({
  name: Type.Optional(Type.String()),
  birth_year: Type.Optional(Type.Union([Type.String(), Type.Integer()])),
  gender_id: Type.Optional(Type.Union([Type.Integer(), Type.String()])),
  photo_id_type: Type.Optional(Type.Union([Type.Integer(), Type.String()])),
  photo_id_number: Type.Optional(Type.String()),
  comorbidity_ind: Type.Optional(Type.String()),
  consent_version: Type.Optional(Type.String()),
});
export type NewBeneficiaryBody = Static<typeof NewBeneficiaryBody>;

export const ReferenceIdBody = Type.Object({ beneficiary_reference_id: Type.Optional(Type.Union([Type.String(), Type.Integer()])) });

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

const looseId = Type.Union([Type.String(), Type.Integer()]);

export const ScheduleBody = Type.Object({
  dose: Type.Optional(Type.Union([Type.Integer(), Type.String()])),
  session_id: Type.Optional(Type.String()),
  slot: Type.Optional(Type.String()),
  beneficiaries: Type.Optional(Type.Array(looseId)),
  center_id: Type.Optional(looseId),
  captcha: Type.Optional(Type.String()),
});
export type ScheduleBody = Static<typeof ScheduleBody>;

export const ScheduleResponse = Type.Object({ appointment_confirmation_no: Type.String({ format: 'uuid' }) });

export const RescheduleBody = Type.Object({
  appointment_id: Type.Optional(Type.String()),
  session_id: Type.Optional(Type.String()),
  slot: Type.Optional(Type.String()),
  captcha: Type.Optional(Type.String()),
});

export const CancelBody = Type.Object({
  appointment_id: Type.Optional(Type.String()),
  beneficiariesToCancel: Type.Optional(Type.Array(looseId)),
});
