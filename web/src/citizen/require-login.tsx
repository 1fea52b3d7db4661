import type { ReactNode } from 'react';
import { Navigate } from 'react-router';
import { sessionEnd, useCitizenToken } from './session.js';

export interface LoginPageState {
  ended?: ReturnType<typeof sessionEnd>;
}

/**
 * Citizen pages render only with a token. Without one (never logged in, logged out, or a 401 just
 * ended the session) they send the citizen to the login page, which says why.
 */
export function RequireLogin({ children }: { children: ReactNode }) {
  const token = useCitizenToken();
  if (token === undefined) {
    const state: LoginPageState = { ended: sessionEnd() };
    return <Navigate to="/login" replace state={state} />;
  }
  return children;
}
