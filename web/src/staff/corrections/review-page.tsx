import { useEffect, useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { PageHeading } from '../../citizen/page-heading.js';
import { usePageTitle } from '../../layout/page-title.js';
import { ServerMessage } from '../server-message.js';
import { staffFailureOf } from '../staff-api.js';
import { useStaffTranslation } from '../staff-i18n.js';
import { dailyOpenLimit, openRequest, type RequestUnderReview } from './corrections-api.js';
import { queuePath, type ReviewPageState } from './corrections-navigation.js';
import { DecisionPanel } from './decision-panel.js';
import { RequestDetails } from './request-details.js';

type Refusal = 'not-found' | 'decided' | 'limit' | 'unavailable' | { server: string };
type Reading = { kind: 'asking' } | { kind: 'loading' } | { kind: 'loaded'; request: RequestUnderReview } | { kind: 'failed'; refusal: Refusal };

function refusalOf(error: unknown): Refusal | undefined {
  const failure = staffFailureOf(error);
  if (failure.kind === 'session-ended' || failure.kind === 'password-change-required') return undefined;
  if (failure.kind !== 'rejected') return 'unavailable';
  // A malformed id (400) is as absent as one outside the reviewer's area (404).
  if (failure.code === 'NOT_FOUND' || failure.status === 400) return 'not-found';
  if (failure.code === 'CORRECTION_DECIDED') return 'decided';
  if (failure.code === 'ACCESS_BUDGET_SPENT') return 'limit';
  return { server: failure.message };
}

/**
 * One request opened for review. Opening reads personal data, which the citizen will see in their
 * access history, so it happens only once the reviewer has been told: on the queue's link, or
 * here first when the page is reached any other way (a shared link, a new tab).
 */
export function ReviewPage() {
  const { t } = useStaffTranslation();
  usePageTitle(t('corrections.title'));
  const { requestId = '' } = useParams();
  const acknowledged = (useLocation().state as ReviewPageState | null)?.acknowledged === true;
  const [reading, setReading] = useState<Reading>(acknowledged ? { kind: 'loading' } : { kind: 'asking' });
  const [asked, setAsked] = useState(acknowledged ? 1 : 0);

  useEffect(() => {
    if (asked === 0) return;
    const abort = new AbortController();
    setReading({ kind: 'loading' });
    openRequest(requestId, abort.signal)
      .then((request) => setReading({ kind: 'loaded', request }))
      .catch((error: unknown) => {
        if (abort.signal.aborted) return;
        const refusal = refusalOf(error);
        if (refusal) setReading({ kind: 'failed', refusal });
      });
    return () => abort.abort();
  }, [requestId, asked]);

  const back = <p className="back-link"><Link to={queuePath}>{t('corrections.back')}</Link></p>;
  if (reading.kind === 'loaded') {
    return (
      <div className="citizen-page citizen-page--narrow">
        {back}
        <div className="intro">
          <PageHeading>{t('corrections.reviewHeading', { field: t(`corrections.fields.${reading.request.field}`) })}</PageHeading>
        </div>
        <p className="notice notice--info">{t('corrections.readRecorded')}</p>
        <RequestDetails request={reading.request} />
        <DecisionPanel request={reading.request} />
      </div>
    );
  }
  return (
    <div className="citizen-page citizen-page--narrow">
      {back}
      <div className="intro">
        <PageHeading>{t('corrections.openHeading')}</PageHeading>
        <p>{t('corrections.recordedLong', { limit: dailyOpenLimit })}</p>
      </div>
      <div role="status" className="status-region">{reading.kind === 'loading' && <p>{t('corrections.opening')}</p>}</div>
      {reading.kind === 'failed' && (
        <div role="alert" className="notice notice--error">
          <p><RefusalText refusal={reading.refusal} /></p>
          {reading.refusal === 'unavailable' && <button type="button" onClick={() => setAsked((n) => n + 1)}>{t('common.retry')}</button>}
        </div>
      )}
      {reading.kind === 'asking' && (
        <>
          <p id="open-recorded" className="recorded-warning">{t('corrections.recorded')}</p>
          <p><button type="button" className="primary" aria-describedby="open-recorded" onClick={() => setAsked((n) => n + 1)}>{t('corrections.open')}</button></p>
        </>
      )}
    </div>
  );
}

function RefusalText({ refusal }: { refusal: Refusal }) {
  const { t } = useStaffTranslation();
  if (typeof refusal === 'object') return <ServerMessage message={refusal.server} />;
  switch (refusal) {
    case 'not-found': return t('corrections.notFound');
    case 'decided': return t('corrections.decided');
    case 'limit': return t('corrections.limitReached', { limit: dailyOpenLimit });
    case 'unavailable': return t('common.unavailable');
  }
}
