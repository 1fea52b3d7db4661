import { useCallback, useEffect, useState } from 'react';
import { staffFailureOf } from '../staff-api.js';
import { fetchRoster, type RosterEntry } from './centre-api.js';

export type RosterState =
  | { kind: 'loading' }
  | { kind: 'loaded'; entries: RosterEntry[] }
  | { kind: 'failed' };

/**
 * Today's roster at the signed-in person's centre, fetched when the page opens and on request.
 * An ended session needs no message here: the layout has already gone to the sign-in page.
 */
export function useRoster(): { roster: RosterState; reload: () => void } {
  const [roster, setRoster] = useState<RosterState>({ kind: 'loading' });
  const [asked, setAsked] = useState(0);

  useEffect(() => {
    const abort = new AbortController();
    setRoster({ kind: 'loading' });
    fetchRoster(abort.signal)
      .then((entries) => setRoster({ kind: 'loaded', entries }))
      .catch((error: unknown) => {
        if (abort.signal.aborted || staffFailureOf(error).kind === 'session-ended') return;
        setRoster({ kind: 'failed' });
      });
    return () => abort.abort();
  }, [asked]);

  const reload = useCallback(() => setAsked((n) => n + 1), []);
  return { roster, reload };
}
