import type { KeyObject } from 'node:crypto';
import { assertValidity, type CertificateValidity, type VaccinationCertificateData } from '../vaccination-certificate-data.js';
import { signCoseSign1 } from './cose-sign1.js';
import { encodeHcertClaims } from './cwt.js';
import { packHc1 } from './hc1-transport.js';
import { buildDccPayload, type DccVaccinationEntry, type EuDccPayload } from './payload.js';

export interface Hc1Signer {
  /** The 8-byte DCC kid, base64, as SigningKey.kid gives it. */
  kid: string;
  privateKey: KeyObject;
}

/**
 * An EU DCC vaccination certificate as QR text: payload → CWT (iss "IN", iat, exp) → COSE_Sign1
 * ES256 → ZLIB → base45 → `HC1:` (eHN HCERT spec v1.0.5). Pure: the caller supplies the key and clock.
 */
export function issueHc1(
  data: VaccinationCertificateData & CertificateValidity,
  signer: Hc1Signer,
): { hc1: string; payload: EuDccPayload & { v: [DccVaccinationEntry] } } {
  assertValidity(data);
  const kid = Buffer.from(signer.kid, 'base64');
  if (kid.length !== 8) throw new RangeError('a DCC kid has 8 bytes'); // issuer quality check I-CO2
  const payload = buildDccPayload(data);
  const claims = encodeHcertClaims({ issuer: data.country, issuedAt: data.issuedAt, expiresAt: data.expiresAt, payload });
  return { hc1: packHc1(signCoseSign1(claims, { kid, privateKey: signer.privateKey })), payload };
}
