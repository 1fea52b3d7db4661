import { useEffect, useState } from 'react';
import { Link, useLocation, useSearchParams } from 'react-router';
import { RadioGroup } from '../../citizen/form-fields.js';
import { PageHeading } from '../../citizen/page-heading.js';
import { usePageTitle } from '../../layout/page-title.js';
import { staffFailureOf, staffRejectionCode } from '../staff-api.js';
import { useStaffProfile } from '../staff-profile.js';
import { useStaffTranslation } from '../staff-i18n.js';
import { fetchCentreCases, fetchDistrictCases, PER_PAGE, reportingRoles, type AefiList } from './aefi-api.js';
import { caseLabel, isSeverity, severityName, severityOrder } from './aefi-words.js';
import { CaseCard } from './case-card.js';
import { DistrictChooser } from './district-chooser.js';

/** What the report page hands over after a report: the new case, to name in the notice. */
export interface ListHandover {
  reportedCaseId: string;
}

type Place = { kind: 'centre'; id: number } | { kind: 'district'; id: number };
type Listing = { kind: 'loading' } | { kind: 'failed' } | { kind: 'not-found' } | { kind: 'loaded'; place: Place; list: AefiList };

const positive = (text: string | null) => (text !== null && /^\d{1,9}$/.test(text) && Number(text) > 0 ? Number(text) : undefined);

/**
 * The cases in one's area, newest first, with counts per severity. Centre staff see their centre's;
 * a district administrator their district's; state and national administrators choose a district.
 * The filter, page and district live in the address, so the back button returns to the same list.
 */
export function CaseListPage() {
  const { t } = useStaffTranslation();
  usePageTitle(t('aefi.title'));
  const { role, scope } = useStaffProfile();
  const handover = useLocation().state as Partial<ListHandover> | null;
  const [params, setParams] = useSearchParams();
  const severityParam = params.get('severity');
  const severity = isSeverity(severityParam) ? severityParam : undefined;
  const page = positive(params.get('page')) ?? 1;
  const chosenState = positive(params.get('state'));
  const chosenDistrict = positive(params.get('district'));

  const place: Place | undefined = scope.facility_id !== undefined ? { kind: 'centre', id: scope.facility_id }
    : scope.level === 'district' && scope.district_id !== undefined ? { kind: 'district', id: scope.district_id }
      : chosenDistrict !== undefined ? { kind: 'district', id: chosenDistrict } : undefined;
  const placeKind = place?.kind;
  const placeId = place?.id;

  const [listing, setListing] = useState<Listing>({ kind: 'loading' });
  const [loads, setLoads] = useState(0);

  useEffect(() => {
    if (placeKind === undefined || placeId === undefined) return;
    const abort = new AbortController();
    const query = { severity, page };
    const target: Place = { kind: placeKind, id: placeId };
    // The same place keeps its list on screen (and the filter its focus) until the new one arrives.
    setListing((current) => (current.kind === 'loaded' && current.place.kind === placeKind && current.place.id === placeId ? current : { kind: 'loading' }));
    (placeKind === 'centre' ? fetchCentreCases(placeId, query, abort.signal) : fetchDistrictCases(placeId, query, abort.signal))
      .then((list) => setListing({ kind: 'loaded', place: target, list }))
      .catch((error: unknown) => {
        if (abort.signal.aborted || staffFailureOf(error).kind === 'session-ended') return;
        setListing(staffRejectionCode(error) === 'NOT_FOUND' ? { kind: 'not-found' } : { kind: 'failed' });
      });
    return () => abort.abort();
  }, [placeKind, placeId, severity, page, loads]);

  function showList(changes: Record<string, string | undefined>) {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value === undefined) next.delete(key);
      else next.set(key, value);
    }
    setParams(next);
  }

  const chooses = scope.facility_id === undefined && scope.level !== 'district';
  const intro = scope.facility_id !== undefined ? t('aefi.introCentre', { centre: scope.name })
    : scope.level === 'district' ? t('aefi.introDistrict', { district: scope.name }) : t('aefi.introChoose');
  const loaded = listing.kind === 'loaded' ? listing.list : undefined;
  const pages = loaded ? Math.max(1, Math.ceil(loaded.total / PER_PAGE)) : 1;
  const reported = handover?.reportedCaseId;

  return (
    <div className="citizen-page">
      <div className="intro">
        <PageHeading>{t('aefi.heading')}</PageHeading>
        <p>{intro}</p>
      </div>
      <div role="status" className="status-region">
        {reported && (
          <p className="notice notice--done">
            {t('aefi.reportedNotice', { id: caseLabel(reported) })}{' '}
            <Link to={`/staff/aefi/cases/${reported}`}>{t('aefi.openCase')}</Link>
          </p>
        )}
      </div>
      {reportingRoles.includes(role) && (
        <p><Link className="button primary" to="/staff/aefi/report">{t('aefi.report')}</Link></p>
      )}
      {chooses && (
        <DistrictChooser
          fixedStateId={scope.level === 'state' ? scope.state_id : undefined}
          stateId={chosenState}
          districtId={chosenDistrict}
          onChoose={(stateId, districtId) => showList({ state: String(stateId), district: String(districtId), page: undefined })}
        />
      )}
      {listing.kind === 'not-found' && place && <p role="alert" className="notice notice--error">{t('aefi.placeNotFound')}</p>}
      {place && listing.kind !== 'not-found' && (
        <section className="step aefi-list" aria-labelledby="cases-heading">
          {loaded && (
            <RadioGroup<'all' | typeof severityOrder[number]>
              id="severity-filter"
              name="severity-filter"
              legend={t('aefi.filter')}
              inline
              options={[
                { value: 'all', label: t('aefi.filterAll', { count: loaded.counts.minor + loaded.counts.severe + loaded.counts.serious }) },
                ...severityOrder.map((s) => ({ value: s, label: t('aefi.filterSeverity', { severity: severityName(t, s), count: loaded.counts[s] }) })),
              ]}
              value={severity ?? 'all'}
              onChange={(value) => showList({ severity: value === 'all' ? undefined : value, page: undefined })}
            />
          )}
          <h2 id="cases-heading">{loaded ? t('aefi.listHeading', { count: loaded.total }) : t('aefi.heading')}</h2>
          <div role="status" className="status-region">
            {listing.kind === 'loading' && <p>{t('aefi.loading')}</p>}
          </div>
          {listing.kind === 'failed' && (
            <div role="alert" className="notice notice--error">
              <p>{t('common.unavailable')}</p>
              <button type="button" onClick={() => setLoads((n) => n + 1)}>{t('common.retry')}</button>
            </div>
          )}
          {loaded && loaded.reports.length === 0 && (
            <p className="empty-state">{severity === undefined ? t('aefi.empty') : t('aefi.emptyFiltered')}</p>
          )}
          {loaded && loaded.reports.length > 0 && (
            <ul className="aefi-cases">
              {loaded.reports.map((entry) => <li key={entry.case_id}><CaseCard entry={entry} showCentre={place.kind === 'district'} /></li>)}
            </ul>
          )}
          {loaded && pages > 1 && (
            <nav className="pager" aria-label={t('aefi.pages')}>
              <button type="button" disabled={page <= 1} onClick={() => showList({ page: String(page - 1) })}>{t('aefi.previous')}</button>
              <span>{t('aefi.page', { page, pages })}</span>
              <button type="button" disabled={page >= pages} onClick={() => showList({ page: String(page + 1) })}>{t('aefi.next')}</button>
            </nav>
          )}
        </section>
      )}
    </div>
  );
}
