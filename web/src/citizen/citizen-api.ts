import type { CalendarResponse } from '../../../src/api/cowin-v2/schema.js';
import type {
  BeneficiariesResponse,
  GendersResponse,
  IdTypesResponse,
  NewBeneficiaryBody,
} from '../../../src/api/cowin-v2/citizen-schema.js';
import { ApiFailure, calendarPath, isCowinError, retryAfterSeconds, type CalendarFetcher } from '../api.js';
import { currentToken, endSession } from './session.js';
import type { CorrectionField, CorrectionsResponse, MyDataExport } from './my-data/my-data-types.js';

/**
 * The logged-in citizen's calls: Co-WIN's protected API and Teeka's own /api/citizen, on this
 * origin, with the bearer token. A 401 anywhere ends the session here too, and the page that made
 * the call is replaced by the login page (RequireLogin), which says the session has ended.
 */
export type CitizenFailure =
  | { kind: 'rejected'; status: number; code: string; message: string; retryAfterSeconds: number | undefined }
  | { kind: 'unavailable' }
  | { kind: 'session-ended' };

export class CitizenApiError extends Error {
  constructor(readonly failure: CitizenFailure) {
    super(failure.kind === 'rejected' ? failure.code : failure.kind);
    this.name = 'CitizenApiError';
  }
}

/** The failure behind any error a call threw; aborts and programming errors count as "unavailable". */
export function failureOf(error: unknown): CitizenFailure {
  return error instanceof CitizenApiError ? error.failure : { kind: 'unavailable' };
}

/** The server's code when it refused, for `switch`ing on it. */
export function rejectionCode(error: unknown): string | undefined {
  const failure = failureOf(error);
  return failure.kind === 'rejected' ? failure.code : undefined;
}

async function rejectionOf(response: Response): Promise<CitizenFailure> {
  // 5xx bodies carry only a request id, nothing a citizen can act on.
  if (response.status >= 500) return { kind: 'unavailable' };
  const body: unknown = await response.json().catch(() => undefined);
  if (!isCowinError(body)) return { kind: 'unavailable' };
  const retryAfter = response.headers.has('Retry-After') ? retryAfterSeconds(response.headers.get('Retry-After')) : undefined;
  return { kind: 'rejected', status: response.status, code: body.errorCode, message: body.error, retryAfterSeconds: retryAfter };
}

export interface Call {
  method?: 'GET' | 'POST';
  body?: unknown;
  signal?: AbortSignal | undefined;
  /** The OTP steps run before there is a token. */
  anonymous?: boolean;
}

/** One call with the citizen's token; a page folder's own calls (consents/consents-api.ts) build on it. */
export async function send(path: string, { method = 'GET', body, signal, anonymous = false }: Call = {}): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json, application/pdf' };
  if (!anonymous) {
    const token = currentToken();
    if (!token) {
      endSession('expired');
      throw new CitizenApiError({ kind: 'session-ended' });
    }
    headers.Authorization = `Bearer ${token}`;
  }
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), signal, cache: 'no-store' });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new CitizenApiError({ kind: 'unavailable' });
  }
  if (response.status === 401 && !anonymous) {
    endSession('expired');
    throw new CitizenApiError({ kind: 'session-ended' });
  }
  if (!response.ok) throw new CitizenApiError(await rejectionOf(response));
  return response;
}

export async function sendJson<T>(path: string, call?: Call): Promise<T> {
  return (await (await send(path, call)).json()) as T;
}

// Login

export function requestOtp(mobile: string): Promise<{ txnId: string }> {
  return sendJson('/api/v2/auth/generateMobileOTP', { method: 'POST', body: { mobile }, anonymous: true });
}

/** Co-WIN takes the OTP as the SHA-256 hex of its digits, so the digits themselves never travel. */
export async function confirmOtp(txnId: string, otp: string): Promise<{ token: string; isNewAccount: 'Y' | 'N' }> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(otp));
  const hex = Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
  return sendJson('/api/v2/auth/validateMobileOtp', { method: 'POST', body: { txnId, otp: hex }, anonymous: true });
}

// Family

export function fetchFamily(signal?: AbortSignal): Promise<BeneficiariesResponse> {
  return sendJson('/api/v2/appointment/beneficiaries', { signal });
}

