import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { sessionEnd, useCitizenToken } from './session.js';

export interface LoginPageState {
  ended?: ReturnType<typeof sessionEnd>;
  /** The page to come back to once logged in (a partner's consent request sends citizens straight to one). */
  returnTo?: string;
}

/** Only a path on this site: history state is the app's own, but a stray `//host` must never leave it. */
export function returnPathOf(state: LoginPageState | null): string | undefined {
  const path = state?.returnTo;
  return path !== undefined && path.startsWith('/') && !path.startsWith('//') && !path.startsWith('/login') ? path : undefined;
}

/**
 * Citizen pages render only with a token. Without one (never logged in, logged out, or a 401 just
 * ended the session) they send the citizen to the login page, which says why and comes back here after.
 */
export function RequireLogin({ children }: { children: ReactNode }) {
  const token = useCitizenToken();
  const location = useLocation();
  if (token === undefined) {
    const state: LoginPageState = { ended: sessionEnd(), returnTo: `${location.pathname}${location.search}` };
    return <Navigate to="/login" replace state={state} />;
  }
  return children;
}
