import { useEffect, useState } from 'react';
import type { CalendarCenter } from '../../../src/api/cowin-v2/schema.js';
import { ApiFailure, fetchCalendar, type CalendarFetcher, type SearchFailure } from '../api.js';
import { searchKey, type Search } from './search.js';

export type CalendarState =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'loaded'; centres: CalendarCenter[] }
  | { status: 'failed'; failure: SearchFailure };

/**
 * The week's centres for a search; `attempt` changes to ask again after a failure. `fetcher` is the
 * public calendar unless a page passes the live one; it must be a stable, module-level function.
 */
export function useCalendar(search: Search | undefined, attempt: number, fetcher: CalendarFetcher = fetchCalendar): CalendarState {
  const [state, setState] = useState<CalendarState>({ status: 'idle' });
  const key = search ? searchKey(search) : undefined;

  useEffect(() => {
    if (!search) {
      setState({ status: 'idle' });
      return undefined;
    }
    // A newer search aborts the older one, so a slow answer can never replace a newer one.
    const controller = new AbortController();
    setState({ status: 'loading' });
    fetcher(search.query, search.from, controller.signal).then(
      (response) => setState({ status: 'loaded', centres: response.centers }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setState({ status: 'failed', failure: error instanceof ApiFailure ? error.failure : { kind: 'unavailable' } });
      },
    );
    return () => controller.abort();
    // `key` stands for `search`: a new object with the same search must not fetch again.
  }, [key, attempt]);

  return state;
}
