import { forgetCsrfToken, StaffApiError, staffFailureOf, staffGet, staffPost } from './staff-api.js';
import { noteSessionEnded, noteSignedIn, notePasswordChanged } from './staff-session.js';
import type { LoginStep, SignedIn, StaffProfile } from './staff-types.js';

/** Sign-in, who am I, password change and sign-out (src/modules/staff/routes.ts, decision 0007). */
export function startSignIn(username: string, password: string): Promise<LoginStep> {
  return staffPost('/api/staff/login', { username, password }, { signingIn: true });
}

async function finishSignIn(path: string, body: object): Promise<SignedIn> {
  const signedIn = await staffPost<SignedIn>(path, body, { signingIn: true });
  // The new session cookie retires every CSRF token issued before it.
  forgetCsrfToken();
  await loadProfile(signedIn.step === 'change_password');
  return signedIn;
}

export function confirmCode(challengeToken: string, code: string): Promise<SignedIn> {
  return finishSignIn('/api/staff/login/totp', { challenge_token: challengeToken, code });
}

export function confirmEnrolment(enrolmentToken: string, code: string): Promise<SignedIn> {
  return finishSignIn('/api/staff/totp/enrol', { enrolment_token: enrolmentToken, code });
}

/**
 * Asks the server who is signed in; a 401 leaves the console signed out. `mustChangePassword` is
 * what the sign-in answer said: /me does not say it, and a page that is refused later corrects it.
 */
export async function loadProfile(mustChangePassword = false): Promise<void> {
  try {
    noteSignedIn(await staffGet<StaffProfile>('/api/staff/me'), mustChangePassword);
  } catch (error) {
    if (staffFailureOf(error).kind !== 'session-ended') throw error;
  }
}

export async function changePassword(current: string, next: string): Promise<void> {
  await staffPost<SignedIn>('/api/staff/password', { current, new: next });
  notePasswordChanged();
}

/** Ends the session on the server, then here; if the server cannot be reached the cookie still dies within 15 minutes. */
export async function signOut(): Promise<void> {
  try {
    await staffPost('/api/staff/logout');
  } catch (error) {
    if (!(error instanceof StaffApiError)) throw error;
  } finally {
    forgetCsrfToken();
    noteSessionEnded('signed-out');
  }
}
