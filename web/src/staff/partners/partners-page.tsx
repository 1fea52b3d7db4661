import { Link } from 'react-router';
import { PageHeading } from '../../citizen/page-heading.js';
import { usePageTitle } from '../../layout/page-title.js';
import { LoadState } from '../planning/load-state.js';
import { useLoad } from '../planning/use-load.js';
import { useStaffTranslation } from '../staff-i18n.js';
import { PartnerFacts, PartnerStatus } from './partner-facts.js';
import type { PartnerView } from './partner-types.js';
import { fetchPartners } from './partners-api.js';

/** The registered partners, disabled ones last, each with a way to its own page. */
export function PartnersPage() {
  const { t } = useStaffTranslation();
  usePageTitle(t('partners.list.title'));
  const { state, reload } = useLoad('partners', fetchPartners);
  const partners = state.kind === 'loaded'
    ? [...state.value].sort((a, b) => Number(a.disabled) - Number(b.disabled) || a.name.localeCompare(b.name))
    : [];
  return (
    <div className="citizen-page">
      <div className="intro">
        <PageHeading>{t('partners.list.heading')}</PageHeading>
        <p>{t('partners.list.intro')}</p>
      </div>
      <p><Link className="button primary" to="new">{t('partners.list.register')}</Link></p>
      <LoadState state={state} reload={reload} loading={t('partners.list.loading')} notFound={t('partners.list.empty')} />
      {state.kind === 'loaded' && (partners.length === 0 ? <p className="empty-state">{t('partners.list.empty')}</p> : (
        <ul className="partner-cards">
          {partners.map((partner) => <li key={partner.id}><PartnerCard partner={partner} /></li>)}
        </ul>
      ))}
    </div>
  );
}

function PartnerCard({ partner }: { partner: PartnerView }) {
  const { t } = useStaffTranslation();
  const headingId = `partner-${partner.id}`;
  return (
    <article className={`partner-card${partner.disabled ? ' partner-card--disabled' : ''}`} aria-labelledby={headingId}>
      <div className="partner-head">
        <h2 id={headingId}>{partner.name}</h2>
        <PartnerStatus partner={partner} />
      </div>
      <PartnerFacts partner={partner} />
      <p>
        <Link className="button" to={encodeURIComponent(partner.id)} aria-label={t('partners.list.manageFor', { name: partner.name })}>
          {t('partners.list.manage')}
        </Link>
      </p>
    </article>
  );
}
