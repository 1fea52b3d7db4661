import type { FieldCipher } from '../../core/crypto/field-cipher.js';
import type { BeneficiaryService } from '../beneficiaries/service.js';
import type { CertificateDeps } from '../certificates/download.js';
import type { IdentityService } from '../identity/service.js';
import type { VaccinationService } from '../vaccination/service.js';
import { AggregateReports } from './aggregates.js';
import { CitizenConsents } from './citizen-consents.js';
import { ConsentRequests } from './consents.js';
import { PartnerGate, type SuspensionLookup } from './gate.js';
import { TokenIssuer } from './oauth.js';
import { PartnerRegistry } from './registration.js';
import { SubjectReads } from './subject-reads.js';

export { consentLookup } from './consents.js';
export { partnerBudgetLookup } from './registration.js';

export interface PartnerDeps extends CertificateDeps {
  cipher: FieldCipher;
  identity: IdentityService;
  beneficiaries: BeneficiaryService;
  vaccination: VaccinationService;
  /** The security module's suspension lookup; a suspended partner gets no token and no answer. */
  isSuspended: SuspensionLookup;
}

/**
 * The partner module's doors (decision 0017), one per use case: registration by a national admin,
 * the gate every partner call passes, the token endpoint, consents from both sides, reads about a
 * consenting person, and aggregates.
 */
export interface PartnerServices {
  registry: PartnerRegistry;
  gate: PartnerGate;
  tokens: TokenIssuer;
  consentRequests: ConsentRequests;
  citizenConsents: CitizenConsents;
  subjects: SubjectReads;
  aggregates: AggregateReports;
}

export function createPartnerServices(deps: PartnerDeps): PartnerServices {
  const gate = new PartnerGate(deps);
  return {
    registry: new PartnerRegistry(deps),
    gate,
    tokens: new TokenIssuer(deps, gate),
    consentRequests: new ConsentRequests(deps),
    citizenConsents: new CitizenConsents(deps),
    subjects: new SubjectReads(deps),
    aggregates: new AggregateReports(deps),
  };
}
