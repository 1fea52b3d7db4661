import { Link } from 'react-router';
import { formatInstant } from '../../citizen/format.js';
import { useStaffTranslation } from '../staff-i18n.js';
import type { QueueEntry } from './corrections-api.js';
import type { ReviewPageState } from './corrections-navigation.js';
import { PlaceFacts } from './place-facts.js';

/**
 * One open request, as the queue may show it: the field, when and where, and no one's name. The
 * link to open it carries the warning that opening is a recorded read the citizen sees.
 */
export function QueueCard({ entry }: { entry: QueueEntry }) {
  const { t, language } = useStaffTranslation();
  const headingId = `request-${entry.id}`;
  const field = t(`corrections.fields.${entry.field}`);
  const acknowledged: ReviewPageState = { acknowledged: true };
  return (
    <article className="correction-card" aria-labelledby={headingId}>
      <h2 id={headingId}>{field}</h2>
      <dl className="facts facts--compact">
        <PlaceFacts request={entry} />
      </dl>
      <p id={`${headingId}-recorded`} className="recorded-warning">{t('corrections.recorded')}</p>
      <p>
        <Link
          className="button primary"
          to={entry.id}
          state={acknowledged}
          aria-label={t('corrections.openFor', { field, date: formatInstant(entry.created_at, language) })}
          aria-describedby={`${headingId}-recorded`}
        >
          {t('corrections.open')}
        </Link>
      </p>
    </article>
  );
}
