import { useCallback, useEffect, useState } from 'react';
import type { GendersResponse, IdTypesResponse } from '../../../src/api/cowin-v2/citizen-schema.js';
import { fetchGenders, fetchIdTypes } from './citizen-api.js';

export type Gender = GendersResponse['genders'][number];
export type IdType = IdTypesResponse['types'][number];

export interface RegistrationLists {
  genders: readonly Gender[];
  idTypes: readonly IdType[];
}

// The lists change perhaps once a year; one request per visit is plenty.
let cached: Promise<RegistrationLists> | undefined;

function loadLists(): Promise<RegistrationLists> {
  cached ??= Promise.all([fetchGenders(), fetchIdTypes()]).then(
    ([genders, idTypes]) => ({ genders: genders.genders, idTypes: idTypes.types }),
    (error: unknown) => {
      cached = undefined;
      throw error;
    },
  );
  return cached;
}

export type ListsState = { status: 'loading' } | { status: 'loaded'; lists: RegistrationLists } | { status: 'failed' };

export function useRegistrationLists(): { lists: ListsState; retry: () => void } {
  const [lists, setLists] = useState<ListsState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let current = true;
    setLists({ status: 'loading' });
    loadLists().then(
      (loaded) => current && setLists({ status: 'loaded', lists: loaded }),
      () => current && setLists({ status: 'failed' }),
    );
    return () => {
      current = false;
    };
  }, [attempt]);
  return { lists, retry: useCallback(() => setAttempt((n) => n + 1), []) };
}

/** Co-WIN sends English labels ("Aadhaar Card", "Female"); the lists hold the Hindi beside them. */
export function genderLabel(lists: ListsState, english: string, language: string): string {
  if (language !== 'hi' || lists.status !== 'loaded') return english;
  return lists.lists.genders.find((g) => g.gender === english)?.gender_l ?? english;
}

export function idTypeLabel(lists: ListsState, english: string, language: string): string {
  if (language !== 'hi' || lists.status !== 'loaded') return english;
  return lists.lists.idTypes.find((type) => type.type === english)?.type_l ?? english;
}
