import { useNavigate } from 'react-router';
import { PageHeading } from '../../citizen/page-heading.js';
import { usePageTitle } from '../../layout/page-title.js';
import { useStaffTranslation } from '../staff-i18n.js';
import { PartnerForm } from './partner-form.js';
import type { PartnerNote } from './partner-page.js';

/** /staff/partners/new: registering goes on to the new partner's page, where its API key is made. */
export function NewPartnerPage() {
  const { t } = useStaffTranslation();
  usePageTitle(t('partners.form.newTitle'));
  const navigate = useNavigate();
  return (
    <div className="citizen-page citizen-page--narrow">
      <div className="intro">
        <PageHeading>{t('partners.form.newHeading')}</PageHeading>
        <p>{t('partners.form.newIntro')}</p>
      </div>
      <PartnerForm
        onSaved={(partner) => {
          const note: PartnerNote = { kind: 'registered', name: partner.name };
          void navigate(`/staff/partners/${encodeURIComponent(partner.id)}`, { replace: true, state: { note } });
        }}
      />
    </div>
  );
}
