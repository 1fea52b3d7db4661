import { addDays, type IsoDate } from '../../core/calendar-date.js';
import type { Dose } from '../vaccination/service.js';
import type { Vaccine, VaccineLookup } from '../vaccination/vaccines.js';
import type { BookableSession } from './store.js';

/** The dose a member is due next, from what was recorded: 1, 2, the precaution dose 3, or none. */
export function nextDoseOf(doses: readonly Dose[]): number | undefined {
  const given = doses.reduce((max, d) => Math.max(max, d.dose), 0);
  return given >= 3 ? undefined : given + 1;
}

/**
 * Why a member may not take this session, or undefined when they may. Ages count as Co-WIN
 * counted them, by year of birth; dose 2 must be the same vaccine after its minimum interval, and
 * the precaution dose waits the interval of dose 2's vaccine. Intervals come from the catalogue as
 * it is now, so an administrator's change applies to every booking from then on.
 */
export function ineligibilityFor(
  member: { birthYear: number },
  doses: readonly Dose[],
  dose: number,
  session: BookableSession,
  catalogue: VaccineLookup,
): string | undefined {
  const age = Number(session.date.slice(0, 4)) - member.birthYear;
  if (age < session.minAgeLimit || (session.maxAgeLimit !== null && age > session.maxAgeLimit)) {
    const range = session.maxAgeLimit === null ? `${session.minAgeLimit} and above` : `${session.minAgeLimit} to ${session.maxAgeLimit}`;
    return `This session is for ages ${range}; a member born in ${member.birthYear} is ${age} this year. Please choose another session.`;
  }
  const earliest = (after: Dose, days: number): IsoDate => addDays(after.administeredOn, days);
  if (dose === 2) {
    const first = doses.find((d) => d.dose === 1)!;
    if (first.vaccine !== session.vaccine) return `Dose 2 must be ${first.vaccine}, the vaccine of dose 1. Please choose a ${first.vaccine} session.`;
    const due = earliest(first, catalogued(catalogue, first.vaccine).dose2AfterDays);
    if (session.date < due) return `Dose 2 of ${first.vaccine} is due from ${formatDay(due)}. Please choose a session on or after that day.`;
  }
  if (dose === 3) {
    const second = doses.find((d) => d.dose === 2)!;
    if (age < 18) return 'The precaution dose is for ages 18 and above.';
    const gap = catalogued(catalogue, second.vaccine).precautionAfterDays;
    const due = earliest(second, gap);
    if (session.date < due) return `The precaution dose is due from ${formatDay(due)}, ${gap % 7 === 0 ? `${gap / 7} weeks` : `${gap} days`} after dose 2.`;
  }
  return undefined;
}

/** Catalogue rows are never deleted and doses are recorded only with catalogued vaccines. */
function catalogued(catalogue: VaccineLookup, name: string): Vaccine {
  const vaccine = catalogue.byName(name);
  if (!vaccine) throw new Error(`vaccine ${JSON.stringify(name)} of a recorded dose is missing from the catalogue`);
  return vaccine;
}

function formatDay(date: IsoDate): string {
  return `${date.slice(8, 10)}-${date.slice(5, 7)}-${date.slice(0, 4)}`;
}
