import type { CalendarCenter, CalendarSession } from '../../../../src/api/cowin-v2/schema.js';
import type { CalendarState } from '../../find-centre/use-calendar.js';

/** The people booked together: all due the same dose, and for dose 2 the same vaccine as dose 1. */
export interface Party {
  birthYears: readonly number[];
  dose: number;
  /** Dose 2 must be the vaccine of dose 1 (appointments/eligibility.ts). */
  vaccine?: string | undefined;
}

/** Ages as Co-WIN counted them: the session's year minus the year of birth. */
function fitsAges(session: CalendarSession, birthYears: readonly number[]): boolean {
  const year = Number(session.date.slice(6, 10));
  return birthYears.every((born) => {
    const age = year - born;
    return age >= session.min_age_limit && (session.max_age_limit === undefined || age <= session.max_age_limit);
  });
}

/**
 * Whether the session is for these people at all. Sessions they could never book are hidden, not
 * greyed out: a list of sessions for other ages only buries the ones that matter.
 */
export function suitsParty(session: CalendarSession, party: Party): boolean {
  if (!fitsAges(session, party.birthYears)) return false;
  return party.dose !== 2 || !party.vaccine || session.vaccine.toUpperCase() === party.vaccine.toUpperCase();
}

/** Seats left for the dose: the server counts dose 1 apart from dose 2 and later (appointments/store.ts). */
export function placesFor(session: CalendarSession, dose: number): number {
  return dose === 1 ? session.available_capacity_dose1 : session.available_capacity_dose2;
}

export function suitableCentres(centres: readonly CalendarCenter[], party: Party): CalendarCenter[] {
  const kept: CalendarCenter[] = [];
  for (const centre of centres) {
    const sessions = centre.sessions.filter((session) => suitsParty(session, party));
    if (sessions.length > 0) kept.push(sessions.length === centre.sessions.length ? centre : { ...centre, sessions });
  }
  return kept;
}

/** The calendar as the booking page shows it: only centres with a session for this party. */
export function narrowCalendar(calendar: CalendarState, party: Party): CalendarState {
  return calendar.status === 'loaded' ? { status: 'loaded', centres: suitableCentres(calendar.centres, party) } : calendar;
}
