import { Type, type Static } from '@sinclair/typebox';
import { ExportedAccessEntry } from '../access/history-schema.js';

/**
 * Shapes of Teeka's own citizen API (/api/citizen). A leaf file with no Node imports, so the web
 * app can `import type` from it as it does from the Co-WIN schema.
 */
export const CorrectionView = Type.Object({
  id: Type.String({ format: 'uuid' }),
  beneficiary_reference_id: Type.String(),
  field: Type.String(),
  status: Type.String(),
  created_at: Type.String({ format: 'date-time' }),
  /** When staff accepted or rejected it. */
  decided_at: Type.Optional(Type.String({ format: 'date-time' })),
  /** The reviewer's words to the citizen, when rejected. */
  rejection_reason: Type.Optional(Type.String()),
});

export const MyDataView = Type.Object({
  exported_at: Type.String({ format: 'date-time' }),
  account: Type.Object({ mobile: Type.String() }),
  members: Type.Array(Type.Object({
    beneficiary_reference_id: Type.String(),
    name: Type.String(),
    birth_year: Type.Integer(),
    gender: Type.String(),
    photo_id_type: Type.String(),
    photo_id_number: Type.String(),
    comorbidity_ind: Type.String(),
    doses: Type.Array(Type.Object({ dose: Type.Integer(), vaccine: Type.String(), date: Type.String() })),
    appointments: Type.Array(Type.Object({
      appointment_id: Type.String(), center_id: Type.Integer(), name: Type.String(), dose: Type.Integer(),
      session_id: Type.String(), date: Type.String(), slot: Type.String(),
    })),
  })),
  correction_requests: Type.Array(CorrectionView),
  /** The account's audit log, told as "Who accessed my data" tells it (decision 0016). */
  access_history: Type.Array(ExportedAccessEntry),
});

export type CorrectionView = Static<typeof CorrectionView>;
export type MyDataExport = Static<typeof MyDataView>;
export type CorrectionsResponse = { corrections: CorrectionView[] };

export const correctableFields = ['name', 'birth_year', 'gender', 'photo_id'] as const;
export type CorrectionField = (typeof correctableFields)[number];