export function fetchIdTypes(): Promise<IdTypesResponse> {
  return sendJson('/api/v2/registration/beneficiary/idTypes', { anonymous: true });
}

export function fetchGenders(): Promise<GendersResponse> {
  return sendJson('/api/v2/registration/beneficiary/genders', { anonymous: true });
}

export function registerMember(member: NewBeneficiaryBody): Promise<{ beneficiary_reference_id: string }> {
  return sendJson('/api/v2/registration/beneficiary/new', { method: 'POST', body: member });
}

export async function removeMember(referenceId: string): Promise<void> {
  await send('/api/v2/registration/beneficiary/delete', { method: 'POST', body: { beneficiary_reference_id: referenceId } });
}

// Booking

/**
 * Live seats for the booking page, in the shape the public calendar has, so the public page's
 * results component draws them. Failures become the public page's kinds, which it already explains.
 */
export const fetchLiveCalendar: CalendarFetcher = async (query, from, signal) => {
  try {
    return await sendJson<CalendarResponse>(calendarPath(query, from, 'live'), { signal });
  } catch (error) {
    if (!(error instanceof CitizenApiError)) throw error;
    const failure = error.failure;
    if (failure.kind !== 'rejected') throw new ApiFailure({ kind: 'unavailable' });
    if (failure.code === 'SEARCH_LIMIT') throw new ApiFailure({ kind: 'daily-limit' });
    if (failure.status === 429) throw new ApiFailure({ kind: 'rate-limited', retryAfterSeconds: failure.retryAfterSeconds ?? 60 });
    throw new ApiFailure({ kind: 'rejected', code: failure.code, message: failure.message });
  }
};

export interface ScheduleRequest {
  dose: number;
  session_id: string;
  slot: string;
  beneficiaries: string[];
  center_id: number;
  captcha?: string | undefined;
}

export function scheduleAppointment(request: ScheduleRequest): Promise<{ appointment_confirmation_no: string }> {
  return sendJson('/api/v2/appointment/schedule', { method: 'POST', body: request });
}

export async function rescheduleAppointment(request: { appointment_id: string; session_id: string; slot: string; captcha?: string | undefined }): Promise<void> {
  await send('/api/v2/appointment/reschedule', { method: 'POST', body: request });
}

export async function cancelAppointment(appointmentId: string, referenceIds: string[]): Promise<void> {
  await send('/api/v2/appointment/cancel', { method: 'POST', body: { appointment_id: appointmentId, beneficiariesToCancel: referenceIds } });
}

/** An SVG picture of the characters to type, needed only when the server asks (APPOIN0044). */
export async function fetchCaptcha(): Promise<string> {
  return (await sendJson<{ captcha: string }>('/api/v2/auth/getRecaptcha', { method: 'POST', body: {} })).captcha;
}

export async function fetchSlip(appointmentId: string): Promise<Blob> {
  const response = await send(`/api/v2/appointment/appointmentslip/download?${new URLSearchParams({ appointment_id: appointmentId })}`);
  return response.blob();
}

/**
 * A member's latest vaccination certificate (the PDF, in English and Hindi). Anything but a PDF is
 * treated as a failed download rather than saved under a .pdf name.
 */
export async function fetchCertificate(referenceId: string): Promise<Blob> {
  const response = await send(`/api/v2/registration/certificate/public/download?${new URLSearchParams({ beneficiary_reference_id: referenceId })}`);
  if (response.headers.get('Content-Type') !== 'application/pdf') throw new CitizenApiError({ kind: 'unavailable' });
  return response.blob();
}

// Teeka's own citizen API

export function fetchMyData(signal?: AbortSignal): Promise<MyDataExport> {
  return sendJson('/api/citizen/my-data', { signal });
}

export function fetchCorrections(signal?: AbortSignal): Promise<CorrectionsResponse> {
  return sendJson('/api/citizen/corrections', { signal });
}

export function requestCorrection(request: {
  beneficiary_reference_id: string;
  field: CorrectionField;
  requested_value: string;
  reason: string;
}): Promise<{ id: string; status: string }> {
  return sendJson('/api/citizen/corrections', { method: 'POST', body: request });
}
