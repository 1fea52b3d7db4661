import { useCitizenTranslation } from '../citizen-i18n.js';
import { formatInstant } from '../format.js';
import type { ConsentView } from './consent-types.js';
import { dataNames, formatIndianDay } from './consent-words.js';

/** One consent: the partner, what it may see and until when, when it last used it, and the way to withdraw it while active. */
export function ConsentCard({ consent, onRevoke }: { consent: ConsentView; onRevoke: () => void }) {
  const { t, language } = useCitizenTranslation();
  const headingId = `consent-${consent.id}`;
  const active = consent.status === 'approved';
  return (
    <article className={`consent-card${active ? '' : ' consent-card--ended'}`} aria-labelledby={headingId}>
      <div className="member-head">
        <h3 id={headingId}>{consent.partner_name}</h3>
        <span className={`badge badge--consent-${consent.status}`}>{t(`consents.list.status.${consent.status}`)}</span>
      </div>
      <p className="consent-words muted">{consent.partner_purpose}</p>
      <dl className="facts facts--compact">
        <div className="facts-wide"><dt>{t('consents.list.purpose')}</dt><dd className="consent-words">{consent.purpose}</dd></div>
        <div className="facts-wide"><dt>{t('consents.list.data')}</dt><dd>{dataNames(t, consent.data)}</dd></div>
        <div><dt>{t('consents.list.granted')}</dt><dd>{formatIndianDay(consent.granted_at, language)}</dd></div>
        {consent.revoked_at ? (
          <div><dt>{t('consents.list.revokedAt')}</dt><dd>{formatIndianDay(consent.revoked_at, language)}</dd></div>
        ) : (
          <div><dt>{t('consents.list.expires')}</dt><dd>{formatIndianDay(consent.expires_at, language)}</dd></div>
        )}
        <div className="facts-wide">
          <dt>{t('consents.list.lastUsed')}</dt>
          <dd>{consent.last_used_at ? formatInstant(consent.last_used_at, language) : t('consents.list.neverUsed')}</dd>
        </div>
      </dl>
      {active && (
        <div className="actions">
          <button
            type="button"
            className="danger"
            onClick={onRevoke}
            aria-label={t('consents.list.revokeFor', { partner: consent.partner_name, name: consent.member_name })}
          >
            {t('consents.list.revoke')}
          </button>
        </div>
      )}
    </article>
  );
}
