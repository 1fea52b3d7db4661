import { formatInstant } from '../../citizen/format.js';
import { useStaffTranslation } from '../staff-i18n.js';
import type { QueueEntry } from './corrections-api.js';

/** When and where a request was raised, and its number: the facts the queue and the review share (no personal data). */
export function PlaceFacts({ request }: { request: Pick<QueueEntry, 'id' | 'created_at' | 'centre' | 'district'> }) {
  const { t, language } = useStaffTranslation();
  return (
    <>
      <div><dt>{t('corrections.raised')}</dt><dd>{formatInstant(request.created_at, language)}</dd></div>
      {request.centre && <div><dt>{t('corrections.centre')}</dt><dd>{request.centre.name}</dd></div>}
      <div className={request.district ? undefined : 'facts-wide'}>
        <dt>{t('corrections.district')}</dt>
        <dd>{request.district ? t('corrections.districtIn', { district: request.district.name, state: request.district.state_name }) : t('corrections.national')}</dd>
      </div>
      <div className="facts-wide"><dt>{t('corrections.reference')}</dt><dd className="number">{request.id}</dd></div>
    </>
  );
}
