import { useSyncExternalStore } from 'react';

/**
 * The citizen's login, held in sessionStorage only: it dies with the tab, is never shared with
 * other tabs, and is not left behind on a shared phone the way localStorage would leave it. The
 * token itself lives 15 minutes; the server's 401 is the only authority on whether it still works,
 * so nothing here reads its expiry (the phone's clock may be wrong).
 */
const TOKEN_KEY = 'teeka.citizen.token';

export type SessionEnd = 'expired' | 'logged-out';

function storedToken(): string | undefined {
  try {
    return sessionStorage.getItem(TOKEN_KEY) ?? undefined;
  } catch {
    // Locked-down WebViews throw on storage access; the login then lasts until the page reloads.
    return undefined;
  }
}

let token = storedToken();
let lastEnd: SessionEnd | undefined;
const listeners = new Set<() => void>();

function notify(): void {
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The bearer token, or undefined when nobody is logged in; re-renders when it changes. */
export function useCitizenToken(): string | undefined {
  return useSyncExternalStore(subscribe, () => token);
}

export function currentToken(): string | undefined {
  return token;
}

export function startSession(newToken: string): void {
  token = newToken;
  lastEnd = undefined;
  try {
    sessionStorage.setItem(TOKEN_KEY, newToken);
  } catch {
    // Kept in memory only.
  }
  notify();
}

/** Forgets the token; `why` lets the login page say what happened. */
export function endSession(why: SessionEnd): void {
  if (token === undefined && lastEnd !== undefined) return;
  token = undefined;
  lastEnd = why;
  try {
    sessionStorage.removeItem(TOKEN_KEY);
  } catch {
    // Nothing was stored.
  }
  notify();
}

/** Why the last session ended, if it did while this page was open. */
export function sessionEnd(): SessionEnd | undefined {
  return lastEnd;
}

/**
 * Revokes the token on the server and forgets it here at once. `keepalive` lets the request finish
 * even though the page moves on; if it fails the token still expires within 15 minutes.
 */
export function logOut(): void {
  const revoked = token;
  endSession('logged-out');
  if (revoked) {
    void fetch('/api/v2/auth/logout', { headers: { Authorization: `Bearer ${revoked}` }, keepalive: true }).catch(() => undefined);
  }
}
