import type { TFunction } from 'i18next';
import { genderName } from '../centre/centre-words.js';
import { useStaffTranslation } from '../staff-i18n.js';
import type { RequestUnderReview } from './corrections-api.js';
import { PlaceFacts } from './place-facts.js';

/** A value of the request's field for the page: gender comes as Co-WIN's English label, names and numbers exactly as stored. */
export function shownValue(t: TFunction<'staff'>, request: RequestUnderReview, value: string): string {
  return request.field === 'gender' ? genderName(t, value) : value;
}

/** Where the request comes from, the one field's value now and as asked for, and what the citizen wrote. */
export function RequestDetails({ request }: { request: RequestUnderReview }) {
  const { t } = useStaffTranslation();
  const shown = (value: string) => shownValue(t, request, value);
  return (
    <>
      <dl className="facts facts--compact panel">
        <PlaceFacts request={request} />
      </dl>
      <section className="step" aria-labelledby="compare-heading">
        <h2 id="compare-heading">{t('corrections.compareHeading')}</h2>
        <dl className="facts panel correction-compare">
          {request.photo_id_type !== undefined && <div><dt>{t('corrections.documentType')}</dt><dd>{request.photo_id_type}</dd></div>}
          <div><dt>{t('corrections.current')}</dt><dd id="current-value">{shown(request.current_value)}</dd></div>
          <div><dt>{t('corrections.requested')}</dt><dd id="requested-value" className="correction-requested">{shown(request.requested_value)}</dd></div>
        </dl>
      </section>
      <section className="step" aria-labelledby="reason-heading">
        <h2 id="reason-heading">{t('corrections.reasonHeading')}</h2>
        <p className="panel citizen-reason">{request.reason}</p>
      </section>
    </>
  );
}
