import { AppError } from '../../core/errors.js';

/** One answer for an unknown username and a wrong password, so neither confirms an account. */
export const wrongCredentials = () => new AppError('STAFF_LOGIN_FAILED', 401, 'Wrong username or password.');

export const accountLocked = (seconds: number) =>
  new AppError('STAFF_LOCKED', 429, `Too many failed sign-in attempts. Please try again in ${Math.max(1, Math.ceil(seconds / 60))} minutes.`, undefined, seconds);

export const wrongCode = () =>
  new AppError('TOTP_INVALID', 401, 'Wrong code, or a code already used. Enter the current 6-digit code from your authenticator app.', 'code');

export const signInExpired = () =>
  new AppError('SIGN_IN_EXPIRED', 401, 'This sign-in has expired. Please start again with your username and password.');

export const sessionEnded = () =>
  new AppError('UNAUTHENTICATED', 401, 'Please sign in. A staff session ends after 15 minutes without activity, or 12 hours after sign-in.');

/** Said only after the right password: an alert suspended the account until an auditor reinstates it (decision 0015). */
export const accountSuspended = () =>
  new AppError('STAFF_SUSPENDED', 403, 'This account is suspended while the security team reviews its recent activity. Contact your auditor to have it reinstated.');

export const roleForbidden = () => new AppError('ROLE_FORBIDDEN', 403, 'Your role does not allow this.');

export const passwordChangeRequired = () =>
  new AppError('PASSWORD_CHANGE_REQUIRED', 403, 'Please set your own password first (POST /api/staff/password); the one-time password works only for that.');

export const weakPassword = (reason: string) => new AppError('WEAK_PASSWORD', 400, reason, 'new');

export const wrongCurrentPassword = () => new AppError('WRONG_PASSWORD', 400, 'The current password is wrong.', 'current');

export const usernameTaken = () => new AppError('USERNAME_TAKEN', 409, 'That username is taken; choose another.', 'username');
