import type { CalendarCenter, CalendarSession } from '../../../src/api/cowin-v2/schema.js';

// The API offers no list of vaccines to fetch, and the web app may import only types from the
// server; these are Co-WIN's spellings, as in src/modules/vaccination/vaccines.ts.
export const vaccineChoices = ['COVISHIELD', 'COVAXIN', 'SPUTNIK V', 'CORBEVAX', 'COVOVAX'] as const;

export const ageGroups = {
  '12-14': { min: 12, max: 14 },
  '15-17': { min: 15, max: 17 },
  '18-44': { min: 18, max: 44 },
  '18+': { min: 18, max: undefined },
  '45+': { min: 45, max: undefined },
} as const satisfies Record<string, { min: number; max: number | undefined }>;
export type AgeGroup = keyof typeof ageGroups;
export const ageGroupChoices = Object.keys(ageGroups) as AgeGroup[];

export interface Filters {
  age: AgeGroup | 'all';
  vaccine: (typeof vaccineChoices)[number] | 'all';
  fee: CalendarCenter['fee_type'] | 'all';
  dose1: boolean;
  dose2: boolean;
}

export const noFilters: Filters = { age: 'all', vaccine: 'all', fee: 'all', dose1: false, dose2: false };

export function hasFilters(filters: Filters): boolean {
  return filters.age !== noFilters.age || filters.vaccine !== noFilters.vaccine || filters.fee !== noFilters.fee
    || filters.dose1 || filters.dose2;
}

/** "18+", "18-44", "45+": the age text Co-WIN's own pages showed. */
export function ageLimitText(session: Pick<CalendarSession, 'min_age_limit' | 'max_age_limit'>): string {
  return session.max_age_limit === undefined
    ? `${session.min_age_limit}+`
    : `${session.min_age_limit}-${session.max_age_limit}`;
}

/**
 * A session suits an age group when everyone in the group may attend it: a 30-year-old choosing
 * "18-44" should also see an "18+" session, but not a "45+" one.
 */
export function isOpenToAgeGroup(session: CalendarSession, group: AgeGroup): boolean {
  const wanted = ageGroups[group];
  if (session.min_age_limit > wanted.min) return false;
  if (session.max_age_limit === undefined) return true;
  return wanted.max !== undefined && session.max_age_limit >= wanted.max;
}

export function isBooked(session: CalendarSession): boolean {
  return session.available_capacity_dose1 <= 0 && session.available_capacity_dose2 <= 0;
}

function matchesSession(session: CalendarSession, filters: Filters): boolean {
  if (filters.age !== 'all' && !isOpenToAgeGroup(session, filters.age)) return false;
  // Co-WIN data once carried "Sputnik V" in Title Case, so compare vaccines case-blind.
  if (filters.vaccine !== 'all' && session.vaccine.toUpperCase() !== filters.vaccine) return false;
  if (filters.dose1 && session.available_capacity_dose1 <= 0) return false;
  if (filters.dose2 && session.available_capacity_dose2 <= 0) return false;
  return true;
}

/** The centres still worth showing, each with only its matching sessions; none left means hidden. */
export function filterCentres(centres: readonly CalendarCenter[], filters: Filters): CalendarCenter[] {
  const shown: CalendarCenter[] = [];
  for (const centre of centres) {
    if (filters.fee !== 'all' && centre.fee_type !== filters.fee) continue;
    const sessions = centre.sessions.filter((session) => matchesSession(session, filters));
    if (sessions.length > 0) shown.push(sessions.length === centre.sessions.length ? centre : { ...centre, sessions });
  }
  return shown;
}
