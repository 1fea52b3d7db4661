import { Link, useParams, useSearchParams } from 'react-router';
import { usePageTitle } from '../../layout/page-title.js';
import { useCitizenTranslation } from '../citizen-i18n.js';
import { PageHeading } from '../page-heading.js';
import { useFamily } from '../use-family.js';
import { BookingFlow } from './booking-flow.js';
import { planBooking } from './booking-plan.js';

/** `/book/:referenceId`, and `?reschedule=<appointment id>` to move an appointment instead. */
export function BookPage() {
  const { t } = useCitizenTranslation();
  const { referenceId = '' } = useParams();
  const [params] = useSearchParams();
  const rescheduleId = params.get('reschedule') ?? undefined;
  usePageTitle(rescheduleId ? t('booking.rescheduleTitle') : t('booking.title'));
  const { family, reload } = useFamily();
  const plan = family.status === 'loaded' ? planBooking(family.members, referenceId, rescheduleId) : undefined;

  return (
    <div className="citizen-page">
      <p className="back-link"><Link to="/family">{t('common.backToFamily')}</Link></p>
      <div className="intro">
        <PageHeading>{rescheduleId ? t('booking.rescheduleHeading') : t('booking.heading')}</PageHeading>
      </div>
      <div role="status" className="status-region">{family.status === 'loading' && <p>{t('booking.loading')}</p>}</div>
      {family.status === 'failed' && family.failure.kind !== 'session-ended' && (
        <div className="notice notice--error" role="alert">
          <p>{t('common.unavailable')}</p>
          <button type="button" onClick={reload}>{t('common.retry')}</button>
        </div>
      )}
      {plan && (plan.kind === 'book' || plan.kind === 'reschedule') && <BookingFlow key={`${referenceId}/${rescheduleId ?? ''}`} plan={plan} />}
      {plan && plan.kind !== 'book' && plan.kind !== 'reschedule' && (
        <div className="notice notice--error" role="alert">
          <p>
            {plan.kind === 'unknown-member' && t('booking.unknownMember')}
            {plan.kind === 'unknown-appointment' && t('booking.unknownAppointment')}
            {plan.kind === 'not-due' && t('booking.notDue', { name: plan.member.name })}
            {plan.kind === 'has-appointment' && t('booking.hasAppointment', { name: plan.member.name })}
          </p>
          <Link to="/family">{t('common.backToFamily')}</Link>
        </div>
      )}
    </div>
  );
}
