import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { RadioGroup } from '../../citizen/form-fields.js';
import { PageHeading } from '../../citizen/page-heading.js';
import { usePageTitle } from '../../layout/page-title.js';
import { useStaffProfile } from '../staff-profile.js';
import { useStaffTranslation } from '../staff-i18n.js';
import { StaffNotFound } from '../staff-not-found.js';
import { reportingRoles } from './aefi-api.js';
import type { ListHandover } from './case-list-page.js';
import { CertificateIdentification } from './certificate-identification.js';
import { EventForm, type DoseNamed } from './event-form.js';
import { TodaysDoses } from './todays-doses.js';

type Where = 'today' | 'certificate';

/**
 * Reporting an event (decision 0010): first the dose it followed, with the person's record open at
 * this centre (still open from today's visit, or opened with their certificate and a code to their
 * own mobile), then the event itself.
 */
export function ReportPage() {
  const { t } = useStaffTranslation();
  usePageTitle(t('aefi.reportTitle'));
  const { role } = useStaffProfile();
  const navigate = useNavigate();
  const [where, setWhere] = useState<Where | ''>('');
  const [dose, setDose] = useState<DoseNamed>();

  // Overseers reach cases through the lists; the server refuses their reports anyway.
  if (!reportingRoles.includes(role)) return <StaffNotFound />;

  return (
    <div className="citizen-page citizen-page--narrow">
      <p><Link className="back-link" to="/staff/aefi">{t('aefi.back')}</Link></p>
      <div className="intro">
        <PageHeading>{t('aefi.reportHeading')}</PageHeading>
        <p>{t('aefi.reportIntro')}</p>
      </div>
      <section className="step panel" aria-labelledby="dose-heading">
        <h2 id="dose-heading">{t('aefi.doseHeading')}</h2>
        <RadioGroup<Where>
          id="aefi-where"
          name="aefi-where"
          legend={t('aefi.how')}
          options={[{ value: 'today', label: t('aefi.howToday') }, { value: 'certificate', label: t('aefi.howCertificate') }]}
          value={where}
          onChange={(value) => {
            setWhere(value);
            setDose(undefined);
          }}
        />
        {where === 'today' && <TodaysDoses chosen={dose && 'appointment_id' in dose ? dose.appointment_id : ''} onChoose={(id) => setDose({ appointment_id: id })} />}
        {where === 'certificate' && <CertificateIdentification onOpened={(uvci) => setDose({ certificate_uvci: uvci })} />}
      </section>
      {dose && (
        <EventForm
          dose={dose}
          onReported={(reported) => {
            const handover: ListHandover = { reportedCaseId: reported.case_id };
            void navigate('/staff/aefi', { state: handover });
          }}
        />
      )}
    </div>
  );
}
