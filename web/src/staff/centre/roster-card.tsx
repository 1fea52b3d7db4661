import { Link } from 'react-router';
import { useStaffTranslation } from '../staff-i18n.js';
import type { RosterEntry } from './centre-api.js';
import { genderName } from './centre-words.js';

/** One appointment on today's list. A finished one shows no name: nobody needs it on screen any more. */
export function RosterCard({ entry }: { entry: RosterEntry }) {
  const { t } = useStaffTranslation();
  const headingId = `appointment-${entry.appointment_id}`;
  const booked = entry.status === 'booked';
  return (
    <article className={`roster-card${booked ? '' : ' roster-card--done'}`} aria-labelledby={headingId}>
      <div className="member-head">
        <h2 id={headingId}>{entry.name ?? t('day.completedName')}</h2>
        <span className={`badge ${booked ? 'badge--notVaccinated' : 'badge--vaccinated'}`}>{booked ? t('day.booked') : t('day.completed')}</span>
        {entry.walk_in && <span className="badge">{t('day.walkIn')}</span>}
      </div>
      <dl className="facts facts--compact">
        <div><dt>{t('day.slot')}</dt><dd className="slot-text">{entry.slot}</dd></div>
        <div><dt>{t('day.dose')}</dt><dd>{entry.dose}</dd></div>
        <div><dt>{t('day.vaccine')}</dt><dd>{entry.vaccine}</dd></div>
        <div><dt>{t('day.age')}</dt><dd>{t('day.ageYears', { count: entry.age })}</dd></div>
        <div><dt>{t('day.gender')}</dt><dd>{genderName(t, entry.gender)}</dd></div>
        <div><dt>{t('day.photoId')}</dt><dd className="number">{entry.photo_id_masked}</dd></div>
      </dl>
      {booked && (
        <p>
          <Link className="button primary" to={`/staff/day/${entry.appointment_id}`} aria-label={t('day.openFor', { name: entry.name ?? '', slot: entry.slot })}>
            {t('day.open')}
          </Link>
        </p>
      )}
    </article>
  );
}
