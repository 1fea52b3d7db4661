import { useCitizenTranslation } from '../citizen-i18n.js';
import { formatInstant } from '../format.js';
import type { MyDataExport } from './my-data-types.js';

// The newest fifty fit on a phone; the download carries them all.
const SHOWN = 50;

type AccessEvent = MyDataExport['access_history'][number];

function labelFrom<T extends object>(labels: T, key: string | null): string | undefined {
  return key !== null && key in labels ? String(labels[key as keyof T]) : undefined;
}

/** The access log about this account and its members, in words rather than event codes. */
export function AccessHistory({ events }: { events: readonly AccessEvent[] }) {
  const { t, language } = useCitizenTranslation();
  const eventNames = t('myData.events', { returnObjects: true });
  const actors = t('myData.actors', { returnObjects: true });
  const purposes = t('myData.purposes', { returnObjects: true });
  const outcomes = t('myData.outcomes', { returnObjects: true });
  const newest = [...events].sort((a, b) => b.at.localeCompare(a.at)).slice(0, SHOWN);

  return (
    <section className="data-section" aria-labelledby="access-heading">
      <h2 id="access-heading">{t('myData.accessHistory')}</h2>
      <p className="muted">{t('myData.accessIntro')}</p>
      {events.length === 0 && <p className="muted">{t('myData.noAccess')}</p>}
      {events.length > SHOWN && <p className="muted">{t('myData.accessShown', { shown: SHOWN, count: events.length })}</p>}
      {newest.length > 0 && (
        <ol className="access-list">
          {newest.map((event, index) => (
            <li key={`${event.at}-${index}`} className="access-item">
              <p className="access-what">{labelFrom(eventNames, event.type.replaceAll('.', '_')) ?? event.type}</p>
              <dl className="access-facts">
                <div><dt>{t('myData.accessWhen')}</dt><dd>{formatInstant(event.at, language)}</dd></div>
                <div><dt>{t('myData.accessWho')}</dt><dd>{labelFrom(actors, event.actor) ?? event.actor}</dd></div>
                {event.purpose && <div><dt>{t('myData.accessWhy')}</dt><dd>{labelFrom(purposes, event.purpose) ?? event.purpose}</dd></div>}
                <div><dt>{t('myData.accessOutcome')}</dt><dd>{labelFrom(outcomes, event.outcome) ?? event.outcome}</dd></div>
              </dl>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
