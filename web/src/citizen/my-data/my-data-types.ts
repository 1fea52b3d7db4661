// The shapes of Teeka's own citizen API, shared with the server (src/modules/beneficiaries/schema.ts).
export type { CorrectionField, CorrectionView, CorrectionsResponse, MyDataExport } from '../../../../src/modules/beneficiaries/schema.js';
// "Who accessed my data" (src/modules/access/history-schema.ts, decision 0016).
export type { AccessHistoryEntry, AccessHistoryResponse, AccessWho } from '../../../../src/modules/access/history-schema.js';
