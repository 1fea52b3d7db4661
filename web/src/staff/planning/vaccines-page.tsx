import { Link } from 'react-router';
import { PageHeading } from '../../citizen/page-heading.js';
import { usePageTitle } from '../../layout/page-title.js';
import { useStaffProfile } from '../staff-profile.js';
import { useStaffTranslation } from '../staff-i18n.js';
import { LoadState } from './load-state.js';
import { useNote, type VaccinesNote } from './page-notes.js';
import { fetchVaccines, type VaccineView } from './planning-api.js';
import { PlanningNav } from './planning-nav.js';
import { agesText } from './planning-words.js';
import { useLoad } from './use-load.js';

/** The vaccine catalogue every plan is made from; only the national administrator changes it. */
export function VaccinesPage() {
  const { t } = useStaffTranslation();
  usePageTitle(t('planning.vaccines.title'));
  const { role } = useStaffProfile();
  const { state, reload } = useLoad('catalogue', fetchVaccines);
  const note = useNote<VaccinesNote>(['vaccine-saved']);
  const editor = role === 'national_admin';
  return (
    <div className="citizen-page">
      <div className="intro">
        <PageHeading>{t('planning.vaccines.heading')}</PageHeading>
        <p>{editor ? t('planning.vaccines.introEditor') : t('planning.vaccines.introReader')}</p>
      </div>
      <PlanningNav />
      <div role="status" className="status-region">
        {note && (
          <p className="notice notice--done">
            {t('planning.vaccines.saved', { vaccine: note.vaccine })}
            {note.feesCapped > 0 && <> {t('planning.vaccines.feesCapped', { count: note.feesCapped })}</>}
          </p>
        )}
      </div>
      <LoadState state={state} reload={reload} loading={t('planning.vaccines.loading')} notFound={t('planning.vaccines.empty')} />
      {state.kind === 'loaded' && (state.value.length === 0 ? <p className="empty-state">{t('planning.vaccines.empty')}</p> : (
        <ul className="planning-cards">
          {state.value.map((vaccine) => <li key={vaccine.vaccine}><VaccineCard vaccine={vaccine} editor={editor} /></li>)}
        </ul>
      ))}
    </div>
  );
}

function VaccineCard({ vaccine, editor }: { vaccine: VaccineView; editor: boolean }) {
  const { t } = useStaffTranslation();
  const headingId = `vaccine-${vaccine.vaccine.replace(/\W+/g, '-')}`;
  return (
    <article className="planning-card" aria-labelledby={headingId}>
      <h2 id={headingId}>{vaccine.vaccine}</h2>
      <dl className="facts facts--compact">
        <div className="facts-wide"><dt>{t('planning.vaccines.manufacturer')}</dt><dd>{vaccine.manufacturer}</dd></div>
        <div><dt>{t('planning.vaccines.doses')}</dt><dd className="number">{vaccine.doses_in_series}</dd></div>
        <div><dt>{t('planning.vaccines.dose2After')}</dt><dd>{t('planning.vaccines.days', { count: vaccine.dose2_after_days })}</dd></div>
        <div><dt>{t('planning.vaccines.precautionAfter')}</dt><dd>{t('planning.vaccines.days', { count: vaccine.precaution_after_days })}</dd></div>
        <div><dt>{t('planning.vaccines.cap')}</dt><dd className="number">₹{vaccine.private_price_cap}</dd></div>
        <div className="facts-wide"><dt>{t('planning.vaccines.ages')}</dt><dd>{vaccine.age_groups.map((g) => agesText(t, { min: g.min_age, max: g.max_age })).join('; ')}</dd></div>
        <div><dt>{t('planning.vaccines.vp')}</dt><dd className="number">{vaccine.eu_dcc.vp}</dd></div>
        <div><dt>{t('planning.vaccines.mp')}</dt><dd className="number">{vaccine.eu_dcc.mp}</dd></div>
        <div><dt>{t('planning.vaccines.ma')}</dt><dd className="number">{vaccine.eu_dcc.ma}</dd></div>
        <div><dt>{t('planning.vaccines.cvx')}</dt><dd className="number">{vaccine.cvx_code ?? t('planning.vaccines.none')}</dd></div>
      </dl>
      {editor && (
        <p>
          <Link className="button" to={encodeURIComponent(vaccine.vaccine)} aria-label={t('planning.vaccines.editFor', { vaccine: vaccine.vaccine })}>
            {t('planning.vaccines.edit')}
          </Link>
        </p>
      )}
    </article>
  );
}
