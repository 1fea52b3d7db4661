import type { CalendarCenter, CalendarResponse } from '../../src/api/cowin-v2/schema.js';
import { addDays, todayInIndia, toCowinDate } from '../../web/src/dates.js';

export const MUMBAI = { stateId: 21, stateName: 'Maharashtra', districtId: 395, districtName: 'Mumbai' } as const;

/** Today's Co-WIN date (IST), optionally some weeks on: what the page asks for. */
export function cowinDate(weeksAhead = 0): string {
  return toCowinDate(addDays(todayInIndia(), weeksAhead * 7));
}

/** What the API itself answers, so the tests compare the page with the data instead of hard-coding it. */
export async function calendar(baseUrl: string, query: string): Promise<CalendarCenter[]> {
  const response = await fetch(`${baseUrl}/api/v2/appointment/sessions/public/${query}`);
  if (!response.ok) throw new Error(`${query} answered ${response.status}`);
  return ((await response.json()) as CalendarResponse).centers;
}

export function mumbaiCalendar(baseUrl: string, weeksAhead = 0): Promise<CalendarCenter[]> {
  return calendar(baseUrl, `calendarByDistrict?district_id=${MUMBAI.districtId}&date=${cowinDate(weeksAhead)}`);
}
