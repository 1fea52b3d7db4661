import { useSyncExternalStore } from 'react';
import type { StaffProfile } from './staff-types.js';

/**
 * Who is signed in to the console, held in memory only. The session itself is the server's
 * HttpOnly cookie, which no script can read; nothing about it goes to localStorage or
 * sessionStorage, so a shared computer keeps no trace once the tab closes or the session ends.
 * After a reload the console asks GET /api/staff/me again.
 */
export type SessionEnd = 'expired' | 'signed-out';

export type StaffSession =
  /** Nobody has asked the server yet (the page has just loaded). */
  | { status: 'unknown' }
  | { status: 'signed-in'; profile: StaffProfile; mustChangePassword: boolean }
  | { status: 'signed-out'; ended: SessionEnd | undefined };

let session: StaffSession = { status: 'unknown' };
const listeners = new Set<() => void>();

function update(next: StaffSession): void {
  session = next;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useStaffSession(): StaffSession {
  return useSyncExternalStore(subscribe, () => session);
}

export function currentStaffSession(): StaffSession {
  return session;
}

export function noteSignedIn(profile: StaffProfile, mustChangePassword: boolean): void {
  update({ status: 'signed-in', profile, mustChangePassword });
}

/**
 * The person signed out, or the server answered 401. Before anyone was signed in a 401 only means
 * "not signed in", which needs no message.
 */
export function noteSessionEnded(why: SessionEnd): void {
  update({ status: 'signed-out', ended: why === 'signed-out' || session.status === 'signed-in' ? why : undefined });
}

/** The one-time password is still unchanged: every page but the password page waits for it. */
export function notePasswordChangeRequired(): void {
  if (session.status === 'signed-in') update({ ...session, mustChangePassword: true });
}

export function notePasswordChanged(): void {
  if (session.status === 'signed-in') update({ ...session, mustChangePassword: false });
}
