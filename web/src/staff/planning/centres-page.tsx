import { useState } from 'react';
import { Link, Navigate, useLocation, useNavigate, useSearchParams } from 'react-router';
import { TextField } from '../../citizen/form-fields.js';
import { PageHeading } from '../../citizen/page-heading.js';
import { usePageTitle } from '../../layout/page-title.js';
import { useStaffProfile } from '../staff-profile.js';
import { useStaffTranslation } from '../staff-i18n.js';
import { CentreCard } from './centre-card.js';
import { DistrictChooser } from './district-chooser.js';
import { LoadState } from './load-state.js';
import { fetchCentres, type CentreView } from './planning-api.js';
import { PlanningNav } from './planning-nav.js';
import { idOf } from './planning-words.js';
import { useLoad } from './use-load.js';

const PAGE_SIZE = 20;

/**
 * The centres of one district of the administrator's area. A district administrator sees theirs
 * at once; state and national administrators choose a district first. A centre administrator has
 * one centre, so goes straight to it. The district is kept in the address, so Back returns here.
 */
export function CentresPage() {
  const { scope } = useStaffProfile();
  if (scope.level === 'facility' && scope.facility_id !== undefined) return <Navigate to={`centres/${scope.facility_id}`} replace />;
  return <AreaCentresPage />;
}

function AreaCentresPage() {
  const { t } = useStaffTranslation();
  usePageTitle(t('planning.centres.title'));
  const { scope } = useStaffProfile();
  const navigate = useNavigate();
  const chosenName = (useLocation().state as { districtName?: string } | null)?.districtName;
  const [params] = useSearchParams();
  const districtId = scope.level === 'district' ? scope.district_id : idOf(params.get('district') ?? undefined);
  const stateId = scope.level === 'state' ? scope.state_id : idOf(params.get('state') ?? undefined);
  const { state, reload } = useLoad(districtId === undefined ? undefined : String(districtId), (signal) => fetchCentres(districtId!, signal));

  const centres = state.kind === 'loaded' ? state.value : [];
  const districtName = scope.level === 'district' ? scope.name : centres[0]?.district_name ?? chosenName;
  return (
    <div className="citizen-page">
      <div className="intro">
        <PageHeading>{t('planning.centres.heading')}</PageHeading>
        <p>{t('planning.centres.intro')}</p>
      </div>
      <PlanningNav />
      {scope.level !== 'district' && (
        <DistrictChooser
          key={`${stateId ?? ''}-${districtId ?? ''}`}
          ownState={scope.level === 'state' ? scope.state_id : undefined}
          chosen={{ stateId, districtId }}
          onChoose={(chosen) => navigate(`?state=${chosen.stateId}&district=${chosen.districtId}`, { state: { districtName: chosen.districtName } })}
        />
      )}
      {districtId !== undefined && (
        <section className="step planning-list" aria-labelledby="centres-heading">
          <h2 id="centres-heading">{districtName ? t('planning.centres.listHeading', { district: districtName }) : t('planning.centres.listHeadingPlain')}</h2>
          <p>
            <Link className="button primary" to={`centres/new?district=${districtId}`} state={{ districtName }}>{t('planning.centres.add')}</Link>
          </p>
          <LoadState state={state} reload={reload} loading={t('planning.centres.loading')} notFound={t('planning.centres.districtNotFound')} />
          {state.kind === 'loaded' && <CentreList key={districtId} centres={centres} />}
        </section>
      )}
    </div>
  );
}

function matches(centre: CentreView, words: string): boolean {
  const text = `${centre.centre_name} ${centre.block_name} ${centre.pincode} ${centre.id}`.toLowerCase();
  return words.split(/\s+/).every((word) => text.includes(word));
}

/** Fifty centres are too many to read through on a phone: a filter, and twenty at a time. */
function CentreList({ centres }: { centres: readonly CentreView[] }) {
  const { t } = useStaffTranslation();
  const [filter, setFilter] = useState('');
  const [shown, setShown] = useState(PAGE_SIZE);
  if (centres.length === 0) return <p className="empty-state">{t('planning.centres.empty')}</p>;
  const words = filter.trim().toLowerCase();
  const found = [...centres].sort((a, b) => a.centre_name.localeCompare(b.centre_name, 'en')).filter((c) => words === '' || matches(c, words));
  const visible = found.slice(0, shown);
  return (
    <>
      <TextField
        id="centre-filter"
        type="search"
        autoComplete="off"
        label={t('planning.centres.filter')}
        hint={t('planning.centres.filterHint')}
        value={filter}
        onChange={(event) => {
          setFilter(event.target.value);
          setShown(PAGE_SIZE);
        }}
      />
      <p role="status" className="muted">{t('planning.centres.count', { shown: visible.length, count: found.length })}</p>
      {found.length === 0 ? <p className="empty-state">{t('planning.centres.noMatch')}</p> : (
        <ul className="planning-cards">
          {visible.map((centre) => <li key={centre.id}><CentreCard centre={centre} /></li>)}
        </ul>
      )}
      {visible.length < found.length && (
        <p>
          <button type="button" onClick={() => setShown((n) => n + PAGE_SIZE)}>
            {t('planning.centres.more', { count: Math.min(PAGE_SIZE, found.length - visible.length) })}
          </button>
        </p>
      )}
    </>
  );
}
