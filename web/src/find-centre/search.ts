import type { CalendarQuery } from '../api.js';
import { isIsoDay, type IsoDay } from '../dates.js';

/**
 * A search lives in the address bar (`?pincode=400080` or `?state=21&district=395`, plus `from`),
 * so a reload, the back button and a shared link all show the same centres.
 */
export interface Search {
  query: CalendarQuery;
  stateId?: number;
  from: IsoDay;
}

const PIN_PATTERN = /^\d{6}$/;

/** People type "400 080"; only the digits matter. Whether the PIN exists is the server's call. */
export function normalisePincode(text: string): string | undefined {
  const digits = text.replace(/[\s-]/g, '');
  return PIN_PATTERN.test(digits) ? digits : undefined;
}

function positiveInteger(text: string | null): number | undefined {
  if (text === null || !/^\d{1,9}$/.test(text)) return undefined;
  const value = Number(text);
  return value > 0 ? value : undefined;
}

export function readSearch(params: URLSearchParams, today: IsoDay): Search | undefined {
  const fromText = params.get('from');
  // Sessions in the past cannot be booked, so an old link opens on today instead.
  const from = fromText !== null && isIsoDay(fromText) && fromText > today ? fromText : today;
  const pincode = normalisePincode(params.get('pincode') ?? '');
  if (pincode) return { query: { by: 'pin', pincode }, from };
  const districtId = positiveInteger(params.get('district'));
  if (districtId === undefined) return undefined;
  return { query: { by: 'district', districtId }, stateId: positiveInteger(params.get('state')), from };
}

export function writeSearch(search: Search, today: IsoDay): URLSearchParams {
  const params = new URLSearchParams();
  if (search.query.by === 'pin') {
    params.set('pincode', search.query.pincode);
  } else {
    if (search.stateId !== undefined) params.set('state', String(search.stateId));
    params.set('district', String(search.query.districtId));
  }
  if (search.from !== today) params.set('from', search.from);
  return params;
}

export function searchKey(search: Search): string {
  const where = search.query.by === 'pin' ? `pin:${search.query.pincode}` : `district:${search.query.districtId}`;
  return `${where}@${search.from}`;
}
