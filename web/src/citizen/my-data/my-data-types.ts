// The shapes of Teeka's own citizen API, shared with the server (src/modules/beneficiaries/schema.ts).
export type { CorrectionField, CorrectionView, CorrectionsResponse, MyDataExport } from '../../../../src/modules/beneficiaries/schema.js';
