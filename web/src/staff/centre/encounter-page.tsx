import { useState, type ReactNode } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { PageHeading } from '../../citizen/page-heading.js';
import { usePageTitle } from '../../layout/page-title.js';
import { useStaffProfile } from '../staff-profile.js';
import { useStaffTranslation } from '../staff-i18n.js';
import type { RecordedDose, RosterEntry } from './centre-api.js';
import { genderName } from './centre-words.js';
import { DoneStep } from './done-step.js';
import { DoseStep } from './dose-step.js';
import type { VisitNotice } from './encounter-problems.js';
import { useRoster } from './use-roster.js';
import { VerifyStep } from './verify-step.js';
import { VisitNoticeText } from './visit-notice.js';

/**
 * How another page hands over a visit whose record it has already opened: a walk-in, registered
 * with the code the person read out (decision 0010). The server still refuses the dose if it is not.
 */
export interface EncounterHandover {
  recordOpen: true;
}

/** One person's visit: check it is them, record the dose, show the certificate's id. */
export function EncounterPage() {
  const { t } = useStaffTranslation();
  usePageTitle(t('encounter.title'));
  const { appointmentId } = useParams();
  const recordOpen = (useLocation().state as Partial<EncounterHandover> | null)?.recordOpen === true;
  const { roster, reload } = useRoster();
  // Fetched once, when the visit begins: the person stays on screen after their dose is recorded.
  const found = roster.kind === 'loaded' ? roster.entries.find((e) => e.appointment_id === appointmentId && e.status === 'booked') : undefined;

  const back = <p><Link className="back-link" to="/staff/day">{t('encounter.back')}</Link></p>;
  if (!found) {
    return (
      <div className="citizen-page citizen-page--narrow">
        {back}
        {roster.kind === 'loading' && <p role="status" className="page-loading">{t('day.loading')}</p>}
        {roster.kind === 'failed' && (
          <div role="alert" className="notice notice--error">
            <p>{t('common.unavailable')}</p>
            <button type="button" onClick={reload}>{t('common.retry')}</button>
          </div>
        )}
        {roster.kind === 'loaded' && <p role="alert" className="notice notice--warning">{t('encounter.notOnList')}</p>}
      </div>
    );
  }
  return <Visit entry={found} back={back} recordOpen={recordOpen} />;
}

function Visit({ entry, back, recordOpen }: { entry: RosterEntry; back: ReactNode; recordOpen: boolean }) {
  const { t } = useStaffTranslation();
  const { scope } = useStaffProfile();
  const [step, setStep] = useState<'verify' | 'dose' | RecordedDose>(recordOpen ? 'dose' : 'verify');
  const [notice, setNotice] = useState<VisitNotice>();

  return (
    <div className="citizen-page citizen-page--narrow">
      {back}
      <div className="intro">
        <PageHeading>{t('encounter.heading', { name: entry.name ?? '' })}</PageHeading>
      </div>
      <dl className="facts facts--compact panel">
        <div><dt>{t('day.slot')}</dt><dd className="slot-text">{entry.slot}</dd></div>
        <div><dt>{t('day.dose')}</dt><dd>{entry.dose}</dd></div>
        <div><dt>{t('day.vaccine')}</dt><dd>{entry.vaccine}</dd></div>
        <div><dt>{t('day.age')}</dt><dd>{t('day.ageYears', { count: entry.age })}</dd></div>
        <div><dt>{t('day.gender')}</dt><dd>{genderName(t, entry.gender)}</dd></div>
        <div><dt>{t('day.photoId')}</dt><dd className="number">{entry.photo_id_masked}</dd></div>
      </dl>
      <div role="alert" className="alert-region">{notice && <VisitNoticeText notice={notice} />}</div>
      {step === 'verify' && (
        <VerifyStep appointmentId={entry.appointment_id} locked={notice?.kind === 'locked'} onNotice={setNotice} onOpened={() => setStep('dose')} />
      )}
      {step === 'dose' && scope.facility_id !== undefined && (
        <DoseStep entry={entry} facilityId={scope.facility_id} onNotice={setNotice} onRecorded={setStep} />
      )}
      {typeof step === 'object' && <DoneStep recorded={step} />}
    </div>
  );
}
