import { useCallback, useEffect, useState } from 'react';
import { failureOf, type CitizenFailure } from '../citizen-api.js';
import type { ConsentView } from './consent-types.js';
import { fetchConsents } from './consents-api.js';

export type ConsentsState =
  | { status: 'loading'; consents?: undefined }
  | { status: 'loaded'; consents: ConsentView[] }
  | { status: 'failed'; failure: CitizenFailure; consents?: undefined };

/** The account's consents; `reload()` after a withdrawal. A reload keeps the list on screen while it asks. */
export function useConsents(): { state: ConsentsState; reload: () => void } {
  const [state, setState] = useState<ConsentsState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    setState((current) => (current.status === 'loaded' ? current : { status: 'loading' }));
    fetchConsents(controller.signal).then(
      (consents) => setState({ status: 'loaded', consents }),
      (error: unknown) => {
        if (!controller.signal.aborted) setState({ status: 'failed', failure: failureOf(error) });
      },
    );
    return () => controller.abort();
  }, [attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { state, reload };
}
