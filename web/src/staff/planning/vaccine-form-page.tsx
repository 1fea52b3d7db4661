import { Link, useParams } from 'react-router';
import { PageHeading } from '../../citizen/page-heading.js';
import { usePageTitle } from '../../layout/page-title.js';
import { useStaffProfile } from '../staff-profile.js';
import { useStaffTranslation } from '../staff-i18n.js';
import { LoadState } from './load-state.js';
import { fetchVaccines } from './planning-api.js';
import { PlanningNav } from './planning-nav.js';
import { NotThere, useLoad } from './use-load.js';
import { VaccineForm } from './vaccine-form.js';

/** /staff/planning/vaccines/:name, for the national administrator; others are told who changes the catalogue. */
export function VaccineFormPage() {
  const { t } = useStaffTranslation();
  const name = useParams().name ?? '';
  const { role } = useStaffProfile();
  const editor = role === 'national_admin';
  usePageTitle(t('planning.vaccineForm.title', { vaccine: name }));
  const { state, reload } = useLoad(editor ? name : undefined, async (signal) => {
    const vaccine = (await fetchVaccines(signal)).find((v) => v.vaccine === name);
    if (!vaccine) throw new NotThere();
    return vaccine;
  });
  return (
    <div className="citizen-page citizen-page--narrow">
      <div className="intro">
        <PageHeading>{t('planning.vaccineForm.heading', { vaccine: name })}</PageHeading>
        <p>{t('planning.vaccineForm.intro')}</p>
      </div>
      <PlanningNav />
      {!editor ? (
        <p className="notice notice--info">{t('planning.vaccineForm.nationalOnly')} <Link to="/staff/planning/vaccines">{t('planning.navVaccines')}</Link></p>
      ) : (
        <>
          <LoadState state={state} reload={reload} loading={t('planning.vaccines.loading')} notFound={t('planning.vaccineForm.notFound')} />
          {state.kind === 'loaded' && <VaccineForm key={state.value.vaccine} vaccine={state.value} />}
        </>
      )}
    </div>
  );
}
