import { assertCertificateData, type CertificateVaccine, type VaccinationCertificateData } from '../vaccination-certificate-data.js';
import { cvxCodes, cvxSystem } from './vaccine-codes.js';

/**
 * The verifiable credential inside a SMART Health Card (SMART Health Cards Framework, "Health Cards
 * are encoded as Compact Serialization JSON Web Signatures"; FHIR R4). It follows the spec's data
 * minimisation rules: no resource ids, `meta`, `text` or codings' `display`, references as
 * `resource:N`, and only the Patient fields a verifier matches against an ID document.
 */
export const healthCardTypes = [
  'https://smarthealth.cards#health-card',
  'https://smarthealth.cards#immunization',
  'https://smarthealth.cards#covid19',
] as const;

export interface HealthCardPayload {
  iss: string;
  nbf: number;
  vc: {
    type: string[];
    credentialSubject: { fhirVersion: string; fhirBundle: FhirBundle };
    /** Revocation id (spec, "Revocation"): base64url, at most 24 characters, optionally ".<timestamp>". */
    rid?: string;
  };
}

export interface FhirBundle {
  resourceType: 'Bundle';
  type: 'collection';
  entry: { fullUrl: string; resource: Record<string, unknown> }[];
}

export const ridPattern = /^[A-Za-z0-9_-]{1,24}(\.\d+)?$/;

function patientName(data: VaccinationCertificateData): { family?: string; given?: string[] } {
  const family = data.familyName.trim();
  const given = data.givenName.trim();
  // As in the EU DCC, a single name is the family name (ICAO 9303), not a lone given name.
  if (!family) return { family: given };
  return given ? { family, given: [given] } : { family };
}

export function buildHealthCardPayload(input: {
  data: VaccinationCertificateData & { lotNumber?: string };
  issuerUrl: string;
  issuedAt: Date;
  rid: string;
}): HealthCardPayload {
  const { data } = input;
  assertCertificateData(data);
  if (!ridPattern.test(input.rid)) throw new RangeError('rid must be base64url, at most 24 characters');
  const cvx = data.codes ? data.codes.cvx : cvxCodes[data.vaccine as CertificateVaccine];
  if (!cvx) throw new RangeError(`${data.vaccine} has no CVX code, so it cannot go on a SMART Health Card`);
  const immunization: Record<string, unknown> = {
    resourceType: 'Immunization',
    status: 'completed',
    vaccineCode: { coding: [{ system: cvxSystem, code: cvx }] },
    patient: { reference: 'resource:0' },
    occurrenceDateTime: data.date,
    performer: [{ actor: { display: data.issuer } }],
  };
  if (data.lotNumber) immunization.lotNumber = data.lotNumber;
  return {
    iss: input.issuerUrl,
    nbf: Math.floor(input.issuedAt.getTime() / 1000),
    vc: {
      type: [...healthCardTypes],
      credentialSubject: {
        fhirVersion: '4.0.1',
        fhirBundle: {
          resourceType: 'Bundle',
          type: 'collection',
          entry: [
            { fullUrl: 'resource:0', resource: { resourceType: 'Patient', name: [patientName(data)], birthDate: data.dateOfBirth } },
            { fullUrl: 'resource:1', resource: immunization },
          ],
        },
      },
      rid: input.rid,
    },
  };
}
