import { formatInstant } from '../../citizen/format.js';
import { useStaffTranslation } from '../staff-i18n.js';
import { actorName } from './actor-name.js';
import type { Alert } from './security-api.js';

const knownEvidence = ['event_seq', 'event_type', 'subject', 'window', 'limit', 'denials', 'window_minutes', 'time_in_india', 'working_hours'] as const;
type KnownEvidence = (typeof knownEvidence)[number];
const isKnown = (key: string): key is KnownEvidence => (knownEvidence as readonly string[]).includes(key);

/** One alert: what rule, about whom, when, what it saw (ids and counts only), and whether it is still open. */
export function AlertCard({ alert, busy, onAcknowledge }: { alert: Alert; busy: boolean; onAcknowledge: (alert: Alert) => void }) {
  const { t, language } = useStaffTranslation();
  const headingId = `alert-${alert.id}`;
  const rule = t(`security.rules.${alert.rule}`);
  const name = actorName(t, alert.actor);
  return (
    <article className={`security-card security-card--${alert.severity}`} aria-labelledby={headingId}>
      <h3 id={headingId}>
        <span className={`severity severity--${alert.severity}`}>{t(`security.severities.${alert.severity}`)}</span> {rule}
      </h3>
      <p className="security-actor">{name}{alert.actor_suspended && <> · <strong>{t('security.actorSuspended')}</strong></>}</p>
      <dl className="facts facts--compact">
        <div><dt>{t('security.raised')}</dt><dd>{formatInstant(alert.raised_at, language)}</dd></div>
        {alert.occurrences > 1 && <div><dt>{t('security.lastSeen')}</dt><dd>{formatInstant(alert.last_seen_at, language)}</dd></div>}
        <div><dt>{t('security.occurrences')}</dt><dd>{alert.occurrences}</dd></div>
        <div>
          <dt>{t('security.status')}</dt>
          <dd>{alert.status === 'open' ? t('security.statusOpen') : t('security.statusAcknowledged', { at: formatInstant(alert.acknowledged_at ?? alert.last_seen_at, language) })}</dd>
        </div>
      </dl>
      <details>
        <summary>{t('security.evidence')}</summary>
        <dl className="facts facts--compact evidence">
          {Object.entries(alert.evidence).map(([key, value]) => (
            <div key={key}>
              <dt>{isKnown(key) ? t(`security.evidenceKeys.${key}`) : key}</dt>
              <dd><code>{key === 'window' && typeof value === 'string' ? t(`security.windows.${value}`, { defaultValue: value }) : String(value)}</code></dd>
            </div>
          ))}
        </dl>
      </details>
      {alert.status === 'open' && (
        <p>
          <button type="button" disabled={busy} aria-label={t('security.acknowledgeFor', { rule, name })} onClick={() => onAcknowledge(alert)}>
            {t('security.acknowledge')}
          </button>
        </p>
      )}
    </article>
  );
}
