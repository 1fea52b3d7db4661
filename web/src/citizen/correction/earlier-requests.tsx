import { useCitizenTranslation } from '../citizen-i18n.js';
import { formatInstant } from '../format.js';
import type { CorrectionField, CorrectionView } from '../my-data/my-data-types.js';
import './correction.css';

/** A member's earlier requests with their outcome: when it was decided and, for a refusal, the officer's own words. */
export function EarlierRequests({ name, requests }: { name: string; requests: readonly CorrectionView[] }) {
  const { t, language } = useCitizenTranslation();
  const statusNames = t('correction.requestStatus', { returnObjects: true });
  const fieldNames = t('correction.fields', { returnObjects: true });
  return (
    <section className="data-section" aria-labelledby="earlier-heading">
      <h2 id="earlier-heading">{t('correction.previous', { name })}</h2>
      <ul className="correction-requests">
        {requests.map((c) => (
          <li key={c.id} id={`correction-${c.id}`}>
            <p>
              {t('myData.correction', {
                field: c.field in fieldNames ? fieldNames[c.field as CorrectionField] : c.field,
                status: c.status in statusNames ? statusNames[c.status as keyof typeof statusNames] : c.status,
                date: formatInstant(c.created_at, language),
              })}
            </p>
            {c.decided_at && <p>{t('correction.decidedOn', { date: formatInstant(c.decided_at, language) })}</p>}
            {c.status === 'accepted' && <p>{t('correction.acceptedNote')}</p>}
            {c.rejection_reason !== undefined && (
              <>
                <p>{t('correction.rejectedReason')}</p>
                {/* The officer's words as written, in whichever language they wrote. */}
                <blockquote className="officer-reason">{c.rejection_reason}</blockquote>
              </>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
