import { Type, type Static } from '@sinclair/typebox';

/**
 * Adverse events following immunisation (AEFI): the codes and shapes of /api/staff/aefi. A leaf file
 * with no Node imports, so the staff web app can import the code lists and `import type` the shapes.
 *
 * Severity follows India's AEFI surveillance guidelines: minor (expected, self-limiting), severe
 * (disabling but not life-threatening) and serious (death, a threat to life, hospitalisation,
 * disability, or a cluster); serious and severe cases are counted apart in every list a district sees.
 */
export const aefiSeverities = ['minor', 'serious', 'severe'] as const;
export type AefiSeverity = (typeof aefiSeverities)[number];

/** A fixed list, so that cases can be counted and compared across centres; anything else is "other" with a note. */
export const aefiSymptoms = [
  'fever', 'injection_site_reaction', 'headache', 'fatigue', 'myalgia', 'nausea_vomiting', 'syncope', 'allergic_reaction',
  'anaphylaxis', 'seizure', 'thrombosis_with_thrombocytopenia', 'guillain_barre_syndrome', 'myocarditis', 'other',
] as const;
export type AefiSymptom = (typeof aefiSymptoms)[number];

export const aefiOutcomes = ['recovering', 'recovered', 'recovered_with_sequelae', 'hospitalised', 'died', 'unknown'] as const;
export type AefiOutcome = (typeof aefiOutcomes)[number];

export const AEFI_NOTES_MAX_LENGTH = 500;

const notes = Type.String({
  maxLength: AEFI_NOTES_MAX_LENGTH,
  description: `At most ${AEFI_NOTES_MAX_LENGTH} characters, clinical facts only. Never write the person's name, mobile, ID number or address here.`,
});
// Codes are checked by the AEFI service, which lists the valid ones in its answer; the schema bounds them (decision 0018).
const severity = Type.String({ maxLength: 30, description: aefiSeverities.join(' | ') });
const outcome = Type.String({ maxLength: 30, description: aefiOutcomes.join(' | ') });
const uvci = { maxLength: 60, pattern: '^[A-Za-z0-9:#/ -]+$' };

export const AefiReportBody = Type.Object({
  certificate_uvci: Type.Optional(Type.String({ ...uvci, description: 'The UVCI on the certificate of the dose the event followed (URN:UVCI:01:IN:...)' })),
  appointment_id: Type.Optional(Type.String({ format: 'uuid', description: 'Or: the roster\'s appointment whose dose was recorded at this centre' })),
  severity,
  onset_at: Type.String({ format: 'date-time', maxLength: 40, description: 'When the first symptom began' }),
  symptoms: Type.Array(Type.String({ maxLength: 50 }), { minItems: 1, maxItems: aefiSymptoms.length, description: aefiSymptoms.join(' | ') }),
  outcome,
  notes: Type.Optional(notes),
}, { additionalProperties: false });

export const AefiFollowUpBody = Type.Object({
  outcome,
  severity: Type.Optional(Type.String({ maxLength: 30, description: `${aefiSeverities.join(' | ')}; unchanged when left out` })),
  notes: Type.Optional(notes),
}, { additionalProperties: false });

export const AefiIdentificationBody = Type.Object({
  certificate_uvci: Type.String({ ...uvci, description: 'The UVCI on the person\'s certificate (URN:UVCI:01:IN:...); the code goes to their own mobile' }),
}, { additionalProperties: false });

export const AefiIdentificationConfirmBody = Type.Object({
  identification_token: Type.String({ maxLength: 100 }),
  otp: Type.String({ maxLength: 6, pattern: '^\\d{6}$', description: 'The 6-digit code the person reads out from their SMS' }),
}, { additionalProperties: false });

export const AefiListQuery = Type.Object({
  severity: Type.Optional(severity),
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000, default: 1 })),
  per_page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 25 })),
}, { additionalProperties: false });

/** What a list shows of a case: nothing that names or identifies the person. */
export const AefiListItem = Type.Object({
  case_id: Type.String(),
  facility_id: Type.Integer(),
  vaccine: Type.String(),
  batch_number: Type.Union([Type.String(), Type.Null()]),
  dose: Type.Integer(),
  severity: Type.String(),
  onset_at: Type.String({ format: 'date-time' }),
  outcome: Type.String(),
  age: Type.Integer(),
  gender: Type.String(),
  reported_at: Type.String({ format: 'date-time' }),
}, { additionalProperties: false });

export const AefiListView = Type.Object({
  reports: Type.Array(AefiListItem),
  /** Every case in the list's scope by severity now, whatever the filter. */
  counts: Type.Object({ minor: Type.Integer(), serious: Type.Integer(), severe: Type.Integer() }, { additionalProperties: false }),
  total: Type.Integer({ description: 'Cases matching the filter' }),
  page: Type.Integer(),
  per_page: Type.Integer(),
}, { additionalProperties: false });

export const AefiCaseView = Type.Object({
  case_id: Type.String(),
  facility_id: Type.Integer(),
  district_id: Type.Integer(),
  vaccine: Type.String(),
  batch_number: Type.Union([Type.String(), Type.Null()]),
  dose: Type.Integer(),
  administered_on: Type.String(),
  age: Type.Integer(),
  gender: Type.String(),
  onset_at: Type.String({ format: 'date-time' }),
  symptoms: Type.Array(Type.String()),
  severity: Type.String(),
  outcome: Type.String(),
  reported: Type.Object({
    severity: Type.String(), outcome: Type.String(), notes: Type.Union([Type.String(), Type.Null()]),
    by: Type.String(), at: Type.String({ format: 'date-time' }),
  }, { additionalProperties: false }),
  follow_ups: Type.Array(Type.Object({
    severity: Type.String(), outcome: Type.String(), notes: Type.Union([Type.String(), Type.Null()]),
    by: Type.String(), at: Type.String({ format: 'date-time' }),
  }, { additionalProperties: false })),
}, { additionalProperties: false });

export type AefiReportBody = Static<typeof AefiReportBody>;
export type AefiFollowUpBody = Static<typeof AefiFollowUpBody>;
export type AefiIdentificationBody = Static<typeof AefiIdentificationBody>;
export type AefiIdentificationConfirmBody = Static<typeof AefiIdentificationConfirmBody>;
export type AefiListQuery = Static<typeof AefiListQuery>;
export type AefiListItem = Static<typeof AefiListItem>;
export type AefiListView = Static<typeof AefiListView>;
export type AefiCaseView = Static<typeof AefiCaseView>;
