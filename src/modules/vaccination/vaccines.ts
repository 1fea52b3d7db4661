/**
 * Vaccines. At run time the catalogue lives in the database (migration 0006), edited by the national
 * administrator, and code reads it through a `VaccineLookup` (the planning module's VaccineCatalogue,
 * `services.vaccines`). The founding list below is what that migration seeded, and what the demo
 * seed builds its deterministic centres and sessions from.
 */

/** A session's age rule, as Co-WIN expressed it: a minimum, an optional maximum and allow_all_age. */
export interface AgeGroup {
  minAge: number;
  maxAge: number | null;
  allowAllAge: boolean;
}

/** EU DCC value-set codes: vaccine type (vp), medicinal product (mp), authorisation holder (ma). */
export interface EuDccCodes {
  vp: string;
  mp: string;
  ma: string;
}

/** One vaccine of the catalogue. */
export interface Vaccine {
  name: string;
  manufacturer: string;
  dosesInSeries: number;
  /** Minimum days from dose 1 to dose 2. */
  dose2AfterDays: number;
  /** Minimum days from dose 2 to the precaution dose. */
  precautionAfterDays: number;
  /** The national cap on what a private centre may charge per dose. */
  privatePriceRupees: number;
  euDcc: EuDccCodes;
  /** CDC CVX code for SMART Health Cards; null when the vaccine has none. */
  cvxCode: string | null;
  ageGroups: readonly AgeGroup[];
}

/** What code that needs the catalogue synchronously depends on. */
export interface VaccineLookup {
  /** Co-WIN clients sent vaccine names in upper case, and one in Title Case; both mean the same. */
  byName(name: string): Vaccine | undefined;
  list(): readonly Vaccine[];
}

/** A lookup over a fixed list: the catalogue's snapshot, and unit tests. */
export function lookupOf(list: readonly Vaccine[]): VaccineLookup {
  const byName = new Map(list.map((v) => [v.name, v]));
  return {
    byName: (name) => byName.get(name.trim().toUpperCase()),
    list: () => list,
  };
}

export const vaccineNames = ['COVISHIELD', 'COVAXIN', 'SPUTNIK V', 'CORBEVAX', 'COVOVAX'] as const;
export type VaccineName = (typeof vaccineNames)[number];

export const ageGroups = {
  adults: { minAge: 18, maxAge: null, allowAllAge: true },
  adultsUnder45: { minAge: 18, maxAge: 44, allowAllAge: false },
  over45: { minAge: 45, maxAge: null, allowAllAge: false },
  teens15to17: { minAge: 15, maxAge: 17, allowAllAge: false },
  children12to14: { minAge: 12, maxAge: 14, allowAllAge: false },
} as const satisfies Record<string, AgeGroup>;

export interface FoundingVaccine {
  name: VaccineName;
  manufacturer: string;
  dose2AfterDays: number;
  privatePriceRupees: number;
  ageGroups: readonly AgeGroup[];
}

/**
 * The COVID-19 vaccines India used, with Co-WIN's spelling. Dose intervals are the minimum days
 * between dose 1 and dose 2 under the national guidelines in force when each was last revised
 * (COVISHIELD 84, COVAXIN 28, SPUTNIK V 21, CORBEVAX 28, COVOVAX 21), which client code also used
 * to work out a dose-2 due date. Private-hospital prices are the capped maximums announced in 2021-22.
 */
export const vaccines: readonly FoundingVaccine[] = [
  {
    name: 'COVISHIELD',
    manufacturer: 'Serum Institute of India',
    dose2AfterDays: 84,
    privatePriceRupees: 780,
    ageGroups: [ageGroups.adults, ageGroups.adultsUnder45, ageGroups.over45],
  },
  {
    name: 'COVAXIN',
    manufacturer: 'Bharat Biotech',
    dose2AfterDays: 28,
    privatePriceRupees: 1410,
    ageGroups: [ageGroups.adults, ageGroups.over45, ageGroups.teens15to17],
  },
  {
    name: 'SPUTNIK V',
    manufacturer: "Dr. Reddy's Laboratories (Gamaleya Institute)",
    dose2AfterDays: 21,
    privatePriceRupees: 1145,
    ageGroups: [ageGroups.adults],
  },
  {
    name: 'CORBEVAX',
    manufacturer: 'Biological E',
    dose2AfterDays: 28,
    privatePriceRupees: 990,
    ageGroups: [ageGroups.children12to14, ageGroups.adults],
  },
  {
    name: 'COVOVAX',
    manufacturer: 'Serum Institute of India',
    dose2AfterDays: 21,
    privatePriceRupees: 900,
    ageGroups: [ageGroups.adults],
  },
];

/** India's precaution-dose gap from July 2022, 26 weeks after dose 2: the founding catalogue's value. */
export const FOUNDING_PRECAUTION_AFTER_DAYS = 182;
