import { useCallback, useEffect, useState } from 'react';
import type { DistrictsResponse, StatesResponse } from '../../../src/api/cowin-v2/schema.js';
import { fetchDistricts, fetchStates } from '../api.js';

export type StateItem = StatesResponse['states'][number];
export type DistrictItem = DistrictsResponse['districts'][number];

export interface PlacesState<T> {
  status: 'idle' | 'loading' | 'loaded' | 'failed';
  items: readonly T[];
}

/** Loads a list once per `key`, and again on `retry()`; a stale answer never lands. */
function usePlaceList<T>(key: number | undefined, load: (key: number, signal: AbortSignal) => Promise<T[]>) {
  const [state, setState] = useState<PlacesState<T>>({ status: 'idle', items: [] });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (key === undefined) {
      setState({ status: 'idle', items: [] });
      return undefined;
    }
    const controller = new AbortController();
    setState({ status: 'loading', items: [] });
    load(key, controller.signal).then(
      (items) => setState({ status: 'loaded', items }),
      () => {
        if (!controller.signal.aborted) setState({ status: 'failed', items: [] });
      },
    );
    return () => controller.abort();
    // `load` is a module-level function below, stable for the life of the page.
  }, [key, attempt]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { ...state, retry };
}

// Real Co-WIN names carry trailing spaces ("Aurangabad "); trimmed, they sort and match cleanly.
const loadStates = async (_key: number, signal: AbortSignal) =>
  (await fetchStates(signal)).states.map((s) => ({ ...s, state_name: s.state_name.trim() }));

const loadDistricts = async (stateId: number, signal: AbortSignal) =>
  (await fetchDistricts(stateId, signal)).districts
    .map((d) => ({ ...d, district_name: d.district_name.trim() }))
    .sort((a, b) => a.district_name.localeCompare(b.district_name, 'en'));

export function useStates() {
  return usePlaceList<StateItem>(0, loadStates);
}

export function useDistricts(stateId: number | undefined) {
  return usePlaceList<DistrictItem>(stateId, loadDistricts);
}
