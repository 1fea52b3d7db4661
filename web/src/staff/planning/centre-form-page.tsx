import { Link, useLocation, useParams, useSearchParams } from 'react-router';
import { PageHeading } from '../../citizen/page-heading.js';
import { useDistricts } from '../../find-centre/use-places.js';
import { usePageTitle } from '../../layout/page-title.js';
import { useStaffProfile } from '../staff-profile.js';
import { useStaffTranslation } from '../staff-i18n.js';
import { CentreForm, type CentreFormMode } from './centre-form.js';
import { LoadState } from './load-state.js';
import { fetchCentre, fetchVaccines } from './planning-api.js';
import { PlanningNav } from './planning-nav.js';
import { idOf } from './planning-words.js';
import { NotThere, useLoad } from './use-load.js';

/** /staff/planning/centres/new?state=…&district=…: a new centre in a district chosen on the centres page. */
export function NewCentrePage() {
  const { t } = useStaffTranslation();
  usePageTitle(t('planning.centreForm.createTitle'));
  const { scope } = useStaffProfile();
  const [params] = useSearchParams();
  const passedName = (useLocation().state as { districtName?: string } | null)?.districtName;
  const districtId = scope.level === 'district' ? scope.district_id : idOf(params.get('district') ?? undefined);
  const stateId = scope.level === 'state' ? scope.state_id : idOf(params.get('state') ?? undefined);
  // Only when the name did not come with the link (a reload, a bookmark).
  const districts = useDistricts(scope.level === 'district' || passedName ? undefined : stateId);
  const districtName = scope.level === 'district' ? scope.name
    : passedName ?? districts.items.find((d) => d.district_id === districtId)?.district_name ?? t('planning.centreForm.districtNumber', { id: districtId ?? '' });

  let body;
  if (scope.level === 'facility') body = <p className="notice notice--info">{t('planning.centreForm.notForCentreAdmins')}</p>;
  else if (districtId === undefined) {
    body = <p className="notice notice--info">{t('planning.centreForm.chooseDistrictFirst')} <Link to="/staff/planning">{t('planning.navCentres')}</Link></p>;
  } else body = <WithCatalogue mode={{ kind: 'create', districtId, districtName }} />;
  return (
    <div className="citizen-page citizen-page--narrow">
      <div className="intro">
        <PageHeading>{t('planning.centreForm.createHeading')}</PageHeading>
        <p>{t('planning.centreForm.intro')}</p>
      </div>
      <PlanningNav />
      {body}
    </div>
  );
}

/** /staff/planning/centres/:centreId/edit */
export function EditCentrePage() {
  const { t } = useStaffTranslation();
  const centreId = idOf(useParams().centreId);
  const { state, reload } = useLoad(String(centreId ?? 'none'), async (signal) => {
    if (centreId === undefined) throw new NotThere();
    return fetchCentre(centreId, signal);
  });
  const centre = state.kind === 'loaded' ? state.value : undefined;
  usePageTitle(t('planning.centreForm.editTitle', { name: centre?.centre_name ?? '' }));
  return (
    <div className="citizen-page citizen-page--narrow">
      <div className="intro">
        <PageHeading>{centre ? t('planning.centreForm.editHeading', { name: centre.centre_name }) : t('planning.centre.title')}</PageHeading>
        <p>{t('planning.centreForm.intro')}</p>
      </div>
      <PlanningNav />
      <LoadState state={state} reload={reload} loading={t('planning.centre.loading')} notFound={t('planning.centre.notFound')} />
      {centre && <WithCatalogue key={centre.id} mode={{ kind: 'edit', centre }} />}
    </div>
  );
}

/** The form needs the catalogue: which vaccines there are, and each one's price cap. */
function WithCatalogue({ mode }: { mode: CentreFormMode }) {
  const { t } = useStaffTranslation();
  const { state, reload } = useLoad('catalogue', fetchVaccines);
  return (
    <>
      <LoadState state={state} reload={reload} loading={t('planning.vaccines.loading')} notFound={t('planning.vaccines.empty')} />
      {state.kind === 'loaded' && <CentreForm mode={mode} catalogue={state.value} />}
    </>
  );
}
