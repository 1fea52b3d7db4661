import { formatInstant } from '../../citizen/format.js';
import { useStaffTranslation } from '../staff-i18n.js';
import type { PartnerView } from './partner-types.js';

const numbers = (language: string) => new Intl.NumberFormat(`${language}-IN`, { numberingSystem: 'latn' });

/** What is registered for a partner; `full` adds what only its own page needs (addresses, keys, dates). */
export function PartnerFacts({ partner, full = false }: { partner: PartnerView; full?: boolean }) {
  const { t, language } = useStaffTranslation();
  const count = numbers(language);
  return (
    <dl className="facts facts--compact">
      <div className="facts-wide"><dt>{t('partners.facts.purpose')}</dt><dd className="partner-words">{partner.purpose}</dd></div>
      <div className="facts-wide"><dt>{t('partners.facts.scopes')}</dt><dd>{partner.scopes.map((scope) => t(`partners.scopes.${scope}`)).join(', ')}</dd></div>
      <div className="facts-wide"><dt>{t('partners.facts.clientId')}</dt><dd className="number partner-code">{partner.client_id}</dd></div>
      {full && (
        <>
          <div className="facts-wide"><dt>{t('partners.facts.tokenUrl')}</dt><dd className="partner-code">{partner.token_url}</dd></div>
          <div className="facts-wide"><dt>{t('partners.facts.ips')}</dt><dd className="partner-code">{partner.ip_allowlist.join(', ')}</dd></div>
          <div className="facts-wide"><dt>{t('partners.facts.keys')}</dt><dd className="partner-code">{partner.key_ids.join(', ')}</dd></div>
          <div className="facts-wide">
            <dt>{t('partners.facts.limits')}</dt>
            <dd>
              {t('partners.facts.limitsValue', {
                minute: count.format(partner.quotas.requests_per_minute),
                day: count.format(partner.quotas.requests_per_day),
                subjects: count.format(partner.quotas.subjects_per_day),
              })}
            </dd>
          </div>
          <div><dt>{t('partners.facts.created')}</dt><dd>{formatInstant(partner.created_at, language)}</dd></div>
          <div>
            <dt>{t('partners.facts.apiKey')}</dt>
            <dd>{partner.api_key_created_at ? formatInstant(partner.api_key_created_at, language) : t('partners.facts.noApiKey')}</dd>
          </div>
        </>
      )}
    </dl>
  );
}

/** Active or disabled, as a badge beside the partner's name. */
export function PartnerStatus({ partner }: { partner: PartnerView }) {
  const { t } = useStaffTranslation();
  return (
    <span className={`badge ${partner.disabled ? 'badge--partner-disabled' : 'badge--partner-active'}`}>
      {partner.disabled ? t('partners.facts.disabled') : t('partners.facts.active')}
    </span>
  );
}
