import { Link } from 'react-router';
import { useCitizenTranslation } from '../citizen-i18n.js';
import { formatCowinDay } from '../format.js';
import { SlipButton } from '../slip-button.js';
import type { Choice } from './chosen-session.js';

interface DoneStepProps {
  appointmentId: string;
  rescheduled: boolean;
  names: string;
  choice: Choice;
  slot: string;
}

export function DoneStep({ appointmentId, rescheduled, names, choice, slot }: DoneStepProps) {
  const { t, language } = useCitizenTranslation();
  return (
    <section className="step panel panel--done" aria-labelledby="step-heading">
      <h2 id="step-heading" tabIndex={-1}>{rescheduled ? t('booking.doneReschedule') : t('booking.done')}</h2>
      <dl className="facts">
        <div>
          <dt>{t('booking.confirmation')}</dt>
          <dd className="number confirmation-number">{appointmentId}</dd>
        </div>
        <div>
          <dt>{t('booking.people')}</dt>
          <dd>{names}</dd>
        </div>
        <div>
          <dt>{t('booking.centre')}</dt>
          <dd>{choice.centre.name}<span className="facts-more">{choice.centre.address}, {choice.centre.pincode}</span></dd>
        </div>
        <div>
          <dt>{t('booking.date')}</dt>
          <dd>{formatCowinDay(choice.session.date, language)}</dd>
        </div>
        <div>
          <dt>{t('booking.slot')}</dt>
          <dd className="slot-text">{slot}</dd>
        </div>
      </dl>
      <p className="notice notice--info">{rescheduled ? t('booking.smsNoteReschedule') : t('booking.smsNote')}</p>
      <div className="actions">
        <SlipButton appointmentId={appointmentId} className="primary" />
        <Link to="/family">{t('common.backToFamily')}</Link>
      </div>
    </section>
  );
}
