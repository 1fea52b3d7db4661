import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { PageHeading } from '../../citizen/page-heading.js';
import { usePageTitle } from '../../layout/page-title.js';
import { fetchCentre } from '../planning/planning-api.js';
import { idOf } from '../planning/planning-words.js';
import { useLoad } from '../planning/use-load.js';
import { useStaffProfile } from '../staff-profile.js';
import { useStaffTranslation } from '../staff-i18n.js';
import { BatchList } from './batch-list.js';
import { CentreChooser } from './centre-chooser.js';
import { ReceiveBatchForm } from './receive-batch-form.js';
import { fetchBatches, receivingRoles, type Batch } from './stock-api.js';

/**
 * A centre's stock. Centre staff see their own centre's; administrators above a centre choose one
 * of their area's centres, or arrive with `?centre=<id>` from the centre's planning page. The
 * centre, district and state stay in the address, so Back returns to the previous choice.
 * Administrators (not vaccinators) receive new batches here.
 */
export function StockPage() {
  const { t } = useStaffTranslation();
  usePageTitle(t('stock.title'));
  const { scope } = useStaffProfile();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const ownCentre = scope.facility_id !== undefined;
  const centreId = ownCentre ? scope.facility_id : idOf(params.get('centre') ?? undefined);
  // Above a centre: its name, and its district for the chooser when the address names only the centre.
  const centre = useLoad(ownCentre || centreId === undefined ? undefined : String(centreId), (signal) => fetchCentre(centreId!, signal));
  const known = centre.state.kind === 'loaded' && centre.state.key === String(centreId) ? centre.state.value : undefined;
  const stateId = scope.level === 'state' ? scope.state_id : idOf(params.get('state') ?? undefined) ?? known?.state_id;
  const districtId = scope.level === 'district' ? scope.district_id : idOf(params.get('district') ?? undefined) ?? known?.district_id;
  const name = ownCentre ? scope.name : known?.centre_name ?? t('stock.centreNumber', { id: centreId ?? '' });
  const place = (district: number | undefined) => (scope.level === 'district' ? '' : `state=${stateId ?? ''}&district=${district ?? ''}&`);

  return (
    <div className="citizen-page">
      <div className="intro">
        <PageHeading>{t('stock.heading')}</PageHeading>
        <p>{centreId === undefined ? t('stock.introChoose') : t('stock.intro', { centre: name })}</p>
      </div>
      {!ownCentre && (
        <CentreChooser
          chosen={{ stateId, districtId, centreId }}
          onChooseDistrict={(chosen) => navigate(`?state=${chosen.stateId}&district=${chosen.districtId}`)}
          onChooseCentre={(id) => navigate(`?${place(districtId)}centre=${id}`)}
        />
      )}
      {centreId !== undefined && (centre.state.kind === 'not-found'
        ? <p className="notice notice--error">{t('stock.centreNotFound')}</p>
        : <CentreStock key={centreId} facilityId={centreId} name={name} />)}
    </div>
  );
}

function CentreStock({ facilityId, name }: { facilityId: number; name: string }) {
  const { t } = useStaffTranslation();
  const { role } = useStaffProfile();
  // A reload after receiving a batch keeps the list, and the form its focus, until the new list arrives.
  const { state, reload } = useLoad(String(facilityId), (signal) => fetchBatches(facilityId, signal));
  const [received, setReceived] = useState<Batch>();
  if (state.kind === 'not-found') return <p className="notice notice--error">{t('stock.centreNotFound')}</p>;
  return (
    <>
      <section className="step" aria-labelledby="batches-heading">
        <h2 id="batches-heading">{t('stock.listHeading', { centre: name })}</h2>
        <div role="status" className="status-region">
          {state.kind === 'loading' && <p>{t('stock.loading')}</p>}
          {received && state.kind === 'loaded' && (
            <p className="notice notice--done">
              {t('stock.receivedNotice', { batch: received.batch_number, vaccine: received.vaccine, count: received.quantity_received })}
            </p>
          )}
        </div>
        {state.kind === 'failed' && (
          <div role="alert" className="notice notice--error">
            <p>{t('common.unavailable')}</p>
            <button type="button" onClick={reload}>{t('common.retry')}</button>
          </div>
        )}
        {state.kind === 'loaded' && <BatchList batches={state.value} />}
      </section>
      {state.kind === 'loaded' && receivingRoles.includes(role) && (
        <ReceiveBatchForm
          facilityId={facilityId}
          onReceived={(batch) => {
            setReceived(batch);
            reload();
          }}
          onNotFound={reload}
        />
      )}
    </>
  );
}
