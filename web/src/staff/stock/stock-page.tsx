import { useEffect, useState } from 'react';
import { PageHeading } from '../../citizen/page-heading.js';
import { usePageTitle } from '../../layout/page-title.js';
import { staffFailureOf, staffRejectionCode } from '../staff-api.js';
import { useStaffProfile } from '../staff-profile.js';
import { useStaffTranslation } from '../staff-i18n.js';
import { BatchList } from './batch-list.js';
import { CentrePicker } from './centre-picker.js';
import { ReceiveBatchForm } from './receive-batch-form.js';
import { fetchBatches, receivingRoles, type Batch } from './stock-api.js';

type Listing = { kind: 'loading' } | { kind: 'loaded'; facilityId: number; batches: Batch[] } | { kind: 'failed' } | { kind: 'not-found' };

/**
 * A centre's stock. Centre staff see their own centre's; administrators above a centre choose one
 * by its ID. Administrators (not vaccinators) receive new batches here.
 */
export function StockPage() {
  const { t } = useStaffTranslation();
  usePageTitle(t('stock.title'));
  const { role, scope } = useStaffProfile();
  const [chosen, setChosen] = useState<number | undefined>(scope.facility_id);
  const [listing, setListing] = useState<Listing>({ kind: 'loading' });
  const [loads, setLoads] = useState(0);
  const [received, setReceived] = useState<Batch>();

  useEffect(() => {
    if (chosen === undefined) return;
    const abort = new AbortController();
    // The same centre again (after receiving a batch) keeps its list, and the form its focus, until the new list arrives.
    setListing((current) => (current.kind === 'loaded' && current.facilityId === chosen ? current : { kind: 'loading' }));
    fetchBatches(chosen, abort.signal)
      .then((batches) => setListing({ kind: 'loaded', facilityId: chosen, batches }))
      .catch((error: unknown) => {
        if (abort.signal.aborted || staffFailureOf(error).kind === 'session-ended') return;
        if (staffRejectionCode(error) === 'NOT_FOUND') {
          setListing({ kind: 'not-found' });
          requestAnimationFrame(() => document.getElementById('centre-id')?.focus());
        } else setListing({ kind: 'failed' });
      });
    return () => abort.abort();
  }, [chosen, loads]);

  const ownCentre = scope.facility_id !== undefined;
  const centre = ownCentre ? scope.name : t('stock.centreNumber', { id: chosen ?? '' });
  const showList = chosen !== undefined && listing.kind !== 'not-found';
  return (
    <div className="citizen-page">
      <div className="intro">
        <PageHeading>{t('stock.heading')}</PageHeading>
        <p>{ownCentre ? t('stock.intro', { centre: scope.name }) : t('stock.introChoose')}</p>
      </div>
      {!ownCentre && (
        <CentrePicker
          notFound={listing.kind === 'not-found'}
          onEdit={() => setListing((current) => (current.kind === 'not-found' ? { kind: 'loading' } : current))}
          onChoose={(id) => {
            setReceived(undefined);
            setChosen(id);
            setLoads((n) => n + 1);
          }}
        />
      )}
      {showList && (
        <section className="step" aria-labelledby="batches-heading">
          <h2 id="batches-heading">{t('stock.listHeading', { centre })}</h2>
          <div role="status" className="status-region">
            {listing.kind === 'loading' && <p>{t('stock.loading')}</p>}
            {received && listing.kind === 'loaded' && (
              <p className="notice notice--done">
                {t('stock.receivedNotice', { batch: received.batch_number, vaccine: received.vaccine, count: received.quantity_received })}
              </p>
            )}
          </div>
          {listing.kind === 'failed' && (
            <div role="alert" className="notice notice--error">
              <p>{t('common.unavailable')}</p>
              <button type="button" onClick={() => setLoads((n) => n + 1)}>{t('common.retry')}</button>
            </div>
          )}
          {listing.kind === 'loaded' && <BatchList batches={listing.batches} />}
        </section>
      )}
      {showList && listing.kind === 'loaded' && receivingRoles.includes(role) && (
        <ReceiveBatchForm
          facilityId={chosen}
          onReceived={(batch) => {
            setReceived(batch);
            setLoads((n) => n + 1);
          }}
          onNotFound={() => setListing({ kind: 'not-found' })}
        />
      )}
    </div>
  );
}
