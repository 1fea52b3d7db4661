import type { Vaccine } from '../vaccination/vaccines.js';
import type { FieldProblem } from './field-problems.js';
import type { NewVaccineBody } from './schema.js';

// Printable ASCII, no leading or trailing space: what EU DCC value-set codes look like.
const codePattern = /^[\x21-\x7e](?:[\x20-\x7e]{0,48}[\x21-\x7e])?$/;

function days(value: number, field: string, max: number, problems: FieldProblem[]): void {
  if (!Number.isInteger(value) || value < 1 || value > max) problems.push({ field, error: `${field} must be a whole number of days from 1 to ${max}` });
}

/** Checks a whole catalogue entry (a new vaccine, or an existing one with changes applied). */
export function checkVaccine(input: NewVaccineBody): { vaccine: Vaccine; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const name = input.vaccine.trim().toUpperCase();
  if (!/^[A-Z0-9][A-Z0-9 .-]{1,29}$/.test(name)) {
    problems.push({ field: 'vaccine', error: 'vaccine must be 2 to 30 letters, digits, spaces, dots or hyphens, as Co-WIN spelt vaccines (e.g. COVISHIELD)' });
  }
  const manufacturer = input.manufacturer.trim();
  if (manufacturer.length < 2 || manufacturer.length > 120) problems.push({ field: 'manufacturer', error: 'manufacturer must be 2 to 120 characters' });
  // Booking counts dose 1, dose 2 and one precaution dose; another series length needs booking rules first.
  if ((input.doses_in_series ?? 2) !== 2) problems.push({ field: 'doses_in_series', error: 'doses_in_series must be 2: Teeka books two-dose series and a precaution dose' });
  days(input.dose2_after_days, 'dose2_after_days', 365, problems);
  days(input.precaution_after_days, 'precaution_after_days', 1095, problems);
  if (!Number.isInteger(input.private_price_cap) || input.private_price_cap < 0 || input.private_price_cap > 100_000) {
    problems.push({ field: 'private_price_cap', error: 'private_price_cap must be whole rupees from 0 to 100000' });
  }
  for (const key of ['vp', 'mp', 'ma'] as const) {
    if (!codePattern.test(input.eu_dcc[key])) problems.push({ field: `eu_dcc.${key}`, error: `eu_dcc.${key} must be the EU DCC value-set code, 1 to 50 printable characters` });
  }
  const cvx = input.cvx_code ?? null;
  if (cvx !== null && !/^\d{1,3}$/.test(cvx)) problems.push({ field: 'cvx_code', error: 'cvx_code must be the CDC CVX code, 1 to 3 digits, or null' });
  if (input.age_groups.length < 1 || input.age_groups.length > 8) problems.push({ field: 'age_groups', error: 'age_groups must list 1 to 8 age rules' });
  input.age_groups.forEach((g, i) => {
    const field = `age_groups[${i}]`;
    if (g.min_age < 0 || g.min_age > 120 || (g.max_age !== null && (g.max_age < g.min_age || g.max_age > 120))) {
      problems.push({ field, error: `${field} must have min_age from 0 to 120 and max_age null or from min_age to 120` });
    } else if (g.allow_all_age && g.max_age !== null) {
      problems.push({ field, error: `${field}: allow_all_age (everyone from min_age up) needs max_age null` });
    } else if (input.age_groups.some((o, j) => j < i && o.min_age === g.min_age && o.max_age === g.max_age)) {
      problems.push({ field, error: `${field} repeats the ages of an earlier rule` });
    }
  });
  return {
    vaccine: {
      name, manufacturer, dosesInSeries: 2, dose2AfterDays: input.dose2_after_days, precautionAfterDays: input.precaution_after_days,
      privatePriceRupees: input.private_price_cap, euDcc: { ...input.eu_dcc }, cvxCode: cvx,
      ageGroups: input.age_groups.map((g) => ({ minAge: g.min_age, maxAge: g.max_age, allowAllAge: g.allow_all_age })),
    },
    problems,
  };
}

/** The API's view of a catalogue entry; also what an edit is applied to. */
export function vaccineView(v: Vaccine): NewVaccineBody & { doses_in_series: number; cvx_code: string | null } {
  return {
    vaccine: v.name, manufacturer: v.manufacturer, doses_in_series: v.dosesInSeries, dose2_after_days: v.dose2AfterDays,
    precaution_after_days: v.precautionAfterDays, private_price_cap: v.privatePriceRupees, eu_dcc: { ...v.euDcc }, cvx_code: v.cvxCode,
    age_groups: v.ageGroups.map((g) => ({ min_age: g.minAge, max_age: g.maxAge, allow_all_age: g.allowAllAge })),
  };
}
