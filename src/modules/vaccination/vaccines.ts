/**
 * The COVID-19 vaccines India used, with Co-WIN's spelling. Dose intervals are the minimum days
 * between dose 1 and dose 2 under the national guidelines in force when each was last revised
 * (COVISHIELD 84, COVAXIN 28, SPUTNIK V 21, CORBEVAX 28, COVOVAX 21), which client code also used
 * to work out a dose-2 due date. Private-hospital prices are the capped maximums announced in 2021-22.
 */
export interface Vaccine {
  name: VaccineName;
  manufacturer: string;
  dose2AfterDays: number;
  privatePriceRupees: number;
  ageGroups: readonly AgeGroup[];
}

export const vaccineNames = ['COVISHIELD', 'COVAXIN', 'SPUTNIK V', 'CORBEVAX', 'COVOVAX'] as const;
export type VaccineName = (typeof vaccineNames)[number];

/** A session's age rule, as Co-WIN expressed it: a minimum, an optional maximum and allow_all_age. */
export interface AgeGroup {
  minAge: number;
  maxAge: number | null;
  allowAllAge: boolean;
}

export const ageGroups = {
  adults: { minAge: 18, maxAge: null, allowAllAge: true },
  adultsUnder45: { minAge: 18, maxAge: 44, allowAllAge: false },
  over45: { minAge: 45, maxAge: null, allowAllAge: false },
  teens15to17: { minAge: 15, maxAge: 17, allowAllAge: false },
  children12to14: { minAge: 12, maxAge: 14, allowAllAge: false },
} as const satisfies Record<string, AgeGroup>;

export const vaccines: readonly Vaccine[] = [
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

/** Co-WIN clients sent vaccine names in upper case, and one in Title Case; both mean the same. */
export function vaccineByName(name: string): Vaccine | undefined {
  const wanted = name.trim().toUpperCase();
  return vaccines.find((v) => v.name === wanted);
}
