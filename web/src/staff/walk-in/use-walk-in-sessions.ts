import { useCallback, useEffect, useState } from 'react';
import { staffFailureOf } from '../staff-api.js';
import { fetchWalkInSessions, type WalkInSession } from './walk-in-api.js';

export type SessionsState =
  | { kind: 'loading' }
  | { kind: 'loaded'; sessions: WalkInSession[] }
  | { kind: 'failed' };

/**
 * Today's sessions at the signed-in person's centre with their walk-in places. A refresh keeps the
 * list on screen until the new one arrives, so a form half filled in is not taken away meanwhile.
 */
export function useWalkInSessions(): { sessions: SessionsState; reload: () => void } {
  const [sessions, setSessions] = useState<SessionsState>({ kind: 'loading' });
  const [asked, setAsked] = useState(0);

  useEffect(() => {
    const abort = new AbortController();
    fetchWalkInSessions(abort.signal)
      .then((loaded) => setSessions({ kind: 'loaded', sessions: loaded }))
      .catch((error: unknown) => {
        if (abort.signal.aborted || staffFailureOf(error).kind === 'session-ended') return;
        setSessions((current) => (current.kind === 'loaded' ? current : { kind: 'failed' }));
      });
    return () => abort.abort();
  }, [asked]);

  const reload = useCallback(() => {
    setSessions((current) => (current.kind === 'failed' ? { kind: 'loading' } : current));
    setAsked((n) => n + 1);
  }, []);
  return { sessions, reload };
}
