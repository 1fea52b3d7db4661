import { isCowinError, retryAfterSeconds } from '../api.js';
import { noteSessionEnded, notePasswordChangeRequired } from './staff-session.js';

/**
 * The staff console's one door to the server: `/api/staff/...` on this origin, with the session
 * cookie the server set (HttpOnly, so this code never sees it) and the CSRF token on every POST.
 * Sections build their typed calls from `staffGet` and `staffPost` in their own `<section>-api.ts`.
 *
 * A 401 on a signed-in call means the session is over (15 minutes idle, 12 hours old, or signed
 * out elsewhere): the console returns to the sign-in page, which says so.
 */
export type StaffFailure =
  | { kind: 'rejected'; status: number; code: string; message: string; retryAfterSeconds: number | undefined; body?: unknown }
  | { kind: 'unavailable' }
  | { kind: 'session-ended' }
  | { kind: 'password-change-required' };

export class StaffApiError extends Error {
  constructor(readonly failure: StaffFailure) {
    super(failure.kind === 'rejected' ? failure.code : failure.kind);
    this.name = 'StaffApiError';
  }
}

export function staffFailureOf(error: unknown): StaffFailure {
  return error instanceof StaffApiError ? error.failure : { kind: 'unavailable' };
}

/** The server's code when it refused, for `switch`ing on it. */
export function staffRejectionCode(error: unknown): string | undefined {
  const failure = staffFailureOf(error);
  return failure.kind === 'rejected' ? failure.code : undefined;
}

// Held in memory only: a reload asks for a new one, as does signing in (tokens are bound to the session).
let csrfToken: Promise<string> | undefined;

/** Signing in or out changes the session the token is bound to, so the old token stops working. */
export function forgetCsrfToken(): void {
  csrfToken = undefined;
}

function fetchCsrfToken(): Promise<string> {
  csrfToken ??= (async () => {
    const response = await fetch('/api/staff/csrf', { headers: { Accept: 'application/json' }, cache: 'no-store', credentials: 'same-origin' });
    if (!response.ok) throw new StaffApiError({ kind: 'unavailable' });
    return ((await response.json()) as { token: string }).token;
  })().catch((error: unknown) => {
    csrfToken = undefined;
    throw error instanceof StaffApiError ? error : new StaffApiError({ kind: 'unavailable' });
  });
  return csrfToken;
}

async function rejectionOf(response: Response): Promise<StaffFailure> {
  const body: unknown = await response.json().catch(() => undefined);
  // A 5xx that is not a deliberate answer (SMS_NOT_SENT is one) carries only a request id.
  if (!isCowinError(body) || body.errorCode === 'GERR001') return { kind: 'unavailable' };
  const retryAfter = response.headers.has('Retry-After') ? retryAfterSeconds(response.headers.get('Retry-After')) : undefined;
  // The whole body too: some refusals carry more than a message (a CSV upload's per-row report).
  return { kind: 'rejected', status: response.status, code: body.errorCode, message: body.error, retryAfterSeconds: retryAfter, body };
}

interface Call {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  body?: unknown;
  /** A body sent as it is (a file's text) rather than as JSON. */
  text?: { content: string; type: string };
  signal?: AbortSignal | undefined;
  /** The sign-in steps: a 401 there is a wrong password or code, not an ended session. */
  signingIn?: boolean;
}

async function send(path: string, call: Call, retried = false): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (call.method !== 'GET') headers['x-csrf-token'] = await fetchCsrfToken();
  if (call.text) headers['Content-Type'] = call.text.type;
  else if (call.body !== undefined) headers['Content-Type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(path, {
      method: call.method, headers, body: call.text?.content ?? (call.body === undefined ? undefined : JSON.stringify(call.body)),
      signal: call.signal, cache: 'no-store', credentials: 'same-origin',
    });
  } catch (error) {
    if (call.signal?.aborted) throw error;
    throw new StaffApiError({ kind: 'unavailable' });
  }
  if (response.ok) return response;
  if (response.status === 401 && !call.signingIn) {
    noteSessionEnded('expired');
    throw new StaffApiError({ kind: 'session-ended' });
  }
  const failure = await rejectionOf(response);
  if (failure.kind === 'rejected' && failure.code.startsWith('FST_CSRF') && !retried) {
    // The token belonged to an earlier session (signed in on another tab, or the server restarted).
    forgetCsrfToken();
    return send(path, call, true);
  }
  if (failure.kind === 'rejected' && failure.code === 'PASSWORD_CHANGE_REQUIRED') {
    notePasswordChangeRequired();
    throw new StaffApiError({ kind: 'password-change-required' });
  }
  throw new StaffApiError(failure);
}

export async function staffGet<T>(path: string, signal?: AbortSignal): Promise<T> {
  return (await (await send(path, { method: 'GET', signal })).json()) as T;
}

/** A POST; answers with no body (204, and a 202 with nothing to say) come back as undefined. */
export async function staffPost<T = undefined>(path: string, body: unknown = {}, options: { signingIn?: boolean } = {}): Promise<T> {
  const response = await send(path, { method: 'POST', body, signingIn: options.signingIn ?? false });
  if (response.status === 204) return undefined as T;
  // A 202 may carry what comes next: the token of a code texted to someone at the centre (decision 0010).
  const text = await response.text();
  return (text === '' ? undefined : JSON.parse(text)) as T;
}

export async function staffPatch<T>(path: string, body: unknown): Promise<T> {
  return (await (await send(path, { method: 'PATCH', body })).json()) as T;
}

export async function staffDelete(path: string): Promise<void> {
  await send(path, { method: 'DELETE' });
}

/** A file's text POSTed as `type` (e.g. text/csv); answers with no body come back as undefined. */
export async function staffPostText<T = undefined>(path: string, content: string, type: string): Promise<T> {
  const response = await send(path, { method: 'POST', text: { content, type } });
  if (response.status === 204 || response.status === 202) return undefined as T;
  return (await response.json()) as T;
}
