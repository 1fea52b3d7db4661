import { addDays, formatCowinDate, parseCowinDate, type IsoDate } from '../../core/calendar-date.js';
import type { AgeGroup, VaccineLookup } from '../vaccination/vaccines.js';
import type { FieldProblem } from './field-problems.js';
import type { SessionBody } from './schema.js';
import { checkSlots } from './slots.js';

/** How far ahead sessions may be planned: Co-WIN's calendar showed weeks, not months. */
export const MAX_DAYS_AHEAD = 60;
const MAX_CAPACITY = 10_000;

/** A session as planning stores it, checked and normalised. */
export interface SessionDraft {
  date: IsoDate;
  vaccine: string;
  minAgeLimit: number;
  maxAgeLimit: number | null;
  allowAllAge: boolean;
  capacityDose1: number;
  capacityDose2: number;
  walkInCapacity: number;
  slots: string[];
}

export interface SessionContext {
  catalogue: VaccineLookup;
  today: IsoDate;
  centre: { opensAt: string; closesAt: string; vaccines: readonly { vaccine: string }[] };
}

function describeAges(group: { minAge: number; maxAge: number | null }): string {
  return group.maxAge === null ? `${group.minAge} and above` : `${group.minAge} to ${group.maxAge}`;
}

function parseDate(text: string): IsoDate | undefined {
  const trimmed = text.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(trimmed)) return parseCowinDate(`${trimmed.slice(8, 10)}-${trimmed.slice(5, 7)}-${trimmed.slice(0, 4)}`);
  return parseCowinDate(trimmed);
}

function capacity(value: unknown, field: string, problems: FieldProblem[]): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > MAX_CAPACITY) {
    problems.push({ field, error: `${field} must be a whole number of doses from 0 to ${MAX_CAPACITY}` });
    return 0;
  }
  return value;
}

/**
 * Checks a whole session (a new one, or an existing one with changes applied) by the rules every
 * route and the CSV import share: a day from today to 60 days ahead, a catalogued vaccine the centre
 * gives, an age rule the vaccine is approved for, and slots inside the centre's hours.
 */
export function checkSession(input: SessionBody, context: SessionContext): { draft: SessionDraft; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const last = addDays(context.today, MAX_DAYS_AHEAD);
  const date = parseDate(String(input.date ?? ''));
  if (!date || date < context.today || date > last) {
    problems.push({ field: 'date', error: `date must be a day from today (${formatCowinDate(context.today)}) to ${MAX_DAYS_AHEAD} days ahead (${formatCowinDate(last)}), as YYYY-MM-DD` });
  }

  const offered = context.centre.vaccines.map((v) => v.vaccine);
  const vaccine = context.catalogue.byName(String(input.vaccine ?? ''));
  if (!vaccine) {
    problems.push({ field: 'vaccine', error: `vaccine must be one of ${context.catalogue.list().map((v) => v.name).join(', ')}` });
  } else if (offered.length > 0 && !offered.includes(vaccine.name)) {
    // Centres loaded before planning existed list no vaccines; they may plan any catalogued one.
    problems.push({ field: 'vaccine', error: `vaccine: this centre gives ${offered.join(', ')}; add ${vaccine.name} to the centre's vaccines first` });
  }

  const minAge = input.min_age_limit;
  const maxAge = input.max_age_limit ?? null;
  let group: AgeGroup | undefined;
  if (typeof minAge !== 'number' || !Number.isInteger(minAge) || minAge < 0 || minAge > 120) {
    problems.push({ field: 'min_age_limit', error: 'min_age_limit must be a whole number of years from 0 to 120' });
  } else if (maxAge !== null && (!Number.isInteger(maxAge) || maxAge < minAge || maxAge > 120)) {
    problems.push({ field: 'max_age_limit', error: 'max_age_limit must be empty, or a whole number of years from min_age_limit to 120' });
  } else if (vaccine) {
    group = vaccine.ageGroups.find((g) => g.minAge === minAge && g.maxAge === maxAge);
    if (!group) {
      problems.push({
        field: maxAge === null ? 'min_age_limit' : 'max_age_limit',
        error: `min_age_limit and max_age_limit: ${vaccine.name} is given to ages ${vaccine.ageGroups.map(describeAges).join('; ')}; choose one of those`,
      });
    } else if (input.allow_all_age !== undefined && input.allow_all_age !== group.allowAllAge) {
      problems.push({ field: 'allow_all_age', error: `allow_all_age must be ${group.allowAllAge} for ages ${describeAges(group)} (or left out)` });
    }
  }

  const capacityDose1 = capacity(input.capacity_dose1, 'capacity_dose1', problems);
  const capacityDose2 = capacity(input.capacity_dose2, 'capacity_dose2', problems);
  const walkInCapacity = capacity(input.walk_in_capacity ?? 0, 'walk_in_capacity', problems);
  const checkedSlots = checkSlots(Array.isArray(input.slots) ? input.slots.map(String) : [], context.centre);
  problems.push(...checkedSlots.problems);

  return {
    draft: {
      date: date ?? context.today, vaccine: vaccine?.name ?? '', minAgeLimit: Number(minAge), maxAgeLimit: maxAge,
      allowAllAge: group?.allowAllAge ?? false, capacityDose1, capacityDose2, walkInCapacity, slots: checkedSlots.slots,
    },
    problems,
  };
}
