import { Link } from 'react-router';
import type { BeneficiaryView } from '../../../../src/api/cowin-v2/citizen-schema.js';
import { useCitizenTranslation } from '../citizen-i18n.js';
import { formatCowinDay } from '../format.js';
import { SlipButton } from '../slip-button.js';

export type Appointment = BeneficiaryView['appointments'][number];

interface AppointmentCardProps {
  member: BeneficiaryView;
  appointment: Appointment;
  onCancel: () => void;
}

/** Where and when, and the three things one does with an appointment. */
export function AppointmentCard({ member, appointment, onCancel }: AppointmentCardProps) {
  const { t, language } = useCitizenTranslation();
  const headingId = `appointment-${member.beneficiary_reference_id}`;
  const place = [appointment.block_name.trim(), appointment.district_name.trim(), appointment.state_name.trim()].filter(Boolean).join(', ');
  return (
    <section className="appointment" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('appointment.heading', { dose: appointment.dose })}</h3>
      <dl className="facts">
        <div>
          <dt>{t('appointment.date')}</dt>
          <dd>{formatCowinDay(appointment.date, language)}</dd>
        </div>
        <div>
          <dt>{t('appointment.slot')}</dt>
          <dd className="slot-text">{appointment.slot}</dd>
        </div>
        <div>
          <dt>{t('appointment.centre')}</dt>
          <dd>
            {appointment.name}
            {place && <span className="facts-more">{place}</span>}
          </dd>
        </div>
      </dl>
      <div className="actions">
        <SlipButton appointmentId={appointment.appointment_id} label={t('appointment.downloadFor', { name: member.name })} className="primary" />
        <Link
          className="button"
          to={`/book/${member.beneficiary_reference_id}?${new URLSearchParams({ reschedule: appointment.appointment_id })}`}
          aria-label={t('appointment.rescheduleFor', { name: member.name })}
        >
          {t('appointment.reschedule')}
        </Link>
        <button type="button" onClick={onCancel} aria-label={t('appointment.cancelFor', { name: member.name })}>
          {t('appointment.cancel')}
        </button>
      </div>
    </section>
  );
}
