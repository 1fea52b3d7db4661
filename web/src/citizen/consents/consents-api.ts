import { send, sendJson } from '../citizen-api.js';
import type { ConsentRequestView, ConsentView } from './consent-types.js';

/**
 * A partner's consent requests and the consents the citizen has given (src/modules/partners),
 * on /api/citizen with the citizen's token. A request or consent of another account answers 404,
 * exactly like one that does not exist.
 */
const requestPath = (id: string) => `/api/citizen/consent-requests/${encodeURIComponent(id)}`;

export function fetchConsentRequest(id: string, signal?: AbortSignal): Promise<ConsentRequestView> {
  return sendJson(requestPath(id), { signal });
}

/** Texts an OTP to the account's own mobile; approving needs it, so nobody else holding the phone's session alone can agree. */
export function requestApprovalOtp(id: string): Promise<{ txnId: string }> {
  return sendJson(`${requestPath(id)}/otp`, { method: 'POST', body: {} });
}

export function approveConsentRequest(id: string, approval: { beneficiary_reference_id: string; txnId: string; otp: string }): Promise<ConsentView> {
  return sendJson(`${requestPath(id)}/approve`, { method: 'POST', body: approval });
}

export async function declineConsentRequest(id: string): Promise<void> {
  await send(`${requestPath(id)}/decline`, { method: 'POST', body: {} });
}

export function fetchConsents(signal?: AbortSignal): Promise<ConsentView[]> {
  return sendJson('/api/citizen/consents', { signal });
}

export async function revokeConsent(id: string): Promise<void> {
  await send(`/api/citizen/consents/${encodeURIComponent(id)}/revoke`, { method: 'POST', body: {} });
}
