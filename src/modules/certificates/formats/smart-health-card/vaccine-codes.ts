import type { CertificateVaccine } from '../vaccination-certificate-data.js';

/**
 * CVX codes (CDC, "IIS: HL7 Standard Code Set CVX"), the vaccine system SMART Health Cards verifiers
 * in North America read first. Every vaccine India used has one, so no fallback to SNOMED CT or
 * ICD-11 is needed; the WHO DDCC ConceptMap "vaccine-covid19-cvx-to-icd11" lists the same pairs.
 */
export const cvxSystem = 'http://hl7.org/fhir/sid/cvx';

export const cvxCodes: Record<CertificateVaccine, string> = {
  // 210 "COVID-19 vaccine, vector-nr, rS-ChAdOx1, PF, 0.5 mL": the AstraZeneca formulation, which CDC's
  // table of WHO-EUL vaccines also assigns to Covishield made under licence by Serum Institute.
  COVISHIELD: '210',
  // 502 "COVID-19 IV Non-US Vaccine (COVAXIN)".
  COVAXIN: '502',
  // 505 "COVID-19 VVnr Non-US Vaccine (Sputnik V)".
  'SPUTNIK V': '505',
  // 517 "SARS-COV-2 COVID-19 PS Non-US Vaccine (Biological E Limited, Corbevax)".
  CORBEVAX: '517',
  // 211 "COVID-19, subunit, rS-nanoparticle+Matrix-M1 Adjuvant, PF, 0.5 mL": Novavax's vaccine, which
  // Serum Institute makes under licence as Covovax; CDC lists Covovax under 211.
  COVOVAX: '211',
};
