import { Link } from 'react-router';
import { useStaffTranslation } from '../staff-i18n.js';
import { formatDay } from '../staff-words.js';
import type { SessionView } from './planning-api.js';
import { agesText } from './planning-words.js';

/** One planned session: what it offers, what is booked, and the way to change or delete it. */
export function SessionCard({ session, onDelete }: { session: SessionView; onDelete: () => void }) {
  const { t, language } = useStaffTranslation();
  const headingId = `session-${session.id}`;
  const ages = agesText(t, { min: session.min_age_limit, max: session.max_age_limit });
  const named = { vaccine: session.vaccine, ages, date: formatDay(session.date, language) };
  return (
    <article className="planning-card" aria-labelledby={headingId}>
      <h4 id={headingId}>{t('planning.sessions.cardHeading', named)}</h4>
      <dl className="facts facts--compact">
        <div><dt>{t('planning.sessions.dose1')}</dt><dd>{t('planning.sessions.booked', { booked: session.booked_dose1, capacity: session.capacity_dose1 })}</dd></div>
        <div><dt>{t('planning.sessions.dose2')}</dt><dd>{t('planning.sessions.booked', { booked: session.booked_dose2, capacity: session.capacity_dose2 })}</dd></div>
        <div><dt>{t('planning.sessions.walkIns')}</dt><dd>{t('planning.sessions.walkInsTaken', { taken: session.walk_ins, capacity: session.walk_in_capacity })}</dd></div>
        <div className="facts-wide"><dt>{t('planning.sessions.slots')}</dt><dd className="slot-text">{session.slots.join(', ')}</dd></div>
      </dl>
      <div className="page-actions">
        <Link className="button" to={`sessions/${session.id}`} aria-label={t('planning.sessions.editFor', named)}>{t('planning.sessions.edit')}</Link>
        <button type="button" className="link-button link-button--danger" onClick={onDelete} aria-label={t('planning.sessions.deleteFor', named)}>
          {t('planning.sessions.delete')}
        </button>
      </div>
    </article>
  );
}
