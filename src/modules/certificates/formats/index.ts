/**
 * Certificate formats: pure functions that encode, sign, verify and draw certificates. No database,
 * no clock, no keyring: the certificates service passes in the data, the key and the time. Other
 * modules reach these through that service, not directly (STYLE.md, "One door per module").
 */
export {
  assertCertificateData,
  certificateVaccines,
  type CertificateValidity,
  type CertificateVaccine,
  type VaccinationCertificateData,
} from './vaccination-certificate-data.js';
export { maxMrzNameLength, transliterateForMrz } from './icao-transliteration.js';
export { generateUvci, isValidUvci, uvciCheckCharacter } from './uvci.js';
export {
  dccKidOf,
  exportSigningKey,
  generateSigningKey,
  importSigningKey,
  importVerificationKey,
  type SigningKey,
} from './signing-key.js';
export { qrPng, qrSvg, type QrMode, type QrOptions } from './qr.js';

export { issueHc1, type Hc1Signer } from './eu-dcc/issue.js';
export { verifyHc1, type Hc1Failure, type Hc1Trust, type Hc1Verification } from './eu-dcc/verify.js';
export { buildDccPayload, DccPayloadError, type DccVaccinationEntry, type EuDccPayload } from './eu-dcc/payload.js';
export { checkDccSchema, type SchemaCheck } from './eu-dcc/schema.js';
export { isAllowedByKeyUsage } from './eu-dcc/key-usage.js';
export { euVaccineCodes } from './eu-dcc/value-sets.js';

export { issueShc, maxShcJwsLength } from './smart-health-card/issue.js';
export { verifyShc, type ShcFailure, type ShcVerification } from './smart-health-card/verify.js';
export { jwksFor, shcKidOf, type ShcPublicJwk } from './smart-health-card/jwks.js';
export { fromShcNumeric, toShcNumeric } from './smart-health-card/numeric.js';
export type { HealthCardPayload } from './smart-health-card/health-card-vc.js';
export { cvxCodes } from './smart-health-card/vaccine-codes.js';
