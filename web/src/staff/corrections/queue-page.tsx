import { useEffect, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { PageHeading } from '../../citizen/page-heading.js';
import { usePageTitle } from '../../layout/page-title.js';
import { staffFailureOf } from '../staff-api.js';
import { useStaffTranslation } from '../staff-i18n.js';
import { dailyOpenLimit, fetchQueue, type Queue } from './corrections-api.js';
import type { QueueNotice, QueuePageState } from './corrections-navigation.js';
import { QueueCard } from './queue-card.js';

type Listing = { kind: 'loading' } | { kind: 'loaded'; queue: Queue } | { kind: 'failed' };

/** The open requests in the reviewer's jurisdiction, oldest first: what and where, never who. */
export function QueuePage() {
  const { t } = useStaffTranslation();
  usePageTitle(t('corrections.title'));
  const location = useLocation();
  const navigate = useNavigate();
  const [listing, setListing] = useState<Listing>({ kind: 'loading' });
  const [loads, setLoads] = useState(0);
  const [notice, setNotice] = useState<QueueNotice>();

  useEffect(() => {
    const arrived = (location.state as QueuePageState | null)?.notice;
    if (!arrived) return;
    // Put in the live region after the first render, so it is announced; and said once, not again on reload.
    setNotice(arrived);
    void navigate(location.pathname, { replace: true, state: null });
  }, [location.state, location.pathname, navigate]);

  useEffect(() => {
    const abort = new AbortController();
    setListing({ kind: 'loading' });
    fetchQueue(abort.signal)
      .then((queue) => setListing({ kind: 'loaded', queue }))
      .catch((error: unknown) => {
        if (abort.signal.aborted || staffFailureOf(error).kind === 'session-ended') return;
        setListing({ kind: 'failed' });
      });
    return () => abort.abort();
  }, [loads]);

  const queue = listing.kind === 'loaded' ? listing.queue : undefined;
  return (
    <div className="citizen-page">
      <div className="intro">
        <PageHeading>{t('corrections.heading')}</PageHeading>
        <p>{t('corrections.intro')}</p>
      </div>
      <p className="notice notice--info">{t('corrections.recordedLong', { limit: dailyOpenLimit })}</p>
      <div role="status" className="status-region">
        {notice && <p className={`notice ${notice.kind === 'approved' || notice.kind === 'rejected' ? 'notice--done' : 'notice--warning'}`}><NoticeText notice={notice} /></p>}
        {listing.kind === 'loading' && <p>{t('corrections.loading')}</p>}
      </div>
      <div className="day-tools">
        <p>{queue && queue.total > 0 && t('corrections.count', { count: queue.total })}</p>
        <button type="button" onClick={() => { setNotice(undefined); setLoads((n) => n + 1); }} disabled={listing.kind === 'loading'}>
          {t('corrections.refresh')}
        </button>
      </div>
      {listing.kind === 'failed' && (
        <div role="alert" className="notice notice--error">
          <p>{t('common.unavailable')}</p>
          <button type="button" onClick={() => setLoads((n) => n + 1)}>{t('common.retry')}</button>
        </div>
      )}
      {queue && (queue.corrections.length === 0
        ? <p className="empty-state">{t('corrections.empty')}</p>
        : (
          <>
            {queue.total > queue.corrections.length && <p className="muted">{t('corrections.shown', { shown: queue.corrections.length, count: queue.total })}</p>}
            <ul className="correction-queue">
              {queue.corrections.map((entry) => <li key={entry.id}><QueueCard entry={entry} /></li>)}
            </ul>
          </>
        ))}
    </div>
  );
}

function NoticeText({ notice }: { notice: QueueNotice }) {
  const { t } = useStaffTranslation();
  switch (notice.kind) {
    case 'approved': {
      const field = t(`corrections.fields.${notice.field}`);
      return notice.certificates === 0
        ? t('corrections.approvedNoCertificate', { field })
        : t('corrections.approved', { field, count: notice.certificates });
    }
    case 'rejected': return t('corrections.rejected', { field: t(`corrections.fields.${notice.field}`) });
    case 'decided': return t('corrections.decided');
    case 'not-found': return t('corrections.notFound');
  }
}
