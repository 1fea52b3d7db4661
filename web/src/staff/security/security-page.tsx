import { useEffect, useState } from 'react';
import { RadioGroup } from '../../citizen/form-fields.js';
import { PageHeading } from '../../citizen/page-heading.js';
import { usePageTitle } from '../../layout/page-title.js';
import { staffFailureOf } from '../staff-api.js';
import { useStaffTranslation } from '../staff-i18n.js';
import { AlertCard } from './alert-card.js';
import { acknowledgeAlert, fetchAlerts, fetchSuspensions, type Alert, type Alerts, type Suspension } from './security-api.js';
import './security.css';
import { SuspensionCard, type ReinstateOutcome } from './suspension-card.js';

type Listing = { kind: 'loading' } | { kind: 'loaded'; alerts: Alerts; suspensions: Suspension[] } | { kind: 'failed' };

/**
 * /staff/security, for auditors and the national administrator (decision 0015): the credentials
 * suspended now, each with a form to reinstate it, and the alerts, open ones first by default.
 */
export function SecurityPage() {
  const { t } = useStaffTranslation();
  usePageTitle(t('security.title'));
  const [show, setShow] = useState<'open' | 'all'>('open');
  const [listing, setListing] = useState<Listing>({ kind: 'loading' });
  const [loads, setLoads] = useState(0);
  const [notice, setNotice] = useState<{ kind: 'done' | 'warning' | 'error'; text: string }>();
  const [acknowledging, setAcknowledging] = useState<string>();

  useEffect(() => {
    const abort = new AbortController();
    setListing({ kind: 'loading' });
    Promise.all([fetchAlerts(show, abort.signal), fetchSuspensions(abort.signal)])
      .then(([alerts, suspensions]) => setListing({ kind: 'loaded', alerts, suspensions }))
      .catch((error: unknown) => {
        if (abort.signal.aborted || staffFailureOf(error).kind === 'session-ended') return;
        setListing({ kind: 'failed' });
      });
    return () => abort.abort();
  }, [show, loads]);

  const reload = () => setLoads((n) => n + 1);

  function reinstated(outcome: ReinstateOutcome) {
    if (outcome.kind === 'reinstated') setNotice({ kind: 'done', text: t('security.reinstated', { name: outcome.name }) });
    if (outcome.kind === 'gone') setNotice({ kind: 'warning', text: t('security.reinstateGone') });
    if (outcome.kind === 'unavailable') return setNotice({ kind: 'error', text: t('common.unavailable') });
    reload();
  }

  async function acknowledge(alert: Alert) {
    setAcknowledging(alert.id);
    try {
      await acknowledgeAlert(alert.id);
      setNotice({ kind: 'done', text: t('security.acknowledged') });
      reload();
    } catch (error) {
      const failure = staffFailureOf(error);
      if (failure.kind === 'rejected' && failure.code === 'NOT_FOUND') {
        setNotice({ kind: 'warning', text: t('security.acknowledgeGone') });
        reload();
      } else if (failure.kind !== 'session-ended') {
        setNotice({ kind: 'error', text: t('common.unavailable') });
      }
    } finally {
      setAcknowledging(undefined);
    }
  }

  const loaded = listing.kind === 'loaded' ? listing : undefined;
  return (
    <div className="citizen-page">
      <div className="intro">
        <PageHeading>{t('security.heading')}</PageHeading>
        <p>{t('security.intro')}</p>
      </div>
      <div role="status" className="status-region">
        {notice && <p className={`notice notice--${notice.kind}`}>{notice.text}</p>}
        {listing.kind === 'loading' && <p>{t('security.loading')}</p>}
      </div>
      <div className="day-tools">
        <p>{loaded && t('security.openCount', { count: loaded.alerts.open_count })}</p>
        <button type="button" onClick={() => { setNotice(undefined); reload(); }} disabled={listing.kind === 'loading'}>{t('security.refresh')}</button>
      </div>
      {listing.kind === 'failed' && (
        <div role="alert" className="notice notice--error">
          <p>{t('common.unavailable')}</p>
          <button type="button" onClick={reload}>{t('common.retry')}</button>
        </div>
      )}
      {loaded && (
        <>
          <section className="security-section" aria-labelledby="suspended-heading">
            <h2 id="suspended-heading">{t('security.suspendedHeading')}</h2>
            {loaded.suspensions.length === 0
              ? <p className="empty-state">{t('security.suspendedNone')}</p>
              : (
                <>
                  <p>{t('security.suspendedCount', { count: loaded.suspensions.length })}</p>
                  <ul className="security-list">
                    {loaded.suspensions.map((s) => <li key={s.id}><SuspensionCard suspension={s} onDone={reinstated} /></li>)}
                  </ul>
                </>
              )}
          </section>
          <section className="security-section" aria-labelledby="alerts-heading">
            <h2 id="alerts-heading">{t('security.alertsHeading')}</h2>
            <RadioGroup
              id="alert-filter"
              name="alert-filter"
              legend={t('security.show')}
              inline
              options={[{ value: 'open', label: t('security.showOpen') }, { value: 'all', label: t('security.showAll') }]}
              value={show}
              onChange={(value) => { setNotice(undefined); setShow(value); }}
            />
            {loaded.alerts.alerts.length === 0
              ? <p className="empty-state">{show === 'open' ? t('security.alertsNone') : t('security.alertsNoneAll')}</p>
              : (
                <ul className="security-list">
                  {loaded.alerts.alerts.map((alert) => (
                    <li key={alert.id}><AlertCard alert={alert} busy={acknowledging === alert.id} onAcknowledge={(a) => void acknowledge(a)} /></li>
                  ))}
                </ul>
              )}
          </section>
        </>
      )}
    </div>
  );
}
