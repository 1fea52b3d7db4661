import { useCallback, useEffect, useState } from 'react';
import type { BeneficiaryView } from '../../../src/api/cowin-v2/citizen-schema.js';
import { failureOf, fetchFamily, type CitizenFailure } from './citizen-api.js';

export type FamilyState =
  | { status: 'loading'; members?: undefined }
  | { status: 'loaded'; members: BeneficiaryView[] }
  | { status: 'failed'; failure: CitizenFailure; members?: undefined };

/** The account's members with their status and live appointments; `reload()` after any change. */
export function useFamily(): { family: FamilyState; reload: () => void } {
  const [family, setFamily] = useState<FamilyState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    // A reload keeps the members on screen while it asks, so the page does not flash empty.
    setFamily((current) => (current.status === 'loaded' ? current : { status: 'loading' }));
    fetchFamily(controller.signal).then(
      (response) => setFamily({ status: 'loaded', members: response.beneficiaries }),
      (error: unknown) => {
        if (!controller.signal.aborted) setFamily({ status: 'failed', failure: failureOf(error) });
      },
    );
    return () => controller.abort();
  }, [attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { family, reload };
}

/** The dose a member is due next, as far as Co-WIN's list shows: dose 1, dose 2, or none. */
export function nextDoseOf(member: BeneficiaryView): number | undefined {
  if (member.vaccination_status === 'Not Vaccinated') return 1;
  if (member.vaccination_status === 'Partially Vaccinated') return 2;
  // The list has no precaution-dose date, so whether dose 3 is due cannot be told from it.
  return undefined;
}

export function statusKey(member: BeneficiaryView): 'notVaccinated' | 'partiallyVaccinated' | 'vaccinated' {
  if (member.vaccination_status === 'Vaccinated') return 'vaccinated';
  return member.vaccination_status === 'Partially Vaccinated' ? 'partiallyVaccinated' : 'notVaccinated';
}
