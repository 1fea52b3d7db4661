import { Link } from 'react-router';
import type { BeneficiaryView } from '../../../../src/api/cowin-v2/citizen-schema.js';
import { CertificateButton } from '../certificate-button.js';
import { useCitizenTranslation } from '../citizen-i18n.js';
import { formatCowinDay } from '../format.js';
import { nextDoseOf, statusKey } from '../use-family.js';
import { genderLabel, idTypeLabel, type ListsState } from '../use-registration-lists.js';
import { AppointmentCard, type Appointment } from './appointment-card.js';

interface MemberCardProps {
  member: BeneficiaryView;
  lists: ListsState;
  onCancel: (appointment: Appointment) => void;
  onRemove: () => void;
}

export function MemberCard({ member, lists, onCancel, onRemove }: MemberCardProps) {
  const { t, language } = useCitizenTranslation();
  const ref = member.beneficiary_reference_id;
  const headingId = `member-${ref}`;
  const appointment = member.appointments[0];
  const nextDose = nextDoseOf(member);
  const doses = [
    { dose: 1, date: member.dose1_date },
    { dose: 2, date: member.dose2_date },
  ].filter((d) => d.date !== '');
  const status = statusKey(member);

  return (
    <article className="member" aria-labelledby={headingId}>
      <div className="member-head">
        <h2 id={headingId} tabIndex={-1}>{member.name}</h2>
        <span className={`badge badge--${status}`}>{t(`family.status.${status}`)}</span>
      </div>
      <dl className="facts facts--compact">
        <div>
          <dt>{t('family.referenceId')}</dt>
          <dd className="number">{ref}</dd>
        </div>
        <div>
          <dt>{t('family.birthYear')}</dt>
          <dd>{member.birth_year}</dd>
        </div>
        <div>
          <dt>{t('family.gender')}</dt>
          <dd>{genderLabel(lists, member.gender, language)}</dd>
        </div>
        <div className="facts-wide">
          <dt>{t('family.photoId')}</dt>
          <dd>
            {idTypeLabel(lists, member.photo_id_type, language)} <span className="number nowrap">{member.photo_id_number}</span>
          </dd>
        </div>
      </dl>
      <div className="member-doses">
        <h3>{t('family.doses')}</h3>
        {doses.length === 0 ? (
          <p className="muted">{t('family.noDoses')}</p>
        ) : (
          <>
            <ul>
              {doses.map((d) => (
                <li key={d.dose}>{t('family.doseGiven', { dose: d.dose, vaccine: member.vaccine, date: formatCowinDay(d.date, language) })}</li>
              ))}
            </ul>
            <div className="member-certificate">
              {/* Co-WIN's list has no precaution-dose date: after dose 2 the download says which certificate it is. */}
              <p>{t(doses.length === 1 ? 'certificate.provisional' : 'certificate.final')}</p>
              <p className="muted">{t('certificate.languages')}</p>
              <div>
                <CertificateButton referenceId={ref} label={t('certificate.downloadFor', { name: member.name })} />
              </div>
            </div>
          </>
        )}
      </div>
      {appointment ? (
        <AppointmentCard member={member} appointment={appointment} onCancel={() => onCancel(appointment)} />
      ) : (
        nextDose !== undefined && (
          <p>
            <Link className="button primary" to={`/book/${ref}`} aria-label={t('family.bookFor', { dose: nextDose, name: member.name })}>
              {t('family.book', { dose: nextDose })}
            </Link>
          </p>
        )
      )}
      <div className="member-more">
        <Link to={`/family/${ref}/correction`} aria-label={t('family.correctionFor', { name: member.name })}>{t('family.correction')}</Link>
        {doses.length === 0 && (
          <button type="button" className="link-button link-button--danger" onClick={onRemove} aria-label={t('family.removeFor', { name: member.name })}>
            {t('family.remove')}
          </button>
        )}
      </div>
    </article>
  );
}
