import { Link, useLocation } from 'react-router';
import { formatInstant } from '../../citizen/format.js';
import { genderName } from '../centre/centre-words.js';
import { useStaffTranslation } from '../staff-i18n.js';
import type { AefiListEntry } from './aefi-api.js';
import { caseLabel, outcomeName, severityName } from './aefi-words.js';

/** What the case page's back link returns to: the list as it was, with its filter and page. */
export interface CaseLinkState {
  listSearch: string;
}

/** One case on a list: the dose and the event, with age and gender only. */
export function CaseCard({ entry, showCentre }: { entry: AefiListEntry; showCentre: boolean }) {
  const { t, language } = useStaffTranslation();
  const { search } = useLocation();
  const label = caseLabel(entry.case_id);
  const headingId = `case-${entry.case_id}`;
  const linkState: CaseLinkState = { listSearch: search };
  return (
    <article className="aefi-case" aria-labelledby={headingId}>
      <div className="member-head">
        <h3 id={headingId}>{t('aefi.caseLabel', { id: label })}</h3>
        <span className={`badge severity severity--${entry.severity}`}>{severityName(t, entry.severity)}</span>
      </div>
      <dl className="facts facts--compact">
        <div><dt>{t('aefi.vaccine')}</dt><dd>{entry.vaccine}</dd></div>
        <div><dt>{t('aefi.dose')}</dt><dd>{entry.dose}</dd></div>
        <div><dt>{t('aefi.batch')}</dt><dd className="number">{entry.batch_number ?? t('aefi.noBatch')}</dd></div>
        <div><dt>{t('aefi.onset')}</dt><dd>{formatInstant(entry.onset_at, language)}</dd></div>
        <div><dt>{t('aefi.outcome')}</dt><dd>{outcomeName(t, entry.outcome)}</dd></div>
        <div><dt>{t('aefi.age')}</dt><dd>{t('aefi.ageYears', { count: entry.age })}</dd></div>
        <div><dt>{t('aefi.gender')}</dt><dd>{genderName(t, entry.gender)}</dd></div>
        <div><dt>{t('aefi.reportedAt')}</dt><dd>{formatInstant(entry.reported_at, language)}</dd></div>
        {showCentre && <div><dt>{t('aefi.centre')}</dt><dd className="number">{entry.facility_id}</dd></div>}
      </dl>
      <p>
        <Link className="button" to={`/staff/aefi/cases/${entry.case_id}`} state={linkState} aria-label={t('aefi.openCaseFor', { id: label })}>
          {t('aefi.openCase')}
        </Link>
      </p>
    </article>
  );
}
