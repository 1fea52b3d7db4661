import type {
  CalendarResponse,
  CowinError,
  DistrictsResponse,
  StatesResponse,
} from '../../src/api/cowin-v2/schema.js';
import { toCowinDate, type IsoDay } from './dates.js';

/**
 * The page talks only to Teeka's Co-WIN v2 public API on its own origin, so it works behind any
 * host and needs no CORS. Failures become one of three kinds the page can explain to a citizen.
 */
export type SearchFailure =
  | { kind: 'rate-limited'; retryAfterSeconds: number }
  /** A logged-in account's daily allowance of live searches is spent (Co-WIN's SEARCH_LIMIT). */
  | { kind: 'daily-limit' }
  | { kind: 'rejected'; code: string; message: string }
  | { kind: 'unavailable' };

export class ApiFailure extends Error {
  constructor(readonly failure: SearchFailure) {
    super(failure.kind);
    this.name = 'ApiFailure';
  }
}

// When a proxy strips Retry-After we still need a number to show; a minute is Co-WIN's own pace.
const DEFAULT_RETRY_SECONDS = 60;

export function retryAfterSeconds(header: string | null): number {
  if (!header) return DEFAULT_RETRY_SECONDS;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.ceil(seconds);
  const at = Date.parse(header);
  return Number.isNaN(at) ? DEFAULT_RETRY_SECONDS : Math.max(1, Math.ceil((at - Date.now()) / 1000));
}

export function isCowinError(body: unknown): body is CowinError {
  return typeof body === 'object' && body !== null
    && typeof (body as CowinError).error === 'string' && typeof (body as CowinError).errorCode === 'string';
}

async function failureOf(response: Response): Promise<SearchFailure> {
  if (response.status === 429) return { kind: 'rate-limited', retryAfterSeconds: retryAfterSeconds(response.headers.get('Retry-After')) };
  // 5xx bodies carry only a request id, nothing a citizen can act on.
  if (response.status >= 500) return { kind: 'unavailable' };
  const body: unknown = await response.json().catch(() => undefined);
  if (isCowinError(body)) return { kind: 'rejected', code: body.errorCode, message: body.error };
  return { kind: 'unavailable' };
}

async function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, { signal, headers: { Accept: 'application/json' } });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiFailure({ kind: 'unavailable' });
  }
  if (!response.ok) throw new ApiFailure(await failureOf(response));
  return (await response.json()) as T;
}

export function fetchStates(signal?: AbortSignal): Promise<StatesResponse> {
  return getJson('/api/v2/admin/location/states', signal);
}

export function fetchDistricts(stateId: number, signal?: AbortSignal): Promise<DistrictsResponse> {
  return getJson(`/api/v2/admin/location/districts/${encodeURIComponent(stateId)}`, signal);
}

export type CalendarQuery = { by: 'pin'; pincode: string } | { by: 'district'; districtId: number };

export type CalendarFetcher = (query: CalendarQuery, from: IsoDay, signal?: AbortSignal) => Promise<CalendarResponse>;

/**
 * The week's calendar address. `public` answers anyone from a short cache; `live` needs a logged-in
 * citizen and shows seats as they are now, which is what booking needs.
 */
export function calendarPath(query: CalendarQuery, from: IsoDay, scope: 'public' | 'live' = 'public'): string {
  const params = new URLSearchParams(
    query.by === 'pin' ? { pincode: query.pincode } : { district_id: String(query.districtId) },
  );
  params.set('date', toCowinDate(from));
  const endpoint = query.by === 'pin' ? 'calendarByPin' : 'calendarByDistrict';
  return `/api/v2/appointment/sessions/${scope === 'public' ? 'public/' : ''}${endpoint}?${params}`;
}

export const fetchCalendar: CalendarFetcher = (query, from, signal) => getJson(calendarPath(query, from), signal);
