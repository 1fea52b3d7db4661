import { useCitizenTranslation } from '../citizen-i18n.js';
import { formatInstant } from '../format.js';
import '../correction/correction.css';
import type { CorrectionField, CorrectionView } from './my-data-types.js';

/**
 * One correction request and its outcome: when it was decided and, for a refusal, the officer's
 * own words. Shown on the correction page and on "My data"; `who` names the member where the list
 * holds the whole account's requests.
 */
export function CorrectionOutcome({ request, who }: { request: CorrectionView; who?: string | undefined }) {
  const { t, language } = useCitizenTranslation();
  const statusNames = t('correction.requestStatus', { returnObjects: true });
  const fieldNames = t('correction.fields', { returnObjects: true });
  return (
    <>
      <p>
        {who && <strong>{who}: </strong>}
        {t('myData.correction', {
          field: request.field in fieldNames ? fieldNames[request.field as CorrectionField] : request.field,
          status: request.status in statusNames ? statusNames[request.status as keyof typeof statusNames] : request.status,
          date: formatInstant(request.created_at, language),
        })}
      </p>
      {request.decided_at && <p>{t('correction.decidedOn', { date: formatInstant(request.decided_at, language) })}</p>}
      {request.status === 'accepted' && <p>{t('correction.acceptedNote')}</p>}
      {request.rejection_reason !== undefined && (
        <>
          <p>{t('correction.rejectedReason')}</p>
          {/* The officer's words as written, in whichever language they wrote. */}
          <blockquote className="officer-reason">{request.rejection_reason}</blockquote>
        </>
      )}
    </>
  );
}
