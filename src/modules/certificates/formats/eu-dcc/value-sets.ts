import type { CertificateVaccine } from '../vaccination-certificate-data.js';

/**
 * EU DCC value-set codes for the vaccines India used (eHN value sets release 2.12.0, the last before
 * the project passed to WHO in July 2023; value-sets.test.ts checks each code against those files).
 *
 * - tg: 840539006, SNOMED CT "COVID-19" (disease-agent-targeted.json).
 * - vp: the vaccine type Annex A (vaccine-encoding-instructions.json) gives for the product. Annex A
 *   allows either the generic 28531000087107 "COVID-19 vaccine" or a type code; we send the type
 *   code, which says more. J07BX03, the ATC code early certificates used, is deprecated in release
 *   2.11.0 and replaced by 28531000087107, so we do not use it.
 * - mp and ma: the product and its marketing authorisation holder, or the manufacturer where there is
 *   none, as Annex A pairs them.
 */
export const covid19Target = '840539006';
// The codes below seeded the vaccine catalogue (migration 0006); certificates take a vaccine's codes
// from the catalogue, where the national administrator maintains them, and the formats fall back to
// these only for data built without the catalogue.

export interface EuVaccineCodes {
  vp: string;
  mp: string;
  ma: string;
}

export const euVaccineCodes: Record<CertificateVaccine, EuVaccineCodes> = {
  // Annex A "Covishield": Serum Institute of India (ORG-100001981); ChAdOx1, a non-replicating viral vector.
  COVISHIELD: { vp: '29061000087103', mp: 'Covishield', ma: 'ORG-100001981' },
  // Annex A "Covaxin": Bharat Biotech; whole inactivated virus.
  COVAXIN: { vp: '1157024006', mp: 'Covaxin', ma: 'Bharat-Biotech' },
  // Annex A "Sputnik V": the holder is the Gamaleya Institute, although Dr. Reddy's imported and
  // distributed it in India; Annex A names no other holder. Adenovirus vector.
  'SPUTNIK V': { vp: '29061000087103', mp: 'Sputnik-V', ma: 'Gamaleya-Research-Institute' },
  // Annex A "Covovax": Serum Institute of India; recombinant spike protein (Novavax's design).
  COVOVAX: { vp: '1162643001', mp: 'Covovax', ma: 'ORG-100001981' },
  // Not in any EU value set (Biological E never applied to the EMA or for WHO EUL before the sets
  // froze). We follow the sets' own convention for products without an EU authorisation, the
  // "http://ec.europa.eu/temp/vaccineproductname" and ".../temp/vaccinemanufacturer" systems, whose
  // codes are the product and company names hyphenated (compare "Covaxin", "Bharat-Biotech").
  // Corbevax is an RBD protein subunit vaccine, SNOMED 1162643001 like Covovax. EU verifiers will
  // show the raw codes and their business rules will not count the dose: eu-dcc-schema issue #117
  // says unlisted vaccines need the eHN change procedure, which is a policy step, not a code change.
  CORBEVAX: { vp: '1162643001', mp: 'Corbevax', ma: 'Biological-E' },
};
