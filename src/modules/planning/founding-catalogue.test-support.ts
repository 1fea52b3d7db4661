import { euVaccineCodes } from '../certificates/formats/eu-dcc/value-sets.js';
import { cvxCodes } from '../certificates/formats/smart-health-card/vaccine-codes.js';
import { FOUNDING_PRECAUTION_AFTER_DAYS, lookupOf, vaccines, type Vaccine, type VaccineLookup } from '../vaccination/vaccines.js';

/**
 * Test support: the catalogue exactly as migration 0006 seeds it, assembled from the constants it was
 * taken from, for unit tests that need a catalogue without a database (catalogue-seed.test.ts checks
 * that the two agree).
 */
export function foundingCatalogue(): Vaccine[] {
  return vaccines.map((v) => ({
    name: v.name,
    manufacturer: v.manufacturer,
    dosesInSeries: 2,
    dose2AfterDays: v.dose2AfterDays,
    precautionAfterDays: FOUNDING_PRECAUTION_AFTER_DAYS,
    privatePriceRupees: v.privatePriceRupees,
    euDcc: { ...euVaccineCodes[v.name] },
    cvxCode: cvxCodes[v.name],
    ageGroups: v.ageGroups,
  }));
}

export function foundingLookup(changes: Partial<Record<string, Partial<Vaccine>>> = {}): VaccineLookup {
  return lookupOf(foundingCatalogue().map((v) => ({ ...v, ...changes[v.name] })));
}
