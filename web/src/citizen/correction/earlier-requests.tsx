import { useCitizenTranslation } from '../citizen-i18n.js';
import { CorrectionOutcome } from '../my-data/correction-outcome.js';
import type { CorrectionView } from '../my-data/my-data-types.js';
import './correction.css';

/** A member's earlier requests with their outcome: when it was decided and, for a refusal, the officer's own words. */
export function EarlierRequests({ name, requests }: { name: string; requests: readonly CorrectionView[] }) {
  const { t } = useCitizenTranslation();
  return (
    <section className="data-section" aria-labelledby="earlier-heading">
      <h2 id="earlier-heading">{t('correction.previous', { name })}</h2>
      <ul className="correction-requests">
        {requests.map((c) => (
          <li key={c.id} id={`correction-${c.id}`}>
            <CorrectionOutcome request={c} />
          </li>
        ))}
      </ul>
    </section>
  );
}
