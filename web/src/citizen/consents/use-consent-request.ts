import { useCallback, useEffect, useState } from 'react';
import { failureOf, type CitizenFailure } from '../citizen-api.js';
import type { ConsentRequestView } from './consent-types.js';
import { fetchConsentRequest } from './consents-api.js';

export type RequestState =
  | { status: 'loading' }
  | { status: 'loaded'; request: ConsentRequestView }
  /** Not there, or another account's: the server does not say which. */
  | { status: 'not-found' }
  | { status: 'failed'; failure: CitizenFailure };

/** One consent request, again on `reload()` (after the server says it is no longer open). */
export function useConsentRequest(id: string): { state: RequestState; reload: () => void } {
  const [state, setState] = useState<RequestState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    setState((current) => (current.status === 'loaded' ? current : { status: 'loading' }));
    fetchConsentRequest(id, controller.signal).then(
      (request) => setState({ status: 'loaded', request }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        const failure = failureOf(error);
        setState(failure.kind === 'rejected' && (failure.status === 404 || failure.status === 400) ? { status: 'not-found' } : { status: 'failed', failure });
      },
    );
    return () => controller.abort();
  }, [id, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { state, reload };
}
