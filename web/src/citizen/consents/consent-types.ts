/**
 * The consent API's shapes, from the server's own schema (src/modules/partners/schema.ts). What a
 * partner may read: a signed "not, partially, fully vaccinated" answer, or the member's certificates.
 */
export type {
  CitizenConsentRequestView as ConsentRequestView, ConsentDataItem as ConsentData, ConsentStatus, ConsentView,
} from '../../../../src/modules/partners/schema.js';
