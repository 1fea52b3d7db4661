import { useEffect, useState, type ReactNode } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { formatInstant } from '../../citizen/format.js';
import { PageHeading } from '../../citizen/page-heading.js';
import { usePageTitle } from '../../layout/page-title.js';
import { genderName } from '../centre/centre-words.js';
import { staffFailureOf, staffRejectionCode } from '../staff-api.js';
import { useStaffProfile } from '../staff-profile.js';
import { useStaffTranslation } from '../staff-i18n.js';
import { formatDay } from '../staff-words.js';
import { fetchCase, followUpRoles, type AefiCase } from './aefi-api.js';
import { caseLabel, outcomeName, severityName, symptomName } from './aefi-words.js';
import type { CaseLinkState } from './case-card.js';
import { FollowUpForm } from './follow-up-form.js';
import { problemText } from './problem-text.js';

type Loading = { kind: 'loading' } | { kind: 'failed' } | { kind: 'not-found' } | { kind: 'loaded'; found: AefiCase };

/** One case: the dose, the event, and its history, which follow-ups add to and never change. */
export function CasePage() {
  const { t } = useStaffTranslation();
  usePageTitle(t('aefi.caseTitle'));
  const { caseId = '' } = useParams();
  const listSearch = (useLocation().state as Partial<CaseLinkState> | null)?.listSearch ?? '';
  const [loading, setLoading] = useState<Loading>({ kind: 'loading' });
  const [loads, setLoads] = useState(0);

  useEffect(() => {
    const abort = new AbortController();
    setLoading({ kind: 'loading' });
    fetchCase(caseId, abort.signal)
      .then((found) => setLoading({ kind: 'loaded', found }))
      .catch((error: unknown) => {
        if (abort.signal.aborted || staffFailureOf(error).kind === 'session-ended') return;
        // A malformed id is a 400, which means the same as a case that is not there.
        const code = staffRejectionCode(error);
        setLoading(code === 'NOT_FOUND' || code === 'INVALID_INPUT' ? { kind: 'not-found' } : { kind: 'failed' });
      });
    return () => abort.abort();
  }, [caseId, loads]);

  const back = <p><Link className="back-link" to={`/staff/aefi${listSearch}`}>{t('aefi.back')}</Link></p>;
  if (loading.kind !== 'loaded') {
    return (
      <div className="citizen-page citizen-page--narrow">
        {back}
        {loading.kind === 'loading' && <p role="status" className="page-loading">{t('common.loading')}</p>}
        {loading.kind === 'failed' && (
          <div role="alert" className="notice notice--error">
            <p>{t('common.unavailable')}</p>
            <button type="button" onClick={() => setLoads((n) => n + 1)}>{t('common.retry')}</button>
          </div>
        )}
        {loading.kind === 'not-found' && <p role="alert" className="notice notice--warning">{problemText(t, 'caseNotFound')}</p>}
      </div>
    );
  }
  return <CaseDetails found={loading.found} back={back} onChanged={(found) => setLoading({ kind: 'loaded', found })} />;
}

function CaseDetails({ found, back, onChanged }: { found: AefiCase; back: ReactNode; onChanged: (found: AefiCase) => void }) {
  const { t, language } = useStaffTranslation();
  const { role } = useStaffProfile();
  const history = [{ ...found.reported, first: true }, ...found.follow_ups.map((entry) => ({ ...entry, first: false }))];
  return (
    <div className="citizen-page citizen-page--narrow">
      {back}
      <div className="intro">
        <PageHeading>{t('aefi.caseLabel', { id: caseLabel(found.case_id) })}</PageHeading>
      </div>
      <dl className="facts panel">
        <div><dt>{t('aefi.severity')}</dt><dd><span className={`badge severity severity--${found.severity}`}>{severityName(t, found.severity)}</span></dd></div>
        <div><dt>{t('aefi.outcome')}</dt><dd>{outcomeName(t, found.outcome)}</dd></div>
        <div><dt>{t('aefi.onset')}</dt><dd>{formatInstant(found.onset_at, language)}</dd></div>
        <div><dt>{t('aefi.symptomsLegend')}</dt><dd><ul className="symptom-list">{found.symptoms.map((s) => <li key={s}>{symptomName(t, s)}</li>)}</ul></dd></div>
        <div><dt>{t('aefi.vaccine')}</dt><dd>{found.vaccine}</dd></div>
        <div><dt>{t('aefi.dose')}</dt><dd>{found.dose}</dd></div>
        <div><dt>{t('aefi.batch')}</dt><dd className="number">{found.batch_number ?? t('aefi.noBatch')}</dd></div>
        <div><dt>{t('aefi.given')}</dt><dd>{formatDay(found.administered_on, language)}</dd></div>
        <div><dt>{t('aefi.age')}</dt><dd>{t('aefi.ageYears', { count: found.age })}</dd></div>
        <div><dt>{t('aefi.gender')}</dt><dd>{genderName(t, found.gender)}</dd></div>
        <div><dt>{t('aefi.centre')}</dt><dd className="number">{found.facility_id}</dd></div>
        <div><dt>{t('aefi.district')}</dt><dd className="number">{found.district_id}</dd></div>
      </dl>
      <section className="step" aria-labelledby="history-heading">
        <h2 id="history-heading">{t('aefi.historyHeading')}</h2>
        <ol className="aefi-history">
          {/* The history is append-only, so an entry's place in it is its identity. */}
          {history.map((entry, index) => (
            <li key={index} className="panel">
              <h3>{t(entry.first ? 'aefi.reportedEntry' : 'aefi.followUpEntry', { at: formatInstant(entry.at, language) })}</h3>
              <p>
                <span className={`badge severity severity--${entry.severity}`}>{severityName(t, entry.severity)}</span>{' '}
                {outcomeName(t, entry.outcome)}
              </p>
              {entry.notes && <p className="aefi-notes">{entry.notes}</p>}
            </li>
          ))}
        </ol>
      </section>
      {followUpRoles.includes(role)
        ? <FollowUpForm found={found} onSaved={onChanged} />
        : <p className="muted">{t('aefi.followUpWho')}</p>}
    </div>
  );
}
