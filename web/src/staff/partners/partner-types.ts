/**
 * The partner registry's shapes, from the server's own schema (src/modules/partners/schema.ts).
 * The private keys never come here: Teeka holds only the public key set.
 */
export type {
  NewPartnerBody as PartnerBody, PartnerChanges, PartnerList, PartnerScope, PartnerView, Quotas as PartnerQuotas,
} from '../../../../src/modules/partners/schema.js';
