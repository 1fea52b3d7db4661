import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { usePageTitle } from '../../layout/page-title.js';
import { failureOf, fetchMyData, type CitizenFailure } from '../citizen-api.js';
import { useCitizenTranslation } from '../citizen-i18n.js';
import { saveFile } from '../download.js';
import { formatCowinDay, formatInstant, maskMobile } from '../format.js';
import { PageHeading } from '../page-heading.js';
import { genderLabel, idTypeLabel, useRegistrationLists } from '../use-registration-lists.js';
import { WhoAccessed } from './access-history.js';
import { CorrectionOutcome } from './correction-outcome.js';
import type { MyDataExport } from './my-data-types.js';

type State = { status: 'loading' } | { status: 'loaded'; data: MyDataExport } | { status: 'failed'; failure: CitizenFailure };

/**
 * Shown masked on screen, where others may look on, as everywhere else in Teeka (DESIGN.md §1.3);
 * the download, the owner's own copy, is whole.
 */
function maskNumber(value: string): string {
  if (/^\d{12}$/.test(value)) return `XXXX-XXXX-${value.slice(8)}`;
  const shown = Math.min(4, Math.floor(value.length / 2));
  return 'X'.repeat(Math.max(0, value.length - shown)) + value.slice(value.length - shown);
}

export function MyDataPage() {
  const { t, language } = useCitizenTranslation();
  usePageTitle(t('myData.title'));
  const { lists } = useRegistrationLists();
  const [state, setState] = useState<State>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    setState({ status: 'loading' });
    fetchMyData(controller.signal).then(
      (data) => setState({ status: 'loaded', data }),
      (error: unknown) => {
        if (!controller.signal.aborted) setState({ status: 'failed', failure: failureOf(error) });
      },
    );
    return () => controller.abort();
  }, [attempt]);

  function download(data: MyDataExport) {
    saveFile(new Blob([`${JSON.stringify(data, null, 2)}\n`], { type: 'application/json' }), 'teeka-my-data.json');
  }

  return (
    <div className="citizen-page citizen-page--narrow">
      <p className="back-link"><Link to="/family">{t('common.backToFamily')}</Link></p>
      <div className="intro">
        <PageHeading>{t('myData.heading')}</PageHeading>
        <p>{t('myData.intro')}</p>
      </div>
      <div role="status" className="status-region">{state.status === 'loading' && <p>{t('myData.loading')}</p>}</div>
      {state.status === 'failed' && state.failure.kind !== 'session-ended' && (
        <div className="notice notice--error" role="alert">
          <p>{state.failure.kind === 'rejected' ? state.failure.message : t('common.unavailable')}</p>
          <button type="button" onClick={() => setAttempt((n) => n + 1)}>{t('common.retry')}</button>
        </div>
      )}
      {state.status === 'loaded' && (
        <>
          <div className="panel download-panel">
            <button type="button" className="primary" onClick={() => download(state.data)}>{t('myData.download')}</button>
            <p className="hint">{t('myData.downloadNote')}</p>
            <p className="hint">{t('myData.exportedAt', { at: formatInstant(state.data.exported_at, language) })}</p>
          </div>

          <section className="data-section" aria-labelledby="account-heading">
            <h2 id="account-heading">{t('myData.account')}</h2>
            <dl className="facts">
              <div>
                <dt>{t('myData.mobile')}</dt>
                <dd className="number">{maskMobile(state.data.account.mobile)}</dd>
              </div>
            </dl>
          </section>

          <section className="data-section" aria-labelledby="members-heading">
            <h2 id="members-heading">{t('myData.members')}</h2>
            {state.data.members.length === 0 && <p className="muted">{t('myData.noMembers')}</p>}
            {state.data.members.map((member) => (
              <article key={member.beneficiary_reference_id} className="data-card" aria-labelledby={`data-${member.beneficiary_reference_id}`}>
                <h3 id={`data-${member.beneficiary_reference_id}`}>{member.name}</h3>
                <dl className="facts facts--compact">
                  <div><dt>{t('family.referenceId')}</dt><dd className="number">{member.beneficiary_reference_id}</dd></div>
                  <div><dt>{t('family.birthYear')}</dt><dd>{member.birth_year}</dd></div>
                  <div><dt>{t('family.gender')}</dt><dd>{genderLabel(lists, member.gender, language)}</dd></div>
                  <div className="facts-wide">
                    <dt>{t('family.photoId')}</dt>
                    <dd>{idTypeLabel(lists, member.photo_id_type, language)} <span className="number nowrap">{maskNumber(member.photo_id_number)}</span></dd>
                  </div>
                  <div><dt>{t('myData.comorbidity')}</dt><dd>{member.comorbidity_ind === 'Y' ? t('common.yes') : t('common.no')}</dd></div>
                </dl>
                <h4>{t('myData.doses')}</h4>
                {member.doses.length === 0 ? <p className="muted">{t('myData.noDoses')}</p> : (
                  <ul>
                    {member.doses.map((d) => (
                      <li key={d.dose}>{t('family.doseGiven', { dose: d.dose, vaccine: d.vaccine, date: formatCowinDay(d.date, language) })}</li>
                    ))}
                  </ul>
                )}
                <h4>{t('myData.appointments')}</h4>
                {member.appointments.length === 0 ? <p className="muted">{t('myData.noAppointments')}</p> : (
                  <ul>
                    {member.appointments.map((a) => (
                      <li key={a.appointment_id}>
                        {t('myData.appointment', { dose: a.dose, date: formatCowinDay(a.date, language), slot: a.slot, centre: a.name })}
                      </li>
                    ))}
                  </ul>
                )}
              </article>
            ))}
          </section>

          <section className="data-section" aria-labelledby="corrections-heading">
            <h2 id="corrections-heading">{t('myData.corrections')}</h2>
            {state.data.correction_requests.length === 0 ? <p className="muted">{t('myData.noCorrections')}</p> : (
              <ul className="correction-requests">
                {state.data.correction_requests.map((c) => (
                  <li key={c.id}>
                    <CorrectionOutcome request={c} who={state.data.members.find((m) => m.beneficiary_reference_id === c.beneficiary_reference_id)?.name} />
                  </li>
                ))}
              </ul>
            )}
          </section>

          <WhoAccessed members={state.data.members.map((m) => ({ referenceId: m.beneficiary_reference_id, name: m.name }))} />
        </>
      )}
    </div>
  );
}
