import { AppError } from '../../core/errors.js';

/**
 * The token endpoint's refusals, in RFC 6749 §5.2's shape (`error`, `error_description`) rather than
 * Teeka's envelope: OAuth client libraries parse these names.
 */
export type OAuthErrorCode = 'invalid_request' | 'invalid_client' | 'invalid_grant' | 'invalid_scope' | 'unsupported_grant_type';

export class OAuthError extends Error {
  constructor(readonly error: OAuthErrorCode, readonly description: string, readonly statusCode: 400 | 401 = error === 'invalid_client' ? 401 : 400) {
    super(description);
    this.name = 'OAuthError';
  }
}

export const badPartnerInput = (field: string, message: string) => new AppError('INVALID_INPUT', 400, `${field}: ${message}`, field);

export const partnerNotFound = () => new AppError('NOT_FOUND', 404, 'No such partner. Check the id in the partner list.');

export const ipRefused = () =>
  new AppError('IP_NOT_ALLOWED', 403, 'Calls for this partner are not accepted from this address. Ask Teeka\'s national admin to add it to the partner\'s IP allowlist.');

export const partnerStopped = () =>
  new AppError('PARTNER_DISABLED', 403, 'This partner is disabled or suspended. Contact Teeka\'s national admin.');

export const invalidAccessToken = () =>
  new AppError('UNAUTHENTICATED', 401, 'The access token is missing, expired or revoked. Get a new one from /api/partner/oauth/token.');

export const scopeMissing = (scope: string) =>
  new AppError('SCOPE_NOT_GRANTED', 403, `This call needs the "${scope}" scope. Ask for it in the token request, if the partner is registered for it.`);

export const requestQuotaSpent = (window: 'minute' | 'day', limit: number, retryAfterSeconds: number) =>
  new AppError('PARTNER_QUOTA', 429, `This partner may make ${limit} calls a ${window}. Try again in ${retryAfterSeconds} seconds.`, undefined, retryAfterSeconds);

/** The same for "no such person", "no consent", "consent revoked or expired" and "another partner's": nothing is confirmed. */
export const noLiveConsent = () =>
  new AppError('NOT_FOUND', 404, 'No live consent covers this subject and data. Ask the citizen for a new consent.');

export const consentRequestNotFound = () => new AppError('NOT_FOUND', 404, 'No such consent request, or it is not yours to see.');

export const consentRequestClosed = () =>
  new AppError('CONSENT_REQUEST_CLOSED', 409, 'This request was already answered or has lapsed. Ask the organisation to send a new one.');

export const consentCodeWrong = (left: number) =>
  new AppError('WRONG_CODE', 400, `That code does not match. ${left} ${left === 1 ? 'try' : 'tries'} left; check the SMS and type the 6 digits again.`, 'otp');
export const consentCodeLocked = () => new AppError('CODE_LOCKED', 429, 'Too many wrong codes. Ask for a new code and try again.', 'otp', 60);
export const consentCodeExpired = () => new AppError('CODE_EXPIRED', 400, 'This code has expired or was already used. Ask for a new code.', 'otp');

export const badRedirectUri = () =>
  new AppError('INVALID_INPUT', 400, 'redirect_uri: must be an https address (or http://127.0.0.1 while testing), without user name or fragment', 'redirect_uri');
